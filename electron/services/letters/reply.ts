import type { z } from 'zod';
import type { replyOps } from '../../../shared/contract/reply';
import type { CaseChange } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { REPLY_CODES, replyAnswers } from '../../../shared/letters/replyForm';
import { updateCase } from '../cases/update';
import type { Session } from '../session';
import { FORM_FILL_KINDS, type RevisionChange } from '../signing/revision';
import { checkLetterPdf } from '../signing/verify';
import { resolveCase } from './issue';

type Ops = typeof replyOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;

/** One issue per change after signing, at the page it touches: CHANGE_ANNOTATION at ['side', 2], … */
export const changeIssues = (changes: RevisionChange[]) =>
  changes.map((c) => ({
    path: c.page !== null ? ['side', c.page] : ['pdf'],
    code: `CHANGE_${c.kind.toUpperCase().replaceAll('-', '_')}`,
  }));

const refuse = (code: string, extra: { field?: string; changes?: RevisionChange[] } = {}) =>
  new BroError('VALIDATION', 'The filled-in reply cannot be read in', {
    issues: [
      { path: extra.field ? ['pdf', extra.field] : ['pdf'], code },
      ...changeIssues(extra.changes ?? []),
    ],
  });

const sameAnswer = (a: unknown, b: Record<string, unknown>) =>
  !!a && typeof a === 'object' && Object.keys(b).every((k) => (a as Record<string, unknown>)[k] === b[k]);

/**
 * `reply.import` (issue 19 item 3): the school's filled-in reply slip back into the case. The
 * letter must be one this vault issued (letter id and content hash among the case's issued
 * letters, signed by a member key) and changed after signing only by filling in its form; the
 * answers are then judged by the one rule (shared/letters/replyForm.ts) and recorded through
 * `updateCase`, so the measure rules apply as for an answer typed in. Refusals record nothing.
 */
export function replyHandlers(session: Session) {
  return {
    'reply.import': async (input: In<'reply.import'>): Promise<Out<'reply.import'>> => {
      const vault = session.requireVault();
      const bytes = Buffer.from(input.pdf, 'base64');
      const keys = (await vault.memberRecords()).map((m) => ({ ...m.publicJwk, name: m.name }));
      const { result, model } = await checkLetterPdf(bytes, keys);
      if (!model || model.draft) throw refuse(REPLY_CODES.notOurs);
      if (result.reasons.includes('CHANGED_AFTER_SIGNING'))
        throw refuse(REPLY_CODES.changed, {
          changes: (result.update?.changes ?? []).filter((c) => !FORM_FILL_KINDS.includes(c.kind)),
        });
      // Signed by someone who is not a member of this vault: another vault's letter.
      if (!result.jws.trusted) throw refuse(REPLY_CODES.notOurs);
      if (!result.valid) throw refuse(REPLY_CODES.changed);
      let caseId: string;
      try {
        caseId = await resolveCase(vault, model.caseId);
      } catch {
        throw refuse(REPLY_CODES.notOurs);
      }
      const state = await vault.fold(caseId);
      const issued = state.letters.find(
        (l) => l.letterId === model.letterId && l.contentHash === result.contentHash,
      );
      if (!issued) throw refuse(REPLY_CODES.notOurs);
      const recs = (state.doc.recommendations ?? []) as { id: string; schoolAnswer?: unknown }[];
      const judged = replyAnswers(
        model,
        new Map(Object.entries(result.update?.fields ?? {})),
        new Set(recs.map((r) => r.id)),
        session.today(),
      );
      if (!judged.ok) throw refuse(judged.code, judged.field ? { field: judged.field } : {});
      const changes: CaseChange[] = [];
      const recorded: Out<'reply.import'>['recorded'] = [];
      let unchanged = 0;
      for (const a of judged.answers) {
        const i = recs.findIndex((r) => r.id === a.id);
        const key = state.keys.recommendations[i];
        if (i < 0 || !key) throw refuse(REPLY_CODES.unknownRecommendation);
        const schoolAnswer = {
          answer: a.answer,
          reason: a.reason,
          reasonCategory: a.reasonCategory,
          alternative: a.alternative,
          by: a.by,
          date: a.date,
        };
        if (sameAnswer(recs[i]!.schoolAnswer, schoolAnswer)) {
          unchanged++;
          continue;
        }
        changes.push({
          op: 'set',
          entity: 'recommendations',
          key,
          set: { schoolAnswer },
          ...(recs[i]!.schoolAnswer
            ? { reason: 'Skolens svar lest inn fra utfylt svarslipp (erstatter tidligere svar)' }
            : {}),
        });
        recorded.push({ recommendationId: a.id, n: a.n, answer: a.answer, date: a.date });
      }
      if (changes.length) await updateCase(vault, caseId, changes, session.today());
      return { caseId: model.caseId, letterId: model.letterId, kind: model.kind, recorded, unchanged };
    },
  };
}
