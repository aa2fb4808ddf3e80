import type { CaseDoc } from '../domain/caseDoc';
import type { Referral } from '../domain/referral';

/**
 * Where the signal-to-referral lag starts (issue 15 item 2). The study found early signs noticed
 * years before a referral; a referral's own `signal` date alone hides that. The signal is the
 * earliest of: the first signs (`earlySigns.firstSignsDate`), the first absence
 * (`earlySigns.firstAbsence`), the school's first concern (`earlySigns.schoolFirstConcern`) and
 * the referral's `signal`. For one referral only dates on or before the day it was sent (received
 * when not sent) count: a sign noticed after a referral is not where that referral's wait began.
 *
 * This is the one definition: the waiting statistics (shared/waiting/records.ts), the metrics
 * bundle and the outcomes report all take the signal from here.
 */
export type SignalSource = 'firstSigns' | 'firstAbsence' | 'schoolFirstConcern' | 'referral';
export interface Signal {
  date: string;
  source: SignalSource;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);

type SignalDoc = Pick<CaseDoc, 'earlySigns' | 'referrals'>;
type SignalReferral = Pick<Referral, 'signal' | 'sent' | 'received'>;

/** Every dated signal of the case (for one referral: its own signal and the case's early signs). */
export function signalCandidates(doc: SignalDoc, referral?: SignalReferral): Signal[] {
  const out: Signal[] = [];
  const add = (date: unknown, source: SignalSource) => {
    if (isDate(date)) out.push({ date, source });
  };
  const e = doc.earlySigns;
  add(e?.firstSignsDate, 'firstSigns');
  add(e?.firstAbsence, 'firstAbsence');
  add(e?.schoolFirstConcern, 'schoolFirstConcern');
  if (referral) add(referral.signal, 'referral');
  else for (const r of doc.referrals ?? []) add(r.signal, 'referral');
  const by = referral ? (isDate(referral.sent) ? referral.sent : referral.received) : null;
  return isDate(by) ? out.filter((s) => s.date <= by) : out;
}

/**
 * The earliest signal of a case (pass the case state or its document), or of one of its
 * referrals; null when nothing is dated. Ties go to the early-sign fields before the referral's.
 */
export function earliestSignal(
  state: { doc: SignalDoc } | SignalDoc,
  referral?: SignalReferral,
): Signal | null {
  const doc: SignalDoc = 'doc' in state ? state.doc : state;
  let best: Signal | null = null;
  for (const s of signalCandidates(doc, referral)) if (!best || s.date < best.date) best = s;
  return best;
}
