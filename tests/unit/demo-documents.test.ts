// Issue 19 item 0: `bro demo` attaches a received document (a synthetic referral form, a real PDF)
// to a few cases through the same path as the app; it reads back as a PDF, appears in the
// timeline, and running the demo step again attaches nothing new.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { addDemoDocuments } from '../../electron/services/attachments/demo';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';

const run = promisify(execFile);
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const TODAY = '2026-12-05';
const root = mkdtempSync(path.join(tmpdir(), 'bro-demo-documents-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the demo attaches received documents (issue 19 item 0)', () => {
  it('gives three cases a referral form that reads as a PDF, and adds none on a rerun', async () => {
    const session = new Session({ kdf: FAST, today: TODAY });
    const h = createHandlers(session);
    await call(h, 'vault.create', {
      dir: path.join(root, 'v'),
      passphrase: 'syntetisk passord',
      memberName: 'Kari Saksbehandler',
    });
    await call(h, 'demo.create', { cases: 8, seed: 'bro-demo', today: TODAY });
    const withDocs = [];
    for (const c of (await call(h, 'cases.list', {})).cases) {
      const got = await call(h, 'cases.get', { caseId: c.caseId });
      const docs = (got.attachments ?? []) as { attachmentId: string; title: string; received: string }[];
      if (docs.length) withDocs.push({ caseId: c.caseId, doc: docs[0]!, history: got.history });
    }
    expect(withDocs).toHaveLength(3);
    const first = withDocs[0]!;
    expect(first.doc.title).toBe('Henvisningsskjema fra skolen');
    expect((first.history as { type: string }[]).some((e) => e.type === 'attachments.added')).toBe(true);
    const pdf = await call(h, 'attachments.get', {
      caseId: first.caseId,
      attachmentId: first.doc.attachmentId,
    });
    const f = path.join(root, 'henvisning.pdf');
    writeFileSync(f, Buffer.from(pdf.data, 'base64'));
    expect((await run('pdftotext', [f, '-'])).stdout).toContain(`mottatt ${first.doc.received}`);
    expect(await addDemoDocuments(session.requireVault(), TODAY)).toBe(0);
    expect((await call(h, 'vault.check', {})).ok).toBe(true);
  });
});
