// The test vectors of docs/VAULT-FORMAT.md §18.3, read from the document itself and checked
// against the implementation: sealed JSON in bytes, the stamp times, the index signature and
// racy cases. A reader in another language implements the rules from the text; these tie the
// text to what Bro does.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLog } from '../../electron/services/vault/case-events';
import { caseFiles, signatureOf, stampOf } from '../../electron/services/vault/case-files';
import type { VaultCore } from '../../electron/services/vault/core';
import { digestId } from '../../electron/services/vault/crypto';
import { racy } from '../../electron/services/vault/case-index';
import { ID_RE, isSyncJunk } from '../../electron/services/vault/format';
import { summarizeCase } from '../../shared/cases/summary';
import { externalId, text } from '../../shared/domain/common';
import { foldCase } from '../../shared/events/fold';
import { AUDIT_ACTIONS } from '../../shared/audit/actions';
import { COLLECTIONS } from '../../shared/domain/caseDoc';
import { EVENT_TYPES, hlcString } from '../../shared/events/vocabulary';
import { serializeSealed } from '../../electron/services/vault/keys';
import { stableStringify } from '../../shared/json';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(root, 'docs', 'VAULT-FORMAT.md'), 'utf8');

/** The content of the fenced block "```text <name>". */
function block(name: string): string {
  const m = new RegExp('```text ' + name + '\\n([\\s\\S]*?)```').exec(doc);
  if (!m) throw new Error(`no block ${name} in VAULT-FORMAT.md`);
  return m[1]!;
}

/** The double the spec defines from stat's seconds and nanoseconds. */
const ms = (s: number, ns: number) => s * 1000 + ns / 1_000_000;

describe('VAULT-FORMAT.md §18.3 vectors', () => {
  it('sealed JSON: key order, escaping, numbers, compact and file form, integrity', () => {
    const input = JSON.parse(block('sealed-input')) as Record<string, unknown>;
    const compact = block('sealed-compact').replace(/\n$/, '');
    const file = block('sealed-file');
    const { integrity: _ignored, ...body } = input;
    expect(stableStringify(body)).toBe(compact);
    const integrity = createHash('sha256').update(compact, 'utf8').digest('hex');
    expect(file).toContain(`"integrity": "${integrity}"`);
    expect(serializeSealed(input)).toBe(file);
    // The file's bytes: UTF-8, LF only, one final LF.
    expect(file.endsWith('}\n')).toBe(true);
    expect(file.includes('\r')).toBe(false);
  });

  it('stamp times: s × 1000 + ns ÷ 1000000 as a double, shortest decimal', () => {
    const lines = block('stamp-times').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const [, s, ns, want] = /^(\d+) (\d+) → (\S+)$/.exec(line)!;
      const got = stampOf({ size: 1, mtimeMs: ms(Number(s), Number(ns)), ctimeMs: 0 }).split(':')[1];
      expect(got).toBe(want);
    }
  });

  it("stamp times: the rule gives what Node's stat gives for a real file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bro-vectors-'));
    try {
      const f = path.join(dir, 'x');
      writeFileSync(f, 'x');
      const big = statSync(f, { bigint: true });
      const st = statSync(f);
      const fromNs = (t: bigint) => ms(Number(t / 1_000_000_000n), Number(t % 1_000_000_000n));
      expect(stampOf(st)).toBe(`1:${fromNs(big.mtimeNs)}:${fromNs(big.ctimeNs)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the index signature and racy cases', () => {
    const stamps = new Map([
      ['key.jwe', stampOf({ size: 577, mtimeMs: ms(1795692887, 5e8), ctimeMs: ms(1795692887, 5e8) })],
      [
        'events/aaaaaaaaaaaaaaaaaaaaaaaaaa.jwe',
        stampOf({
          size: 683,
          mtimeMs: ms(1795692887, 573778300),
          ctimeMs: ms(1795692887, 577778300),
        }),
      ],
    ]);
    expect(signatureOf(new Map([...stamps, ['notes.txt', 'foreign']]))).toBe(
      block('signature').replace(/\n$/, ''),
    );
    const lines = block('racy').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const [, t, verdict] = /^(\S+) → (racy|not racy)$/.exec(line)!;
      expect({ line, racy: racy(stamps, Number(t)) }).toEqual({ line, racy: verdict === 'racy' });
    }
    for (const odd of ['foreign', 'missing', 'gone'])
      expect(racy(new Map([['x', odd]]), Number.MAX_VALUE)).toBe(true);
  });

  it('the index signature: which names of a case folder become entries', () => {
    const [names, want] = block('signature-listing').split('→\n') as [string, string];
    const expand = (x: string) =>
      x.replace(/<a>/g, 'a'.repeat(26)).replace(/<b>/g, 'b'.repeat(26)).replace(/<c>/g, 'c'.repeat(26));
    const dir = mkdtempSync(path.join(tmpdir(), 'bro-vectors-'));
    try {
      const caseId = 'd'.repeat(26);
      for (const n of names.trim().split('\n')) {
        const f = path.join(dir, 'cases', caseId, ...expand(n).split('/'));
        mkdirSync(path.dirname(f), { recursive: true });
        writeFileSync(f, 'x');
      }
      const sig = signatureOf(caseFiles(dir, caseId).stamps).replace(/\d+:[\d.]+:[\d.]+/g, '<stamp>');
      expect(sig).toBe(expand(want.trim()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sync junk: case, line terminators, digits, the extension', () => {
    const id = 'abcdefghijklmnopqrstuvwxyz';
    const lines = block('sync-junk').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) {
      const [, quoted, verdict] = /^(".*") → (junk|not junk)$/.exec(line)!;
      const name = (JSON.parse(quoted!) as string).replace('<id>', id).replace('<ID>', id.toUpperCase());
      expect({ name, junk: isSyncJunk(name) }).toEqual({ name, junk: verdict === 'junk' });
    }
  });

  it('§18.4 text(n): UTF-16 lengths, the trimmed whitespace set, control characters', () => {
    const lines = block('text-rules').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const [, n, quoted, want] = /^text\((\d+)\) (".*") → (".*"|refused)$/.exec(line)!;
      const r = text(Number(n)).safeParse(JSON.parse(quoted!));
      const got = r.success ? JSON.stringify(r.data) : 'refused';
      expect({ line, got }).toEqual({
        line,
        got: want === 'refused' ? want : JSON.stringify(JSON.parse(want!)),
      });
    }
  });

  it('§18.4 patterns: whole-string anchors, ASCII \\d, no case folding', () => {
    const lines = block('patterns').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(9);
    const test: Record<string, (s: string) => boolean> = {
      id: (s) => ID_RE.test(s),
      hlc: (s) => hlcString.safeParse(s).success,
      externalId: (s) => externalId.safeParse(s).success,
    };
    for (const line of lines) {
      const [, kind, quoted, verdict] = /^(\w+) (".*") → (match|no match)$/.exec(line)!;
      const got = test[kind!]!(JSON.parse(quoted!) as string);
      expect({ line, got }).toEqual({ line, got: verdict === 'match' });
    }
  });

  it('§18.4 older payload forms the fold reads: closingOutcome, a handover note as a string', () => {
    const lines = block('fold-forms').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const [, collection, set, want] = /^(\w+) (\{.*\}) → (\{.*\})$/.exec(line)!;
      const ev = {
        v: 1,
        id: 'eeeeeeeeeeeeeeeeeeeeeeeeee',
        caseId: 'aaaaaaaaaaaaaaaaaaaaaaaaaa',
        type: `${collection}.recorded`,
        hlc: '001795692887578-000000',
        device: 'dddddddddddddddddddddddddd',
        actor: 'recovery',
        at: '2026-11-26T11:34:47.578Z',
        data: { key: 'kkkkkkkkkkkkkkkkkkkkkkkkkk', set: JSON.parse(set!) as unknown },
      };
      const state = foldCase('aaaaaaaaaaaaaaaaaaaaaaaaaa', [ev]);
      expect({ line, skipped: state.skippedEvents }).toEqual({ line, skipped: 0 });
      const items = (state.doc as unknown as Record<string, unknown[]>)[collection!]!;
      expect({ line, item: items[0] }).toEqual({ line, item: JSON.parse(want!) });
    }
  });

  it('§10.1 names every event type and collection of the vocabulary, and nothing else', () => {
    const s101 = doc.slice(doc.indexOf('### 10.1 Types'), doc.indexOf('### 10.2 Payloads'));
    const listed = /`<collection>` is one of ([^.]*)\./.exec(s101)![1]!;
    expect([...listed.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual([...COLLECTIONS]);
    const rows = [...s101.matchAll(/^\| `([\w<>.]+)` +\|/gm)].map((m) => m[1]!).filter((t) => t !== 'type');
    const expand = (t: string) =>
      t.startsWith('<collection>.') ? COLLECTIONS.map((c) => t.replace('<collection>', c)) : [t];
    expect(rows.flatMap(expand).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('§12 names every audit action Bro writes, and only those', () => {
    const s12 = doc.slice(doc.indexOf('`action` is one of these'), doc.indexOf('A sharing also carries'));
    const named = [...s12.matchAll(/^\| (`[^|]*`) +\|/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/`([a-z.]+)`/g)].map((x) => x[1]!),
    );
    const written = named.filter((a) => a !== 'action');
    for (const a of Object.keys(AUDIT_ACTIONS)) expect(written).toContain(a);
    const services = path.join(root, 'electron/services');
    const vaultSource = (readdirSync(services, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(path.join(services, f), 'utf8'))
      .join('\n');
    for (const a of written.filter((x) => !(x in AUDIT_ACTIONS))) expect(vaultSource).toContain(`'${a}'`);
  });

  it('§18.4 the index summary: caseworker and open-referral tie-breaks, service fallback', () => {
    const doc = JSON.parse(block('summary-input')) as Record<string, unknown>;
    const want = JSON.parse(block('summary-output')) as Record<string, unknown>;
    const state = { ...foldCase('aaaaaaaaaaaaaaaaaaaaaaaaaa', []), doc } as Parameters<
      typeof summarizeCase
    >[0];
    const s = summarizeCase(state, '2026-03-01');
    expect({ caseworker: s.caseworker, openReferral: s.openReferral, status: s.status }).toEqual(want);
  });
});

describe('VAULT-FORMAT.md cross-references', () => {
  it('every #anchor link and every § reference names a heading of the document', () => {
    const headings = doc
      .replace(/^```[\s\S]*?^```/gm, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => l.replace(/^#+ /, ''));
    // GitHub's anchors: lower case, punctuation other than - and _ dropped, spaces to -.
    const anchors = new Set(
      headings.map((h) =>
        h
          .toLowerCase()
          .replace(/[^\p{L}\p{N}_\- ]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    const sections = new Set(headings.map((h) => /^(\d+(?:\.\d+)?)\.? /.exec(h)?.[1]).filter(Boolean));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((a) => !anchors.has(a))).toEqual([]);
    // § references to other documents and laws are written after their name (DESIGN.md §3, RFC 4648 §5).
    const refs = [...doc.matchAll(/(\S+ )?§(\d+(?:\.\d+)?)/g)]
      .filter((m) => !/(\.md|^RFC|DESIGN|\d) $/.test(m[1] ?? ''))
      .map((m) => m[2]!);
    expect(refs.length).toBeGreaterThan(200);
    expect([...new Set(refs.filter((r) => !sections.has(r)))]).toEqual([]);
  });
});

describe('VAULT-FORMAT.md §18.6 vectors: a log record and torn tails', () => {
  const fields = () => {
    const text = block('log-record');
    const [head, body] = text.split('body      =\n') as [string, string];
    const f: Record<string, string> = {};
    for (const line of head.trim().split('\n')) {
      const [, k, v] = /^(.+?)\s+= (.*)$/.exec(line)!;
      f[k!] = v!;
    }
    return { f, body: body.replace(/\n/g, '') };
  };
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
  const CASE = 'bhhdug3t3z7ueyp7jgf4pgox2y';
  const FILE = 'logs/tif36jvdgkad3hic53c7ghqhhi-mfrggzdfmztwq2lknnwg23tpoa.log';
  const core = { vaultId: 'abcdefghijklmnopqrstuvwxyz' } as VaultCore;
  const ring = {
    current: 'mfrggzdfmztwq2lknnwg23tpoa',
    keys: [{ kid: 'mfrggzdfmztwq2lknnwg23tpoa', k: key.toString('base64url') }],
  };

  it('the record, made from the text: header, AES-GCM over the plaintext, length prefix', async () => {
    const { f, body } = fields();
    const events = (JSON.parse(f.plaintext!) as { events: { id: string }[] }).events;
    expect(digestId(events.map((e) => e.id).sort())).toBe(f['record id']);
    expect(JSON.parse(f.header!)['bro.id']).toBe(f['record id']);
    const h = Buffer.from(f.header!, 'utf8').toString('base64url');
    const iv = Buffer.from(f.iv!, 'hex');
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(h, 'ascii'));
    const ct = Buffer.concat([c.update(f.plaintext!, 'utf8'), c.final()]);
    const jwe = `${h}..${iv.toString('base64url')}.${ct.toString('base64url')}.${c.getAuthTag().toString('base64url')}`;
    expect(jwe).toBe(body);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    expect(len.toString('hex')).toBe(f.length);
    const record = Buffer.concat([len, Buffer.from(body, 'ascii')]);
    expect(createHash('sha256').update(record).digest('hex')).toBe(f['sha256 of the record']);
    const log = await openLog(core, CASE, ring, FILE, record);
    expect(log?.end).toBe(record.length);
    expect(log?.events.map((e) => e.data)).toEqual([{ set: { parentsView: 'Det går bedre.' } }]);
  });

  it('torn tails and damage, row by row', async () => {
    const { body } = fields();
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const rec = Buffer.concat([len, Buffer.from(body, 'ascii')]);
    const rows = block('torn-tails').trim().split('\n');
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      const [, tail, want] = /^(.+?)\s+→ (.+)$/.exec(row)!;
      const parts: Buffer[] = [rec];
      if (tail !== '(nothing)')
        for (const t of tail!.split(' ')) {
          let m: RegExpExecArray | null;
          if (t === 'rec') parts.push(rec);
          else if ((m = /^rec\[(\d+)\.\.(\d+)\)$/.exec(t)))
            parts.push(rec.subarray(Number(m[1]), Number(m[2])));
          else if ((m = /^00×(\d+)$/.exec(t))) parts.push(Buffer.alloc(Number(m[1])));
          else if (/^[0-9a-f]{2}$/.test(t)) parts.push(Buffer.from(t, 'hex'));
          else throw new Error(`row ${row}`);
        }
      const log = await openLog(core, CASE, ring, FILE, Buffer.concat(parts));
      const got = log
        ? `${log.events.length} record${log.events.length === 1 ? '' : 's'}, end ${log.end}`
        : 'damaged';
      expect({ row, got }).toEqual({ row, got: want });
    }
  });
});
