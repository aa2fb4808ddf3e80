import { BroError } from '../../../shared/errors';
import type { OpOutput } from '../../../shared/contract';
import { EXIT, need, type Cli, type Command } from '../cli';
import { needOption, settingsFromFlags, writeOutput } from './waiting-io';

type ReportTexts = typeof import('./report-text');

/** The texts for a terminal, loaded when a report is printed (they bring the report tables). */
export const reportTexts = (): Promise<ReportTexts> => import('./report-text');

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
  textOf: (texts: ReportTexts) => (r: OpOutput<O>['report']) => string,
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
  else {
    const text = textOf(await reportTexts());
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
  }
  return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
}

const measuresCommand = (cli: Cli, rest: string[]) =>
  figureCommand(cli, rest, MEASURES_USAGE, 'reports.measures', (t) => t.measuresText);

const OUTCOMES_USAGE = 'bro report outcomes <dir> --from DATE --to DATE [--by school|service]';

const outcomesCommand = (cli: Cli, rest: string[]) =>
  figureCommand(cli, rest, OUTCOMES_USAGE, 'reports.outcomes', (t) => t.outcomesText);

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
    else {
      const { reportText } = await reportTexts();
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
    }
    return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
  },
};
