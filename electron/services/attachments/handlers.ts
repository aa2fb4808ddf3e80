import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  DOCUMENT_TYPES,
  attachmentFileName,
  checkDocument,
  titleFromFileName,
  type Attachment,
} from '../../../shared/attachments/document';
import type { attachmentOps } from '../../../shared/contract/attachments';
import { BroError } from '../../../shared/errors';
import { randomId } from '../vault/crypto';
import { resolveCase } from '../letters/issue';
import type { Progress, Session } from '../session';
import type { Vault } from '../vault/vault';

type Ops = typeof attachmentOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type AttachmentHandlers = {
  [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>>;
};

const described = (a: Attachment) => ({
  attachmentId: a.attachmentId,
  title: a.title,
  received: a.received,
  type: a.type,
  mediaType: DOCUMENT_TYPES[a.type].mediaType,
});

/**
 * The handlers of shared/contract/attachments.ts (issue 19 item 0); part of the one handler table.
 * SECURITY: a document's file name and content never reach a log or an error: errors carry codes
 * and field paths only, and the access log records `attachment.add` / `attachment.read` with the
 * case id.
 */
export function attachmentHandlers(session: Session): AttachmentHandlers {
  return {
    'attachments.add': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      return addAttachment(
        vault,
        caseId,
        { ...input, bytes: Buffer.from(input.data, 'base64') },
        session.today(),
      );
    },
    'attachments.get': async ({ caseId: ref, attachmentId }) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, ref);
      const a = (await vault.fold(caseId)).attachments.find((x) => x.attachmentId === attachmentId);
      if (!a)
        throw new BroError('NOT_FOUND', 'No such document in the case', {
          issues: [{ path: ['attachmentId'], code: 'NOT_FOUND' }],
        });
      const bytes = await vault.readBlob(caseId, a.blob);
      await vault.audit('attachment.read', caseId);
      return { ...described(a), fileName: attachmentFileName(a), data: bytes.toString('base64') };
    },
  };
}

/**
 * Attaches a received document to a case (the app, the CLI and the demo all come here): the rule
 * first (type by magic bytes, size), then the blob, then the event. The same file already in the
 * case records nothing and answers with that one (`duplicate`).
 */
export async function addAttachment(
  vault: Vault,
  caseId: string,
  input: {
    bytes: Buffer;
    title?: string | undefined;
    received?: string | undefined;
    originalName?: string | undefined;
  },
  today: string,
): Promise<Out<'attachments.add'>> {
  const { bytes } = input;
  const checked = checkDocument(bytes, ['data']);
  if (!checked.ok)
    throw new BroError('VALIDATION', 'Not a document Bro can keep', { issues: [checked.issue] });
  const received = input.received ?? today;
  if (received > today)
    throw new BroError('VALIDATION', 'The received date is after today', {
      issues: [{ path: ['received'], code: 'DATE_IN_FUTURE', limit: today }],
    });
  const state = await vault.fold(caseId);
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const same = state.attachments.find((a) => a.blob.sha256 === sha256);
  if (same) return { caseId, ...described(same), bytes: same.blob.size, duplicate: true };
  // The blob first, then the event: a crash between leaves a stray blob, never a reference to nothing.
  const blob = await vault.putBlob(caseId, bytes);
  const data = {
    attachmentId: randomId(),
    title: input.title ?? (input.originalName ? titleFromFileName(input.originalName) : 'Dokument'),
    received,
    type: checked.type,
    blob,
  };
  const [ev] = await vault.append(caseId, [{ type: 'attachments.added', data }]);
  await vault.audit('attachment.add', caseId);
  const a: Attachment = { ...data, eventId: ev!.id, at: ev!.at, actor: ev!.actor };
  return { caseId, ...described(a), bytes: blob.size, duplicate: false };
}
