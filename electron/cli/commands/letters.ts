import { issueText } from '../../../shared/i18n/errors';
import { BroError } from '../../../shared/errors';
import { isLetterKind, LETTER_KINDS } from '../../../shared/letters/kinds';
import { lixBand } from '../../../shared/letters/lix';
import { LETTER_FINDING_TEXT_NB } from '../../../shared/letters/findingTexts';
import type { OpOutput } from '../../../shared/contract';
import { EXIT, need, nbDate, readJsonFile, type Cli, type Command } from '../cli';
import { askSecret } from '../prompt';

/** The P12 password: BRO_P12_PASSWORD when set, else a hidden prompt (twice when creating). */
async function p12Password(cli: Cli, confirm: boolean): Promise<string> {
  const fromEnv = cli.io.env.BRO_P12_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new BroError('USAGE', 'No P12 password: set BRO_P12_PASSWORD or run in a terminal', {
      detail: { reason: 'NO_SECRET' },
    });
  const first = await askSecret('Passord for sertifikatfila (P12): ');
  if (confirm && (await askSecret('Gjenta passordet: ')) !== first)
    throw new BroError('VALIDATION', 'Passwords differ', {
      issues: [{ path: ['password'], code: 'PASSPHRASE_MISMATCH' }],
    });
  return first;
}

/** `--settings FILE`: letter settings, at the top of the file or under "letters" (one file for all settings). */
async function letterSettingsFromFlags(cli: Cli): Promise<{ settings?: unknown }> {
  if (!cli.flags.settings) return {};
  const file = (await readJsonFile(cli.flags.settings)) as Record<string, unknown> | null;
  return { settings: file && typeof file === 'object' && 'letters' in file ? file.letters : file };
}

type Finding = OpOutput<'letters.preview'>['findings'][number];

function findingLine(f: Finding): string {
  const where = f.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./u, '');
  const extra = f.phrase
    ? ` «${f.phrase}»`
    : f.recipientName
      ? ` (${f.recipientName})`
      : f.recipient
        ? ` (${f.recipient})`
        : '';
  const mark = f.severity === 'error' ? 'FEIL    ' : 'ADVARSEL';
  return `  ${mark} ${where || '(brevet)'}: ${LETTER_FINDING_TEXT_NB[f.code]}${extra} [${f.code}]`;
}

export const letterCommand: Command = {
  name: 'letter',
  help: [
    [
      'letter <mappe> --case ID --kind TYPE --out FIL.pdf',
      'Skriv et brev (PDF/A, signert) – valg: --lang nb|nn --draft --sign --p12 FIL --options FIL --settings FIL --pupil-page',
    ],
    [
      'letter <mappe> --case ID --kind TYPE --check',
      'Kontroller brevet (klarhetsreglene og LIX) uten å skrive noe',
    ],
    ['  TYPE', `Brevtypene: ${LETTER_KINDS.join(', ')}`],
  ],
  async run(cli, rest) {
    need(rest, 1, 'bro letter <dir> --case ID --kind KIND --out FILE.pdf');
    const dir = rest[0]!;
    const caseRef = cli.flags.case?.[0];
    const kind = cli.flags.kind;
    if (!caseRef) throw new BroError('USAGE', '--case ID is required');
    if (!kind || !isLetterKind(kind))
      throw new BroError('USAGE', `--kind must be one of ${LETTER_KINDS.join(', ')}`);
    const lang = cli.flags.lang ?? 'nb';
    if (lang !== 'nb' && lang !== 'nn') throw new BroError('USAGE', '--lang must be nb or nn');
    if (!cli.flags.check && !cli.flags.out) throw new BroError('USAGE', '--out FILE.pdf is required');
    if (cli.flags.sign && !cli.flags.p12 && !cli.flags.draft)
      throw new BroError('USAGE', '--sign needs the service certificate: --p12 FILE');
    const fromFile = cli.flags.options ? await readJsonFile(cli.flags.options) : undefined;
    // --pupil-page adds the page for the pupil (options.pupilPage) to what the options file says.
    const options =
      cli.flags['pupil-page'] === true
        ? { ...(fromFile && typeof fromFile === 'object' ? fromFile : {}), pupilPage: true }
        : fromFile;
    const settings = await letterSettingsFromFlags(cli);
    const base = { caseId: caseRef, kind, lang, ...(options !== undefined ? { options } : {}), ...settings };

    if (cli.flags.check) {
      await cli.unlock(dir);
      const r = await cli.call('letters.preview', base);
      await cli.session.vault?.close();
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      cli.print(
        { ok: errors === 0, canIssue: r.canIssue, findings: r.findings, lix: r.lix },
        [
          errors === 0
            ? 'Brevet oppfyller klarhetsreglene og kan sendes.'
            : `Brevet kan ikke sendes ennå: ${errors} feil må rettes.`,
          ...r.findings.map(findingLine),
          `Lesbarhet: LIX ${r.lix.lix} (${lixBand(r.lix.lix)}), ${r.lix.words} ord i ${r.lix.sentences} setninger.`,
        ].join('\n'),
      );
      return errors === 0 ? EXIT.OK : EXIT.INVALID_INPUT;
    }

    // The certificate password is asked for before the vault is opened, so a prompt never waits on an open vault.
    const p12 =
      cli.flags.p12 && !cli.flags.draft
        ? { file: cli.flags.p12, password: await p12Password(cli, false) }
        : undefined;
    await cli.unlock(dir);
    const r = await cli.call('letters.issue', {
      ...base,
      out: cli.flags.out,
      draft: Boolean(cli.flags.draft),
      ...(p12 ? { p12 } : {}),
    });
    await cli.session.vault?.close();
    const errors = r.findings.filter((f) => f.severity === 'error');
    const lines = r.draft
      ? [
          `Utkast skrevet: ${r.file} (${r.pages} sider). Merket UTKAST, ikke signert, ikke registrert som sendt.`,
          ...(errors.length ? [`${errors.length} feil må rettes før brevet kan sendes:`] : []),
          ...r.findings.map(findingLine),
        ]
      : [
          `Brevet er skrevet: ${r.file} (${r.kind}, versjon ${r.version}, ${r.pages} sider).`,
          `Kontrollkode: ${r.code}. Signert med nøkkel ${r.kid}.`,
          r.pades ? `PAdES-signatur: ${r.pades.subject}.` : 'Ingen PAdES-signatur (ingen sertifikatfil).',
          'Brevet er registrert i saken.',
          ...r.findings.map(findingLine),
        ];
    lines.push(`Lesbarhet: LIX ${r.lix} (${lixBand(r.lix)}).`);
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

const REASON_NB: Record<string, string> = {
  DRAFT: 'fila er et utkast og er ikke signert',
  NO_SEAL: 'forseglingen av fila mangler',
  NO_JWS: 'signaturen over brevdataene mangler',
  NO_LETTER_JSON: 'brevdataene (bro-letter.json) mangler',
  UNREADABLE: 'fila kan ikke leses som et Bro-brev',
  SEAL_DIGEST_MISMATCH: 'fila er endret etter at den ble forseglet',
  SEAL_RANGES: 'forseglingen dekker ikke hele fila',
  SEAL_SIGNATURE_MISMATCH: 'forseglingens signatur stemmer ikke',
  SEAL_UNKNOWN_KEY: 'forseglingen er laget med en nøkkel som ikke står i nøkkellista',
  SEAL_PADDING: 'forseglingen er endret',
  JWS_SIGNATURE_MISMATCH: 'signaturen over brevdataene stemmer ikke',
  JWS_UNKNOWN_KEY: 'brevet er signert med en nøkkel som ikke står i nøkkellista',
  PADES_DIGEST_MISMATCH: 'PAdES-signaturen stemmer ikke med innholdet',
  PADES_SIGNATURE_MISMATCH: 'PAdES-signaturen stemmer ikke',
  PADES_PADDING: 'PAdES-signaturen er endret',
  PADES_MISSING: 'PAdES-signaturen er fjernet',
  SEAL_OTHER_LETTER: 'forseglingen gjelder et annet brev',
  KEYS_DIFFER: 'forseglingen og brevsignaturen er laget med ulike nøkler',
  NOT_CANONICAL: 'brevdataene er ikke i kanonisk form',
  CHANGED_AFTER_SIGNING: 'brevet er endret etter signering, og ikke bare ved at svarslippen er fylt ut',
};

const who = (p: { role: string; name: string | null } | null) =>
  p ? (p.name ? `${p.name} (${p.role})` : p.role) : '–';
const date = (d: string | null | undefined) => (d ? nbDate(d) : '–');

export const verifyCommand: Command = {
  name: 'verify',
  help: [
    [
      'verify <fil.pdf> [--jwks FIL]',
      'Kontroller et brev: signaturer, forsegling, og hva det ber om av hvem og når',
    ],
  ],
  async run(cli, rest) {
    need(rest, 1, 'bro verify FILE.pdf [--jwks FILE]');
    const jwks = cli.flags.jwks ? await readJsonFile(cli.flags.jwks) : undefined;
    const r = await cli.call('letters.verify', { file: rest[0]!, ...(jwks !== undefined ? { jwks } : {}) });
    const lines: string[] = [];
    const filled = (r.update?.changes ?? []).filter((c) => c.kind === 'form-field');
    lines.push(
      r.valid
        ? filled.length
          ? 'GYLDIG: brevet er uendret siden det ble signert; bare svarslippen er fylt ut.'
          : 'GYLDIG: brevet er uendret siden det ble signert.'
        : 'UGYLDIG: stol ikke på dette brevet.',
    );
    for (const reason of r.reasons) lines.push(`  – ${REASON_NB[reason] ?? 'kontrollen feilet'} [${reason}]`);
    // What was appended after the signed letter, with the page each change touches (issue 19 item 3).
    if (r.update?.changes.length) {
      lines.push('  Endret etter signering:');
      for (const c of r.update.changes) {
        const code = `CHANGE_${c.kind.toUpperCase().replaceAll('-', '_')}`;
        lines.push(
          `    ${c.page !== null ? `side ${c.page}` : 'dokumentet'}: ${issueText(code)}${c.field ? ` («${c.field}»)` : ''} [${code}]`,
        );
      }
    }
    lines.push(
      `  Signatur over brevdataene (JWS, EdDSA): ${r.jws.valid ? 'gyldig' : 'ugyldig'}${r.jws.kid ? `, nøkkel ${r.jws.kid}` : ''}${r.jws.signer ? `, signert av ${r.jws.signer}` : ''}${r.jws.valid && !r.jws.trusted ? ' (nøkkelen er ikke kontrollert mot en nøkkelliste; bruk --jwks)' : ''}`,
    );
    lines.push(
      `  Forsegling av hele fila: ${!r.seal.present ? 'mangler' : r.seal.valid ? 'gyldig' : 'ugyldig'}`,
    );
    lines.push(
      `  PAdES-signatur: ${!r.pades.present ? 'ingen' : `${r.pades.valid ? 'gyldig' : 'ugyldig'}${r.pades.subject ? `, ${r.pades.subject}` : ''}`}`,
    );
    if (r.code) lines.push(`  Kontrollkode: ${r.code}`);
    const l = r.letter;
    if (l) {
      lines.push(
        '',
        `Brev: ${l.kind}, sak ${l.caseId}, datert ${date(l.date)}, versjon ${l.version}${l.replyBy ? `. Svarfrist: ${date(l.replyBy)}` : ''}.`,
      );
      if (l.recommendations.length) {
        lines.push('Dette ber brevet om:');
        l.recommendations.forEach((m, i) => {
          lines.push(`  ${i + 1}. ${m.what}`);
          lines.push(
            `     Hvem: ${who(m.responsible)} · Ledelsesansvar: ${who(m.leader)} · Fra: ${date(m.start)}`,
          );
          lines.push(
            `     Evalueres: ${m.evaluation ? `${date(m.evaluation.date)} (${m.evaluation.method}; ${m.evaluation.convenedBy} kaller inn)` : '–'}`,
          );
        });
      } else if (l.asks.length) {
        lines.push('Dette ber brevet om:');
        l.asks.forEach((a, i) => lines.push(`  ${i + 1}. ${a.what} – ${a.who ?? '–'}, innen ${date(a.by)}`));
      }
    }
    cli.print(r, lines.join('\n'));
    return r.valid ? EXIT.OK : EXIT.DAMAGED;
  },
};

export const keysCommand: Command = {
  name: 'keys',
  help: [
    ['keys jwks <mappe>', 'Medlemmenes offentlige signeringsnøkler med navn (JWKS), til bro verify --jwks'],
  ],
  async run(cli, rest) {
    if (rest[0] !== 'jwks') throw new BroError('USAGE', 'bro keys jwks <dir>');
    need(rest, 2, 'bro keys jwks <dir>');
    await cli.unlock(rest[1]!);
    const r = await cli.call('keys.jwks', {});
    await cli.session.vault?.close();
    // The key set is JSON either way: it is meant to be saved and handed to whoever verifies.
    cli.io.out(JSON.stringify(r, null, 2) + '\n');
    return EXIT.OK;
  },
};

export const certCommand: Command = {
  name: 'cert',
  help: [
    [
      'cert test <ut.p12> --name NAVN [--org ORG]',
      'Lag et selvsignert testsertifikat (bare for utvikling og test)',
    ],
  ],
  async run(cli, rest) {
    if (rest[0] !== 'test') throw new BroError('USAGE', 'bro cert test <out.p12> --name NAME');
    need(rest, 2, 'bro cert test <out.p12> --name NAME');
    if (!cli.flags.name) throw new BroError('USAGE', '--name NAME is required');
    const password = await p12Password(cli, true);
    const r = await cli.call('cert.test', {
      out: rest[1]!,
      name: cli.flags.name,
      password,
      ...(cli.flags.org ? { organisation: cli.flags.org } : {}),
    });
    cli.print(
      { ok: true, ...r },
      [
        `Testsertifikat skrevet: ${r.file}`,
        `  Subjekt: ${r.subject}`,
        `  SHA-256: ${r.fingerprint}`,
        `  Gyldig til: ${r.notAfter}`,
        'Bare for utvikling og test: det er selvsignert, og ingen leser vil stole på det.',
      ].join('\n'),
    );
    return EXIT.OK;
  },
};
