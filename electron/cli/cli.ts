import { readFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import type { OpName, OpOutput } from '../../shared/contract';
import { isRealDate } from '../../shared/domain/dates';
import { BroError, type ErrorCode } from '../../shared/errors';
import type { Handlers } from '../services/handlers';
import type { Progress, Session } from '../services/session';
import { askSecret } from './prompt';

export /** Exit codes, documented in `bro help` and docs/CLI.md. Scripts depend on them. */
const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  INVALID_INPUT: 3,
  DAMAGED: 4,
  ACCESS: 5,
  NOT_FOUND: 6,
  NEWER_FORMAT: 7,
  IO: 8,
} as const;

export const EXIT_FOR: Record<ErrorCode, number> = {
  VAULT_LOCKED: EXIT.ACCESS,
  WRONG_PASSPHRASE: EXIT.ACCESS,
  TOO_MANY_ATTEMPTS: EXIT.ACCESS,
  ACCESS_REVOKED: EXIT.ACCESS,
  RESTRICTED: EXIT.ACCESS,
  VAULT_NOT_FOUND: EXIT.NOT_FOUND,
  NOT_FOUND: EXIT.NOT_FOUND,
  VAULT_EXISTS: EXIT.INVALID_INPUT,
  VALIDATION: EXIT.INVALID_INPUT,
  CONFLICT: EXIT.INVALID_INPUT,
  DUPLICATE_PUPIL: EXIT.INVALID_INPUT,
  CONSENT_MISSING: EXIT.INVALID_INPUT,
  LETTER_INCOMPLETE: EXIT.INVALID_INPUT,
  LETTER_DATA_MISSING: EXIT.INVALID_INPUT,
  LETTER_OUTDATED: EXIT.INVALID_INPUT,
  NOT_A_LETTER: EXIT.INVALID_INPUT,
  SIGNING_KEY_MISSING: EXIT.ACCESS,
  P12_WRONG_PASSWORD: EXIT.ACCESS,
  P12_INVALID: EXIT.INVALID_INPUT,
  FONT_MISSING: EXIT.IO,
  VAULT_DAMAGED: EXIT.DAMAGED,
  TAMPERED: EXIT.DAMAGED,
  VAULT_NEWER_FORMAT: EXIT.NEWER_FORMAT,
  IO: EXIT.IO,
  USAGE: EXIT.USAGE,
  INTERNAL: EXIT.INTERNAL,
};

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
};

/** Every option of every command (parseArgs is strict, so all are declared here). */
export const OPTIONS = {
  json: { type: 'boolean' },
  recovery: { type: 'boolean' },
  today: { type: 'string' },
  case: { type: 'string', multiple: true },
  cases: { type: 'string' },
  /** bro case restrict|grant|revoke (docs/CLI.md) */
  members: { type: 'string' },
  member: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // waiting times: days, deadline, tasks, report waiting, metrics (docs/CLI.md)
  'as-of': { type: 'string' },
  /** bro absence --import FILE.csv */
  import: { type: 'string' },
  owner: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  service: { type: 'string' },
  by: { type: 'string' },
  workdays: { type: 'boolean' },
  saturday: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  trust: { type: 'string' },
  settings: { type: 'string' },
  suppress: { type: 'boolean' },
  // letters and signing: letter, verify, keys, cert (docs/CLI.md, docs/LETTERS.md); --out and --settings above
  kind: { type: 'string' },
  lang: { type: 'string' },
  options: { type: 'string' },
  draft: { type: 'boolean' },
  'pupil-page': { type: 'boolean' },
  check: { type: 'boolean' },
  sign: { type: 'boolean' },
  p12: { type: 'string' },
  jwks: { type: 'string' },
  org: { type: 'string' },
  // bro case delete
  reason: { type: 'string' },
  yes: { type: 'boolean' },
  'without-archive': { type: 'boolean' },
  // innsyn: record the request as answered (the file is handed over)
  answered: { type: 'boolean' },
  // innsyn and export to someone other than the parties: `--to NAME` (above) and the legal basis
  // when the consent register holds no valid consent to that recipient (issue 14 item 8)
  'legal-basis': { type: 'string' },
  // bro letters / bro dispatch (issue 19 item 2; docs/CLI.md); --to, --out and --settings above
  letter: { type: 'string' },
  guardian: { type: 'string' },
  /** Asks for the national identity number (hidden) or reads BRO_NATIONAL_ID: never a flag value. */
  'national-id': { type: 'boolean' },
  address: { type: 'string' },
  postcode: { type: 'string' },
  place: { type: 'string' },
  // bro attach DIR --case ID FILE [--title TEXT] [--received DATE] (issue 19 item 0)
  title: { type: 'string' },
  received: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

/**
 * SECURITY: text from the vault or the folder (names, file names) goes to a terminal; control
 * characters could rewrite the screen or the title, so they are shown as U+FFFD.
 */
export function maskControl(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}

/** One `bro` command: its help lines and what it does. Commands live in ./commands. */
export interface Command {
  name: string;
  /** Lines for `bro help`: usage, then a Norwegian description. */
  help: [usage: string, description: string][];
  run(cli: Cli, args: string[]): Promise<number>;
}

export class Cli {
  private constructor(
    readonly flags: Flags,
    readonly io: Io,
    readonly session: Session,
    readonly handlers: Handlers,
    private readonly services: typeof import('./services'),
  ) {}

  /** Checks the global flags; `bro help` needs nothing more (it starts fast). */
  static checkFlags(flags: Flags): void {
    if (flags.today !== undefined && !isRealDate(flags.today))
      throw new BroError('USAGE', '--today must be a date YYYY-MM-DD');
  }

  /**
   * The session and the operations, loaded only when a command runs: the schemas, the vault and
   * the letters are most of what `bro` would otherwise load at every start.
   */
  static async create(flags: Flags, io: Io): Promise<Cli> {
    Cli.checkFlags(flags);
    const services = await import('./services');
    // Bro's own small files (device id, unlock attempt records): the per-user config folder, or
    // BRO_CONFIG_DIR (tests, portable setups).
    const config = io.env.BRO_CONFIG_DIR || undefined;
    const session = new services.Session({
      deviceId: services.localDeviceId(config),
      // SECURITY: the wait after wrong passphrases holds across runs: the record is kept on disk.
      stateDir: config ?? 'default',
      ...(flags.today ? { today: flags.today } : {}),
      env: io.env,
    });
    return new Cli(flags, io, session, services.createHandlers(session), services);
  }

  call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>> {
    // The person at the shell names paths themselves.
    return this.services.call(this.handlers, name, input, this.progress(), this.services.CLI_DOOR);
  }

  /** Progress on stderr for people at a terminal; silent for scripts and --json. */
  progress(): Progress | undefined {
    if (this.flags.json || !this.io.isTTY) return undefined;
    let last = -1;
    return (done, total, phase) => {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (pct === last) return;
      last = pct;
      const label =
        {
          open: 'Åpner',
          check: 'Kontrollerer',
          validate: 'Kontrollerer',
          write: 'Skriver',
          'innsyn.read': 'Leser saken',
          'innsyn.render': 'Lager innsynsfilen',
          'innsyn.write': 'Skriver innsynsfilen',
        }[phase] ?? phase;
      this.io.err(`\r${label} … ${pct} % (${done}/${total})${done === total ? '\n' : ''}`);
    };
  }

  async secret(kind: 'passphrase' | 'recovery', confirm = false): Promise<string> {
    const envName = kind === 'passphrase' ? 'BRO_PASSPHRASE' : 'BRO_RECOVERY_KEY';
    const fromEnv = this.io.env[envName];
    if (fromEnv) return fromEnv;
    if (!process.stdin.isTTY)
      throw new BroError('USAGE', `No ${kind}: set ${envName} or run in a terminal`, {
        detail: { reason: 'NO_SECRET' },
      });
    const label = kind === 'passphrase' ? 'Passordfrase: ' : 'Gjenopprettingsnøkkel: ';
    const first = await askSecret(label);
    if (confirm && (await askSecret('Gjenta passordfrasen: ')) !== first)
      throw new BroError('VALIDATION', 'Passphrases differ', {
        issues: [{ path: ['passphrase'], code: 'PASSPHRASE_MISMATCH' }],
      });
    return first;
  }

  async unlock(dir: string): Promise<void> {
    await this.services.readVaultHeader(dir); // a missing or newer vault is reported before asking for a secret
    const input = this.flags.recovery
      ? { dir, recoveryKey: await this.secret('recovery') }
      : { dir, passphrase: await this.secret('passphrase') };
    await this.call('vault.unlock', input);
  }

  print(json: unknown, human: string): void {
    if (this.flags.json) {
      this.io.out(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    const safe = maskControl(human);
    this.io.out(safe.endsWith('\n') ? safe : safe + '\n');
  }
}

export function need(args: string[], n: number, usage: string): void {
  if (args.length < n) throw new BroError('USAGE', usage);
}

export async function readJsonFile(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new BroError('IO', 'Could not read the input file', { detail: { reason: 'READ' } });
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new BroError('VALIDATION', 'The input file is not JSON', {
      issues: [{ path: [], code: 'NOT_JSON' }],
    });
  }
}

export const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
export { nbDate } from '../../shared/calendar/days';
