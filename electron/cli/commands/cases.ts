import { calendarDays } from '../../../shared/calendar/days';
import { EXIT, need, type Command } from '../cli';
import { nbDate, pad } from '../cli';

export const casesCommand: Command = {
  name: 'cases',
  help: [['cases <mappe>', 'Sakslisten']],
  async run(cli, rest) {
    need(rest, 1, 'bro cases <dir>');
    await cli.unlock(rest[0]!);
    const r = await cli.call('cases.list', {});
    await cli.session.vault?.close();
    const today = cli.session.today();
    const rows = r.cases
      .map((c) => ({
        id: c.externalId,
        caseId: c.caseId,
        pupil: c.pupil,
        school: c.school,
        grade: c.grade,
        service: c.service,
        caseworker: c.caseworker,
        openReferral: c.openReferral
          ? { ...c.openReferral, daysSinceReceived: calendarDays(c.openReferral.received, today) }
          : null,
        status: c.status,
      }))
      .sort((a, b) => a.id.localeCompare(b.id, 'nb'));
    const damaged = r.damaged.map((d) => ({
      id: d.caseId,
      caseId: d.caseId,
      status: 'TAMPERED' as const,
      files: d.files.map((f) => f.file),
    }));
    const human = [
      `${pad('Id', 12)} ${pad('Elev', 24)} ${pad('Skole', 22)} ${pad('Tjeneste', 9)} ${pad('Saksbehandler', 20)} Åpen henvisning`,
      ...rows.map(
        (c) =>
          `${pad(c.id, 12)} ${pad(c.pupil, 24)} ${pad(c.school, 22)} ${pad(c.service ?? '', 9)} ${pad(c.caseworker ?? '–', 20)} ${
            c.openReferral
              ? `mottatt ${nbDate(c.openReferral.received)}, ${c.openReferral.daysSinceReceived} dager`
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
