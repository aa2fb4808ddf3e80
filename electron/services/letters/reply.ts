import type { z } from 'zod';
import type { replyOps } from '../../../shared/contract/reply';
import type { CaseChange } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { REPLY_CODES, replyAnswers } from '../../../shared/letters/replyForm';
import { followReplyAnswers, followReplyPlan } from '../../../shared/letters/followReply';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
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
      const fields = new Map(Object.entries(result.update?.fields ?? {}));
      if (model.kind === 'oppfolgingsbrev') {
        const read = followReplyAnswers(model, fields, session.today());
        if (!read.ok) throw refuse(read.code, read.field ? { field: read.field } : {});
        const plan = followReplyPlan(state.doc as CaseDoc, model, read);
        if (!plan.ok) throw refuse(plan.code);
        const changes = followChanges(state, plan);
        if (changes.length) await updateCase(vault, caseId, changes, session.today());
        return {
          caseId: model.caseId,
          letterId: model.letterId,
          kind: model.kind,
          recorded: plan.steps.flatMap((st) =>
            st.effect.on === 'schoolAnswer' && !st.unchanged
              ? [
                  {
                    recommendationId: (state.doc as CaseDoc).recommendations![st.effect.recommendation]!.id,
                    n: st.n,
                    answer: st.effect.schoolAnswer.answer,
                    date: st.effect.schoolAnswer.date,
                  },
                ]
              : [],
          ),
          unchanged: plan.steps.filter((st) => st.unchanged && st.effect.on !== 'note').length,
          followUp: plan.steps.map((st) => ({
            n: st.n,
            kind: st.kind,
            what: st.what,
            answer: st.answer,
            date: st.date,
            effect: st.effect.on,
            unchanged: st.unchanged,
          })),
          noteId: plan.note.id,
          noteAdded: plan.noteAdded,
        };
      }
      const recs = (state.doc.recommendations ?? []) as { id: string; schoolAnswer?: unknown }[];
      const judged = replyAnswers(model, fields, new Set(recs.map((r) => r.id)), session.today());
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

const FOLLOW_REASON = 'Skolens svar på oppfølgingsbrevet lest inn fra utfylt svarslipp';

/**
 * The plan of an oppfølgingsbrev's answer as changes to the case: a meeting's agreements in one
 * change per meeting, a school answer or a moved evaluation date per measure, and the journal note
 * when it is new (a slip with other answers for the same letter gets a note of its own; the one
 * before it is kept as it is: shared/letters/followReply.ts followNote).
 */
function followChanges(
  state: { doc: unknown; keys: Record<string, string[]> },
  plan: Extract<ReturnType<typeof followReplyPlan>, { ok: true }>,
): CaseChange[] {
  const doc = state.doc as CaseDoc;
  const changes: CaseChange[] = [];
  const meetings = new Map<number, NonNullable<NonNullable<CaseDoc['meetings']>[number]['agreements']>>();
  for (const st of plan.steps) {
    if (st.unchanged) continue;
    const e = st.effect;
    if (e.on === 'agreement') {
      const list = meetings.get(e.meeting) ?? [...(doc.meetings![e.meeting]!.agreements ?? [])];
      list[e.agreement] = { ...list[e.agreement]!, ...e.set };
      meetings.set(e.meeting, list);
    } else if (e.on === 'schoolAnswer') {
      changes.push({
        op: 'set',
        entity: 'recommendations',
        key: state.keys.recommendations![e.recommendation]!,
        set: { schoolAnswer: e.schoolAnswer },
      });
    } else if (e.on === 'evaluationDate') {
      const rec = doc.recommendations![e.recommendation]!;
      changes.push({
        op: 'set',
        entity: 'recommendations',
        key: state.keys.recommendations![e.recommendation]!,
        set: { evaluation: { ...rec.evaluation!, date: e.date } },
        reason: FOLLOW_REASON,
      });
    }
  }
  for (const [mi, agreements] of meetings)
    changes.push({
      op: 'set',
      entity: 'meetings',
      key: state.keys.meetings![mi]!,
      set: { agreements },
      reason: FOLLOW_REASON,
    });
  if (plan.noteAdded) changes.push({ op: 'set', entity: 'notes', set: { ...plan.note } });
  return changes;
}
