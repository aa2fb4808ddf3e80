import { calendarDays } from '../../../shared/calendar/days';
import { EXIT, need, type Command } from '../cli';
import { nbDate, pad } from '../cli';
import { TASK_TEXT } from './tasks';

export const casesCommand: Command = {
  name: 'cases',
  help: [['cases <mappe> [--as-of DATO]', 'Sakslisten, med neste frist og forfalte oppgaver per dato']],
  async run(cli, rest) {
    need(rest, 1, 'bro cases <dir> [--as-of DATE]');
    await cli.unlock(rest[0]!);
    const asOf = cli.flags['as-of'];
    const r = await cli.call('cases.list', asOf !== undefined ? { asOf } : {});
    await cli.session.vault?.close();
    const today = r.asOf;
    const rows = r.cases
      .map((c) => ({
        id: c.externalId,
        caseId: c.caseId,
        pupil: c.pupil,
        restricted: c.restricted,
        school: c.school,
        grade: c.grade,
        service: c.service,
        caseworker: c.caseworker,
        openReferral: c.openReferral
          ? { ...c.openReferral, daysSinceReceived: calendarDays(c.openReferral.received, today) }
          : null,
        status: c.status,
        nextDeadline: c.nextDeadline,
        overdue: c.overdue,
      }))
      .sort((a, b) => a.id.localeCompare(b.id, 'nb'));
    const damaged = r.damaged.map((d) => ({
      id: d.caseId,
      caseId: d.caseId,
      status: 'TAMPERED' as const,
      files: d.files.map((f) => f.file),
    }));
    const human = [
      `${pad('Id', 12)} ${pad('Elev', 24)} ${pad('Skole', 22)} ${pad('Tjeneste', 9)} ${pad('Saksbehandler', 20)} ${pad('Åpen henvisning', 32)} Neste frist`,
      ...rows.map(
        (c) =>
          `${pad(c.id || c.caseId.slice(0, 12), 12)} ${pad(c.pupil ?? 'begrenset sak', 24)} ${pad(c.school, 22)} ${pad(c.service ?? '', 9)} ${pad(c.caseworker ?? '–', 20)} ${pad(
            c.openReferral
              ? `mottatt ${nbDate(c.openReferral.received)}, ${c.openReferral.daysSinceReceived} dager`
              : '–',
            32,
          )} ${
            c.nextDeadline
              ? `${nbDate(c.nextDeadline.due)} ${TASK_TEXT[c.nextDeadline.kind].toLowerCase()}${c.overdue ? ` (${c.overdue} forfalt)` : ''}`
              : '–'
          }`,
      ),
      ...damaged.map(
        (d) => `${pad(d.caseId, 12)} SKADET – åpne saken for detaljer, eller kjør «bro vault check»`,
      ),
      `${rows.length} saker${damaged.length ? `, ${damaged.length} skadet` : ''}.`,
    ].join('\n');
    cli.print({ cases: [...rows, ...damaged] }, human);
    return damaged.length ? EXIT.DAMAGED : EXIT.OK;
  },
};
