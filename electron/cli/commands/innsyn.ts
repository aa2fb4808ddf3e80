import { actionText, actorText, logTime } from '../../../shared/audit/actions';
import { ROLE_TEXT } from '../../../shared/consent/sharing';
import { BroError } from '../../../shared/errors';
import { EXIT, nbDate, need, pad, type Command } from '../cli';

/** `bro innsyn DIR --case ID --out FILE.pdf`: the whole case for a party, in one PDF/A file. */
export const innsynCommand: Command = {
  name: 'innsyn',
  help: [
    [
      'innsyn <mappe> --case ID --out FIL.pdf',
      'Innsynsfil: hele saken i datorekkefølge, brevene vedlagt, det som holdes tilbake med hjemmel [--lang nn] [--answered] [--to MOTTAKER [--legal-basis TEKST]]',
    ],
  ],
  async run(cli, rest) {
    const usage =
      'bro innsyn <dir> --case ID --out FILE.pdf [--lang nb|nn] [--answered] [--to NAME [--legal-basis TEXT]]';
    need(rest, 1, usage);
    const [dir] = rest as [string];
    const caseId = cli.flags.case?.[0];
    if (!caseId || cli.flags.case!.length > 1) throw new BroError('USAGE', usage);
    if (!cli.flags.out) throw new BroError('USAGE', usage);
    const lang = cli.flags.lang ?? 'nb';
    const to = cli.flags.to;
    const legalBasis = cli.flags['legal-basis'];
    if (legalBasis !== undefined && to === undefined) throw new BroError('USAGE', usage);
    await cli.unlock(dir);
    const r = await cli.call('innsyn.make', {
      caseId,
      out: cli.flags.out,
      lang,
      answer: cli.flags.answered === true,
      ...(to !== undefined ? { to } : {}),
      ...(legalBasis !== undefined ? { legalBasis } : {}),
    });
    await cli.session.vault?.close();
    const lines = [
      `Skrev ${r.file} (${r.pages} sider, ${r.bytes} byte): ${r.entries} oppføringer i datorekkefølge.`,
      `Vedlagt ${r.letters.length} brev${r.letters.length ? ':' : '.'}`,
      ...r.letters.map((l) => `  ${l.name}`),
      r.withheld.length ? `Holdt tilbake (${r.withheld.length}):` : 'Ingenting holdt tilbake.',
      ...r.withheld.map((w) => `  ${w.date ? nbDate(w.date) : '–'}  ${w.what}: ${w.basis}`),
      ...(r.answered ? [`Innsynskravet er registrert som besvart ${nbDate(r.answered.date)}.`] : []),
      ...(r.sharing ? [sharingLine(r.sharing)] : []),
    ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

/** «Utlevert til BUP på grunnlag av samtykke.»: the sharing as the access log records it. */
export function sharingLine(s: { role: string; basis: string }): string {
  const role = (ROLE_TEXT as Record<string, { nb: string } | undefined>)[s.role]?.nb ?? s.role;
  const why =
    s.basis === 'consent' ? 'samtykke' : s.basis === 'legal' ? 'lovgrunnlaget' : 'at mottakeren er part';
  return `Til ${role} på grunnlag av ${why}; tilgangsloggen har mottakerens rolle, ikke navnet.`;
}

/** `bro log DIR [--case ID]`: the access log, who did what when, by member name. */
export const logCommand: Command = {
  name: 'log',
  help: [
    [
      'log <mappe> [--case ID]',
      'Tilgangsloggen: hvem som åpnet, endret, sendte, eksporterte eller slettet hva og når',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro log <dir> [--case ID]';
    need(rest, 1, usage);
    const [dir] = rest as [string];
    if ((cli.flags.case?.length ?? 0) > 1) throw new BroError('USAGE', usage);
    const caseId = cli.flags.case?.[0];
    await cli.unlock(dir);
    const r = await cli.call('audit.list', caseId === undefined ? {} : { caseId });
    await cli.session.vault?.close();
    const rows = r.entries.map((e) =>
      `${logTime(e.at)}  ${pad(actorText(e, 'nb'), 24)} ${pad(actionText(e, 'nb'), Math.max(38, actionText(e, 'nb').length))} ${
        e.caseIds.length > 3 ? `${e.caseIds.length} saker` : e.caseIds.join(' ')
      }`.trimEnd(),
    );
    cli.print(
      { ok: true, entries: r.entries, total: r.total },
      [`Tilgangslogg${caseId ? ` for saken ${caseId}` : ''}: ${r.total} linjer, nyeste først.`, ...rows].join(
        '\n',
      ),
    );
    return EXIT.OK;
  },
};
