// `letters.verify` with the file's bytes (the app's way: a renderer has no paths), through the one
// adapter path (`call`) on a real vault with a real signed letter. The path form is covered by
// tests/unit/letters-cli.test.ts (`bro verify`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { completeSchoolFactors } from '../../shared/letters/letters.fixture';
import { Session } from '../../electron/services/session';
import { VERIFY_MAX_BYTES } from '../../shared/contract/letters';
import { BroError } from '../../shared/errors';

const PASS = 'syntetisk passord';
const TODAY = '2026-07-01';
const example = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'interchange-example.json'), 'utf8'),
);
const LEGAL = 'Forvaltningsloven § 13 b nr. 1';

let root: string;
let h: Handlers;
let letter: Buffer;
let jwks: { keys: { kid: string; x: string }[] };

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bro-verify-bytes-'));
  const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: TODAY });
  h = createHandlers(session);
  await call(h, 'vault.create', {
    dir: path.join(root, 'arkiv'),
    passphrase: PASS,
    memberName: 'Ola Hansen',
  });
  // The school-factor checklist done: an anbefaling is not signed without it (SCHOOL_FACTORS_MISSING).
  example.cases[0].schoolFactors = completeSchoolFactors();
  await call(h, 'interchange.import', { file: example });
  const out = path.join(root, 'anbefaling.pdf');
  await call(h, 'letters.issue', {
    caseId: 'c-0001',
    kind: 'anbefaling',
    out,
    options: { legalBasis: { rektor: LEGAL, kontaktlærer: LEGAL } },
  });
  letter = readFileSync(out);
  jwks = await call(h, 'keys.jwks', {});
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

describe('letters.verify from bytes', () => {
  it('a signed letter verifies from its base64, as it does from its path', async () => {
    const fromBytes = await call(h, 'letters.verify', { pdf: letter.toString('base64'), jwks });
    expect(fromBytes).toMatchObject({
      valid: true,
      reasons: [],
      jws: { valid: true, signer: 'Ola Hansen', trusted: true },
      seal: { present: true, valid: true },
      pades: { present: false },
      letter: { kind: 'anbefaling', caseId: 'c-0001', draft: false },
    });
    expect(fromBytes.letter!.recommendations.length).toBeGreaterThan(0);
    const fromPath = await call(h, 'letters.verify', { file: path.join(root, 'anbefaling.pdf'), jwks });
    expect(fromBytes).toEqual(fromPath);
    // Without a key set the signature is checked with its own key: valid, but not trusted.
    const untrusted = await call(h, 'letters.verify', { pdf: letter.toString('base64') });
    expect(untrusted).toMatchObject({ valid: true, jws: { trusted: false } });
  });

  it('one flipped byte makes it invalid', async () => {
    const bad = Buffer.from(letter);
    const at = Math.floor(bad.length / 2);
    bad[at] = bad[at]! ^ 0x01;
    const r = await call(h, 'letters.verify', { pdf: bad.toString('base64'), jwks });
    expect(r.valid).toBe(false);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('not base64, too large, not a PDF, both or neither input: typed errors', async () => {
    const notB64 = await errorOf(call(h, 'letters.verify', { pdf: 'JVBERi0x%%%' }));
    expect(notB64.code).toBe('VALIDATION');
    expect(notB64.issues).toEqual([{ path: ['pdf'], code: 'BASE64' }]);
    // base64url (or unpadded) is not what the app sends: refused rather than guessed at.
    const url = await errorOf(call(h, 'letters.verify', { pdf: letter.toString('base64url') }));
    expect(url.code).toBe('VALIDATION');

    const huge = 'A'.repeat(4 * Math.ceil(VERIFY_MAX_BYTES / 3) + 4);
    const tooLarge = await errorOf(call(h, 'letters.verify', { pdf: huge }));
    expect(tooLarge.code).toBe('VALIDATION');
    expect(tooLarge.issues).toEqual([{ path: ['pdf'], code: 'TOO_LARGE' }]);

    const text = Buffer.from('Dette er ikke en PDF, bare tekst.\n').toString('base64');
    const notPdf = await errorOf(call(h, 'letters.verify', { pdf: text }));
    expect(notPdf.code).toBe('NOT_A_LETTER');
    expect(notPdf.detail).toMatchObject({ reason: 'NOT_PDF' });

    const both = await errorOf(
      call(h, 'letters.verify', { file: path.join(root, 'anbefaling.pdf'), pdf: letter.toString('base64') }),
    );
    expect(both.code).toBe('VALIDATION');
    expect((await errorOf(call(h, 'letters.verify', {}))).code).toBe('VALIDATION');
    // An error says nothing of the file's content.
    expect(JSON.stringify(notB64)).not.toContain('JVBERi0x');
  });
});
