import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import {
  archiveFileName,
  buildArkivmeldinger,
  type ArchiveDocument,
  type ArchiveLetter,
} from '../../../shared/archive/arkivmelding';
import {
  archiveBeforeDelete,
  archiveReceipt,
  archiveStatus,
  attachmentIdOfKey,
  caseIdOfKey,
  letterIdOfKey,
  matchKvittering,
  parseKvittering,
  RECEIPT_CODES,
  sameReceipt,
  sameSubject,
  type ArchiveReceipt,
} from '../../../shared/archive/status';
import type { archiveOps } from '../../../shared/contract/archive';
import { BroError } from '../../../shared/errors';
import { storedLetterPdfs } from '../letters/stored-pdf';
import { DOCUMENT_TYPES } from '../../../shared/attachments/document';
import type { Progress, Session } from '../session';
import { resolveCase } from '../letters/issue';
import { writeAtomic } from '../vault/atomic';
import { zip } from './zip';

type Ops = typeof archiveOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
/** The official kvittering schema (shared/archive/fiks-arkiv/README.md), resolved for dev and the bundle. */
const KVITTERING_XSD = 'no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd';
function schemaDir(): string {
  const candidates = [
    process.env.BRO_FIKS_ARKIV_XSD_DIR,
    path.resolve(import.meta.dirname, '../../../shared/archive/fiks-arkiv'),
    path.resolve(import.meta.dirname, '../shared/archive/fiks-arkiv'),
    path.resolve(process.cwd(), 'shared/archive/fiks-arkiv'),
  ].filter((x): x is string => !!x);
  return (
    candidates.find((d) => existsSync(path.join(d, KVITTERING_XSD))) ?? candidates[candidates.length - 1]!
  );
}

const invalid = (code: string, message: string) =>
  new BroError('VALIDATION', message, { issues: [{ path: ['xml'], code }] });

/** xmllint against the kvittering XSD (offline: the imports are local). Throws VALIDATION when it fails. */
async function validateKvittering(xml: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bro-kvittering-'));
  try {
    const file = path.join(dir, 'kvittering.xml');
    await writeFile(file, xml, { mode: 0o600 });
    const code = await new Promise<number>((resolve) => {
      execFile(
        'xmllint',
        ['--noout', '--nonet', '--schema', path.join(schemaDir(), KVITTERING_XSD), file],
        { timeout: 30_000 },
        (err) =>
          resolve(
            err
              ? typeof (err as { code?: unknown }).code === 'number'
                ? (err as { code: number }).code
                : -1
              : 0,
          ),
      );
    });
    if (code === -1 || code === 127)
      throw new BroError('IO', 'xmllint is needed to check the receipt', { detail: { reason: 'XMLLINT' } });
    if (code !== 0)
      throw invalid(RECEIPT_CODES.invalid, 'The receipt does not match the Fiks Arkiv kvittering schema');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function receiptsOf(
  vault: ReturnType<Session['requireVault']>,
  caseId: string,
): Promise<ArchiveReceipt[]> {
  const out: ArchiveReceipt[] = [];
  for (const e of await vault.readCase(caseId)) {
    if (e.type !== 'archive.receipt') continue;
    const p = archiveReceipt.safeParse(e.data);
    if (p.success) out.push(p.data);
  }
  return out;
}

export type ArchiveHandlers = { [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>> };

/** The handlers of shared/contract/archive.ts; part of the one handler table (../handlers.ts). */
export function archiveHandlers(session: Session): ArchiveHandlers {
  return {
    'archive.make': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      const state = await vault.fold(caseId);
      if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');

      // The letters as they left Bro: the PDFs kept in the case when they were issued.
      const pdfs = await storedLetterPdfs(vault, caseId, await vault.readCase(caseId));
      const letters: (ArchiveLetter & { pdf: Buffer })[] = state.letters
        .filter((l) => pdfs.has(l.letterId))
        .map((l) => {
          const pdf = pdfs.get(l.letterId)!;
          return {
            letterId: l.letterId,
            kind: l.kind,
            date: l.date,
            issuedAt: l.issuedAt,
            recipients: l.recipients,
            file: archiveFileName(l),
            bytes: pdf.length,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            pdf,
          };
        });
      // Received documents (issue 19 item 0), read from their blobs: incoming journalposts.
      const documents: (ArchiveDocument & { content: Buffer })[] = [];
      for (const a of state.attachments) {
        const content = await vault.readBlob(caseId, a.blob);
        documents.push({
          attachmentId: a.attachmentId,
          title: a.title,
          received: a.received,
          mediaType: DOCUMENT_TYPES[a.type].mediaType,
          file: `dokument-${a.received}.${DOCUMENT_TYPES[a.type].ext}`,
          bytes: content.length,
          sha256: a.blob.sha256,
          content,
        });
      }
      const messages = buildArkivmeldinger({
        caseKey: caseId,
        caseRef: state.doc.id,
        service: String(state.doc.service ?? 'PPT'),
        letters,
        documents,
      });
      const files: { name: string; bytes: Buffer }[] = [];
      const listed = messages.map((m) => {
        const names = [`${m.folder}/arkivmelding.xml`];
        files.push({ name: names[0]!, bytes: Buffer.from(m.xml, 'utf8') });
        const l = letters.find((x) => x.letterId === m.letterId);
        if (l) {
          names.push(`${m.folder}/${l.file}`);
          files.push({ name: names[1]!, bytes: l.pdf });
        }
        const d = documents.find((x) => x.attachmentId === m.attachmentId);
        if (d) {
          names.push(`${m.folder}/${d.file}`);
          files.push({ name: names[1]!, bytes: d.content });
        }
        return {
          folder: m.folder,
          key: m.key,
          letterId: m.letterId,
          ...(m.attachmentId ? { attachmentId: m.attachmentId } : {}),
          files: names,
        };
      });

      let bytes = 0;
      let packed: Buffer | null = null;
      const out = input.out === undefined ? null : path.resolve(input.out);
      try {
        if (out === null || /\.zip$/iu.test(out)) {
          packed = zip(files);
          bytes = packed.length;
          // SECURITY: the case leaves the vault only here, by the user's choice; atomic, mode 0600.
          if (out !== null) await writeAtomic(out, packed);
        } else {
          const exists = await stat(out).then(
            (s) => s,
            () => null,
          );
          if (exists && !exists.isDirectory())
            throw new BroError('VALIDATION', 'The archive folder is a file', {
              issues: [{ path: ['out'], code: 'NOT_A_FOLDER' }],
            });
          for (const f of files) {
            const target = path.join(out, f.name);
            await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
            await writeAtomic(target, f.bytes);
            bytes += f.bytes.length;
          }
        }
      } catch (e) {
        if (e instanceof BroError) throw e;
        throw new BroError('IO', 'Could not write the archive package', { detail: { reason: 'WRITE' } });
      }
      await vault.audit('archive.make', caseId);
      return {
        file: out,
        ...(out === null && packed ? { zip: packed.toString('base64') } : {}),
        caseId,
        messages: listed,
        bytes,
      };
    },
    'archive.receipt': async ({ xml }) => {
      const vault = session.requireVault();
      await validateKvittering(xml);
      const k = parseKvittering(xml);
      // The case: named by the saksmappe's key, or the case that holds the journalpost's letter or
      // received document (ids are random, so at most one case holds it).
      let caseId: string | null = null;
      if (k.mappe) caseId = caseIdOfKey(k.mappe.noekkel);
      else if (k.registrering) {
        const letterId = letterIdOfKey(k.registrering.noekkel);
        const attachmentId = attachmentIdOfKey(k.registrering.noekkel);
        if (letterId !== null || attachmentId !== null)
          for (const c of (await vault.listCases()).cases) {
            const st = await vault.fold(c.caseId).catch(() => null);
            if (
              st?.letters.some((l) => l.letterId === letterId) ||
              st?.attachments.some((a) => a.attachmentId === attachmentId)
            ) {
              caseId = c.caseId;
              break;
            }
          }
      } else
        throw invalid(RECEIPT_CODES.empty, 'The receipt holds no kvittering (only an error, or nothing)');
      const state =
        caseId !== null && /^[a-z2-7]{26}$/u.test(caseId) ? await vault.fold(caseId).catch(() => null) : null;
      if (caseId === null || !state?.opened)
        throw invalid(RECEIPT_CODES.unknownKey, 'The receipt is for something this vault never sent');
      const letterIds = state.letters.map((l) => l.letterId);
      const attachmentIds = state.attachments.map((a) => a.attachmentId);
      const m = matchKvittering(k, { caseId, letterIds, attachmentIds });
      if (!m.ok) throw invalid(m.code, 'The receipt does not match this case, its letters and documents');
      const before = await receiptsOf(vault, caseId);
      // Idempotent: a receipt the case already holds, the same, is not recorded again.
      const latest = (r: ArchiveReceipt) => [...before].reverse().find((b) => sameSubject(b, r));
      const fresh = m.receipts.filter((r) => {
        const b = latest(r);
        return !b || !sameReceipt(b, r);
      });
      if (fresh.length)
        await vault.append(
          caseId,
          fresh.map((data) => ({ type: 'archive.receipt', data })),
        );
      const status = archiveStatus([...before, ...fresh], letterIds, attachmentIds);
      return {
        caseId,
        recorded: fresh.length,
        receipts: m.receipts.map((r) =>
          r.of === 'case'
            ? { of: 'case' as const, reference: `${r.saksaar ?? '?'}/${r.sakssekvensnummer ?? '?'}` }
            : r.of === 'letter'
              ? {
                  of: 'letter' as const,
                  letterId: r.letterId,
                  reference: status.letters.find((l) => l.letterId === r.letterId)?.reference ?? '',
                }
              : {
                  of: 'document' as const,
                  attachmentId: r.attachmentId,
                  reference: status.documents.find((d) => d.attachmentId === r.attachmentId)?.reference ?? '',
                },
        ),
      };
    },
    'archive.status': async ({ caseId: ref }) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, ref);
      const state = await vault.fold(caseId);
      if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
      const status = archiveStatus(
        await receiptsOf(vault, caseId),
        state.letters.map((l) => l.letterId),
        state.attachments.map((a) => a.attachmentId),
      );
      const docs = new Map(state.attachments.map((a) => [a.attachmentId, a]));
      return {
        caseId,
        ...status,
        documents: status.documents.map((d) => {
          const a = docs.get(d.attachmentId);
          return a ? { ...d, type: a.type, received: a.received } : d;
        }),
      };
    },
  };
}

/**
 * Refuses to delete a case whose letters and received documents the archive has not all filed
 * (archiveBeforeDelete), unless the caller says the case goes without being archived
 * (`withoutArchive`, e.g. opened in error). Throws VALIDATION with one NOT_ARCHIVED issue per letter
 * (`letters.<id>`) and per received document (`documents.<id>`) the archive lacks, and changes nothing.
 */
export async function assertArchivedBeforeDelete(
  vault: ReturnType<Session['requireVault']>,
  caseId: string,
): Promise<void> {
  let state;
  try {
    state = await vault.fold(caseId);
  } catch (e) {
    // A damaged case cannot be read, so neither can its letters: it can still be removed
    // (docs/USER-GUIDE: «Skadet sak»); the audit log records the deletion and its reason.
    if (e instanceof BroError && e.code === 'TAMPERED') return;
    throw e;
  }
  if (!state.opened) return; // NOT_FOUND comes from the deletion itself
  const issues = archiveBeforeDelete(
    archiveStatus(
      await receiptsOf(vault, caseId),
      state.letters.map((l) => l.letterId),
      state.attachments.map((a) => a.attachmentId),
    ),
  );
  if (issues.length > 0) {
    const documents = issues.filter((i) => i.path[0] === 'documents').length;
    throw new BroError('VALIDATION', 'The archive has not filed every letter and document of this case', {
      issues,
      detail: { missing: issues.length, letters: issues.length - documents, documents },
    });
  }
}
