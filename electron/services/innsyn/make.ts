import { storedLetterPdfs } from '../letters/stored-pdf';
import { DOCUMENT_TYPES, type Attachment } from '../../../shared/attachments/document';
import type { InnsynDocumentFile } from '../../../shared/innsyn/file';
import { unlink } from 'node:fs/promises';
import { accessLog } from '../../../shared/audit/actions';
import { checkFileSharing, type RecipientRole } from '../../../shared/consent/sharing';
import { BroError } from '../../../shared/errors';
import { buildInnsyn, requestToAnswer, type WithheldItem } from '../../../shared/innsyn/file';
import { SERVICE_LONG_NAME, type Letterhead } from '../../../shared/letters/settings';
import { noteWriters } from '../../../shared/notes/visibility';
import type { Progress } from '../session';
import { writeAtomic } from '../vault/atomic';
import type { Vault } from '../vault/vault';
import { resolveCase } from '../letters/issue';
import { updateCase } from '../cases/update';

export interface InnsynRequest {
  /** A vault case id or the case's own id. */
  caseId: string;
  /** Where to write the PDF (the CLI); null: the bytes come back (the app saves them where the user chooses). */
  out: string | null;
  lang: 'nb' | 'nn';
  /** The request it answers, by its key in the case; omitted: the oldest open one, if any. */
  requestKey?: string | undefined;
  /** Record the request as answered today (the file is handed over). */
  answer: boolean;
  /** Who gets the file; missing: the parties (the parents, the pupil). Anyone else: consent or legal basis. */
  to?: string | undefined;
  legalBasis?: string | undefined;
}

export interface InnsynResult {
  file: string | null;
  pdf?: string;
  caseId: string;
  pages: number;
  bytes: number;
  entries: number;
  letters: { name: string; letterId: string }[];
  withheld: { date: string | null; what: string; basis: string; path: (string | number)[] }[];
  /** The request it answered (its key), when `answer` recorded one. */
  answered: { key: string; date: string } | null;
  /** Whom it went to (role, never a name) and on what basis; null: to the parties, not named. */
  sharing: { role: RecipientRole; basis: 'consent' | 'legal' | 'party' } | null;
}

const clean = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/**
 * Makes the innsyn file for a case (issue 14 item 5): the case in date order, every issued letter
 * attached as it was sent (PDF/A-3 associated files), what is withheld listed with its basis, and
 * the case's access log. The file leaves the vault only to `out` or as bytes to the caller; the
 * audit log records `innsyn.make`. With `answer`, the request is recorded as answered today, which
 * closes its one-month task: the file and the record go together or the record is not written.
 */
export async function makeInnsyn(
  vault: Vault,
  req: InnsynRequest,
  ctx: { today: string; now: Date; appLetterhead: Letterhead | null; progress?: Progress | undefined },
): Promise<InnsynResult> {
  const caseId = await resolveCase(vault, req.caseId);
  const progress = ctx.progress;
  progress?.(0, 100, 'innsyn.read');
  const state = await vault.fold(caseId);
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  // Consent at every sharing (item 8): checked before anything is made or written.
  let sharing: InnsynResult['sharing'] = null;
  let legalBasis: string | undefined;
  if (req.to !== undefined) {
    const check = checkFileSharing(state.doc, req.to, ctx.today, req.legalBasis, ['legalBasis']);
    if (!check.ok)
      throw new BroError('CONSENT_MISSING', 'No valid consent and no legal basis for the recipient', {
        issues: [{ path: check.issue.path, code: 'CONSENT_MISSING', limit: check.issue.recipient }],
        detail: { recipient: check.issue.recipient },
      });
    sharing = { role: check.role, basis: check.basis.kind };
    if (check.basis.kind === 'legal') legalBasis = check.basis.text;
  }
  const requests = state.doc.accessRequests ?? [];
  const keys = state.keys.accessRequests ?? [];
  let index: number | undefined;
  if (req.requestKey !== undefined) {
    index = keys.indexOf(req.requestKey);
    if (index < 0)
      throw new BroError('NOT_FOUND', 'No such access request in the case', {
        issues: [{ path: ['request'], code: 'NOT_FOUND' }],
      });
  }
  const target = requestToAnswer(requests, index);
  if (req.answer && !target)
    throw new BroError('VALIDATION', 'No open access request to answer', {
      issues: [{ path: ['answer'], code: 'NO_OPEN_REQUEST' }],
    });

  // The letters as they left Bro: the PDFs kept in the case when they were issued.
  const events = await vault.readCase(caseId);
  const pdfs = await storedLetterPdfs(vault, caseId, events);
  const letters = state.letters.filter((l) => pdfs.has(l.letterId));

  // The access log of this case, by member name; written before this file's own line.
  const members = await vault.members();
  const names = new Map(members.map((m) => [m.memberId, m.name] as const));
  const access = accessLog(await vault.readAudit(), names, { caseId });

  // When each item was first recorded, for items without a date of their own (a measure not started).
  const firstAt = new Map<string, string>();
  for (const h of state.history) if (h.key && !firstAt.has(h.key)) firstAt.set(h.key, h.at.slice(0, 10));
  const writers = noteWriters(state.history);
  const noteKeys = state.keys.notes ?? [];
  const me = members.find((m) => m.me);
  const lh = ctx.appLetterhead;
  const serviceName =
    clean(lh?.serviceName) ?? SERVICE_LONG_NAME[state.doc.service]?.[req.lang] ?? String(state.doc.service);
  progress?.(10, 100, 'innsyn.read');

  const content = buildInnsyn({
    caseRef: state.doc.id,
    doc: state.doc,
    letters: letters.map((l) => ({
      letterId: l.letterId,
      kind: l.kind,
      date: l.date,
      code: l.code,
      recipients: l.recipients,
    })),
    documents: state.attachments.map((a) => ({
      attachmentId: a.attachmentId,
      title: a.title,
      received: a.received,
      ext: DOCUMENT_TYPES[a.type].ext,
    })),
    access,
    request: target?.request ?? null,
    recordedOn: (collection, i) => {
      const key = (state.keys as Record<string, string[] | undefined>)[collection]?.[i];
      return key ? (firstAt.get(key) ?? null) : null;
    },
    noteAuthor: (i) => {
      const w = writers.get(noteKeys[i] ?? '');
      return w ? (names.get(w) ?? null) : null;
    },
    today: ctx.today,
    lang: req.lang,
    letterhead: [serviceName, clean(lh?.address), clean(lh?.phone), clean(lh?.email)].filter(
      (x): x is string => x !== null,
    ),
    maker: me?.name.trim() || null,
  });

  // pdfkit and the fonts load with the first PDF, not with every `bro`.
  const { renderLetter } = await import('../letters/render');
  const rendered = await renderLetter({
    layout: content.layout,
    code: `${state.doc.id} · ${ctx.today}`,
    draft: false,
    attachments: [
      ...content.attachments.map((a) => ({
        name: a.name,
        bytes: pdfs.get(a.letterId)!,
        mime: 'application/pdf',
        description: a.description,
        relationship: 'Source' as const,
      })),
      // Received documents, as they came (issue 19 item 0): read from their blobs only now.
      ...(await documentAttachments(vault, caseId, state.attachments, content.documents)),
    ],
    seal: false,
    pades: null,
    time: ctx.now,
    onProgress: (done, total) =>
      progress?.(10 + Math.floor((80 * done) / Math.max(total, 1)), 100, 'innsyn.render'),
  });
  progress?.(90, 100, 'innsyn.write');

  if (req.out !== null) {
    try {
      // SECURITY: the case leaves the vault only here, by the user's choice; written atomically, mode 0600.
      await writeAtomic(req.out, rendered.pdf);
    } catch {
      throw new BroError('IO', 'Could not write the innsyn file', { detail: { reason: 'WRITE' } });
    }
  }
  await vault.audit(
    'innsyn.make',
    caseId,
    undefined,
    sharing ? { to: sharing.role, basis: sharing.basis, ...(legalBasis ? { legalBasis } : {}) } : undefined,
  );

  let answered: InnsynResult['answered'] = null;
  if (req.answer && target) {
    const key = keys[target.index]!;
    try {
      // The same path as the form: the request's rules (answered not before received) apply.
      await updateCase(
        vault,
        caseId,
        [{ op: 'set', entity: 'accessRequests', key, set: { answered: ctx.today } }],
        ctx.today,
      );
    } catch (e) {
      // Not handed over after all: the file written for it goes too.
      if (req.out !== null) await unlink(req.out).catch(() => {});
      throw e;
    }
    answered = { key, date: ctx.today };
  }
  progress?.(100, 100, 'innsyn.write');
  const withheld: WithheldItem[] = content.withheld;
  return {
    file: req.out,
    ...(req.out === null ? { pdf: rendered.pdf.toString('base64') } : {}),
    caseId,
    pages: rendered.pages,
    bytes: rendered.pdf.length,
    entries: content.entries,
    letters: content.attachments.map((a) => ({ name: a.name, letterId: a.letterId })),
    withheld,
    answered,
    sharing,
  };
}

/** The received documents as files for the innsyn PDF, each read from its blob. */
async function documentAttachments(
  vault: Vault,
  caseId: string,
  all: readonly Attachment[],
  files: readonly InnsynDocumentFile[],
): Promise<{ name: string; bytes: Buffer; mime: string; description: string; relationship: 'Source' }[]> {
  const out = [];
  for (const f of files) {
    const a = all.find((x) => x.attachmentId === f.attachmentId)!;
    out.push({
      name: f.name,
      bytes: await vault.readBlob(caseId, a.blob),
      mime: DOCUMENT_TYPES[a.type].mediaType,
      description: f.description,
      relationship: 'Source' as const,
    });
  }
  return out;
}
