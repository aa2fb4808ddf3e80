import { BroError } from '../../../shared/errors';
import type { OpOutput } from '../../../shared/contract';
import type { MeasuresReport } from '../../../shared/measures/report';
import type { OutcomesReport } from '../../../shared/outcomes/report';
import { outcomeColumns, outcomeRows } from '../../../shared/outcomes/table';
import { measureColumns, measureRows } from '../../../shared/measures/table';
import type { WaitingReport } from '../../../shared/waiting/report';
import type { Stats } from '../../../shared/waiting/stats';
import { nbNumber, UNIT_TEXT } from '../../../shared/waiting/table';
import { EXIT, nbDate, need, pad, type Cli, type Command } from '../cli';
import { needOption, settingsFromFlags, writeOutput } from './waiting-io';

const num = (v: number | null, decimals = 1) =>
  v === null ? '–' : nbNumber(Math.round(v * 10 ** decimals) / 10 ** decimals);

function statsLine(s: Stats): string {
  if (s.suppressed) return 'n <5 (prikket)';
  if (!s.n) return 'n 0';
  return `n ${s.n}, median ${num(s.median)}, snitt ${num(s.mean)}, p90 ${num(s.p90)}, maks ${num(s.max)}${
    s.withinTarget === null ? '' : `, innen mål ${num(s.withinTarget * 100)} %`
  }`;
}

/** The report as text for a terminal: one block per group, then the longest open waits. */
export function reportText(r: WaitingReport): string {
  const lines = [
    `Ventetider ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}, ${
      r.service ?? 'alle tjenester'
    }, i ${UNIT_TEXT[r.unit]}${r.suppression ? `; antall under ${r.suppression.below} er prikket` : ''}.`,
  ];
  for (const g of r.groups) {
    const cw = g.caseworkerChanges;
    lines.push(
      '',
      g.key === 'all' ? 'Alle' : g.key,
      `  Ventetid, avsluttet:           ${statsLine(g.ventetid.completed)}`,
      `  Ventetid, venter:              ${statsLine(g.ventetid.waiting)}`,
      `  Saksbehandlingstid, avsluttet: ${statsLine(g.saksbehandlingstid.completed)}`,
      `  Saksbehandlingstid, venter:    ${statsLine(g.saksbehandlingstid.waiting)}`,
      `  Fristbrudd: ${g.fristbrudd ?? '<5'}. Saksbehandlerbytter: ${cw.changes ?? '<5'} på ${
        cw.referrals ?? '<5'
      } henvisninger (${num(cw.perReferral, 2)} per henvisning); dager uten saksbehandler: ${cw.daysWithoutCaseworker ?? ':'}.`,
    );
  }
  const a = r.accessRequests;
  if (a) {
    const n = (v: number | null) => (v === null ? '<5' : String(v));
    lines.push(
      '',
      `Innsynskrav: ${n(a.received)} mottatt i perioden, ${n(a.answered)} besvart (${n(a.answeredWithinMonth)} innen én måned); ${n(a.open)} åpne ved periodens slutt (${n(a.openOverdue)} over fristen).`,
    );
  }
  if (r.openReferrals.length) {
    lines.push('', `Åpne henvisninger, lengst ventetid først (${r.openReferrals.length}):`);
    for (const o of r.openReferrals.slice(0, 20))
      lines.push(
        `  ${pad(o.case, 14)} ${pad(o.referral, 8)} ${pad(o.service, 10)} mottatt ${nbDate(o.received)}  ${o.days} ${
          UNIT_TEXT[r.unit]
        }${o.pastTarget ? '  over målet' : ''}`,
      );
    if (r.openReferrals.length > 20)
      lines.push(`  … og ${r.openReferrals.length - 20} til (se --json eller --format).`);
  }
  return lines.join('\n');
}

/** The measures report as text: one block per group (and the totals), hidden counts as <5 or :. */
export function measuresText(r: MeasuresReport): string {
  const cols = measureColumns().filter((c) => c.path !== null);
  const lines = [
    `Tiltak ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}${
      r.suppression
        ? `; antall under ${r.suppression.below} er prikket («<5»), «:» er skjult så de ikke kan regnes ut`
        : ''
    }.`,
  ];
  for (const g of measureRows(r)) {
    lines.push('', g === r.totals ? 'Sum' : g.key === 'all' ? 'Alle' : g.key);
    for (const c of cols) {
      const v = c.get(g, r);
      lines.push(`  ${pad(c.header, 40)} ${v === null ? '–' : typeof v === 'object' ? v.suppressed : v}`);
    }
  }
  return lines.join('\n');
}

const MEASURES_USAGE = 'bro report measures <dir> --from DATE --to DATE [--by school|month]';

/**
 * `bro report measures` and `bro report outcomes`: the same options, output and exit codes, a
 * different op and text.
 */
async function figureCommand<O extends 'reports.measures' | 'reports.outcomes'>(
  cli: Cli,
  rest: string[],
  usage: string,
  op: O,
  text: (r: OpOutput<O>['report']) => string,
): Promise<number> {
  need(rest, 2, usage);
  const dir = rest[1]!;
  const from = needOption(cli.flags.from, usage);
  const to = needOption(cli.flags.to, usage);
  const format = outputFormat(cli);
  const input = { from, to, ...(cli.flags.by !== undefined ? { by: cli.flags.by } : {}), format };
  await cli.unlock(dir);
  const r = await cli.call(op, input);
  await cli.session.vault?.close();
  let written: { file: string; format: string; bytes: number } | undefined;
  if (cli.flags.out) {
    const bytes = r.file ? Buffer.from(r.file.base64, 'base64') : JSON.stringify(r.report, null, 2) + '\n';
    // SECURITY: the report leaves the vault here, by the user's choice: suppressed, no names, 0600.
    const file = await writeOutput(cli.flags.out, bytes);
    written = { file, format, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
  }
  if (cli.flags.json)
    cli.print({ ...r.report, skipped: r.skipped, ...(written ? { out: written } : {}) }, '');
  else if (!written && format === 'csv') cli.io.out(Buffer.from(r.file!.base64, 'base64').toString('utf8'));
  else if (!written && format === 'json' && cli.flags.format === 'json')
    cli.io.out(JSON.stringify(r.report, null, 2) + '\n');
  else
    cli.print(
      null,
      [
        text(r.report),
        ...(written ? ['', `Skrev ${written.file} (${written.format}, ${written.bytes} byte).`] : []),
        ...r.skipped.map(
          (s) => `Hoppet over skadet sak ${s.caseId} (${s.code}); tallene gjelder de andre sakene.`,
        ),
      ].join('\n'),
    );
  return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
}

const measuresCommand = (cli: Cli, rest: string[]) =>
  figureCommand(cli, rest, MEASURES_USAGE, 'reports.measures', measuresText);

/** The outcomes report as text: one block per group (and the totals), hidden figures as <5 or :. */
export function outcomesText(r: OutcomesReport): string {
  const cols = outcomeColumns().filter((c) => c.path !== null);
  const lines = [
    `Utfall ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}${
      r.suppression
        ? `; antall under ${r.suppression.below} er prikket («<5»), «:» er skjult så de ikke kan regnes ut`
        : ''
    }.`,
  ];
  for (const g of outcomeRows(r)) {
    lines.push('', g === r.totals ? 'Sum' : g.key === 'all' ? 'Alle' : g.key);
    for (const c of cols) {
      const v = c.get(g, r);
      lines.push(
        `  ${pad(c.header, 44)} ${v === null ? '–' : typeof v === 'object' ? v.suppressed : typeof v === 'number' ? nbNumber(v) : v}`,
      );
    }
  }
  return lines.join('\n');
}

const OUTCOMES_USAGE = 'bro report outcomes <dir> --from DATE --to DATE [--by school|service]';

const outcomesCommand = (cli: Cli, rest: string[]) =>
  figureCommand(cli, rest, OUTCOMES_USAGE, 'reports.outcomes', outcomesText);

const FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;

/** Shared by `report waiting` and `metrics merge`: the --by / --workdays / --service options. */
export function reportOptions(cli: Cli) {
  return {
    ...(cli.flags.by !== undefined ? { by: cli.flags.by } : {}),
    ...(cli.flags.service !== undefined ? { service: cli.flags.service } : {}),
    unit: cli.flags.workdays ? 'working' : 'calendar',
  };
}

/** --format, with --out required for the binary formats. */
export function outputFormat(cli: Cli, allowed: readonly string[] = FORMATS): string {
  const format = cli.flags.format ?? 'json';
  if (!allowed.includes(format)) return format; // the contract names the bad value
  if ((format === 'xlsx' || format === 'pdf') && !cli.flags.out)
    throw new BroError('USAGE', `--format ${format} needs --out FILE`);
  return format;
}

export const reportCommand: Command = {
  name: 'report',
  help: [
    [
      'report waiting <mappe> --from DATO --to DATO',
      'Ventetidsrapport: [--service S] [--by month|quarter|school|referrer|caseworker-changes] [--workdays] [--format json|csv|xlsx|pdf] [--out FIL]',
    ],
    [
      'report measures <mappe> --from DATO --to DATO',
      'Tiltak (prikket): aktive, evaluert i tide, skolens svar, uenighet, barrierer [--by school|month] [--json|--format csv|xlsx|pdf] [--out FIL]',
    ],
    [
      'report outcomes <mappe> --from DATO --to DATO',
      'Utfall (prikket): avsluttet etter utfall, fravær ved henvisning, første kontakt og avslutning, signal til henvisning [--by school|service] [--json|--format csv|xlsx|pdf] [--out FIL]',
    ],
  ],
  async run(cli, rest) {
    const [sub, dir] = rest;
    if (sub === 'measures') return measuresCommand(cli, rest);
    if (sub === 'outcomes') return outcomesCommand(cli, rest);
    if (sub !== 'waiting') throw new BroError('USAGE', 'bro report waiting <dir> --from DATE --to DATE');
    need(rest, 2, 'bro report waiting <dir> --from DATE --to DATE');
    const from = needOption(cli.flags.from, 'bro report waiting <dir> --from DATE --to DATE');
    const to = needOption(cli.flags.to, 'bro report waiting <dir> --from DATE --to DATE');
    const format = outputFormat(cli);
    const input = {
      from,
      to,
      ...reportOptions(cli),
      format,
      ...(cli.flags.suppress ? { suppress: true } : {}),
      ...(await settingsFromFlags(cli)),
    };
    await cli.unlock(dir!);
    const r = await cli.call('reports.waiting', input);
    await cli.session.vault?.close();
    let written: { file: string; format: string; bytes: number } | undefined;
    if (cli.flags.out) {
      const bytes = r.file ? Buffer.from(r.file.base64, 'base64') : JSON.stringify(r.report, null, 2) + '\n';
      // SECURITY: the report leaves the vault here, by the user's choice: no names, written 0600.
      const file = await writeOutput(cli.flags.out, bytes);
      written = { file, format, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
    }
    if (cli.flags.json)
      cli.print({ ...r.report, skipped: r.skipped, ...(written ? { out: written } : {}) }, '');
    else if (!written && format === 'csv') cli.io.out(Buffer.from(r.file!.base64, 'base64').toString('utf8'));
    else if (!written && format === 'json' && cli.flags.format === 'json')
      cli.io.out(JSON.stringify(r.report, null, 2) + '\n');
    else
      cli.print(
        null,
        [
          reportText(r.report),
          ...(written ? ['', `Skrev ${written.file} (${written.format}, ${written.bytes} byte).`] : []),
          ...r.skipped.map(
            (s) => `Hoppet over skadet sak ${s.caseId} (${s.code}); tallene gjelder de andre sakene.`,
          ),
        ].join('\n'),
      );
    return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
  },
};
