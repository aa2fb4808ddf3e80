import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { caseVault, letterFile, PASS } from './cli-vault.fixture';
import { Vault } from '../../electron/services/vault/vault';
import { LETTER_TODAY } from '../../shared/letters/letters.fixture';
import { buildForsendelse, DISPATCH_CODES, isNationalId, pdfCheck } from '../../shared/dispatch/svarut';

/**
 * The SvarUt contract test (issue 19 item 2). A local HTTP server started here plays SvarUt REST v3
 * as KS documents it (shared/domain/municipal-handoff.md §2.2–2.5, forsendelse-send-api-v3.json and
 * forsendelse-status-api-v3.json): it checks the request Bro sends (the three headers, multipart
 * with `forsendelse` JSON first and the document after it with filename = filnavn, the JSON fields,
 * the CMS encryption for sikkerhetsnivå 4) and answers with the documented bodies and statuses.
 * This is a contract test against the published API description, not a test against KS.
 * Everything else is real: the CLI, the vault, the issued and signed letter, node-forge CMS.
 */
const tempDir = tempDirs('bro-dispatch-test-');
const KONTO = '6b1f0c6e-8f3a-4c1e-9d2b-0a1b2c3d4e5f';
const INTEGRATION = 'c0ffee00-1111-4222-8333-444455556666';
const SECRET = 'synthetic-integration-password';
const TOKEN = 'synthetic.maskinporten.token';
const ORG = '974760673'; // a valid organisation number (modulus 11) in the school register below

/** A synthetic, checksum-valid national id made at run time (no such number is written in the source). */
function syntheticNationalId(): string {
  for (let n = 0; n < 1000; n++) {
    const base = `0101${String(90 + (n % 10)).padStart(2, '0')}${String(100 + n).padStart(3, '0')}`;
    for (let k1 = 0; k1 < 10; k1++)
      for (let k2 = 0; k2 < 10; k2++) if (isNationalId(`${base}${k1}${k2}`)) return `${base}${k1}${k2}`;
  }
  throw new Error('no synthetic id');
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  parts: { name: string; filename: string | null; type: string | null; body: Buffer }[];
  json: Record<string, unknown> | null;
  document: Buffer | null;
  problems: string[];
}

/** multipart/form-data, as RFC 7578 has it: parts in order, each with its headers. */
function parseMultipart(body: Buffer, boundary: string): Seen['parts'] {
  const marker = Buffer.from(`--${boundary}`);
  const out: Seen['parts'] = [];
  let at = body.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(marker, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const disp = /content-disposition:\s*form-data;\s*name="([^"]*)"(?:;\s*filename="([^"]*)")?/iu.exec(head);
    const type = /content-type:\s*([^\r\n]+)/iu.exec(head);
    out.push({
      name: disp?.[1] ?? '',
      filename: disp?.[2] ?? null,
      type: type?.[1]?.trim() ?? null,
      body: part.subarray(split + 4),
    });
    at = next;
  }
  return out;
}

/** What SvarUt answers (the test sets it): the documented success bodies, or an error status. */
let answer: 'ok' | 401 | 403 | 500 = 'ok';
let statusAnswer = 'LEVERT_ALTINN';
const seen: Seen[] = [];
let server: Server;
let base: string;
let privateKey: forge.pki.rsa.PrivateKey;
let certPem: string;

function decrypt(der: Buffer): Buffer {
  const p7 = forge.pkcs7.messageFromAsn1(
    forge.asn1.fromDer(der.toString('binary')),
  ) as forge.pkcs7.PkcsEnvelopedData & {
    recipients: unknown[];
    decrypt: (r: unknown, k: forge.pki.rsa.PrivateKey) => void;
    content: forge.util.ByteStringBuffer;
  };
  p7.decrypt(p7.recipients[0], privateKey);
  return Buffer.from(p7.content.getBytes(), 'binary');
}

/** The checks of the documented send request; every finding makes SvarUt answer 400. */
function checkSend(s: Seen, endpoint: string): void {
  const p = s.problems;
  if (s.headers.authorization !== `Bearer ${TOKEN}`) p.push('Authorization');
  if (s.headers.integrasjonid !== INTEGRATION) p.push('IntegrasjonId');
  if (s.headers.integrasjonpassord !== SECRET) p.push('IntegrasjonPassord');
  if (!/^multipart\/form-data; boundary=/u.test(s.headers['content-type'] ?? '')) p.push('content-type');
  const [first, ...files] = s.parts;
  if (first?.name !== 'forsendelse' || !/^application\/json/u.test(first.type ?? ''))
    p.push('forsendelse first');
  const json = s.json;
  if (!json) return void p.push('json');
  const docs = json.dokumenter as { filnavn: string; mimeType: string }[];
  if (!Array.isArray(docs) || docs.length !== files.length) p.push('dokumenter count');
  docs?.forEach((d, i) => {
    if (files[i]?.filename !== d.filnavn) p.push(`filename ${i}`);
    if (d.mimeType !== 'application/pdf') p.push('mimeType');
    if (d.filnavn.length > 226 || /[*:"\\/<>|?]/u.test(d.filnavn)) p.push('filnavn');
  });
  if (typeof json.tittel !== 'string' || json.tittel.length < 1 || json.tittel.length > 1000)
    p.push('tittel');
  const m = json.mottaker as { navn?: string; digitalId?: string } | undefined;
  if (!m?.navn || m.navn.length > 100) p.push('mottaker.navn');
  if (endpoint !== 'print' && !/^\d{9,11}$/u.test(m?.digitalId ?? '')) p.push('mottaker.digitalId');
  if (endpoint !== 'print' && json.sikkerhetsniva !== 'HOYESTE') p.push('sikkerhetsniva');
  // «Ved HOYESTE sikkerhetsnivå må dokumentene krypteres før innsending.»
  if (json.sikkerhetsniva === 'HOYESTE' && json.kryptert !== true) p.push('kryptert');
  if (typeof json.eksternReferanse !== 'string' || json.eksternReferanse.length > 100)
    p.push('eksternReferanse');
  if (json.kryptert === true && files[0]) {
    try {
      s.document = decrypt(files[0].body);
    } catch {
      p.push('CMS');
    }
  } else s.document = files[0]?.body ?? null;
  if (!s.document?.subarray(0, 5).equals(Buffer.from('%PDF-'))) p.push('document is not the PDF');
}

beforeAll(async () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = forge.pki.privateKeyFromPem(
    keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: 'SvarUt test (synthetic)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(privateKey, forge.md.sha256.create());
  certPem = forge.pki.certificateToPem(cert);

  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '';
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const error = (status: number) =>
        reply(status, { timestamp: Date.now(), status, error: 'error', errorId: randomUUID(), path: url });
      if (req.method === 'POST' && url === '/token')
        return reply(200, { access_token: TOKEN, expires_in: 120 });
      if (req.method === 'GET' && url === '/forsendelse/publickey/hent') {
        res.writeHead(200, { 'Content-Type': 'application/x-pem-file' });
        return res.end(certPem);
      }
      const send = new RegExp(
        `^/api/v3/kontoer/${KONTO}/forsendelser/(person|organisasjon|print)$`,
        'u',
      ).exec(url);
      if (req.method === 'POST' && send) {
        const boundary = /boundary=([^;]+)/u.exec(req.headers['content-type'] ?? '')?.[1] ?? '';
        const parts = parseMultipart(body, boundary);
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(parts[0]?.body.toString('utf8') ?? '') as Record<string, unknown>;
        } catch {
          json = null;
        }
        const s: Seen = {
          method: 'POST',
          url,
          headers: req.headers,
          parts,
          json,
          document: null,
          problems: [],
        };
        seen.push(s);
        if (answer !== 'ok') return error(answer);
        checkSend(s, send[1]!);
        if (s.problems.length) return error(400);
        return reply(200, { id: randomUUID() });
      }
      if (req.method === 'POST' && url === `/api/v3/kontoer/${KONTO}/forsendelser/status/sok`) {
        const q = JSON.parse(body.toString('utf8')) as { id: string[] };
        seen.push({
          method: 'POST',
          url,
          headers: req.headers,
          parts: [],
          json: q as never,
          document: null,
          problems: [],
        });
        if (req.headers.integrasjonpassord !== SECRET || !Array.isArray(q.id)) return error(401);
        return reply(200, {
          statuser: q.id.map((id) => ({
            id,
            status: statusAnswer,
            sisteStatusEndring: '2026-03-03T10:00:00Z',
          })),
        });
      }
      error(404);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let vault: string;
let work: string;
let settingsFile: string;
let letterPdf: Buffer;
const env = { BRO_PASSPHRASE: PASS };
const bro = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra });
const account = { BRO_SVARUT_PASSWORD: SECRET };

beforeAll(async () => {
  work = tempDir();
  vault = await caseVault(work, {
    schools: [{ name: 'Hov skole', orgNumber: ORG, address: 'Skoleveien 3', postcode: '2860', place: 'Hov' }],
    bro,
  });
  letterPdf = readFileSync(letterFile(work, 'c-0001', 'anbefaling'));
  settingsFile = path.join(work, 'settings.json');
  writeFileSync(
    settingsFile,
    JSON.stringify({
      svarut: { endpoint: base, kontoId: KONTO, integrationId: INTEGRATION, tokenUrl: `${base}/token` },
    }),
  );
});

/** `bro dispatch` for one of the case's letters, with these flags. */
const dispatch = (letter: string, flags: string[], extra: Record<string, string> = {}) =>
  bro(['dispatch', vault, '--case', 'c-0001', '--letter', letter, ...flags], extra);

const list = async () => {
  const r = await bro(['letters', vault, '--case', 'c-0001', '--json']);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  return r.json.letters as {
    letterId: string;
    ref: string;
    dispatch: { state: string; status: string | null; forsendelseId: string | null; text: string };
    archive: { archived: boolean };
  }[];
};

describe('bro letters', () => {
  it('lists the issued letter with the reference exactly as the PDF prints it', async () => {
    const [l] = await list();
    expect(l!.ref).toBe('c-0001 / anbefaling-1');
    const text = execFileSync('pdftotext', [letterFile(work, 'c-0001', 'anbefaling'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain(l!.ref);
    expect(l!.archive.archived).toBe(false);
    expect(l!.dispatch.state).toBe('none');
    const human = await bro(['letters', vault, '--case', 'c-0001']);
    expect(human.out).toContain('c-0001 / anbefaling-1');
    expect(human.out).toContain('Ikke arkivert · Ikke sendt');
  });
});

describe('bro dispatch without an account: the package', () => {
  it('writes forsendelse.json, the PDF as issued and LES-MEG.txt; the school by its organisation number', async () => {
    const folder = path.join(work, 'pakke');
    const r = await dispatch('c-0001 / anbefaling-1', ['--out', folder, '--json']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(
      ['LES-MEG.txt', `anbefaling-${LETTER_TODAY}.pdf`, 'forsendelse.json'].sort(),
    );
    const json = JSON.parse(readFileSync(path.join(folder, 'forsendelse.json'), 'utf8'));
    expect(json.mottaker).toMatchObject({
      navn: 'Hov skole',
      digitalId: ORG,
      adresse: { postnummer: '2860' },
    });
    expect(json.sikkerhetsniva).toBe('HOYESTE');
    expect(json.taushetsbelagtPost).toBe(true);
    expect(json.kryptert).toBe(false);
    expect(json.eksternReferanse).toBe(`bro-brev-${r.json.letterId}`);
    expect(json.tittel).not.toContain('Nango');
    expect(readFileSync(path.join(folder, `anbefaling-${LETTER_TODAY}.pdf`)).equals(letterPdf)).toBe(true);
    expect((await list())[0]!.dispatch.text).toMatch(/^Pakke for SvarUt laget \d\d\.\d\d\.\d{4}$/u);
  });

  it('refuses a national id for a package, and writes nothing', async () => {
    const folder = path.join(work, 'pakke-fnr');
    const r = await dispatch(
      'anbefaling-1',
      ['--to', 'foresatte', '--national-id', '--out', folder, '--json'],
      { BRO_NATIONAL_ID: syntheticNationalId() },
    );
    expect(r.code).toBe(3);
    expect(r.json.error.issues[0].code).toBe(DISPATCH_CODES.nationalIdInPackage);
    expect(existsSync(folder)).toBe(false);
  });

  it('sends the family to print without a national id, and asks for the postal address first', async () => {
    const folder = path.join(work, 'pakke-post');
    const flags = ['--to', 'foresatte', '--out', folder];
    const missing = await dispatch('anbefaling-1', [...flags, '--json']);
    expect(missing.code).toBe(3);
    expect(missing.json.error.issues[0].code).toBe(DISPATCH_CODES.addressMissing);
    const human = await dispatch('anbefaling-1', flags);
    expect(human.err).toContain('uten fødselsnummer går brevet til utskrift og post');
    const ok = await dispatch('anbefaling-1', [
      ...flags,
      '--address',
      'Gata 1',
      '--postcode',
      '2860',
      '--place',
      'Hov',
      '--json',
    ]);
    expect(ok.code, JSON.stringify(ok.json)).toBe(0);
    expect(ok.json.endpoint).toBe('print');
    const json = JSON.parse(readFileSync(path.join(folder, 'forsendelse.json'), 'utf8'));
    expect(json.mottaker).toEqual({
      navn: 'Ánde Nango',
      adresse: { adresselinje1: 'Gata 1', postnummer: '2860', poststed: 'Hov', landkode: 'NO' },
    });
  });

  it('refuses an unknown reference with a Norwegian message and exit 3', async () => {
    const r = await dispatch('c-0001 / anbefaling-9', ['--out', path.join(work, 'x')]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('saken har ikke noe sendt brev med denne referansen');
  });
});

describe('SvarUt contract (local server): send and follow the status', () => {
  it('sends the school an encrypted nivå 4 forsendelse as documented and stores the id', async () => {
    const before = seen.length;
    const r = await dispatch('anbefaling-1', ['--settings', settingsFile, '--json'], account);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const s = seen[before]!;
    expect(s.problems).toEqual([]);
    expect(s.url).toBe(`/api/v3/kontoer/${KONTO}/forsendelser/organisasjon`);
    expect(s.parts.map((p) => p.name)).toEqual(['forsendelse', 'dokumenter']);
    expect(s.json).toMatchObject({ kryptert: true, sikkerhetsniva: 'HOYESTE', avgivendeSystem: 'Bro' });
    expect(s.document!.equals(letterPdf)).toBe(true);
    expect(r.json.forsendelseId).toMatch(/^[0-9a-f-]{36}$/u);
    const [l] = await list();
    expect(l!.dispatch).toMatchObject({
      state: 'sent',
      forsendelseId: r.json.forsendelseId,
      status: 'MOTTATT',
    });
  });

  it('follows the status (status/sok) and records a change once', async () => {
    statusAnswer = 'LEVERT_ALTINN';
    const first = await bro(
      ['dispatch', 'status', vault, '--case', 'c-0001', '--settings', settingsFile, '--json'],
      account,
    );
    expect(first.code, JSON.stringify(first.json)).toBe(0);
    expect(first.json.changed).toBe(1);
    const again = await bro(
      ['dispatch', 'status', vault, '--case', 'c-0001', '--settings', settingsFile],
      account,
    );
    expect(again.out).toContain('ingen endringer');
    expect(again.out).toContain('levert i Altinn');
    expect((await list())[0]!.dispatch.status).toBe('LEVERT_ALTINN');
  });

  it('sends to a person with the national id given for this dispatch only: never stored', async () => {
    const id = syntheticNationalId();
    const before = seen.length;
    const r = await dispatch(
      'anbefaling-1',
      ['--to', 'foresatte', '--national-id', '--settings', settingsFile, '--json'],
      { ...account, BRO_NATIONAL_ID: id },
    );
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const s = seen[before]!;
    expect(s.problems).toEqual([]);
    expect(s.url).toMatch(/\/forsendelser\/person$/u);
    expect(s.json!.mottaker).toMatchObject({ navn: 'Ánde Nango', digitalId: id });
    // The vault's events and its audit log do not hold it, nor does the output.
    const v = await Vault.unlock(vault, { passphrase: PASS });
    const events = JSON.stringify(await v.readCase(r.json.caseId));
    const audit = JSON.stringify(await v.readAudit());
    await v.close();
    expect(events).not.toContain(id);
    expect(audit).not.toContain(id);
    expect(r.out).not.toContain(id);
  });

  it('401, 403 and 5xx are typed errors (exit 8) and record nothing', async () => {
    const sentBefore = (await list())[0]!.dispatch.forsendelseId;
    for (const [status, code] of [
      [401, DISPATCH_CODES.unauthorized],
      [403, DISPATCH_CODES.forbidden],
      [500, DISPATCH_CODES.unreachable],
    ] as const) {
      answer = status;
      const r = await dispatch('anbefaling-1', ['--settings', settingsFile, '--json'], account);
      expect(r.code).toBe(8);
      expect(r.json.error.issues[0].code).toBe(code);
    }
    answer = 'ok';
    expect((await list())[0]!.dispatch.forsendelseId).toBe(sentBefore);
  });

  it('without the integration password nothing is sent', async () => {
    const before = seen.length;
    const r = await dispatch('anbefaling-1', ['--settings', settingsFile, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.issues[0].code).toBe(DISPATCH_CODES.secretMissing);
    expect(seen.length).toBe(before);
  });
});

describe('the forsendelse rule', () => {
  const input = {
    letterId: 'a'.repeat(26),
    kind: 'anbefaling' as const,
    date: LETTER_TODAY,
    service: 'PPT',
    to: 'skole' as const,
    school: { name: 'Hov skole', orgNumber: ORG, address: null, postcode: null, place: null },
    guardian: null,
    encrypted: true,
  };
  it('refuses a password-protected PDF (qpdf-encrypted) and a school without organisation number', () => {
    const dir = tempDir();
    const plain = path.join(dir, 'brev.pdf');
    writeFileSync(plain, letterPdf);
    const locked = path.join(dir, 'laast.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', plain, locked]);
    expect(pdfCheck(readFileSync(locked))).toBe('encrypted');
    expect(pdfCheck(letterPdf)).toBe('ok');
    const r = buildForsendelse({ ...input, pdf: readFileSync(locked) });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([DISPATCH_CODES.pdfEncrypted]);
    const noOrg = buildForsendelse({
      ...input,
      pdf: letterPdf,
      school: { ...input.school, orgNumber: null },
    });
    expect(noOrg.ok ? [] : noOrg.issues.map((i) => i.code)).toEqual([DISPATCH_CODES.schoolOrgMissing]);
    const notPdf = buildForsendelse({ ...input, pdf: new TextEncoder().encode('hei') });
    expect(notPdf.ok ? [] : notPdf.issues.map((i) => i.code)).toEqual([DISPATCH_CODES.notPdf]);
  });
  it('checks the national id’s check digits', () => {
    const id = syntheticNationalId();
    expect(isNationalId(id)).toBe(true);
    const wrong = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
    expect(isNationalId(wrong)).toBe(false);
    const r = buildForsendelse({
      ...input,
      pdf: letterPdf,
      to: 'foresatte',
      guardian: 'Ánde Nango',
      nationalId: wrong,
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toContain(DISPATCH_CODES.nationalIdInvalid);
  });
});
