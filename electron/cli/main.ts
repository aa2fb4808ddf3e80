import { parseArgs } from 'node:util';
import { BroError, formatPath, isBroError } from '../../shared/errors';
import { ERROR_TEXT_NB, issueText, retryAfterNb } from '../../shared/i18n/errors';
import {
  Cli,
  EXIT,
  EXIT_FOR,
  OPTIONS,
  defaultIo,
  maskControl,
  type Command,
  type Flags,
  type Io,
} from './cli';
import { absenceCommand } from './commands/absence';
import { daysCommand, deadlineCommand } from './commands/calendar';
import { caseCommand } from './commands/case';
import { casesCommand } from './commands/cases';
import { demoCommand } from './commands/demo';
import { certCommand, keysCommand, letterCommand, verifyCommand } from './commands/letters';
import { exportCommand, importCommand } from './commands/interchange';
import { innsynCommand, logCommand } from './commands/innsyn';
import { archiveCommand } from './commands/archive';
import { dispatchCommand, lettersCommand } from './commands/dispatch';
import { replyCommand } from './commands/reply';
import { attachCommand } from './commands/attach';
import { memberCommand } from './commands/member';
import { metricsCommand } from './commands/metrics';
import { reportCommand } from './commands/report';
import { tasksCommand } from './commands/tasks';
import { vaultCommand } from './commands/vault';

/** The command table: add a command by adding its module here. */
export const COMMANDS: Command[] = [
  vaultCommand,
  importCommand,
  exportCommand,
  casesCommand,
  caseCommand,
  demoCommand,
  memberCommand,
  daysCommand,
  deadlineCommand,
  tasksCommand,
  absenceCommand,
  reportCommand,
  metricsCommand,
  letterCommand,
  verifyCommand,
  keysCommand,
  certCommand,
  innsynCommand,
  archiveCommand,
  lettersCommand,
  dispatchCommand,
  replyCommand,
  attachCommand,
  logCommand,
];

export { EXIT };

export function helpText(): string {
  const rows = COMMANDS.flatMap((c) => c.help);
  const width = 36;
  const lines = rows.map(([u, d]) =>
    u.length + 2 > 36 ? `  ${u}\n  ${' '.repeat(width)}${d}` : `  ${u.padEnd(width)}${d}`,
  );
  return `bro – krypterte saksmapper for PPT, BUP og Skoleteam

Bruk: bro <kommando> [valg]

${lines.join('\n')}
  ${'help'.padEnd(width)}Denne teksten

Valg for alle kommandoer:
  --json               Maskinlesbar utdata (JSON på stdout)
  --recovery           Lås opp med gjenopprettingsnøkkelen i stedet for passordfrasen
  --today ÅÅÅÅ-MM-DD   Dagens dato for beregninger (standard: i dag)

Passordfrasen leses fra miljøvariabelen BRO_PASSPHRASE når den er satt, ellers spør bro
(skjult inntasting). Gjenopprettingsnøkkelen leses fra BRO_RECOVERY_KEY eller spørres om.

Avslutningskoder:
  0  alt i orden
  1  intern feil
  2  feil bruk av kommandoen
  3  ugyldige data (import, datoer, mappe ikke tom); ingenting er skrevet
  4  skadede filer funnet (TAMPERED) – de andre sakene er urørt
  5  feil passordfrase / arkivet er låst
  6  fant ikke arkivet eller saken
  7  arkivet er fra en nyere versjon av Bro
  8  lese- eller skrivefeil
`;
}

async function run(cli: Cli, positionals: string[]): Promise<number> {
  const [cmd, ...rest] = positionals;
  const command = COMMANDS.find((c) => c.name === cmd);
  if (!command) throw new BroError('USAGE', 'Unknown command');
  return command.run(cli, rest);
}

function report(e: unknown, io: Io, json: boolean): number {
  const err = isBroError(e) ? e : new BroError('INTERNAL', 'Unexpected error');
  if (json) {
    io.out(
      JSON.stringify(
        {
          ok: false,
          error: {
            code: err.code,
            issues: err.issues.map((i) => ({
              path: formatPath(i.path),
              code: i.code,
              ...(i.limit !== undefined ? { limit: i.limit } : {}),
            })),
            detail: err.detail ?? {},
          },
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const lines = [`Feil (${err.code}): ${ERROR_TEXT_NB[err.code]}`];
    if (err.code === 'USAGE') lines.push(`  ${err.message}`);
    if (err.detail?.file) lines.push(`  Fil: ${err.detail.file}`);
    if (typeof err.detail?.retryAfterSeconds === 'number')
      lines.push(`  ${retryAfterNb(err.detail.retryAfterSeconds)}`);
    for (const i of err.issues.slice(0, 200))
      lines.push(`  ${formatPath(i.path) || '(fila)'}: ${issueText(i.code, i.limit)} [${i.code}]`);
    if (err.issues.length > 200) lines.push(`  … og ${err.issues.length - 200} til`);
    io.err(maskControl(lines.join('\n')) + '\n');
  }
  // SECURITY: no stack traces or values on stdout/stderr; an unexpected error shows only its code.
  return EXIT_FOR[err.code];
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    return report(new BroError('USAGE', 'Unknown option'), io, argv.includes('--json'));
  }
  const flags = parsed.values as Flags;
  if (flags.help) {
    io.out(helpText());
    return EXIT.OK;
  }
  let cli: Cli | undefined;
  try {
    const [cmd] = parsed.positionals;
    if (cmd === undefined || cmd === 'help') {
      Cli.checkFlags(flags);
      io.out(helpText());
      return EXIT.OK;
    }
    cli = await Cli.create(flags, io);
    return await run(cli, parsed.positionals);
  } catch (e) {
    await cli?.session.vault?.close().catch(() => {});
    return report(e, io, Boolean(flags.json));
  }
}
