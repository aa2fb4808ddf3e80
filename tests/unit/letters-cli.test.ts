import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { base64url, flattenedVerify, importJWK } from 'jose';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { emptyVault, PASS } from './cli-vault.fixture';
import { Vault } from '../../electron/services/vault/vault';
import { caseDoc, type CaseDoc } from '../../shared/domain/caseDoc';
import { generateDemo } from '../../shared/demo/generate';
import { stableStringify } from '../../shared/json';
import { DEFAULT_LETTER_SETTINGS, LETTER_KINDS, prepareLetter, type LetterKind } from '../../shared/letters';
import {
  completeCase,
  completeSchoolFactors,
  KIND_OPTIONS,
  optionsIn,
} from '../../shared/letters/letters.fixture';

/**
 * `bro letter`, `bro verify`, `bro keys jwks` and `bro cert test` end to end: the real CLI entry
 * in-process, a real vault, real PDFs checked with poppler (pdftotext, pdfinfo, pdfsig,
 * pdfdetach) and qpdf, real Ed25519 and RSA signatures. No mocks.
 */
const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..', '..');
const P12_PASS = 'test-sertifikat æøå';
const TODAY = '2026-07-01';
const DEMO_TODAY = '2026-11-26';
const ENV = { BRO_PASSPHRASE: PASS, BRO_P12_PASSWORD: P12_PASS };
const example = JSON.parse(
  readFileSync(path.join(ROOT, 'tests', 'fixtures', 'interchange-example.json'), 'utf8'),
);

const tempDir = tempDirs('bro-letters-test-');
const bro = (args: string[], env: Record<string, string> = ENV) => runCli(args, env);

function writeJson(dir: string, name: string, obj: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, JSON.stringify(obj));
  return f;
}

const text = async (pdf: string) => (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
const pdfinfo = async (pdf: string, ...args: string[]) => (await run('pdfinfo', [...args, pdf])).stdout;
async function pdfsig(pdf: string) {
  // pdfsig exits non-zero for an untrusted (self-signed) certificate; its report is what counts.
  try {
    return (await run('pdfsig', [pdf])).stdout;
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
}
async function qpdfCheck(pdf: string) {
  const r = await run('qpdf', ['--check', pdf]);
  return r.stdout;
}

/** The letter options a caseworker would record for the example (it has no consents). */
const LEGAL = {
  rektor: 'Forvaltningsloven § 13 b nr. 1 (samtykke gitt muntlig, under skriftlig bekreftelse)',
};
function exampleOptions(kind: LetterKind) {
  return {
    ...KIND_OPTIONS[kind],
    legalBasis: { ...LEGAL, kontaktlærer: LEGAL.rektor },
    ...(kind === 'mottaksbrev' ? { expectedFirstContact: '2026-07-10' } : {}),
  };
}

let vault: string;
let work: string;
let p12: string;

beforeAll(async () => {
  work = tempDir();
  // Made with a low scrypt cost so the ~60 unlocks below stay quick (cli-vault.fixture.ts).
  vault = await emptyVault(work);
  // The INTERCHANGE.md example as c-0001, with one meeting added so a møtereferat is possible,
  // and the complete fixture as c-0002.
  const withMeeting = structuredClone(example);
  withMeeting.cases[0].meetings = [completeCase().meetings![0]];
  // The school-factor checklist done (SCHOOL_FACTORS_MISSING is tested in shared/letters/schoolSide.test.ts).
  withMeeting.cases[0].schoolFactors = completeSchoolFactors();
  // … and the sakkyndig vurdering's conclusion, which the example does not have.
  withMeeting.cases[0].assessmentConclusion = completeCase().assessmentConclusion;
  // The example's texts are bokmål: for its nynorsk letters the caseworker has recorded why they are
  // printed as written (CASE_TEXT_BOKMAL is an error until then; tests/e2e/letters.spec.ts resolves it in the app).
  const keepAsWritten = { keepReason: 'Foresatte har bedt om at teksten står slik den ble skrevet.' };
  withMeeting.cases[0].nynorsk = Object.fromEntries(
    [
      'pupilVoice',
      'parentsView',
      ...['what', 'frequency', 'trialPeriod', 'goal', 'resources'].map((f) => `recommendations/t-1/${f}`),
      ...['content', 'organisation', 'viewsWeighed'].map((f) => `assessmentConclusion/${f}`),
      // The meeting's decisions and agreements are case text too.
      ...withMeeting.cases[0].meetings.flatMap(
        (m: { id?: string; date: string; decisions?: unknown[]; agreements?: unknown[]; note?: string }) => [
          ...(m.decisions ?? []).map((_, i) => `meetings/${m.id ?? m.date}/decisions.${i}`),
          ...(m.agreements ?? []).map((_, i) => `meetings/${m.id ?? m.date}/agreements.${i}.what`),
          `meetings/${m.id ?? m.date}/note`,
        ],
      ),
    ].map((k) => [k, keepAsWritten]),
  );
  const complete = { ...completeCase(), id: 'c-0002' };
  const file = writeJson(work, 'cases.json', {
    format: 'bro-interchange/1',
    // c-0003: the complete case from before the conclusion was part of the case.
    cases: [withMeeting.cases[0], complete, { ...completeCase(), id: 'c-0003', assessmentConclusion: null }],
  });
  expect((await bro(['import', vault, file])).code).toBe(0);
  expect((await bro(['demo', vault, '--cases', '30', '--seed', 'brev', '--today', DEMO_TODAY])).code).toBe(0);
  p12 = path.join(work, 'ppt-baerum.p12');
  const cert = await bro(['cert', 'test', p12, '--name', 'PPT Bærum', '--org', 'Bærum kommune', '--json']);
  expect(cert.code).toBe(0);
  expect(cert.json.subject).toBe('CN=PPT Bærum, O=Bærum kommune, C=NO');
});

async function issue(args: string[], env = ENV) {
  return bro(['letter', vault, ...args, '--json'], env);
}

async function letters(caseRef: string) {
  const v = await Vault.unlock(vault, { passphrase: PASS });
  try {
    const { cases } = await v.listCases();
    const id = cases.find((c) => c.externalId === caseRef)!.caseId;
    return (await v.fold(id)).letters;
  } finally {
    await v.close();
  }
}

describe('bro cert test and bro keys jwks', () => {
  it('writes a P12 readable only by its owner and never overwrites one', async () => {
    expect(statSync(p12).mode & 0o077).toBe(0);
    const again = await bro(['cert', 'test', p12, '--name', 'PPT Bærum', '--json']);
    expect(again.code).toBe(3);
    expect(again.json.error.issues).toEqual([{ path: 'out', code: 'FILE_EXISTS' }]);
  });

  it('exports the members’ public keys with their names', async () => {
    const r = await bro(['keys', 'jwks', vault]);
    expect(r.code).toBe(0);
    expect(r.json.keys).toHaveLength(1);
    expect(r.json.keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      name: 'Ola Hansen',
    });
    expect(r.json.keys[0]).not.toHaveProperty('d');
  });
});

/** Key words per kind (pdftotext joins lines differently from the layout; these survive it). */
const WORDS: Record<LetterKind, { nb: string[]; nn: string[] }> = {
  anbefaling: {
    nb: ['Anbefaling til skolen', 'Elevens stemme', 'Ansvarsfordeling', 'Svarslipp fra rektor'],
    nn: ['Tilråding til skulen', 'Eleven si stemme', 'Ansvarsfordeling', 'Svarslipp frå rektor'],
  },
  'sakkyndig-vurdering': {
    nb: ['Sakkyndig vurdering', 'Realistiske mål for opplæringen', 'Konklusjon'],
    nn: ['Sakkunnig vurdering', 'Realistiske mål for opplæringa', 'Konklusjon'],
  },
  // «Vi har mottatt henvisningen», or «Foreløpig svar» once first contact is had: both say when it came.
  mottaksbrev: {
    nb: ['Vi mottok henvisningen', 'Råd i ventetiden'],
    nn: ['Vi fekk tilvisinga', 'Råd i ventetida'],
  },
  'ny-kontaktperson': { nb: ['Ny kontaktperson', 'Tidligere'], nn: ['Ny kontaktperson', 'Tidlegare'] },
  motereferat: {
    nb: ['Referat fra møte', 'Til stede', 'Avtaler'],
    nn: ['Referat frå møte', 'Til stades', 'Avtalar'],
  },
  tiltaksoversikt: { nb: ['Tiltaksoversikt', 'Skolens svar'], nn: ['Tiltaksoversikt', 'Svar frå skulen'] },
  oppfolgingsbrev: {
    nb: ['Oppfølging av avtaler', 'Over fristen'],
    nn: ['Oppfølging av avtalar', 'Over fristen'],
  },
  avslutningsbrev: {
    nb: ['Avslutning av henvisningen', 'Hvem har ansvaret'],
    nn: ['Avslutning av tilvisinga', 'Kven har ansvaret'],
  },
  overgangsbrev: {
    nb: ['Overgangsbrev for', 'Trygge voksne', 'Besøk før oppstart'],
    nn: ['Overgangsbrev for', 'Trygge vaksne', 'Besøk før oppstarten'],
  },
  innkalling: {
    nb: ['Innkalling til møte', 'Hvem må møte', 'Saksliste'],
    nn: ['Innkalling til møte', 'Kven må møte', 'Sakliste'],
  },
};

describe('every kind, in bokmål and nynorsk, from the INTERCHANGE.md example', () => {
  for (const kind of LETTER_KINDS)
    it(kind, async () => {
      for (const lang of ['nb', 'nn'] as const) {
        const opts = writeJson(work, `opts-${kind}-${lang}.json`, optionsIn(exampleOptions(kind), lang));
        const out = path.join(work, `ex-${kind}-${lang}.pdf`);
        if (kind === 'mottaksbrev') {
          // The example's pupil has had first contact: a mottaksbrev would promise what has happened.
          const r = await issue([
            '--case',
            'c-0001',
            '--kind',
            kind,
            '--lang',
            lang,
            '--out',
            out,
            '--options',
            opts,
            '--today',
            TODAY,
          ]);
          expect(r.code).toBe(3);
          expect(r.json.error).toMatchObject({
            code: 'LETTER_OUTDATED',
            issues: [{ code: 'FIRST_CONTACT_RECORDED' }],
          });
          expect(existsSync(out)).toBe(false);
          continue;
        }
        const r = await issue([
          '--case',
          'c-0001',
          '--kind',
          kind,
          '--lang',
          lang,
          '--out',
          out,
          '--options',
          opts,
          '--today',
          TODAY,
        ]);
        expect(r.code, JSON.stringify(r.json)).toBe(0);
        expect(r.json).toMatchObject({ ok: true, kind, lang, draft: false, pades: null });
        const t = await text(out);
        for (const w of WORDS[kind][lang]) expect(t).toContain(w);
        expect(t).toContain('Áile Nango');
        expect(t).toContain(lang === 'nb' ? 'Unntatt offentlighet' : 'Unnateke offentlegheit');
        expect(t).toContain(`Kontrollkode: ${r.json.code}`);
        expect(t).toMatch(/Side 1 av \d/u);
        expect(await qpdfCheck(out)).toContain('No syntax or stream encoding errors');
        const info = await pdfinfo(out);
        expect(info).toMatch(/Tagged:\s+yes/u);
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
        const meta = await pdfinfo(out, '-meta');
        expect(meta).toContain('<pdfaid:part>3</pdfaid:part>');
        expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
        const fonts = (await run('pdffonts', [out])).stdout;
        expect(fonts).toContain('NotoSans');
        expect(fonts).not.toMatch(/\bno\s+yes\s+yes\b|Helvetica/u); // every font embedded, no base-14 font
        const v = await bro(['verify', out, '--json']);
        expect(v.code).toBe(0);
        expect(v.json).toMatchObject({ valid: true, letter: { kind, caseId: 'c-0001', lang } });
      }
    });
});

describe('every kind, in bokmål and nynorsk, from a bro demo case', () => {
  const demo = generateDemo({ cases: 30, seed: 'brev', today: DEMO_TODAY });
  /** A demo case this kind can be written for, with the options that record the caseworker's decisions. */
  function pick(kind: LetterKind) {
    for (const c of demo.cases) {
      const doc = caseDoc.parse(c) as CaseDoc;
      let findings;
      try {
        // Issuable as it stands in both languages: a nynorsk letter needs the case's nynorsk texts.
        findings = (['nb', 'nn'] as const).flatMap((lang) =>
          prepareLetter({
            doc,
            kind,
            lang,
            options: {
              ...optionsIn(KIND_OPTIONS[kind], lang),
              ...(kind === 'mottaksbrev' ? { expectedFirstContact: '2026-12-10' } : {}),
            },
            settings: DEFAULT_LETTER_SETTINGS,
            today: DEMO_TODAY,
            letterId: 'a'.repeat(26),
            version: 1,
            draft: false,
            signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
          }).findings.filter((f) => f.severity === 'error'),
        );
      } catch {
        continue;
      }
      const decidable = new Set([
        'CONSENT_MISSING',
        'VAGUE_PHRASE',
        'PUPIL_VOICE_MISSING',
        'PARENTS_VIEW_MISSING',
        'SCHOOL_ENVIRONMENT_MISSING',
        'EXPECTED_CONTACT_MISSING',
      ]);
      if (!findings.every((f) => decidable.has(f.code))) continue;
      const legalBasis: Record<string, string> = {};
      const keep: { phrase: string; path: string; reason: string }[] = [];
      const reasons: Record<string, string> = {};
      for (const f of findings) {
        if (f.code === 'CONSENT_MISSING') legalBasis[f.recipient!] = 'Forvaltningsloven § 13 b nr. 1';
        if (f.code === 'VAGUE_PHRASE')
          keep.push({
            phrase: f.phrase!,
            path: f.path
              .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
              .join('')
              .slice(1),
            reason: 'Avtalt ordlyd i møtet med foresatte.',
          });
        if (f.code === 'PUPIL_VOICE_MISSING') reasons.pupilVoice = 'Eleven ønsket ikke samtale nå.';
        if (f.code === 'PARENTS_VIEW_MISSING') reasons.parentsView = 'Foresatte har ikke svart ennå.';
        if (f.code === 'SCHOOL_ENVIRONMENT_MISSING')
          reasons.schoolEnvironment = 'Skolemiljøet er undersøkt uten funn.';
      }
      return {
        id: c.id,
        name: c.pupil.name,
        options: {
          ...KIND_OPTIONS[kind],
          legalBasis,
          keep,
          reasons,
          ...(kind === 'mottaksbrev' ? { expectedFirstContact: '2026-12-10' } : {}),
        },
      };
    }
    throw new Error(`no demo case for ${kind}`);
  }

  for (const kind of LETTER_KINDS)
    it(kind, async () => {
      const p = pick(kind);
      for (const lang of ['nb', 'nn'] as const) {
        const opts = writeJson(work, `demo-opts-${kind}-${lang}.json`, optionsIn(p.options, lang));
        const out = path.join(work, `demo-${kind}-${lang}.pdf`);
        const r = await issue([
          '--case',
          p.id,
          '--kind',
          kind,
          '--lang',
          lang,
          '--out',
          out,
          '--options',
          opts,
          '--today',
          DEMO_TODAY,
        ]);
        expect(r.code, JSON.stringify(r.json)).toBe(0);
        const t = await text(out);
        for (const w of WORDS[kind][lang]) expect(t).toContain(w);
        expect(t).toContain(p.name);
        expect(await qpdfCheck(out)).toContain('No syntax or stream encoding errors');
        expect((await bro(['verify', out, '--json'])).json.valid).toBe(true);
      }
      // The decisions are recorded with the letter.
      const issued = (await letters(p.id)).filter((l) => l.kind === kind);
      expect(issued.length).toBeGreaterThanOrEqual(2);
      expect(issued.at(-1)!.options).toEqual(optionsIn(p.options, 'nn'));
    });
});

describe('PAdES with a certificate whose name has æøå', () => {
  let signed: string;
  beforeAll(async () => {
    signed = path.join(work, 'signert.pdf');
    const opts = writeJson(work, 'signed-opts.json', exampleOptions('anbefaling'));
    const r = await issue([
      '--case',
      'c-0001',
      '--kind',
      'anbefaling',
      '--out',
      signed,
      '--options',
      opts,
      '--sign',
      '--p12',
      p12,
      '--today',
      TODAY,
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(r.json.pades).toEqual({ subject: 'CN=PPT Bærum, O=Bærum kommune, C=NO' });
  });

  it('verifies in pdfsig, which shows "PPT Bærum" as written', async () => {
    const sig = await pdfsig(signed);
    expect(sig).toContain('Signer Certificate Common Name: PPT Bærum');
    expect(sig).toContain('O=Bærum kommune');
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(await qpdfCheck(signed)).toContain('No syntax or stream encoding errors');
    expect(await pdfinfo(signed, '-meta')).toContain('<pdfaid:part>3</pdfaid:part>');
  });

  it('carries the letter as JSON with a JWS that verifies with the member key (jose, not Bro)', async () => {
    const list = (await run('pdfdetach', ['-list', signed])).stdout;
    expect(list).toContain('bro-letter.json');
    expect(list).toContain('bro-letter.jws');
    const dir = tempDir();
    await run('pdfdetach', ['-saveall', '-o', dir, signed]);
    const json = readFileSync(path.join(dir, 'bro-letter.json'));
    const jws = readFileSync(path.join(dir, 'bro-letter.jws'), 'ascii');
    // RFC 8785: the attachment is its own canonical form.
    expect(stableStringify(JSON.parse(json.toString('utf8')))).toBe(json.toString('utf8'));
    const [prot, empty, signature] = jws.split('.');
    expect(empty).toBe('');
    const keys = (await bro(['keys', 'jwks', vault])).json.keys;
    const header = JSON.parse(Buffer.from(prot!, 'base64url').toString('utf8'));
    expect(header).toMatchObject({ alg: 'EdDSA', kid: keys[0].kid, typ: 'bro-letter+jws' });
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: keys[0].x }, 'EdDSA');
    const ok = await flattenedVerify(
      { protected: prot!, payload: base64url.encode(json), signature: signature! },
      key,
    );
    expect(Buffer.from(ok.payload).equals(json)).toBe(true);
    // The footer code is the letter's hash: the page and the data belong together.
    const hash = createHash('sha256').update(json).digest('hex');
    const issuedLetters = await letters('c-0001');
    const mine = issuedLetters.find((l) => l.contentHash === hash)!;
    expect(mine).toMatchObject({ kind: 'anbefaling', kid: keys[0].kid });
    expect(await text(signed)).toContain(`Kontrollkode: ${mine.code}`);
  });

  it('bro verify: valid, with who signed, and what the letter asks of whom by when', async () => {
    const jwks = writeJson(work, 'jwks.json', (await bro(['keys', 'jwks', vault])).json);
    const r = await bro(['verify', signed, '--jwks', jwks, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      valid: true,
      reasons: [],
      jws: { valid: true, signer: 'Ola Hansen', trusted: true },
      seal: { present: true, valid: true },
      pades: { present: true, valid: true, subject: 'CN=PPT Bærum, O=Bærum kommune, C=NO' },
      letter: {
        kind: 'anbefaling',
        caseId: 'c-0001',
        recommendations: [
          {
            what: 'Fleksibel oppstart: eleven møter kl. 10 med fast voksen i garderoben.',
            responsible: { role: 'kontaktlærer', name: 'Per Berg' },
            leader: { role: 'rektor', name: 'Anne Dahl' },
            start: '2026-05-11',
            evaluation: { date: '2026-06-22', method: 'fraværsoversikt og elevsamtale', convenedBy: 'PPT' },
          },
        ],
      },
    });
    const human = await bro(['verify', signed]);
    expect(human.code).toBe(0);
    expect(human.out).toContain('GYLDIG');
    expect(human.out).toContain(
      'Hvem: Per Berg (kontaktlærer) · Ledelsesansvar: Anne Dahl (rektor) · Fra: 11.05.2026',
    );
    expect(human.out).toContain('Evalueres: 22.06.2026');
  });

  it('a key set without the signer’s key makes it invalid', async () => {
    const other = writeJson(work, 'other-jwks.json', {
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'B'.repeat(43), name: 'Noen andre' }],
    });
    const r = await bro(['verify', signed, '--jwks', other, '--json']);
    expect(r.code).toBe(4);
    expect(r.json.valid).toBe(false);
    expect(r.json.reasons).toContain('JWS_UNKNOWN_KEY');
  });

  /** Byte positions worth changing: in the page text, the attachment, both signatures, the structure. */
  function positions(pdf: Buffer): [string, number][] {
    const at = (needle: string, offset = 0) => {
      const i = pdf.indexOf(needle);
      expect(i, needle).toBeGreaterThan(0);
      return i + offset;
    };
    const contents = pdf.indexOf('<', pdf.indexOf('/Contents ', at('/ByteRange')));
    const contentsEnd = pdf.indexOf('>', contents);
    const seal = at('/BroSeal <', 10);
    const sealEnd = pdf.indexOf('>', seal);
    const firstStream = at('stream\n', 40);
    const jsonObj =
      pdf.lastIndexOf('stream\n', pdf.indexOf('/Type /EmbeddedFile')) > 0 ? at('/Type /EmbeddedFile') : 0;
    const jsonStream = pdf.indexOf('stream\n', jsonObj) + 20;
    return [
      ['header', 2],
      ['first content stream', firstStream],
      ['middle of the file', Math.floor(pdf.length / 2)],
      ['inside the attached letter', jsonStream],
      ['the PAdES signature', contents + 200],
      ['the PAdES padding', contentsEnd - 10],
      ['the byte range', at('/ByteRange [0 ', 15)],
      ['the seal', seal + 40],
      ['the seal padding', sealEnd - 4],
      ['the xref table', at('\nxref\n', 20)],
      ['the last byte', pdf.length - 1],
    ];
  }

  it('one changed byte anywhere makes bro verify fail', async () => {
    const good = readFileSync(signed);
    for (const [where, pos] of positions(good)) {
      const bad = Buffer.from(good);
      bad[pos] = bad[pos] === 0x30 ? 0x31 : bad[pos] === 0x31 ? 0x30 : bad[pos]! ^ 0x01;
      const f = path.join(work, 'tampered.pdf');
      writeFileSync(f, bad);
      const r = await bro(['verify', f, '--json']);
      expect(r.code, where).not.toBe(0);
      expect(r.json.valid ?? false, where).toBe(false);
    }
  });
});

describe('a letter without PAdES (no certificate) still finds any changed byte', () => {
  it('the seal covers the whole file', async () => {
    const out = path.join(work, 'ex-anbefaling-nb.pdf');
    const good = readFileSync(out);
    expect(good.includes('/ByteRange')).toBe(false);
    for (const pos of [3000, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 30]) {
      const bad = Buffer.from(good);
      bad[pos] = bad[pos]! ^ 0x04;
      const f = path.join(work, 'tampered-plain.pdf');
      writeFileSync(f, bad);
      const r = await bro(['verify', f, '--json']);
      expect(r.code, String(pos)).not.toBe(0);
    }
  });
});

describe('bad input', () => {
  it('a foreign PDF, a non-PDF and a missing file are clear errors', async () => {
    const foreign = path.join(work, 'fremmed.pdf');
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => doc.on('end', r));
    doc.text('Et brev som ikke er fra Bro.');
    doc.end();
    await done;
    writeFileSync(foreign, Buffer.concat(chunks));
    const r = await bro(['verify', foreign, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error).toMatchObject({ code: 'NOT_A_LETTER', detail: { reason: 'NOT_BRO' } });
    const notPdf = writeJson(work, 'ikke.pdf', { hei: 1 });
    expect((await bro(['verify', notPdf, '--json'])).json.error).toMatchObject({
      code: 'NOT_A_LETTER',
      detail: { reason: 'NOT_PDF' },
    });
    expect((await bro(['verify', path.join(work, 'finnes-ikke.pdf'), '--json'])).code).toBe(8);
    const human = await bro(['verify', foreign]);
    expect(human.err).toContain('ikke et brev fra Bro');
  });

  it('a P12 with the wrong password: clear error, nothing written, nothing recorded', async () => {
    const before = (await letters('c-0001')).length;
    const out = path.join(work, 'feil-passord.pdf');
    const opts = writeJson(work, 'p12-opts.json', exampleOptions('anbefaling'));
    const r = await issue(
      [
        '--case',
        'c-0001',
        '--kind',
        'anbefaling',
        '--out',
        out,
        '--options',
        opts,
        '--p12',
        p12,
        '--today',
        TODAY,
      ],
      {
        ...ENV,
        BRO_P12_PASSWORD: 'feil passord',
      },
    );
    expect(r.code).toBe(5);
    expect(r.json.error.code).toBe('P12_WRONG_PASSWORD');
    expect(existsSync(out)).toBe(false);
    expect((await letters('c-0001')).length).toBe(before);
    const notP12 = writeJson(work, 'ikke.p12', { x: 1 });
    const bad = await issue([
      '--case',
      'c-0001',
      '--kind',
      'anbefaling',
      '--out',
      out,
      '--options',
      opts,
      '--p12',
      notP12,
      '--today',
      TODAY,
    ]);
    expect(bad.json.error.code).toBe('P12_INVALID');
    expect(existsSync(out)).toBe(false);
  });

  it('LETTER_INCOMPLETE lists every finding, and nothing is written', async () => {
    const out = path.join(work, 'ufullstendig.pdf');
    // No legal basis for the school (the example has no consents): two findings, plus the warning.
    const r = await issue(['--case', 'c-0001', '--kind', 'anbefaling', '--out', out, '--today', TODAY]);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('LETTER_INCOMPLETE');
    expect(r.json.error.issues).toEqual([
      { path: 'recommendations', code: 'ALL_ON_KONTAKTLAERER' },
      { path: 'options.legalBasis.rektor', code: 'CONSENT_MISSING' },
      { path: 'options.legalBasis.kontaktlærer', code: 'CONSENT_MISSING' },
    ]);
    expect(existsSync(out)).toBe(false);
    const human = await bro([
      'letter',
      vault,
      '--case',
      'c-0001',
      '--kind',
      'anbefaling',
      '--out',
      out,
      '--today',
      TODAY,
    ]);
    expect(human.err).toContain('LETTER_INCOMPLETE');
    expect(human.err).toContain(
      'options.legalBasis.kontaktlærer: mottakeren (i parentes) har ikke gyldig samtykke',
    );
  });

  it('--check lists the findings and LIX without writing', async () => {
    const r = await issue(['--case', 'c-0001', '--kind', 'anbefaling', '--check', '--today', TODAY]);
    expect(r.code).toBe(3);
    expect(r.json.findings.map((f: { code: string }) => f.code)).toEqual([
      'ALL_ON_KONTAKTLAERER',
      'CONSENT_MISSING',
      'CONSENT_MISSING',
    ]);
    expect(r.json.lix.lix).toBeGreaterThan(10);
  });

  it('--check names what the conclusion of a sakkyndig vurdering lacks, and where it is fixed', async () => {
    const opts = writeJson(work, 'sv.json', KIND_OPTIONS['sakkyndig-vurdering']);
    const r = await issue([
      '--case',
      'c-0003',
      '--kind',
      'sakkyndig-vurdering',
      '--options',
      opts,
      '--check',
      '--today',
      TODAY,
    ]);
    expect(r.code).toBe(3);
    const errors = r.json.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { path: string[] }) => f.path.join('.'))).toEqual([
      'assessmentConclusion.needed',
      'assessmentConclusion.viewsWeighed',
    ]);
    expect(new Set(errors.map((f: { code: string }) => f.code))).toEqual(
      new Set(['ASSESSMENT_CONCLUSION_MISSING']),
    );
    // With the conclusion in the case (c-0002) the same letter has no error.
    const ok = await issue([
      '--case',
      'c-0002',
      '--kind',
      'sakkyndig-vurdering',
      '--options',
      opts,
      '--check',
      '--today',
      TODAY,
    ]);
    expect(ok.json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('--pupil-page adds the page for the pupil, in the language of the letter', async () => {
    for (const lang of ['nb', 'nn'] as const) {
      const out = path.join(work, `elev-${lang}.pdf`);
      const args = ['--case', 'c-0002', '--kind', 'anbefaling', '--lang', lang, '--draft', '--today', TODAY];
      const r = await issue([...args, '--out', out, '--pupil-page']);
      expect(r.code, JSON.stringify(r.json)).toBe(0);
      const t = (await text(out)).replace(/\s+/gu, ' ');
      expect(t).toContain('Til deg, Áile');
      expect(t).toContain(
        lang === 'nb' ? 'Disse voksne kan du snakke med' : 'Desse vaksne kan du snakke med',
      );
      const without = path.join(work, `uten-elev-${lang}.pdf`);
      expect((await issue([...args, '--out', without])).code).toBe(0);
      expect(await text(without)).not.toContain('Til deg,');
    }
  });

  it('a case without what the kind needs', async () => {
    const out = path.join(work, 'ingen.pdf');
    const r = await issue([
      '--case',
      'c-0002',
      '--kind',
      'motereferat',
      '--out',
      out,
      '--options',
      writeJson(work, 'm9.json', { meeting: 'm-9' }),
    ]);
    expect(r.code).toBe(3);
    expect(r.json.error).toMatchObject({
      code: 'LETTER_DATA_MISSING',
      issues: [{ path: 'meetings', code: 'MEETING_NOT_FOUND' }],
    });
    expect(existsSync(out)).toBe(false);
    const wrongKind = await issue(['--case', 'c-0002', '--kind', 'brev', '--out', out]);
    expect(wrongKind.code).toBe(2);
    const unknownCase = await issue(['--case', 'c-9999', '--kind', 'anbefaling', '--out', out]);
    expect(unknownCase.code).toBe(6);
  });
});

describe('drafts and the record of issued letters', () => {
  it('--draft renders a letter that fails its checks, marked UTKAST, unsigned, unrecorded', async () => {
    const before = (await letters('c-0001')).length;
    const out = path.join(work, 'utkast.pdf');
    const r = await issue([
      '--case',
      'c-0001',
      '--kind',
      'anbefaling',
      '--out',
      out,
      '--draft',
      '--p12',
      p12,
      '--today',
      TODAY,
    ]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ draft: true, code: null, kid: null, pades: null });
    expect(r.json.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    const t = await text(out);
    expect(t).toContain('UTKAST');
    expect(t).toContain('Utkast – ikke sendt');
    const bytes = readFileSync(out);
    expect(bytes.includes('/ByteRange')).toBe(false);
    expect(bytes.includes('/BroSeal')).toBe(false);
    expect(await pdfsig(out)).toMatch(/does not contain any signatures/u);
    expect(await pdfinfo(out, '-meta')).toContain('<pdfaid:part>3</pdfaid:part>');
    const v = await bro(['verify', out, '--json']);
    expect(v.code).toBe(4);
    expect(v.json.reasons).toEqual(expect.arrayContaining(['DRAFT', 'NO_SEAL', 'NO_JWS']));
    expect((await letters('c-0001')).length).toBe(before);
  });

  it('issuing records letters.issued, visible after reopening the vault, with increasing versions', async () => {
    const opts = writeJson(work, 'rec-opts.json', exampleOptions('ny-kontaktperson'));
    const first = await issue([
      '--case',
      'c-0002',
      '--kind',
      'ny-kontaktperson',
      '--out',
      path.join(work, 'ny1.pdf'),
      '--options',
      opts,
    ]);
    const second = await issue([
      '--case',
      'c-0002',
      '--kind',
      'ny-kontaktperson',
      '--lang',
      'nn',
      '--out',
      path.join(work, 'ny2.pdf'),
      '--options',
      opts,
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const issued = (await letters('c-0002')).filter((l) => l.kind === 'ny-kontaktperson');
    expect(issued.map((l) => [l.version, l.lang])).toEqual([
      [1, 'nb'],
      [2, 'nn'],
    ]);
    expect(issued[0]).toMatchObject({
      letterId: first.json.letterId,
      contentHash: first.json.contentHash,
      code: first.json.code,
      kid: first.json.kid,
      pades: null,
      recipients: [
        { role: 'rektor', names: ['Anne Dahl'] },
        { role: 'kontaktlærer', names: ['Per Berg'] },
        { role: 'foresatte', names: ['Ánde Nango'] },
      ],
    });
    // The hash in the case is the hash of the JSON in the PDF.
    const dir = tempDir();
    await run('pdfdetach', ['-saveall', '-o', dir, path.join(work, 'ny1.pdf')]);
    expect(
      createHash('sha256')
        .update(readFileSync(path.join(dir, 'bro-letter.json')))
        .digest('hex'),
    ).toBe(issued[0]!.contentHash);
  });
});

describe('what a letter may be written over', () => {
  it('only a .pdf for a letter and a new .p12 or .pfx for a certificate', async () => {
    const profile = path.join(work, '.profile');
    writeFileSync(profile, 'export PATH=$PATH\n');
    const r = await issue(['--case', 'c-0002', '--kind', 'anbefaling', '--out', profile]);
    expect(r.code).toBe(3);
    expect(r.json.error.issues).toEqual([{ path: 'out', code: 'PDF_EXTENSION' }]);
    expect(readFileSync(profile, 'utf8')).toBe('export PATH=$PATH\n');
    const cert = await bro(['cert', 'test', path.join(work, 'nøkkel.txt'), '--name', 'X', '--json']);
    expect(cert.json.error.issues).toEqual([{ path: 'out', code: 'CERT_EXTENSION' }]);
  });
});
