import type { CaseDoc } from '../domain/caseDoc';
import { addDays } from '../calendar/days';

/**
 * The dates a case itself sets for what it owes someone (never stored, derived), so the case list
 * can show the next deadline and what is overdue without settings or a second pass. Deadlines
 * that depend on the targets in settings (foreløpig svar, decision, first contact, the school's
 * reply, transitions) are `tasks.list`'s (shared/waiting/tasks.ts).
 *  - `frist`: BUP's latest date for the start of help, until first contact.
 *  - `evaluation`: a measure's planned evaluation, until an evaluation is recorded near or after it.
 *  - `agreement`: an open meeting agreement with a deadline ("lovet eleven" ones are marked).
 */
export type DeadlineKind = 'frist' | 'evaluation' | 'agreement';

export interface Deadline {
  date: string;
  kind: DeadlineKind;
  /** A short label from the case (the measure or agreement), at most 80 characters. */
  label: string | null;
  promisedToPupil?: boolean;
}

/** An evaluation held up to this many days before the planned date counts as that evaluation. */
const EARLY_EVALUATION_DAYS = 14;

const short = (s: string | null | undefined) => (s == null ? null : s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** Open deadlines of one case, earliest first. Pure: the caller decides what is overdue (date < today). */
export function openDeadlines(doc: CaseDoc): Deadline[] {
  const out: Deadline[] = [];
  const referrals = doc.referrals ?? [];
  // A case whose referrals are all closed owes nothing more.
  if (referrals.length > 0 && referrals.every((r) => r.closed != null)) return out;
  for (const r of referrals) {
    if (r.closed != null || r.received == null) continue;
    if (r.frist != null && r.firstContact == null) out.push({ date: r.frist, kind: 'frist', label: r.id });
  }
  for (const m of doc.recommendations ?? []) {
    const planned = m.evaluation?.date;
    if (!planned) continue;
    const evals = m.evaluations ?? [];
    const last = [...evals].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
    if (last?.decision === 'avsluttes') continue;
    const earliest = addDays(planned, -EARLY_EVALUATION_DAYS);
    if (evals.some((e) => e.date >= earliest)) continue;
    out.push({ date: planned, kind: 'evaluation', label: short(m.what) });
  }
  for (const meeting of doc.meetings ?? []) {
    for (const a of meeting.agreements ?? []) {
      if (a.status !== 'åpen' || a.deadline == null) continue;
      out.push({
        date: a.deadline,
        kind: 'agreement',
        label: short(a.what),
        ...(a.promisedToPupil ? { promisedToPupil: true } : {}),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
