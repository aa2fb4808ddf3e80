// Blobs (docs/VAULT-FORMAT.md §9.5) on real vaults: a format-2 vault (tests/fixtures/vault-v2,
// synthetic data, made by the format-2 Bro with one issued anbefaling whose PDF sits inside its
// `letters.pdf` event) opens and is migrated; a case's PDFs are not read when the case is; `vault
// check` verifies blobs; deleting and restricting a case take its blobs along.
import { FORMAT_VERSION } from './format';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BroError } from '../../../shared/errors';
import { call, createHandlers } from '../handlers';
import { Session } from '../session';
import { blobName } from './blobs';
import { peekKid, subkey } from './crypto';
import { Vault } from './vault';

const FIXTURE = path.join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'vault-v2');
const PASS = 'fixture passphrase v2';
const CASE = 'o5qltuk6lfldnchf4uxgqb3kra';
const LETTER = 't7j6k7olaytvdvkk3qq5csejom';
const work = mkdtempSync(path.join(tmpdir(), 'bro-blobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copy(): string {
  const d = path.join(work, String(Math.random()).slice(2));
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}
const caseDir = (dir: string, ...rest: string[]) => path.join(dir, 'cases', CASE, ...rest);
const blobsOf = (dir: string) =>
  existsSync(caseDir(dir, 'blobs')) ? readdirSync(caseDir(dir, 'blobs')) : [];
const sizeOf = (dir: string, sub: string) =>
  readdirSync(caseDir(dir, sub)).reduce((n, f) => n + statSync(caseDir(dir, sub, f)).size, 0);

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

async function session(dir: string) {
  const h = createHandlers(new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 } }));
  await call(h, 'vault.unlock', { dir, passphrase: PASS });
  return h;
}

describe('format 2 → 3', () => {
  it('moves the letter PDF out of the events into one blob, and the letter reads back byte for byte', async () => {
    const dir = copy();
    expect(JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')).version).toBe(2);
    // Before: the PDF is inside a pack (the format-2 pack of the letter is over 100 kB).
    expect(sizeOf(dir, 'packs')).toBeGreaterThan(100_000);
    expect(blobsOf(dir)).toEqual([]);
    const h = await session(dir);
    // Migrated through 3 (blobs) to the current format (4: append logs).
    expect(JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')).version).toBe(FORMAT_VERSION);
    // After: one blob, and the case's events are small again.
    expect(blobsOf(dir)).toHaveLength(1);
    expect(sizeOf(dir, 'packs')).toBeLessThan(30_000);
    const got = await call(h, 'letters.pdf', { caseId: CASE, letterId: LETTER });
    const pdf = Buffer.from(got.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(got.code).toBe('MKBV-5INU-RMK7');
    const f = path.join(dir, '..', `${CASE}.pdf`);
    writeFileSync(f, pdf);
    // The signature over the letter still holds: the bytes are those that were issued.
    expect((await call(h, 'letters.verify', { file: f })).valid).toBe(true);
    const report = await call(h, 'vault.check', {});
    expect(report).toMatchObject({ ok: true, damaged: [], junk: [] });
    expect((await call(h, 'cases.get', { caseId: CASE })).letters).toHaveLength(1);
    await call(h, 'vault.lock', {});
    // Opened again: current already, nothing moves.
    const before = readdirSync(caseDir(dir, 'packs'));
    const again = await session(dir);
    expect(readdirSync(caseDir(dir, 'packs'))).toEqual(before);
    expect((await call(again, 'letters.pdf', { caseId: CASE, letterId: LETTER })).pdf).toBe(got.pdf);
  });

  it('a crash part-way (blob written, header still 2) is finished by the next unlock', async () => {
    const dir = copy();
    const v = await Vault.unlock(dir, { passphrase: PASS });
    await v.close();
    // Put the header back to version 2 and the old packs beside the new one: as if the step had
    // written the blob and the new pack, and died before removing the old files and the header.
    const header = readFileSync(path.join(FIXTURE, 'bro-vault.json'));
    writeFileSync(path.join(dir, 'bro-vault.json'), header);
    for (const p of readdirSync(path.join(FIXTURE, 'cases', CASE, 'packs')))
      copyFileSync(path.join(FIXTURE, 'cases', CASE, 'packs', p), caseDir(dir, 'packs', p));
    const h = await session(dir);
    expect(blobsOf(dir)).toHaveLength(1);
    expect(readdirSync(caseDir(dir, 'packs'))).toHaveLength(1);
    expect((await call(h, 'vault.check', {})).ok).toBe(true);
    expect((await call(h, 'letters.pdf', { caseId: CASE, letterId: LETTER })).pdf.length).toBeGreaterThan(
      1000,
    );
  });
});

describe('blobs in a format-3 vault', () => {
  it('reading the case does not read its PDF: a damaged blob leaves the case open, and only the letter is refused', async () => {
    const dir = copy();
    const h = await session(dir);
    const [blob] = blobsOf(dir);
    const p = caseDir(dir, 'blobs', blob!);
    const jwe = readFileSync(p, 'utf8');
    writeFileSync(p, jwe.slice(0, -8) + (jwe.endsWith('AAAAAAAA') ? 'BBBBBBBB' : 'AAAAAAAA'));
    await call(h, 'vault.lock', {});
    const again = await session(dir);
    expect((await call(again, 'cases.get', { caseId: CASE })).letters).toHaveLength(1);
    expect((await call(again, 'cases.list', {})).damaged).toEqual([]);
    const e = await errorOf(call(again, 'letters.pdf', { caseId: CASE, letterId: LETTER }));
    expect(e.code).toBe('TAMPERED');
    const report = await call(again, 'vault.check', {});
    expect(report.ok).toBe(false);
    expect(report.damaged).toEqual([
      { caseId: CASE, file: `cases/${CASE}/blobs/${blob}`, code: 'TAMPERED', reason: 'BLOB_AUTH' },
    ]);
    rmSync(p);
    const gone = await call(again, 'vault.check', {});
    expect(gone.damaged).toEqual([
      { caseId: CASE, file: `cases/${CASE}/blobs/${blob}`, code: 'MISSING', reason: 'BLOB_MISSING' },
    ]);
  });

  it('keeps the same file once, names a blob no event refers to as junk, and refuses one under another name', async () => {
    const dir = copy();
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const bytes = Buffer.from('%PDF-1.7\nsyntetisk vedlegg\n%%EOF\n');
    const a = await v.putBlob(CASE, bytes);
    const b = await v.putBlob(CASE, bytes);
    expect(a).toEqual(b);
    expect(a).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(blobsOf(dir)).toHaveLength(2);
    expect((await v.readBlob(CASE, a)).equals(bytes)).toBe(true);
    // No event refers to it: a crash between the blob and its event. Junk, not damage.
    let report = await v.check();
    expect(report.ok).toBe(true);
    expect(report.junk).toHaveLength(1);
    expect(report.junk[0]).toMatch(new RegExp(`^cases/${CASE}/blobs/[a-z2-7]{26}\\.jwe$`));
    // The file copied over under another (valid-looking) name: its content no longer matches its name.
    const stray = report.junk[0]!.split('/').pop()!;
    rmSync(path.join(dir, report.junk[0]!));
    copyFileSync(caseDir(dir, 'blobs', blobsOf(dir)[0]!), caseDir(dir, 'blobs', stray));
    report = await v.check();
    expect(report.damaged).toEqual([
      { caseId: CASE, file: `cases/${CASE}/blobs/${stray}`, code: 'TAMPERED', reason: 'BLOB_AUTH' },
    ]);
    // Too large or empty: a typed refusal, nothing written.
    rmSync(caseDir(dir, 'blobs', stray));
    expect((await errorOf(v.putBlob(CASE, new Uint8Array(0)))).code).toBe('VALIDATION');
    expect(blobsOf(dir)).toHaveLength(1);
    await v.close();
  });

  it('restricting a case seals its blobs again under the new key; deleting it removes them', async () => {
    const dir = copy();
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const [blob] = blobsOf(dir);
    const kidBefore = peekKid(readFileSync(caseDir(dir, 'blobs', blob!), 'utf8'));
    await v.restrictCase(CASE, [v.actor]);
    expect(blobsOf(dir)).toEqual([blob]);
    const kidAfter = peekKid(readFileSync(caseDir(dir, 'blobs', blob!), 'utf8'));
    expect(kidAfter).not.toBe(kidBefore);
    expect((await v.check()).ok).toBe(true);
    const h = createHandlers(new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 } }));
    await v.close();
    await call(h, 'vault.unlock', { dir, passphrase: PASS });
    expect((await call(h, 'letters.pdf', { caseId: CASE, letterId: LETTER })).pdf.length).toBeGreaterThan(
      1000,
    );
    await call(h, 'cases.delete', { caseId: CASE, reason: 'Slettet i test', withoutArchive: true });
    expect(existsSync(caseDir(dir))).toBe(false);
    // Nothing of the case is left anywhere in cases/ (no blob outside its folder either).
    expect(readdirSync(path.join(dir, 'cases')).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect((await call(h, 'vault.check', {})).ok).toBe(true);
  });

  it('names a blob by the keyed hash of its content (the §9.5 test vector)', () => {
    const ring = {
      current: 'a'.repeat(26),
      keys: [{ kid: 'a'.repeat(26), k: Buffer.alloc(32, 1).toString('base64url') }],
    };
    const sha = createHash('sha256').update('Bro blob test vector').digest('hex');
    expect(sha).toBe(VECTOR.sha256);
    const key = subkey(new Uint8Array(32).fill(1), 'b'.repeat(26), `blob name ${'c'.repeat(26)}`);
    expect(Buffer.from(key).toString('hex')).toBe(VECTOR.nameKey);
    expect(blobName(ring, 'b'.repeat(26), 'c'.repeat(26), sha)).toBe(VECTOR.name);
  });
});

/** docs/VAULT-FORMAT.md §18.5, read from the document so the two cannot drift apart. */
const VECTOR = (() => {
  const doc = readFileSync(
    path.join(import.meta.dirname, '..', '..', '..', 'docs', 'VAULT-FORMAT.md'),
    'utf8',
  );
  const block = /```text blob-name\n([\s\S]*?)```/.exec(doc)![1]!;
  const get = (k: string) => new RegExp(`^${k}\\s+(\\S+)$`, 'm').exec(block)![1]!;
  return { sha256: get('sha256'), nameKey: get('K'), name: get('name') };
})();
