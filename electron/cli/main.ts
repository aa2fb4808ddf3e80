import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { calendarDays } from '../../shared/calendar/days';
import { isRealDate } from '../../shared/domain/common';
import type { OpName, OpOutput } from '../../shared/contract';
import { BroError, formatPath, isBroError, type ErrorCode } from '../../shared/errors';
import { ERROR_TEXT_NB, issueText } from '../../shared/i18n/errors';
import { call, createHandlers, type Handlers } from '../services/handlers';
import { Session, type Progress } from '../services/session';
import { writeAtomic } from '../services/vault/atomic';
import { readVaultHeader } from '../services/vault/vault';
import { localDeviceId } from './device';
import { askSecret } from './prompt';

/** Exit codes, documented in `bro help` and docs/CLI.md. Scripts depend on them. */
export const EXIT = {
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

const EXIT_FOR: Record<ErrorCode, number> = {
  VAULT_LOCKED: EXIT.ACCESS,
  WRONG_PASSPHRASE: EXIT.ACCESS,
  VAULT_NOT_FOUND: EXIT.NOT_FOUND,
  NOT_FOUND: EXIT.NOT_FOUND,
  VAULT_EXISTS: EXIT.INVALID_INPUT,
  VALIDATION: EXIT.INVALID_INPUT,
  CONFLICT: EXIT.INVALID_INPUT,
  CONSENT_MISSING: EXIT.INVALID_INPUT,
  LETTER_INCOMPLETE: EXIT.INVALID_INPUT,
  VAULT_DAMAGED: EXIT.DAMAGED,
  TAMPERED: EXIT.DAMAGED,
  VAULT_NEWER_FORMAT: EXIT.NEWER_FORMAT,
  IO: EXIT.IO,
  USAGE: EXIT.USAGE,
  INTERNAL: EXIT.INTERNAL,
};

export const HELP = `bro – krypterte saksmapper for PPT, BUP og Skoleteam

Bruk: bro <kommando> [valg]

  vault init <mappe>                 Opprett et nytt saksarkiv (viser gjenopprettingsnøkkelen én gang)
  vault check <mappe>                Dekrypter og kontroller alle filer, bygg indeksen på nytt ved behov
  import <mappe> <fil.json>          Importer saker (bro-interchange/1): alt eller ingenting, kan gjentas
  export <mappe> <ut.json> [--case ID ...]
                                     Eksporter alle saker eller de valgte (id eller saks-id)
  cases <mappe>                      Sakslisten
  demo <mappe> --cases N --seed S    Syntetiske demodata (oppretter arkivet om det mangler)
  help                               Denne teksten

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

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
};

const OPTIONS = {
  json: { type: 'boolean' },
  recovery: { type: 'boolean' },
  today: { type: 'string' },
  case: { type: 'string', multiple: true },
  cases: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

class Cli {
  readonly session: Session;
  readonly handlers: Handlers;
  constructor(
    readonly flags: Flags,
    readonly io: Io,
  ) {
    if (flags.today !== undefined && !isRealDate(flags.today))
      throw new BroError('USAGE', '--today must be a date YYYY-MM-DD');
    this.session = new Session({ deviceId: localDeviceId(), ...(flags.today ? { today: flags.today } : {}) });
    this.handlers = createHandlers(this.session);
  }

  call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>> {
    return call(this.handlers, name, input, this.progress());
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
        { open: 'Åpner', check: 'Kontrollerer', validate: 'Kontrollerer', write: 'Skriver' }[phase] ?? phase;
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
    await readVaultHeader(dir); // a missing or newer vault is reported before asking for a secret
    const input = this.flags.recovery
      ? { dir, recoveryKey: await this.secret('recovery') }
      : { dir, passphrase: await this.secret('passphrase') };
    await this.call('vault.unlock', input);
  }

  print(json: unknown, human: string): void {
    this.io.out(
      this.flags.json ? JSON.stringify(json, null, 2) + '\n' : human.endsWith('\n') ? human : human + '\n',
    );
  }
}

function need(args: string[], n: number, usage: string): void {
  if (args.length < n) throw new BroError('USAGE', usage);
}

async function readJsonFile(file: string): Promise<unknown> {
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

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
const nbDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function run(cli: Cli, positionals: string[]): Promise<number> {
  const [cmd, ...rest] = positionals;
  switch (cmd) {
    case undefined:
    case 'help':
      cli.io.out(HELP);
      return EXIT.OK;

    case 'vault': {
      const [sub, dir] = rest;
      if (sub === 'init') {
        need(rest, 2, 'bro vault init <dir>');
        const passphrase = await cli.secret('passphrase', true);
        const r = await cli.call('vault.create', {
          dir: dir!,
          passphrase,
          ...(cli.flags.name ? { memberName: cli.flags.name } : {}),
        });
        await cli.session.vault?.close();
        cli.print(
          { ok: true, vaultId: r.vaultId, memberId: r.memberId, recoveryKey: r.recoveryKey },
          `Saksarkivet er opprettet.\n\nGjenopprettingsnøkkel (vises bare nå – skriv den ut eller lagre den trygt, atskilt fra maskinen):\n\n  ${r.recoveryKey}\n\nUten passordfrasen og uten denne nøkkelen kan ingen åpne arkivet, heller ikke Bro.`,
        );
        return EXIT.OK;
      }
      if (sub === 'check') {
        need(rest, 2, 'bro vault check <dir>');
        await cli.unlock(dir!);
        const r = await cli.call('vault.check', {});
        await cli.session.vault?.close();
        const lines = [
          r.ok
            ? `Arkivet er i orden: ${r.cases} saker, ${r.events} hendelser, ${r.files} filer kontrollert.`
            : `Fant skader i arkivet (${r.damaged.length} filer):`,
          ...r.damaged.map((d) => `  ${d.code}  ${d.caseId ? `sak ${d.caseId}` : 'arkivfil'}  ${d.file}`),
          ...(r.junk.length
            ? [
                `Filer fra synkroniseringsverktøy eller systemet (ignoreres, kan slettes):`,
                ...r.junk.map((j) => `  ${j}`),
              ]
            : []),
          r.indexRebuilt ? 'Indeksen ble bygget på nytt.' : 'Indeksen var oppdatert.',
        ];
        cli.print(r, lines.join('\n'));
        return r.ok ? EXIT.OK : EXIT.DAMAGED;
      }
      throw new BroError('USAGE', 'bro vault init|check <dir>');
    }

    case 'import': {
      need(rest, 2, 'bro import <dir> <file.json>');
      const [dir, file] = rest as [string, string];
      const input = await readJsonFile(file);
      await cli.unlock(dir);
      const r = await cli.call('interchange.import', { file: input });
      await cli.session.vault?.close();
      cli.print(
        { ok: true, ...r },
        `Importert: ${r.cases} saker – ${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret (${r.events} hendelser).`,
      );
      return EXIT.OK;
    }

    case 'export': {
      need(rest, 2, 'bro export <dir> <out.json> [--case ID]');
      const [dir, out] = rest as [string, string];
      await cli.unlock(dir);
      const r = await cli.call('interchange.export', cli.flags.case?.length ? { cases: cli.flags.case } : {});
      await cli.session.vault?.close();
      // SECURITY: plaintext leaves the vault only here, by the user's explicit choice, written atomically with mode 0600.
      try {
        await writeAtomic(path.resolve(out), JSON.stringify(r.file, null, 2) + '\n');
      } catch {
        throw new BroError('IO', 'Could not write the export file', { detail: { reason: 'WRITE' } });
      }
      const n = (r.file as { cases: unknown[] }).cases.length;
      cli.print(
        { ok: r.skipped.length === 0, cases: n, skipped: r.skipped },
        [
          `Eksportert ${n} saker.`,
          ...r.skipped.map((s) => `Hoppet over skadet sak ${s.caseId} (${s.code}).`),
        ].join('\n'),
      );
      return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
    }

    case 'cases': {
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
    }

    case 'demo': {
      need(rest, 1, 'bro demo <dir> --cases N --seed S');
      const dir = rest[0]!;
      const cases = Number(cli.flags.cases ?? '20');
      if (!Number.isInteger(cases) || cases < 1 || cases > 50_000)
        throw new BroError('USAGE', '--cases must be 1–50000');
      let recoveryKey: string | undefined;
      try {
        await readVaultHeader(dir);
        await cli.unlock(dir);
      } catch (e) {
        if (!(isBroError(e) && e.code === 'VAULT_NOT_FOUND')) throw e;
        const r = await cli.call('vault.create', { dir, passphrase: await cli.secret('passphrase', true) });
        recoveryKey = r.recoveryKey;
      }
      const r = await cli.call('demo.create', {
        cases,
        seed: cli.flags.seed ?? 'bro',
        ...(cli.flags.today ? { today: cli.flags.today } : {}),
      });
      await cli.session.vault?.close();
      cli.print(
        { ok: true, ...r, ...(recoveryKey ? { recoveryKey } : {}) },
        [
          ...(recoveryKey ? [`Nytt demoarkiv. Gjenopprettingsnøkkel: ${recoveryKey}`] : []),
          `Demodata (syntetiske, ingen ekte personer): ${r.created} nye saker, ${r.updated} endret, ${r.unchanged} uendret.`,
        ].join('\n'),
      );
      return EXIT.OK;
    }

    default:
      throw new BroError('USAGE', `Unknown command`);
  }
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
            issues: err.issues.map((i) => ({ path: formatPath(i.path), code: i.code })),
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
    for (const i of err.issues.slice(0, 200))
      lines.push(`  ${formatPath(i.path) || '(fila)'}: ${issueText(i.code)} [${i.code}]`);
    if (err.issues.length > 200) lines.push(`  … og ${err.issues.length - 200} til`);
    io.err(lines.join('\n') + '\n');
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
    io.out(HELP);
    return EXIT.OK;
  }
  let cli: Cli | undefined;
  try {
    cli = new Cli(flags, io);
    return await run(cli, parsed.positionals);
  } catch (e) {
    await cli?.session.vault?.close().catch(() => {});
    return report(e, io, Boolean(flags.json));
  }
}
