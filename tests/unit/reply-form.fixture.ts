// A real vault with an issued anbefaling (seal only, and seal plus PAdES with a test certificate),
// for the reply-form tests (tests/unit/reply-form.test.ts). Synthetic data: the interchange example.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { completeSchoolFactors } from '../../shared/letters/letters.fixture';

export const PASS = 'syntetisk passord';
export const TODAY = '2026-07-01';
const LEGAL = 'Forvaltningsloven § 13 b nr. 1';
export const P12_PASSWORD = 'test-sertifikat æøå';

export interface ReplyVault {
  root: string;
  h: Handlers;
  /** The anbefaling sealed by the member key only. */
  sealed: Buffer;
  /** The same kind, also signed with PAdES (DocMDP P 2). */
  signed: Buffer;
  jwks: { keys: { kid: string; x: string }[] };
}

export async function replyVault(name = 'arkiv', withPades = true): Promise<ReplyVault> {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-reply-'));
  const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: TODAY });
  const h = createHandlers(session);
  await call(h, 'vault.create', { dir: path.join(root, name), passphrase: PASS, memberName: 'Ola Hansen' });
  const example = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'interchange-example.json'), 'utf8'),
  );
  example.cases[0].schoolFactors = completeSchoolFactors();
  await call(h, 'interchange.import', { file: example });
  const options = { legalBasis: { rektor: LEGAL, kontaktlærer: LEGAL } };
  const sealedOut = path.join(root, 'anbefaling.pdf');
  await call(h, 'letters.issue', { caseId: 'c-0001', kind: 'anbefaling', out: sealedOut, options });
  const sealed = readFileSync(sealedOut);
  const jwks = await call(h, 'keys.jwks', {});
  if (!withPades) return { root, h, sealed, signed: sealed, jwks };
  const p12 = path.join(root, 'test.p12');
  await call(h, 'cert.test', {
    out: p12,
    name: 'PPT Bærum',
    organisation: 'Bærum kommune',
    password: P12_PASSWORD,
  });
  const signedOut = path.join(root, 'anbefaling-signert.pdf');
  await call(h, 'letters.issue', {
    caseId: 'c-0001',
    kind: 'anbefaling',
    out: signedOut,
    options,
    p12: { file: p12, password: P12_PASSWORD },
  });
  return { root, h, sealed, signed: readFileSync(signedOut), jwks };
}
