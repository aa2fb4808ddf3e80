import { addDays } from '../calendar/days';
import type { CaseDoc } from '../domain/caseDoc';
import { EARLY_SIGNS, RISK_FACTORS, RISK_LEVELS } from '../domain/pathway';
import { nextTransition } from '../pathway/stage';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import type { Rng } from './prng';

/**
 * The demo's pupil path (issue 15 items 2 and 3), from its own random stream so the cases stay
 * what they were: most referred cases have early signs dated months to a year and a half before
 * the referral (so the signal-to-referral lag starts there) and a risk checklist; a pupil in the
 * last grade of a stage has the coming transition recorded, with a consent to the receiving school,
 * so an overgangsbrev can be issued; some cases have a new contact teacher as a past risk event.
 */
const NOTICED = ['mor', 'far', 'kontaktlærer', 'helsesykepleier', 'SFO-leder'];
const RECEIVING: Record<number, string> = { 7: 'Nordby ungdomsskole', 10: 'Nordby videregående skole' };

export function addPathway(rng: Rng, doc: CaseDoc, today: string): void {
  const ref = doc.referrals?.[0];
  const born = doc.pupil.birthDate ?? null;
  if (ref && rng.chance(0.75)) {
    const by = ref.sent ?? ref.received;
    const floor = born ? addDays(born, 5 * 365) : null;
    const clamp = (d: string) => (floor && d < floor ? floor : d > by ? by : d);
    const first = clamp(addDays(by, -rng.int(90, 540)));
    const signs = Object.fromEntries(
      EARLY_SIGNS.filter(() => rng.chance(0.35)).map((s) => [s, true]),
    ) as Record<string, boolean>;
    if (Object.keys(signs).length === 0) signs.vondtIMagen = true;
    doc.earlySigns = {
      firstSignsDate: first,
      noticedBy: rng.pick(NOTICED),
      signs,
      firstAbsence: clamp(addDays(first, rng.int(14, 120))),
      ...(rng.chance(0.6) ? { schoolFirstConcern: clamp(addDays(first, rng.int(30, 200))) } : {}),
    };
  }
  if (ref && rng.chance(0.6)) {
    const risk: Record<string, Record<string, boolean>> = {};
    for (const level of RISK_LEVELS) {
      const ticked = RISK_FACTORS[level].filter(() => rng.chance(0.25));
      if (ticked.length) risk[level] = Object.fromEntries(ticked.map((f) => [f, true]));
    }
    doc.riskFactors = risk;
  }
  const events: NonNullable<CaseDoc['transitionEvents']> = [];
  if (ref && rng.chance(0.3)) {
    const d = addDays(ref.received, -rng.int(20, 120));
    if (d <= today && (!born || d > born)) events.push({ date: d, kind: 'nyKontaktlaerer' });
  }
  const grade = doc.pupil.grade;
  const school = typeof grade === 'number' ? RECEIVING[grade] : undefined;
  const next = nextTransition(grade, today, DEFAULT_SETTINGS.tasks.schoolYearStart);
  const guardian = (doc.guardians ?? []).find((g) => g.parentalResponsibility);
  if (school && next && guardian) {
    events.push({ date: next.date, kind: 'overgang', receivingSchool: school });
    const given = addDays(today, -rng.int(3, 30));
    doc.consents = [
      ...(doc.consents ?? []),
      {
        givenBy: guardian.name,
        information: 'Tiltak som virker, trygge voksne og plan for oppstart',
        recipient: school,
        purpose: 'Overgang til ny skole (overgangsbrev)',
        date: given,
      },
    ];
  }
  if (events.length) doc.transitionEvents = events;
}

const REFERRER_SERVICE: Partial<Record<string, string>> = {
  fastlege: 'Fastlegen',
  helsesykepleier: 'Helsesykepleier ved skolen',
  BUP: 'BUP',
  barnevern: 'Barnevernstjenesten',
  Skoleteam: 'Skoleteamet',
};

/**
 * The demo's involved services and assessment status (issue 15 item 5), from the case as it
 * stands (no random draws, so every other part stays as it was): the school and, where a service
 * referred, that service; for a referral with an assessment, the status henvist → pågår →
 * konkludert on its milestones, each change marked revisited a few days after (and, by
 * `leaveOneRevisit`, one open case's newest change left for the caseworker to revisit).
 */
export function addInvolvement(doc: CaseDoc, today: string): void {
  const ref = doc.referrals?.[0];
  if (!ref) return;
  const since = ref.sent ?? ref.received;
  const services: NonNullable<CaseDoc['involvedServices']> = [];
  if (doc.pupil.school)
    services.push({
      service: doc.pupil.school,
      since,
      role: 'Har ansvaret for tiltakene i skolen og melder fraværet.',
      contact: doc.pupil.coordinator ? `${doc.pupil.coordinator.name} (${doc.pupil.coordinator.role})` : null,
    });
  const referrer = ref.referredBy ? REFERRER_SERVICE[ref.referredBy] : undefined;
  if (referrer && referrer !== doc.service)
    services.push({
      service: referrer,
      since,
      role: 'Henviste eleven og følger opp fra sin side.',
      contact: null,
    });
  if (services.length) doc.involvedServices = services;

  const responsible = ref.service ?? doc.service ?? 'PPT';
  const steps: [string | null | undefined, 'henvist' | 'pågår' | 'konkludert'][] = [
    [ref.received, 'henvist'],
    [ref.assessmentStarted, 'pågår'],
    [ref.concluded, 'konkludert'],
  ];
  const statuses: NonNullable<CaseDoc['assessmentStatuses']> = [];
  for (const [date, status] of steps) {
    if (!date || date > today) continue;
    const revisited = addDays(date, 3);
    statuses.push({
      date,
      status,
      service: responsible,
      ...(statuses.length > 0 && revisited <= today ? { recommendationsRevisited: revisited } : {}),
    });
  }
  if (statuses.length > 1) doc.assessmentStatuses = statuses;
}

/**
 * In the open case with recommendations whose newest status change is the latest of all, that
 * change is not yet revisited: the `revisit` task and the prompt on the case show in the demo.
 */
export function leaveOneRevisit(cases: CaseDoc[]): void {
  let pick: NonNullable<CaseDoc['assessmentStatuses']>[number] | null = null;
  for (const c of cases) {
    const list = c.assessmentStatuses ?? [];
    const last = list[list.length - 1];
    const open = (c.referrals ?? []).some(
      (r) => !r.closed && r.decision !== 'rejected' && r.decision !== 'forwarded',
    );
    if (!last || list.length < 2 || !open || !(c.recommendations ?? []).length) continue;
    if (!pick || last.date > pick.date) pick = last;
  }
  if (pick) delete pick.recommendationsRevisited;
}
