/**
 * Synthetic demo cases in `bro-interchange/1`: clearly fictional pupils, schools and
 * caseworkers with realistic timelines (waiting times, BUP frister and fristbrudd,
 * caseworker changes with handover notes, measures with evaluations, meetings, consents,
 * absence). Pure and deterministic: the same options give the same file on any platform.
 *
 * Dates: everything that has *happened* (milestones, meetings, evaluations, absence,
 * consents given or withdrawn) lies on or before `today`. Deadlines may lie after it,
 * as they do in a live case: a BUP `frist`, a measure's planned evaluation date, an
 * agreement's deadline and a consent's expiry (see `DEADLINE_FIELDS`).
 */
import { referralEnds } from '../referrals/closing';
import { NOTE_KINDS, type NoteKind } from '../domain/note';
import type { Service } from '../domain/common';
import { BroError } from '../errors';
import { INTERCHANGE_FORMAT, type InterchangeFile } from '../interchange/schema';
import {
  addWorkingDays,
  dayNumber,
  iso,
  month,
  nextMonth,
  nextWeekday,
  norwegian,
  parseDay,
  previousWeekday,
  startOfMonth,
  year,
} from './dates';
import {
  COVER_LETTERS,
  firstName,
  fullName,
  lastName,
  namesWithLetter,
  SAMI_SCHOOLS,
  SCHOOL_STEMS,
  type Gender,
  type NameChoice,
  type Origin,
} from './names';
import { Rng, type Weighted } from './prng';
import { addFollowUp, addSchoolSide } from './schoolSide';
import { addFamily } from './family';
import { addInvolvement, addPathway, leaveOneRevisit } from './pathway';
import {
  demoFamilyNynorsk,
  demoMeetingNynorsk,
  demoNynorskText,
  demoReasonNynorsk,
  demoWholeNynorsk,
} from './nynorsk';
import {
  AGREEMENTS,
  DECISIONS,
  DISSENT,
  EVAL_PARENTS,
  EVAL_PUPIL,
  EVAL_WHY,
  expectations,
  FAMILY_WISHES,
  legalRefFor,
  MEASURES,
  parentsView,
  PROMISES,
  pupilVoice,
  REASONS,
  type MeasureCtx,
  type MeetingKind,
} from './texts';

export interface DemoOptions {
  /** How many cases (0–100 000). */
  cases: number;
  /** Same seed, same file (a number and its decimal string are the same seed). */
  seed: string | number;
  /** `YYYY-MM-DD`: the generated history ends here. */
  today: string;
}

type CaseDoc = InterchangeFile['cases'][number];
type Referral = NonNullable<CaseDoc['referrals']>[number];
type Assignment = NonNullable<CaseDoc['assignments']>[number];
type Recommendation = NonNullable<CaseDoc['recommendations']>[number];
type Evaluation = NonNullable<Recommendation['evaluations']>[number];
type Meeting = NonNullable<CaseDoc['meetings']>[number];
type Agreement = NonNullable<Meeting['agreements']>[number];
type Consent = NonNullable<CaseDoc['consents']>[number];
type Absence = NonNullable<CaseDoc['absence']>[number];
/** The demo always knows a guardian's relation and parental responsibility (the format makes them optional). */
type Guardian = NonNullable<CaseDoc['guardians']>[number] & {
  relation: string;
  parentalResponsibility: boolean;
};
type Outcome = NonNullable<Referral['outcome']>;
type Decision = NonNullable<Referral['decision']>;
type Referrer = Referral['referredBy'];

export const DEMO_SOURCE = 'bro demo (syntetiske data)';

/** Date fields that hold a deadline or a plan, and so may lie after `today`. */
export const DEADLINE_FIELDS = [
  'frist',
  'deadline',
  'expires',
  'evaluation.date',
  'nextEvaluation',
  'validUntil',
  'reassessBy',
] as const;

const MAX_CASES = 100_000;

export function generateDemo(opts: DemoOptions): InterchangeFile {
  const n = opts.cases;
  if (!Number.isInteger(n) || n < 0 || n > MAX_CASES)
    throw new BroError('USAGE', `cases must be an integer from 0 to ${MAX_CASES}`);
  const today = parseDay(opts.today);
  // Pupils are born up to 19 years and referrals lie up to 4 years before today.
  if (today === null || opts.today < '1930-01-01' || opts.today > '2199-12-31')
    throw new BroError('USAGE', 'today must be a calendar date YYYY-MM-DD from 1930 to 2199');
  const seed = String(opts.seed);
  const world = buildWorld(new Rng(`${seed}|world`), n, today);
  const cases: CaseDoc[] = new Array<CaseDoc>(n);
  for (let i = 0; i < n; i++) {
    cases[i] = buildCase(new Rng(`${seed}|case|${i}`), i, world, today, world.cover[i] ?? null);
    // Their own stream, so the cases stay what they were before journal notes existed.
    addNotes(new Rng(`${seed}|notes|${i}`), cases[i]!, i, today);
    // The school side (main goal, school factors, understandings, barriers): its own stream too.
    addSchoolSide(new Rng(`${seed}|school|${i}`), cases[i]!, opts.today);
    // The follow-up the lead's figures count (refusals, disagreements, barriers): its own stream too.
    addFollowUp(new Rng(`${seed}|followup|${i}`), cases[i]!, opts.today);
    addFamily(new Rng(`${seed}|family|${i}`), cases[i]!, i, today);
    // Early signs, risk checklist and transitions (issue 15 items 2 and 3): its own stream too.
    addPathway(new Rng(`${seed}|path|${i}`), cases[i]!, opts.today);
    addInvolvement(cases[i]!, opts.today);
  }
  releaseOneNote(cases);
  leaveOneRevisit(cases);
  // Their own stream, so the cases stay what they were before innsyn requests existed.
  addAccessRequests(new Rng(`${seed}|innsyn`), cases, today);
  readyForMottaksbrev(cases, world, today);
  for (const doc of cases) familyNynorsk(doc);
  return {
    format: INTERCHANGE_FORMAT,
    source: `${DEMO_SOURCE}; seed ${seed.slice(0, 100)}; dato ${opts.today}`,
    cases,
    // Their own stream, so the cases stay what they were before the register existed.
    schools: schoolRegister(new Rng(`${seed}|schools`), world),
  };
}

/**
 * Nynorsk beside the family's texts (the pupil's dated words, the proposals and the answers), which
 * addFamily writes after the case's own nynorsk: so a nynorsk letter quoting them can be issued.
 */
function familyNynorsk(doc: CaseDoc): void {
  const out = { ...(doc.nynorsk ?? {}) };
  const put = (key: string, text: string | null | undefined) => {
    const t = demoFamilyNynorsk(text);
    if (t && !out[key]) out[key] = { text: t };
  };
  for (const v of doc.voices ?? [])
    for (const f of ['said', 'wishes', 'helps', 'hurts'] as const) put(`voices/${v.id ?? v.date}/${f}`, v[f]);
  for (const p of doc.proposals ?? []) {
    put(`proposals/${p.id ?? p.date}/what`, p.what);
    put(`proposals/${p.id ?? p.date}/reason`, p.reason);
  }
  // The rest of the case text a nynorsk letter prints, written whole with the pupil's name
  // (shared/demo/nynorsk.ts WHOLE_NN): the forventningsavklaring, the two understandings, how a
  // voice was gathered, the comment on the høringsutkast, the sakkyndig topics and reductions.
  const whole = (key: string, text: string | null | undefined) => {
    const t = demoWholeNynorsk(text);
    if (t && !out[key]) out[key] = { text: t };
  };
  for (const [f, v] of Object.entries(doc.expectations ?? {}))
    if (typeof v === 'string') whole(`expectations/${f}`, v);
  for (const r of doc.recommendations ?? []) {
    whole(`recommendations/${r.id}/schoolAnswer.reason`, r.schoolAnswer?.reason);
    whole(`recommendations/${r.id}/schoolAnswer.alternative`, r.schoolAnswer?.alternative);
    for (const e of r.evaluations ?? []) whole(`recommendations/${r.id}/evaluations.${e.date}.why`, e.why);
  }
  whole('schoolUnderstanding', doc.schoolUnderstanding);
  whole('parentsUnderstanding', doc.parentsUnderstanding);
  for (const v of doc.voices ?? []) whole(`voices/${v.id ?? v.date}/how`, v.how);
  (doc.hearings ?? []).forEach((h, i) => whole(`hearings/${h.id ?? h.shared ?? i}/comment`, h.comment));
  const c = doc.assessmentConclusion;
  for (const [t, v] of Object.entries(c?.topics ?? {})) whole(`assessmentConclusion/topics.${t}`, v);
  (c?.deviations ?? []).forEach((d, i) => {
    whole(`assessmentConclusion/deviations.${i}.what`, d.what);
    whole(`assessmentConclusion/deviations.${i}.legalBasis`, d.legalBasis);
  });
  if (Object.keys(out).length > 0) doc.nynorsk = out;
}

/**
 * Every letter kind can be issued from some demo case (the brief), the mottaksbrev included: the
 * case that has waited longest for its first contact gets what a service records at intake, a
 * contact person and the family's consent to tell the school that the referral is received, how
 * long the wait is and what the school can do meanwhile. No random draws, so every other case
 * stays as it was.
 */
function readyForMottaksbrev(cases: CaseDoc[], world: World, today: number): void {
  const waiting = cases
    .map((doc) => ({ doc, ref: (doc.referrals ?? []).at(-1) }))
    .filter(
      (x): x is { doc: CaseDoc; ref: Referral } =>
        x.ref != null &&
        x.ref.firstContact == null &&
        x.ref.concluded == null &&
        x.ref.closed == null &&
        x.ref.decision !== 'rejected',
    )
    .sort((a, b) => (a.ref.received < b.ref.received ? -1 : a.ref.received > b.ref.received ? 1 : 0));
  const first = waiting[0];
  if (!first) return;
  const { doc, ref } = first;
  const service = (ref.service ?? doc.service) as Service;
  const received = parseDay(ref.received) as number;
  const live = (doc.assignments ?? []).some(
    (a) => a.from <= iso(today) && (a.to == null || a.to >= iso(today)),
  );
  const worker = world.workers[service]?.[0];
  if (!live && worker)
    doc.assignments = [
      ...(doc.assignments ?? []),
      {
        caseworker: worker.name,
        role: worker.role,
        service,
        from: iso(Math.min(nextWeekday(received), today)),
        to: null,
      },
    ];
  const guardians = doc.guardians?.filter((g) => g.parentalResponsibility).map((g) => g.name) ?? [];
  doc.consents = [
    ...(doc.consents ?? []),
    {
      id: `s-${(doc.consents ?? []).length + 1}`,
      givenBy: guardians.length > 0 ? guardians.join(' og ') : (doc.guardians?.[0]?.name ?? 'foresatte'),
      information: 'At henvisningen er mottatt, ventetiden og råd til skolen i ventetiden',
      recipient: `${doc.pupil.school} (rektor og kontaktlærer)`,
      purpose: 'Samarbeid med skolen mens eleven venter',
      date: ref.received,
      expires: iso(received + 365),
    },
  ];
}

// ---------------------------------------------------------------------------------------
// The registers: the schools with postal addresses and rektors; the colleagues; the demo user.

/** Fictional post towns of the demo municipality. */
const PLACES = ['Brovik', 'Fjordbotn', 'Nordmo', 'Sandøyra', 'Lisleby', 'Čáhppesjávri'] as const;
const STREETS = ['Skolevegen', 'Kirkebakken', 'Elvegata', 'Storgata', 'Bjørkelia', 'Sjøvegen'] as const;

/**
 * A synthetic organisation number: nine digits with a valid modulus-11 check digit, starting with
 * 1 (Brønnøysundregistrene assigns numbers starting with 8 and 9), so no real body is named.
 */
function syntheticOrgNumber(rng: Rng): string {
  for (;;) {
    const digits = [1, ...Array.from({ length: 7 }, () => rng.int(0, 9))];
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * digits[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return [...digits, check].join('');
  }
}

function schoolRegister(rng: Rng, world: World): NonNullable<InterchangeFile['schools']> {
  const seen = new Set<string>();
  const schools = [...world.byGrade.flat(), ...world.samiByGrade.flat()].filter((s) =>
    seen.has(s.name) ? false : (seen.add(s.name), true),
  );
  return schools.map((s, i) => {
    const place = s.sami ? 'Čáhppesjávri' : rng.pick(PLACES.slice(0, 5));
    const postbox = rng.chance(0.3);
    const slug = s.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9 ]/g, '')
      .trim()
      .replace(/\s+/g, '-');
    return {
      name: s.name,
      orgNumber: syntheticOrgNumber(rng),
      address: postbox ? `Postboks ${rng.int(1, 120)}` : `${rng.pick(STREETS)} ${rng.int(1, 60)}`,
      postcode: String(9700 + PLACES.indexOf(place as (typeof PLACES)[number]) * 10 + (i % 10)),
      place,
      rektor: s.rektor,
      // Not a number anyone has: Norwegian numbers never start with 0.
      phone: `+47 00 00 ${String(10 + (i % 90)).padStart(2, '0')} ${String(rng.int(10, 99))}`,
      email: `postmottak.${slug || 'skole'}@example.org`,
    };
  });
}

/**
 * The colleagues a demo file's cases are assigned to (name, role, service), for the caseworker
 * register: the same people the cases name, so forms suggest them.
 */
export function demoColleagues(file: InterchangeFile): { name: string; role: string; service: string }[] {
  const out = new Map<string, { name: string; role: string; service: string }>();
  for (const c of file.cases)
    for (const a of c.assignments ?? [])
      if (!out.has(a.caseworker))
        out.set(a.caseworker, { name: a.caseworker, role: a.role ?? '', service: a.service ?? c.service });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

/** The caseworker with the most current cases: the demo vault's own user, so «Mine saker» has data. */
export function demoUser(file: InterchangeFile): string | null {
  const count = new Map<string, number>();
  for (const c of file.cases)
    for (const a of c.assignments ?? [])
      if (a.to == null) count.set(a.caseworker, (count.get(a.caseworker) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of count)
    if (best === null || n > count.get(best)! || (n === count.get(best) && name < best)) best = name;
  return best;
}

// ---------------------------------------------------------------------------------------
// The world: schools and caseworkers shared by many cases, as in a real municipality.

interface School {
  name: string;
  minGrade: number;
  maxGrade: number;
  rektor: string;
  avdelingsleder: string;
  sami: boolean;
}

interface Worker {
  name: string;
  role: string;
}

interface World {
  byGrade: School[][];
  samiByGrade: School[][];
  workers: Record<Service, Worker[]>;
  /** Case i < cover.length gets a name containing cover[i], so every letter shows up early. */
  cover: string[];
  /** The calendar year the current school year started (August). */
  schoolYear: number;
  /** First day of each month up to the month after today, and that month's number (1–12). */
  monthStarts: number[];
  monthNumbers: number[];
}

const SERVICE_WEIGHTS: Weighted<Service> = [
  ['PPT', 44],
  ['BUP', 22],
  ['Skoleteam', 18],
  ['Bft', 6],
  ['Statped', 4],
  ['Habu', 4],
  ['Annet', 2],
];

const WORKER_ROLES: Record<Service, readonly string[]> = {
  PPT: ['PP-rådgiver', 'PP-rådgiver', 'spesialpedagog', 'logoped'],
  BUP: ['psykolog', 'psykologspesialist', 'klinisk sosionom', 'spesialsykepleier', 'barnevernspedagog'],
  Skoleteam: ['miljøterapeut', 'spesialpedagog', 'sosionom', 'barnevernspedagog'],
  Bft: ['familieterapeut', 'sosionom'],
  Statped: ['seniorrådgiver', 'rådgiver'],
  Habu: ['spesialpedagog', 'psykolog', 'vernepleier'],
  Annet: ['rådgiver'],
};

const SCHOOL_KINDS: Weighted<readonly [string, number, number]> = [
  [['skole', 1, 7], 45],
  [['ungdomsskole', 8, 10], 25],
  [['barne- og ungdomsskole', 1, 10], 14],
  [['videregående skole', 11, 13], 16],
];

function buildWorld(rng: Rng, n: number, today: number): World {
  const schools: School[] = [];
  const count = Math.min(200, Math.max(12, Math.ceil(n / 12)));
  const used = new Set<string>();
  const stems = rng.shuffle(SCHOOL_STEMS);
  const kinds = SCHOOL_KINDS.map(([k]) => k);
  for (let i = 0; schools.length < count && i < count * 10; i++) {
    // The first four cover every kind, so every grade has a school.
    const kind = i < kinds.length ? (kinds[i] as (typeof kinds)[number]) : rng.weighted(SCHOOL_KINDS);
    const name = `${stems[i % stems.length]} ${kind[0]}`;
    if (used.has(name)) continue;
    used.add(name);
    schools.push({
      name,
      minGrade: kind[1],
      maxGrade: kind[2],
      rektor: fullName(rng),
      avdelingsleder: fullName(rng),
      sami: false,
    });
  }
  for (const name of rng.sample(SAMI_SCHOOLS, Math.max(2, Math.ceil(count / 12)))) {
    schools.push({
      name,
      minGrade: 1,
      maxGrade: 10,
      rektor: fullName(rng),
      avdelingsleder: fullName(rng),
      sami: true,
    });
  }
  const byGrade: School[][] = [];
  const samiByGrade: School[][] = [];
  for (let g = 0; g <= 13; g++) {
    byGrade.push(schools.filter((s) => !s.sami && s.minGrade <= g && g <= s.maxGrade));
    samiByGrade.push(schools.filter((s) => s.sami && s.minGrade <= g && g <= s.maxGrade));
  }
  const workers = {} as Record<Service, Worker[]>;
  let total = 0;
  for (const [, w] of SERVICE_WEIGHTS) total += w;
  for (const [service, w] of SERVICE_WEIGHTS) {
    const size = Math.min(300, Math.max(4, Math.ceil((n * w) / total / 15)));
    const list: Worker[] = [];
    for (let i = 0; i < size; i++) list.push({ name: fullName(rng), role: rng.pick(WORKER_ROLES[service]) });
    workers[service] = list;
  }
  // Month boundaries far enough back for any signal date, so the absence log needs no calendar maths per case.
  const monthStarts: number[] = [];
  const monthNumbers: number[] = [];
  for (let m = startOfMonth(today - 6 * 366); m <= today; m = nextMonth(m)) {
    monthStarts.push(m);
    monthNumbers.push(month(m));
  }
  monthStarts.push(nextMonth(today));
  return {
    byGrade,
    samiByGrade,
    workers,
    cover: rng.shuffle(COVER_LETTERS),
    schoolYear: month(today) >= 8 ? year(today) : year(today) - 1,
    monthStarts,
    monthNumbers,
  };
}

const COVER_CHOICES = new Map<string, NameChoice[]>(COVER_LETTERS.map((l) => [l, namesWithLetter(l)]));

// ---------------------------------------------------------------------------------------
// One case.

const GRADE_WEIGHTS: Weighted<number> = [
  [1, 2],
  [2, 2],
  [3, 3],
  [4, 4],
  [5, 7],
  [6, 8],
  [7, 9],
  [8, 11],
  [9, 12],
  [10, 11],
  [11, 5],
  [12, 3],
  [13, 2],
];

const REFERRERS: Record<Service, Weighted<Referrer>> = {
  PPT: [
    ['skole', 62],
    ['foresatte', 24],
    ['helsesykepleier', 4],
    ['fastlege', 3],
    ['Skoleteam', 4],
    ['BUP', 2],
    ['barnevern', 1],
  ],
  BUP: [
    ['fastlege', 52],
    ['PPT', 12],
    ['skole', 8],
    ['foresatte', 8],
    ['helsesykepleier', 6],
    ['barnevern', 8],
    ['Skoleteam', 6],
  ],
  Skoleteam: [
    ['skole', 55],
    ['foresatte', 35],
    ['helsesykepleier', 10],
  ],
  Bft: [
    ['foresatte', 50],
    ['skole', 25],
    ['helsesykepleier', 15],
    ['fastlege', 10],
  ],
  Statped: [['PPT', 1]],
  Habu: [
    ['fastlege', 80],
    ['BUP', 20],
  ],
  Annet: [
    ['skole', 60],
    ['foresatte', 40],
  ],
};

const CHANGE_REASONS: Weighted<string> = [
  ['permisjon', 28],
  ['sluttet', 26],
  ['omorganisering', 20],
  ['sykemelding', 22],
  ['ny stilling', 4],
];

const ORIGIN_WEIGHTS: Weighted<Origin> = [
  ['norsk', 72],
  ['samisk', 16],
  ['annen', 12],
];

const COORDINATORS_LOWER: Weighted<string> = [
  ['kontaktlærer', 35],
  ['sosiallærer', 25],
  ['trinnleder', 15],
  ['miljøterapeut', 15],
  ['avdelingsleder', 10],
];
const COORDINATORS_UPPER: Weighted<string> = [
  ['kontaktlærer', 35],
  ['sosiallærer', 25],
  ['rådgiver', 15],
  ['miljøterapeut', 15],
  ['avdelingsleder', 10],
];

const FAMILY_KINDS: Weighted<string> = [
  ['mor+far', 64],
  ['mor', 15],
  ['far', 5],
  ['mor+stefar', 6],
  ['far+stemor', 3],
  ['fosterhjem', 3],
  ['mor+mor', 2],
  ['besteforeldre', 2],
];

const BUP_DECISIONS: Weighted<Decision> = [
  ['accepted', 80],
  ['rejected', 13],
  ['forwarded', 7],
];

const RE_REFERRERS: Weighted<Referrer> = [
  ['skole', 60],
  ['foresatte', 40],
];

const MEASURE_COUNTS: Weighted<number> = [
  [0, 10],
  [1, 25],
  [2, 30],
  [3, 22],
  [4, 13],
];

const CONVENERS: Weighted<string> = [
  ['rektor', 50],
  ['sosiallærer', 30],
  ['avdelingsleder', 20],
];

const SCHOOL_ANSWERS: Weighted<'gjennomføres' | 'med endring' | 'kan ikke'> = [
  ['gjennomføres', 65],
  ['med endring', 25],
  ['kan ikke', 10],
];

const EVAL_OUTCOMES: Weighted<Evaluation['outcome']> = [
  ['bedring', 50],
  ['ingen endring', 35],
  ['forverring', 15],
];

const EVAL_DECISIONS: Record<Evaluation['outcome'], Weighted<Evaluation['decision']>> = {
  bedring: [
    ['videreføres', 70],
    ['avsluttes', 20],
    ['justeres', 10],
  ],
  'ingen endring': [
    ['justeres', 60],
    ['videreføres', 25],
    ['avsluttes', 15],
  ],
  forverring: [
    ['justeres', 60],
    ['avsluttes', 40],
  ],
};

const AGREEMENT_COUNTS: Weighted<number> = [
  [0, 20],
  [1, 35],
  [2, 30],
  [3, 15],
];

const PAST_AGREEMENT_STATUS: Weighted<Agreement['status']> = [
  ['utført', 65],
  ['ikke utført', 20],
  ['avlyst', 5],
  ['åpen', 10],
];

const ABSENCE_TYPES: Weighted<Absence['type']> = [
  ['elevmotivert', 80],
  ['udokumentert', 10],
  ['foreldremotivert', 3],
  ['dokumentert', 7],
];

const TEMPLATES_FOR = Object.fromEntries(
  SERVICE_WEIGHTS.map(([service]) => [
    service,
    MEASURES.filter((m) => !m.services || m.services.includes(service)),
  ]),
) as Record<Service, (typeof MEASURES)[number][]>;

const OUTCOME_TEXT: Record<Outcome, string> = {
  full: 'eleven er tilbake på skolen på full tid',
  partial: 'eleven er på skolen deler av uka; videre oppfølging ved skolen',
  none: 'eleven er fortsatt ikke på skolen; saken er overført til annen instans',
};

interface Plan {
  service: Service;
  signal?: number;
  sent?: number;
  received: number;
  decided?: number;
  decision?: Decision;
  frist?: number;
  firstContact?: number;
  assessmentStarted?: number;
  concluded?: number;
  firstMeasure?: number;
  closed?: number;
  outcome?: Outcome;
  absenceAtReferral?: number;
  absenceAtFirstContact?: number;
  note?: string;
}

interface Ctx {
  rng: Rng;
  today: number;
  service: Service;
  pupil: string;
  grade: number;
  school: School;
  guardians: Guardian[];
  staffNames: Map<string, string>;
  world: World;
}

function staff(c: Ctx, role: string): string {
  if (role === 'rektor') return c.school.rektor;
  if (role === 'avdelingsleder') return c.school.avdelingsleder;
  let name = c.staffNames.get(role);
  if (name === undefined) {
    name = fullName(c.rng);
    c.staffNames.set(role, name);
  }
  return name;
}

function buildCase(
  rng: Rng,
  index: number,
  world: World,
  today: number,
  coverLetter: string | null,
): CaseDoc {
  const service = rng.weighted(SERVICE_WEIGHTS);

  // Family and pupil.
  let origin = rng.weighted(ORIGIN_WEIGHTS);
  let gender: Gender = rng.chance(0.5) ? 'f' : 'm';
  const forced = coverLetter ? rng.pick(COVER_CHOICES.get(coverLetter) ?? []) : null;
  if (forced) {
    origin = forced.origin;
    if (forced.part !== 'last') gender = forced.part;
  }
  let pupilFirst = forced && forced.part !== 'last' ? forced.name : firstName(rng, origin, gender);
  const familyName = forced?.part === 'last' ? forced.name : lastName(rng, origin);
  const guardians = makeGuardians(rng, origin, familyName);
  // Children are often named after a relative, but two people with one name confuse a case list.
  if (!forced && guardians.some((g) => g.name.startsWith(`${pupilFirst} `)))
    pupilFirst = firstName(rng, origin, gender);
  const motherLast = guardians
    .find((g) => g.relation === 'mor')
    ?.name.split(' ')
    .pop();
  const pupilLast =
    motherLast && motherLast !== familyName && rng.chance(0.25) ? `${motherLast} ${familyName}` : familyName;

  const grade = rng.weighted(GRADE_WEIGHTS);
  const samiSchools = world.samiByGrade[grade] ?? [];
  const school = rng.pick(
    origin === 'samisk' && samiSchools.length > 0 && rng.chance(0.5)
      ? samiSchools
      : (world.byGrade[grade] ?? []),
  );
  const c: Ctx = {
    rng,
    today,
    service,
    pupil: pupilFirst,
    grade,
    school,
    guardians,
    staffNames: new Map(),
    world,
  };

  // Grade 1 in the school year that starts in August of the year the child turns six.
  const birthYear = world.schoolYear - 5 - grade;
  const birthDate = rng.chance(0.8) ? iso(dayNumber(birthYear, 1, 1) + rng.int(0, 364)) : null;
  const coordinatorRole = rng.weighted(grade >= 8 ? COORDINATORS_UPPER : COORDINATORS_LOWER);

  // Referrals: one, sometimes a re-referral after the first was closed.
  const plans: Plan[] = [];
  let sent = previousWeekday(today - rng.int(2, 1095));
  if (month(sent) === 7) sent = previousWeekday(sent - rng.int(22, 35));
  plans.push(planReferral(rng, service, sent, today));
  const first = plans[0] as Plan;
  if (first.closed !== undefined && first.outcome !== 'full' && rng.chance(0.35)) {
    const again = previousWeekday(first.closed + rng.int(30, 240));
    if (again <= today - 2 && month(again) !== 7) plans.push(planReferral(rng, service, again, today));
  }

  const assignments: Assignment[] = [];
  plans.forEach((p, i) => assignEpisode(c, p, assignments, plans.length - i));
  const fallback = rng.pick(world.workers[service]);
  const workerAt = (day: number): Worker => {
    const d = iso(day);
    let found: Assignment | undefined;
    for (const a of assignments) if (a.from <= d) found = a;
    return found ? { name: found.caseworker, role: found.role ?? fallback.role } : fallback;
  };

  const referrals: Referral[] = plans.map((p, i) => toReferral(rng, p, i, service));

  // Measures and meetings follow the latest referral that reached a conclusion.
  let concludedPlan: Plan | undefined;
  for (const p of plans) if (p.concluded !== undefined) concludedPlan = p;
  const evaluationDays: number[] = [];
  const recommendations = concludedPlan
    ? makeRecommendations(c, concludedPlan, workerAt, evaluationDays)
    : [];
  const meetings = makeMeetings(c, plans, evaluationDays, workerAt);
  const consents = makeConsents(c, plans);
  const absence = makeAbsence(c, plans);

  const start = first.firstContact ?? first.received;
  const doc: CaseDoc = {
    id: `demo-${String(index + 1).padStart(4, '0')}`,
    service,
    pupil: {
      name: `${pupilFirst} ${pupilLast}`,
      school: school.name,
      grade,
    },
    guardians,
    referrals,
    assignments,
    recommendations,
    meetings,
    consents,
    absence,
  };
  if (birthDate) doc.pupil.birthDate = birthDate;
  // One case in ten has no coordinator (letters then show COORDINATOR_MISSING), unless a referral
  // ended: its avslutningsbrev names one, so rektor is it (no draw, so the other cases stay as they were).
  const hasCoordinator = rng.chance(0.9);
  if (hasCoordinator || referrals.some(referralEnds)) {
    const role = hasCoordinator ? coordinatorRole : 'rektor';
    doc.pupil.coordinator = { role, name: staff(c, role) };
  }
  if (rng.chance(0.85)) doc.pupilVoice = pupilVoice(rng, workerAt(start).name, norwegian(start));
  if (rng.chance(0.85)) doc.parentsView = parentsView(rng, pupilFirst);
  if (first.firstContact !== undefined && rng.chance(0.4))
    doc.expectations = expectations(rng, service, pupilFirst);
  doc.nynorsk = demoNynorsk(doc);
  // The sakkyndig vurdering's conclusion for a PPT case with measures: chosen by the case number,
  // not drawn, so the other cases stay as they were.
  if (service === 'PPT' && recommendations.length > 0)
    doc.assessmentConclusion = demoConclusion(index, today, pupilFirst);
  for (const f of ['content', 'organisation', 'staffCompetence', 'viewsWeighed'] as const) {
    const t = demoNynorskText(doc.assessmentConclusion?.[f]);
    if (t) doc.nynorsk[`assessmentConclusion/${f}`] = { text: t };
  }
  if (rng.chance(0.03)) {
    const day = previousWeekday(first.received + rng.int(10, 120));
    if (day <= today) {
      const report: NonNullable<CaseDoc['concernReports']>[number] = {
        date: iso(day),
        legalBasis: 'barnevernsloven § 13-2 (opplysningsplikt)',
        parentsTold: rng.chance(0.8),
        parentsInvitedToSendTogether: rng.chance(0.5),
        schoolFactorsChecked: rng.chance(0.7),
        note: 'Langvarig fravær og bekymring for omsorgssituasjonen.',
        // The documentation a report is recorded with (shared/family/rules.ts), no new random draws.
        sentBy: workerAt(day).name,
        sentTo: `Barnevernstjenesten i ${school.name.replace(/ (skole|skule)$/u, '')}`,
      };
      if (report.parentsTold) report.parentsToldDate = iso(day);
      else report.parentsNotToldReason = 'Å varsle foresatte først kunne sette eleven i fare.';
      report.schoolFactorsNote = report.schoolFactorsChecked
        ? 'Mobbing og skolemiljø er vurdert i samarbeidsmøte før meldingen.'
        : 'Sendt straks på grunn av alvoret; skolemiljøet vurderes i neste samarbeidsmøte.';
      doc.concernReports = [report];
    }
  }
  return doc;
}

/** Nynorsk for the demo's own fixed phrases in meeting notes and measures (the rest is case text as typed). */
const DEMO_NN: [string, string][] = [
  ['Oppstartsmøte', 'Oppstartsmøte'],
  ['Gjennomgang av anbefalingen', 'Gjennomgang av tilrådinga'],
  ['Avslutningsmøte', 'Avslutningsmøte'],
  ['Evalueringsmøte', 'Evalueringsmøte'],
  [
    ' Åpne avtaler fra forrige møte ble gjennomgått først.',
    ' Opne avtalar frå førre møte vart gjennomgått først.',
  ],
  [' Ingen fra skoleledelsen deltok.', ' Ingen frå skuleleiinga deltok.'],
  ['hver gang en endring er kjent', 'kvar gong ei endring er kjend'],
];

function demoNynorsk(doc: CaseDoc): NonNullable<CaseDoc['nynorsk']> {
  const out: NonNullable<CaseDoc['nynorsk']> = {};
  const nn = (text: string | null | undefined): string | null => {
    if (!text) return null;
    let t = text;
    for (const [nb, n] of DEMO_NN) t = t.split(nb).join(n);
    return t !== text ? t : null;
  };
  for (const m of doc.meetings ?? []) {
    const t = nn(m.note);
    if (t) out[`meetings/${m.id ?? m.date}/note`] = { text: t };
    // Decisions and agreements, printed in a møtereferat (shared/demo/nynorsk.ts MEETING_NN).
    (m.decisions ?? []).forEach((d, i) => {
      const n = demoMeetingNynorsk(d, doc.service);
      if (n) out[`meetings/${m.id ?? m.date}/decisions.${i}`] = { text: n };
    });
    (m.agreements ?? []).forEach((a, i) => {
      const n = demoMeetingNynorsk(a.what, doc.service);
      if (n) out[`meetings/${m.id ?? m.date}/agreements.${i}.what`] = { text: n };
    });
  }
  for (const r of doc.recommendations ?? []) {
    const t = r.frequency === 'hver gang en endring er kjent' ? nn(r.frequency) : null;
    if (t) out[`recommendations/${r.id}/frequency`] = { text: t };
  }
  // The demo's nynorsk for the rest of the printed case text (shared/demo/nynorsk.ts), so that a
  // nynorsk letter can be issued from the demo without CASE_TEXT_BOKMAL.
  const put = (key: string, text: string | null | undefined) => {
    const t = out[key] ? null : demoNynorskText(text);
    if (t) out[key] = { text: t };
  };
  for (const r of doc.recommendations ?? []) {
    for (const f of ['what', 'frequency', 'trialPeriod', 'goal', 'resources'] as const)
      put(`recommendations/${r.id}/${f}`, r[f]);
    put(`recommendations/${r.id}/evaluation.method`, r.evaluation?.method);
  }
  put('pupilVoice', doc.pupilVoice);
  put('parentsView', doc.parentsView);
  // The referral's reason, printed under «Bakgrunn».
  for (const r of doc.referrals ?? []) {
    const t = demoReasonNynorsk(r.reason);
    if (t) out[`referrals/${r.id}/reason`] = { text: t };
  }
  return out;
}

/** A sakkyndig vurdering's conclusion and topics, one of three kinds by case number; dates ahead of `today`. */
function demoConclusion(
  index: number,
  today: number,
  pupil: string,
): NonNullable<CaseDoc['assessmentConclusion']> {
  const topics = {
    sources: `Samtaler med ${pupil} og foresatte, observasjon i klassen to dager, kartlegging i lesing og regning, rapport fra skolen.`,
    benefit: `${pupil} får lite ut av opplæringen de dagene fraværet er høyt, og henger etter i norsk og matematikk.`,
    difficulties: `${pupil} har ingen kjente lærevansker, men strever med å komme seg på skolen og med overgangene i skoledagen.`,
    goals: `${pupil} følger kompetansemålene i norsk og matematikk på trinnet, og er på skolen minst fire av fem dager.`,
    ordinaryTeaching: `Tilpasset opplæring alene har ikke gitt et tilfredsstillende utbytte det siste halvåret.`,
    soundOffer: `Et forsvarlig tilbud er opplæring i klassen med støtte, og to økter i uka i liten gruppe med spesialpedagog.`,
  };
  const validUntil = iso(today + 300);
  const reassessBy = iso(today + 240);
  const views = `${pupil} vil ha faste voksne og vite dagen før hva som skjer; det har vi lagt stor vekt på. Foresatte ønsker liten gruppe i norsk, og det tilrår vi.`;
  switch (index % 3) {
    case 0:
      return {
        needed: true,
        hours: 76,
        hoursPer: 'år',
        content:
          'Lese- og skrivetrening i norsk og regning med konkreter, med mål fra læreplanen på trinnet.',
        organisation: 'To økter i uka i liten gruppe, resten i klassen med støtte fra kontaktlærer.',
        staffCompetence: 'Spesialpedagog leder øktene i liten gruppe.',
        validUntil,
        reassessBy,
        deviations: [],
        viewsWeighed: views,
        topics,
      };
    case 1:
      return {
        needed: true,
        hours: 3,
        hoursPer: 'uke',
        content: 'Norsk og matematikk med egne mål, og trening i å mestre overgangene i skoledagen.',
        organisation: 'Tre timer i uka alene med spesialpedagog, resten i klassen.',
        staffCompetence: 'Spesialpedagog; assistent i klassen under veiledning av spesialpedagogen.',
        validUntil,
        reassessBy,
        deviations: [
          {
            kind: 'reduksjon',
            what: 'Færre kompetansemål i engelsk dette skoleåret',
            legalBasis: 'opplæringslova kapittel 11 (individuelt tilrettelagt opplæring)',
          },
        ],
        viewsWeighed: views,
        topics,
      };
    default:
      return {
        needed: false,
        validUntil,
        reassessBy,
        viewsWeighed: `${pupil} og foresatte mener tiltakene i klassen er nok nå, og det er vi enige i.`,
        topics: {
          ...topics,
          ordinaryTeaching: 'Med tiltakene i klassen kan eleven få et tilfredsstillende utbytte.',
        },
      };
  }
}

const CONTACT_COMMON = [
  'SMS, helst etter kl. 15',
  'telefon på dagtid',
  'e-post',
  'melding i Visma',
  'ring før kl. 08 eller etter kl. 16',
];
const CONTACT: Record<Origin, readonly string[]> = {
  norsk: CONTACT_COMMON,
  samisk: [...CONTACT_COMMON, 'ønsker samtaler på samisk'],
  annen: [...CONTACT_COMMON, 'tolk ved møter'],
};

function makeGuardians(rng: Rng, origin: Origin, familyName: string): Guardian[] {
  const contact = (): string => rng.pick(CONTACT[origin]);
  const person = (g: Gender, ownSurname: boolean) => {
    // Mixed families are common: a Norwegian parent in a Sami or other family and vice versa.
    const o: Origin = rng.chance(0.2) ? 'norsk' : origin;
    return `${firstName(rng, o, g)} ${ownSurname ? lastName(rng, o) : familyName}`;
  };
  const kind = rng.weighted(FAMILY_KINDS);
  const mor = (own: boolean): Guardian => ({
    name: person('f', own),
    relation: 'mor',
    parentalResponsibility: true,
    contact: contact(),
  });
  const far = (): Guardian => ({
    name: person('m', false),
    relation: 'far',
    parentalResponsibility: rng.chance(0.93),
    contact: contact(),
  });
  switch (kind) {
    case 'mor+far':
      return [mor(rng.chance(0.35)), far()];
    case 'mor':
      return [mor(rng.chance(0.3))];
    case 'far':
      return [far()];
    case 'mor+stefar':
      return [
        mor(rng.chance(0.5)),
        { name: person('m', true), relation: 'stefar', parentalResponsibility: false, contact: contact() },
      ];
    case 'far+stemor':
      return [
        far(),
        { name: person('f', true), relation: 'stemor', parentalResponsibility: false, contact: contact() },
      ];
    case 'fosterhjem':
      return [
        { name: person('f', true), relation: 'fostermor', parentalResponsibility: false, contact: contact() },
        {
          name: person('f', false),
          relation: 'mor',
          parentalResponsibility: true,
          contact: 'via barneverntjenesten',
        },
      ];
    case 'mor+mor':
      return [
        mor(false),
        { name: person('f', true), relation: 'medmor', parentalResponsibility: true, contact: contact() },
      ];
    default:
      return [
        { name: person('f', true), relation: 'mormor', parentalResponsibility: true, contact: contact() },
        { name: person('m', true), relation: 'morfar', parentalResponsibility: true, contact: contact() },
      ];
  }
}

// ---------------------------------------------------------------------------------------
// Referral timelines per service.

function planReferral(rng: Rng, service: Service, sent: number, today: number): Plan {
  const p: Plan = { service, received: sent };
  if (rng.chance(0.95)) p.sent = sent;
  if (rng.chance(0.85)) p.signal = sent - rng.skewed(10, 300, 1.6);
  const received = nextWeekday(sent + rng.skewed(0, 10, 2.2));
  p.received = received <= today ? received : sent;
  if (rng.chance(0.9)) p.absenceAtReferral = Math.min(95, rng.skewed(8, 90, 1.5));

  // Each step happens on a weekday after the previous one; a step after today has not happened yet.
  let open = false;
  const step = (day: number): number | undefined => {
    if (open) return undefined;
    const d = nextWeekday(day);
    if (d > today) {
      open = true;
      return undefined;
    }
    return d;
  };
  const after = (base: number | undefined, min: number, max: number, power = 1) =>
    base === undefined ? undefined : step(base + rng.skewed(min, max, power));

  const r = p.received;
  switch (service) {
    case 'BUP':
    case 'Habu': {
      // Pasient- og brukerrettighetsloven § 2-2: assessed within 10 working days, most of the time.
      const k = rng.chance(0.85) ? rng.int(5, 10) : rng.int(11, 15);
      p.decided = step(addWorkingDays(r, k));
      if (p.decided === undefined) break;
      p.decision = rng.weighted(BUP_DECISIONS);
      if (p.decision !== 'accepted') {
        p.closed = after(p.decided, 0, 3);
        p.note =
          p.decision === 'rejected'
            ? 'Ikke rett til nødvendig helsehjelp i spesialisthelsetjenesten; anbefalt oppfølging i kommunen.'
            : `Videresendt til ${rng.pick(['PPT', 'Skoleteam', 'Bft'])} med samtykke fra foresatte.`;
        return withAbsence(rng, p);
      }
      let frist = addWorkingDays(r, rng.int(20, 65));
      if (frist <= p.decided) frist = addWorkingDays(p.decided, rng.int(10, 30));
      p.frist = frist;
      const breach = rng.chance(0.27);
      const planned = breach
        ? frist + rng.skewed(1, 60, 1.5)
        : p.decided + rng.int(5, Math.max(5, frist - p.decided));
      p.firstContact = step(planned);
      // nextWeekday may push a kept frist over the edge; a kept frist stays kept.
      if (!breach && p.firstContact !== undefined && p.firstContact > frist)
        p.firstContact = previousWeekday(frist);
      p.assessmentStarted = rng.chance(0.5) ? p.firstContact : after(p.firstContact, 1, 21);
      p.concluded = after(p.assessmentStarted, 30, 150, 1.2);
      if (rng.chance(0.75)) p.firstMeasure = after(p.concluded, 7, 60, 1.4);
      if (rng.chance(0.85)) p.closed = after(p.firstMeasure ?? p.concluded, 60, 330);
      break;
    }
    case 'PPT': {
      if (rng.chance(0.6)) {
        p.decided = step(r + rng.int(1, 14));
        if (p.decided !== undefined) p.decision = rng.chance(0.97) ? 'accepted' : 'forwarded';
        if (p.decision === 'forwarded') {
          p.closed = after(p.decided, 0, 5);
          p.note = 'Videresendt til Statped etter avtale med foresatte.';
          return withAbsence(rng, p);
        }
      }
      // 2–12 weeks to first contact, with a long tail (some services wait for months).
      const wait = rng.chance(0.1) ? rng.int(85, 250) : rng.skewed(14, 84, 1.3);
      p.firstContact = step(Math.max(r + wait, (p.decided ?? r) + 1));
      p.assessmentStarted = rng.chance(0.9) ? after(p.firstContact, 0, 28, 1.5) : undefined;
      const base = p.assessmentStarted ?? p.firstContact;
      if (base !== undefined) p.concluded = step(Math.max(r + rng.skewed(30, 180, 1.2), base + 7));
      if (rng.chance(0.75)) p.firstMeasure = after(p.concluded, 5, 60, 1.4);
      if (rng.chance(0.8)) p.closed = after(p.firstMeasure ?? p.concluded, 60, 330);
      break;
    }
    case 'Statped': {
      p.decided = after(r, 10, 40);
      if (p.decided !== undefined) p.decision = 'accepted';
      p.firstContact = after(p.decided, 14, 90);
      p.assessmentStarted = after(p.firstContact, 0, 30);
      p.concluded = after(p.assessmentStarted, 60, 240);
      if (rng.chance(0.6)) p.firstMeasure = after(p.concluded, 14, 60);
      if (rng.chance(0.8)) p.closed = after(p.firstMeasure ?? p.concluded, 30, 200);
      break;
    }
    case 'Bft': {
      p.firstContact = after(r, 7, 42);
      if (rng.chance(0.5)) p.assessmentStarted = p.firstContact;
      p.concluded = after(p.firstContact, 21, 90);
      if (rng.chance(0.8)) p.firstMeasure = after(p.concluded, 0, 21);
      if (rng.chance(0.85)) p.closed = after(p.firstMeasure ?? p.concluded, 30, 180);
      break;
    }
    default: {
      // Skoleteam (and other municipal teams): fast, low threshold.
      if (rng.chance(0.3)) {
        p.decided = r;
        p.decision = 'accepted';
      }
      p.firstContact = after(r, 1, 14, 1.3);
      if (rng.chance(0.5)) p.assessmentStarted = p.firstContact;
      p.concluded = after(p.firstContact, 7, 45);
      if (rng.chance(0.85)) p.firstMeasure = after(p.concluded, 0, 14);
      if (rng.chance(0.85)) p.closed = after(p.firstMeasure ?? p.concluded, 30, 180);
      break;
    }
  }
  if (p.closed !== undefined) {
    // The longer the wait for first contact, the worse the odds of a full return.
    const waitWeeks = ((p.firstContact ?? p.received) - p.received) / 7;
    const full = Math.max(0.15, 0.5 - waitWeeks * 0.02);
    p.outcome = rng.weighted<Outcome>([
      ['full', full],
      ['partial', 0.35],
      ['none', Math.max(0.1, 0.65 - full - 0.2)],
    ]);
  }
  return withAbsence(rng, p);
}

function withAbsence(rng: Rng, p: Plan): Plan {
  if (p.firstContact !== undefined && p.absenceAtReferral !== undefined && rng.chance(0.85)) {
    // "Fravær avler fravær": absence grows while the family waits.
    const weeks = (p.firstContact - p.received) / 7;
    const grown = p.absenceAtReferral + weeks * (0.3 + rng.next()) - rng.int(0, 5);
    p.absenceAtFirstContact = Math.max(0, Math.min(100, Math.round(grown)));
  }
  return p;
}

const isoOrNull = (d: number | undefined) => (d === undefined ? null : iso(d));

/** One fixed shape in milestone order (null = not yet), as in INTERCHANGE.md. */
function toReferral(rng: Rng, p: Plan, i: number, service: Service): Referral {
  return {
    id: `r-${i + 1}`,
    service: rng.chance(0.3) ? service : null,
    referredBy: i > 0 ? rng.weighted(RE_REFERRERS) : rng.weighted(REFERRERS[service]),
    // «Grunnen var: ufrivillig skolefravær (ny henvisning).» reads as one reason in a letter.
    reason: i > 0 ? `${rng.pick(REASONS[service])} (ny henvisning)` : rng.pick(REASONS[service]),
    signal: isoOrNull(p.signal),
    sent: isoOrNull(p.sent),
    received: iso(p.received),
    decided: isoOrNull(p.decided),
    decision: p.decision ?? null,
    frist: isoOrNull(p.frist),
    firstContact: isoOrNull(p.firstContact),
    assessmentStarted: isoOrNull(p.assessmentStarted),
    concluded: isoOrNull(p.concluded),
    firstMeasure: isoOrNull(p.firstMeasure),
    closed: isoOrNull(p.closed),
    outcome: p.outcome ?? null,
    absenceAtReferral: p.absenceAtReferral ?? null,
    absenceAtFirstContact: p.absenceAtFirstContact ?? null,
    note: p.note ?? null,
  };
}

// ---------------------------------------------------------------------------------------
// Caseworkers: changes with reasons and handover notes; gaps without anyone.

const MAX_ASSIGNMENTS = 4;

/** `episodesLeft` counts this referral and those after it: each needs room for one caseworker. */
function assignEpisode(c: Ctx, p: Plan, out: Assignment[], episodesLeft: number): void {
  const { rng, today, service } = c;
  const pool = c.world.workers[service];
  let from = nextWeekday((p.decided ?? p.received) + rng.int(0, 10));
  if (p.closed !== undefined) from = Math.min(from, p.closed);
  if (from > today) return; // received, but nobody assigned yet
  const end = p.closed ?? today;

  // About one change per eight months, at most three.
  // At most four caseworkers per case, re-referrals included.
  const maxChanges = Math.max(0, Math.min(3, MAX_ASSIGNMENTS - out.length - episodesLeft));
  let changes = 0;
  for (let d = 120; d < end - from && changes < maxChanges; d += 200) if (rng.chance(0.45)) changes++;
  if (changes === 0 && maxChanges > 0 && end - from > 60 && rng.chance(0.15)) changes = 1;
  let worker = rng.pick(pool);
  let start = from;
  for (let i = 0; i < changes; i++) {
    const earliest = start + 21;
    const room = end - 10 - earliest;
    if (room < 0) break;
    const at = previousWeekday(earliest + rng.int(0, Math.floor(room / (changes - i))));
    out.push({
      caseworker: worker.name,
      role: worker.role,
      service,
      from: iso(start),
      to: iso(at),
      reason: rng.weighted(CHANGE_REASONS),
      handoverNote: handoverNote(c, p, at, worker.name),
    });
    // A third of the changes leave the family without a caseworker for days or weeks.
    const gap = rng.chance(0.35) ? rng.int(5, 35) : rng.int(1, 3);
    start = Math.min(nextWeekday(at + gap), end);
    let next = rng.pick(pool);
    for (let tries = 0; next.name === worker.name && tries < 5; tries++) next = rng.pick(pool);
    worker = next;
  }
  const last: Assignment = {
    caseworker: worker.name,
    role: worker.role,
    service,
    from: iso(start),
    to: null,
  };
  if (p.closed !== undefined) {
    last.to = iso(p.closed);
    last.reason = 'saken avsluttet';
    last.handoverNote = handoverNote(c, p, p.closed, worker.name);
  }
  out.push(last);
}

function handoverNote(c: Ctx, p: Plan, at: number, worker: string) {
  const { rng } = c;
  const fill = (s: string) => s.replace('{p}', c.pupil);
  let status: string;
  let nextDeadlines: string | null;
  if (p.closed !== undefined && at >= p.closed) {
    status = `Saken er avsluttet ${norwegian(p.closed)}: ${p.outcome ? OUTCOME_TEXT[p.outcome] : 'henvisningen ble ikke tatt inn'}.`;
    nextDeadlines = 'Ingen; skolen følger opp videre.';
  } else if (p.firstContact === undefined || at < p.firstContact) {
    status = `Henvisningen ble mottatt ${norwegian(p.received)}. Første samtale er ikke gjennomført; foresatte er informert om ventetiden.`;
    nextDeadlines =
      p.frist !== undefined
        ? `Frist for start av helsehjelp: ${norwegian(p.frist)}.`
        : `Foreløpig svar til foresatte innen ${norwegian(p.received + 30)}.`;
  } else if (p.concluded === undefined || at < p.concluded) {
    status = rng.pick([
      `Utredning pågår: samtaler med ${c.pupil} og foresatte er gjennomført, observasjon i klassen gjenstår.`,
      `Første samtale var ${norwegian(p.firstContact)}. Kartlegging av skolefaktorer er i gang sammen med skolen.`,
      `Utredning pågår; skolen har sendt pedagogisk rapport og fraværsoversikt.`,
    ]);
    nextDeadlines = `Anbefaling skal sendes innen ${norwegian(Math.max(at + 14, p.received + 90))}.`;
  } else {
    status = `Anbefaling sendt ${norwegian(p.concluded)}. ${rng.pick([
      'Tiltakene er i gang; skolen har svart på anbefalingen.',
      'Skolen har ikke svart på anbefalingen ennå.',
      'Tiltakene er delvis i gang; fast voksen om morgenen mangler noen dager.',
    ])}`;
    nextDeadlines = `Evalueringsmøte ${norwegian(nextWeekday(at + rng.int(10, 35)))}.`;
  }
  return {
    status: `${status} (skrevet av ${worker})`,
    openPromises: rng.chance(0.8) ? fill(rng.pick(PROMISES)) : 'Ingen åpne lovnader.',
    nextDeadlines,
    familyWishes: fill(rng.pick(FAMILY_WISHES)),
  };
}

// ---------------------------------------------------------------------------------------
// Measures (tiltak) with school answers, implementation reports and evaluations.

/** `evaluationDays` receives the days the first measure was evaluated (each one a meeting). */
function makeRecommendations(
  c: Ctx,
  p: Plan,
  workerAt: (day: number) => Worker,
  evaluationDays: number[],
): Recommendation[] {
  const { rng, today } = c;
  const concluded = p.concluded as number;
  const count = rng.weighted(MEASURE_COUNTS);
  const first = p.firstMeasure ?? nextWeekday(concluded + rng.int(7, 30));
  if (count === 0 || first > today) return [];
  const templates = TEMPLATES_FOR[c.service];
  const weights = templates.map((m, j) => [j, m.weight] as [number, number]);
  const chosen = new Set<number>();
  const out: Recommendation[] = [];
  const worker = workerAt(concluded);
  const guardian = c.guardians.find((g) => g.parentalResponsibility) ?? (c.guardians[0] as Guardian);
  const mctx: MeasureCtx = {
    pupil: c.pupil,
    grade: c.grade,
    service: c.service,
    worker: { role: worker.role, name: worker.name },
    staff: (role) => staff(c, role),
    guardian: { relation: guardian.relation, name: guardian.name },
  };
  for (let i = 0; i < count; i++) {
    const t = rng.weighted(weights);
    if (chosen.has(t)) break;
    chosen.add(t);
    (weights[t] as [number, number])[1] = 0; // each kind of measure once per case
    const draft = (templates[t] as (typeof templates)[number]).build(rng, mctx);
    const start = i === 0 ? first : nextWeekday(first + rng.int(0, 21));
    if (start > today) continue;
    const weeks = rng.pick(draft.trialWeeks);
    const evalDate = nextWeekday(start + weeks * 7);
    const legalRef = legalRefFor(draft, iso(start));
    const leaderRole = rng.chance(0.6) ? 'rektor' : 'avdelingsleder';
    const rec: Recommendation = {
      id: `t-${out.length + 1}`,
      what: draft.what,
      responsible: draft.responsible,
      leader: { role: leaderRole, name: staff(c, leaderRole) },
      start: iso(start),
      frequency: draft.frequency,
      trialPeriod: `${weeks} uker`,
      goal: draft.goal,
      evaluation: {
        date: iso(evalDate),
        method: draft.method,
        convenedBy: rng.chance(0.5) ? c.service : rng.weighted(CONVENERS),
      },
      resources: draft.resources,
      label: legalRef ? 'Lovkrav' : rng.chance(0.7) ? 'Anbefaling' : 'Avtalt',
      target: draft.target,
    };
    if (legalRef) rec.legalRef = legalRef;

    let cannot = false;
    const answerDay = previousWeekday(Math.min(today, concluded + rng.int(3, 20)));
    if (rng.chance(0.65) && answerDay >= concluded) {
      const answer = rng.weighted(SCHOOL_ANSWERS);
      cannot = answer === 'kan ikke';
      const schoolAnswer: NonNullable<Recommendation['schoolAnswer']> = {
        answer,
        by: `${c.school.rektor} (rektor)`,
        date: iso(answerDay),
      };
      if (answer === 'med endring') {
        schoolAnswer.reason = rng.pick(['ressurser', 'organisering', 'kompetanse']);
        // Required with «med endring» and «kan ikke» (REASON_CATEGORY_REQUIRED, shared/measures/rules.ts).
        schoolAnswer.reasonCategory = schoolAnswer.reason as 'ressurser' | 'organisering' | 'kompetanse';
        schoolAnswer.alternative = rng.pick([
          'Gjennomføres tre dager i uka i stedet for fem.',
          'Assistent i stedet for miljøterapeut.',
          'Starter etter høstferien.',
        ]);
      } else if (cannot) {
        schoolAnswer.reason = rng.pick([
          'Skolen har ikke ressurser til ekstra voksen om morgenen.',
          'Timeplanen for trinnet kan ikke endres dette skoleåret.',
        ]);
        schoolAnswer.alternative = 'Kontaktlærer tar imot eleven i klasserommet ved skolestart.';
        schoolAnswer.reasonCategory = schoolAnswer.reason.includes('ressurser')
          ? 'ressurser'
          : 'organisering';
      }
      rec.schoolAnswer = schoolAnswer;
    }

    const implementation: NonNullable<Recommendation['implementation']> = [];
    const reported = nextWeekday(start + rng.int(5, 14));
    if (rng.chance(0.5) && reported <= today) {
      implementation.push({ date: iso(reported), by: 'skole', inPlace: !cannot });
      if (rng.chance(0.35)) {
        const inPlace = !cannot && rng.chance(0.6);
        const report: (typeof implementation)[number] = {
          date: iso(Math.min(today, reported + rng.int(0, 7))),
          by: 'foresatte',
          inPlace,
        };
        if (!inPlace) report.note = 'Foresatte melder at tiltaket ikke var på plass tre av fem dager.';
        implementation.push(report);
      }
    }
    if (implementation.length > 0) rec.implementation = implementation;

    if (!cannot) {
      const evaluations = makeEvaluations(c, evalDate, out.length === 0 ? evaluationDays : null);
      if (evaluations.length > 0) rec.evaluations = evaluations;
    }
    // The first measure keeps its log (no draws from rng: the rest of the demo stays as it was):
    // started (the parents are to be told), weekly occurrences with one not held, a check-in.
    if (out.length === 0) {
      rec.statusChanges = [
        { date: iso(start), status: 'startet', by: `${staff(c, leaderRole)} (${leaderRole})` },
      ];
      const occurrences: NonNullable<Recommendation['occurrences']> = [];
      for (let w = 0; w < 6 && start + w * 7 <= today; w++)
        occurrences.push(
          w === 2
            ? { date: iso(start + w * 7), held: false, note: 'Ikke gjennomført: kontaktlæreren var syk.' }
            : { date: iso(start + w * 7), held: true },
        );
      if (occurrences.length > 0) rec.occurrences = occurrences;
      if (start + 14 <= today)
        rec.checkIns = [
          { date: iso(start + 14), result: 'fungert', note: 'Kort telefon med kontaktlærer.', by: c.service },
        ];
    }
    out.push(rec);
  }
  return out;
}

function makeEvaluations(c: Ctx, planned: number, days: number[] | null): Evaluation[] {
  const { rng, today } = c;
  const out: Evaluation[] = [];
  let due = planned;
  while (due <= today && out.length < 3) {
    // Some evaluations are overdue: the date has passed and nobody has evaluated.
    if (!rng.chance(due >= today - 14 ? 0.5 : 0.8)) break;
    const date = Math.min(today, nextWeekday(due + rng.int(0, 5)));
    const outcome = rng.weighted(EVAL_OUTCOMES);
    const decision = rng.weighted(EVAL_DECISIONS[outcome]);
    const ev: Evaluation = {
      date: iso(date),
      outcome,
      decision,
      decidedBy: rng.chance(0.6) ? `${c.school.rektor} (rektor)` : 'samarbeidsmøtet',
      why: EVAL_WHY[outcome][decision],
    };
    if (rng.chance(0.8)) ev.pupilView = rng.pick(EVAL_PUPIL[outcome]);
    // Without the pupil's own view the evaluation says why (PUPIL_VIEW_OR_REASON_REQUIRED).
    else ev.pupilViewMissing = 'Eleven ønsket ikke å si noe i møtet; ny samtale er avtalt.';
    if (rng.chance(0.85)) ev.parentsView = rng.pick(EVAL_PARENTS[outcome]);
    // Ending a measure that works: the caseworker saw the warning (ENDS_WORKING_MEASURE).
    const before = out.at(-1);
    if (
      decision === 'avsluttes' &&
      (outcome === 'bedring' || before?.outcome === 'bedring' || before?.decision === 'videreføres')
    )
      ev.endWarningSeen = iso(date);
    out.push(ev);
    days?.push(date);
    if (decision === 'avsluttes') break;
    due = date + rng.int(28, 56);
    // The measure goes on: the evaluation says when it is evaluated next (NEXT_EVALUATION_REQUIRED).
    ev.nextEvaluation = iso(nextWeekday(due));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Meetings, consents, absence.

function makeMeetings(
  c: Ctx,
  plans: Plan[],
  evaluationDays: number[],
  workerAt: (day: number) => Worker,
): Meeting[] {
  const { rng, today } = c;
  const days: { day: number; kind: MeetingKind }[] = [];
  for (const p of plans) {
    if (p.firstContact !== undefined)
      days.push({ day: p.firstContact + rng.int(0, 10), kind: 'Oppstartsmøte' });
    if (p.concluded !== undefined)
      days.push({ day: p.concluded + rng.int(3, 14), kind: 'Gjennomgang av anbefalingen' });
    if (p.closed !== undefined && p.firstContact !== undefined && rng.chance(0.5))
      days.push({ day: p.closed, kind: 'Avslutningsmøte' });
  }
  for (const day of evaluationDays) days.push({ day, kind: 'Evalueringsmøte' });
  for (const d of days) d.day = nextWeekday(d.day);
  const picked = days
    .filter((d) => d.day <= today)
    .sort((a, b) => a.day - b.day)
    .slice(0, 6);

  return picked.map((m, i): Meeting => {
    const worker = workerAt(m.day);
    const participants: Meeting['participants'] = [];
    for (const g of c.guardians)
      if (rng.chance(0.85) || participants.length === 0)
        participants.push({ role: g.relation, name: g.name });
    if (c.grade >= 5 && rng.chance(0.4)) participants.push({ role: 'elev', name: c.pupil });
    if (rng.chance(0.9)) participants.push({ role: 'kontaktlærer', name: staff(c, 'kontaktlærer') });
    const hasLeader = rng.chance(0.72);
    if (hasLeader) {
      const role = rng.chance(0.5) ? 'rektor' : 'avdelingsleder';
      participants.push({ role, name: staff(c, role) });
    }
    participants.push({ role: worker.role, name: worker.name });
    if (rng.chance(0.4)) participants.push({ role: 'sosiallærer', name: staff(c, 'sosiallærer') });
    if (rng.chance(0.15)) participants.push({ role: 'helsesykepleier', name: staff(c, 'helsesykepleier') });

    const agreements: Agreement[] = [];
    for (const a of rng.sample(AGREEMENTS, rng.weighted(AGREEMENT_COUNTS))) {
      const deadline = nextWeekday(m.day + rng.int(7, 28));
      const owner =
        a.owner === 'saksbehandler'
          ? `${worker.name} (${worker.role})`
          : a.owner === 'foresatte'
            ? 'foresatte'
            : `${staff(c, a.owner)} (${a.owner})`;
      agreements.push({
        what: a.what,
        owner,
        deadline: iso(deadline),
        status: deadline < today - 3 ? rng.weighted(PAST_AGREEMENT_STATUS) : 'åpen',
        promisedToPupil: a.toPupil === true,
      });
    }
    const meeting: Meeting = {
      id: `m-${i + 1}`,
      date: iso(m.day),
      participants,
      decisions: rng.sample(DECISIONS[m.kind], rng.int(1, 3)).map((d) => d.replace('{service}', c.service)),
      agreements,
      note: `${m.kind}.${i > 0 ? ' Åpne avtaler fra forrige møte ble gjennomgått først.' : ''}${hasLeader ? '' : ' Ingen fra skoleledelsen deltok.'}`,
    };
    if (rng.chance(0.1)) {
      const g = c.guardians[0] as Guardian;
      const byTeacher = rng.chance(0.25);
      meeting.dissent = [
        {
          by: byTeacher ? `${staff(c, 'kontaktlærer')} (kontaktlærer)` : `${g.name} (${g.relation})`,
          text: `${byTeacher ? 'Kontaktlærer' : g.relation.charAt(0).toUpperCase() + g.relation.slice(1)} ${rng.pick(DISSENT)}`,
        },
      ];
    }
    return meeting;
  });
}

const CONSENT_TEXT: Record<Service, { information: string; purpose: string }> = {
  PPT: {
    information: 'Pedagogisk rapport, fraværsoversikt og opplysninger om skolesituasjonen',
    purpose: 'Sakkyndig vurdering og råd om tiltak ved ufrivillig skolefravær',
  },
  BUP: {
    information: 'Henvisning, opplysninger om helse, fravær og skolesituasjon',
    purpose: 'Vurdering av rett til helsehjelp, utredning og behandling',
  },
  Skoleteam: {
    information: 'Fraværsoversikt, tiltak skolen har prøvd og opplysninger fra foresatte',
    purpose: 'Kartlegging og tiltaksplan for økt skolenærvær',
  },
  Bft: {
    information: 'Opplysninger om familiens situasjon og skolefravær',
    purpose: 'Familieveiledning og samarbeid med skolen',
  },
  Statped: {
    information: 'Sakkyndig vurdering, tiltaksplan og fraværsoversikt fra PPT',
    purpose: 'Veiledning til PPT og skolen',
  },
  Habu: {
    information: 'Henvisning fra lege, opplysninger om helse og skolesituasjon',
    purpose: 'Utredning og habiliteringstiltak',
  },
  Annet: { information: 'Fraværsoversikt og opplysninger om skolesituasjonen', purpose: 'Råd om tiltak' },
};

function makeConsents(c: Ctx, plans: Plan[]): Consent[] {
  const { rng, today, service } = c;
  const out: Consent[] = [];
  const holders = c.guardians.filter((g) => g.parentalResponsibility).map((g) => g.name);
  const guardians = holders.length > 0 ? holders.join(' og ') : (c.guardians[0] as Guardian).name;
  const withPupil = `${c.pupil} (elev) og ${guardians}`;
  // Only the narrower sharing consents get withdrawn: withdrawing the main one would end the case.
  const push = (
    givenBy: string,
    information: string,
    recipient: string,
    purpose: string,
    date: number,
    withdrawable = true,
  ) => {
    const consent: Consent = {
      id: `s-${out.length + 1}`,
      givenBy,
      information,
      recipient,
      purpose,
      date: iso(date),
    };
    if (rng.chance(0.7)) consent.expires = iso(date + 365);
    if (withdrawable && rng.chance(0.1)) {
      const w = nextWeekday(date + rng.int(14, 200));
      if (w <= today) consent.withdrawn = iso(w);
    }
    out.push(consent);
  };
  const text = CONSENT_TEXT[service];
  for (const p of plans) {
    const given = previousWeekday((p.sent ?? p.received) - rng.int(0, 14));
    push(
      c.grade >= 10 && rng.chance(0.5) ? withPupil : guardians,
      text.information,
      service,
      text.purpose,
      given,
      false,
    );
    if (p.firstContact !== undefined && rng.chance(0.6)) {
      push(
        guardians,
        'Anbefalinger og relevante funn fra utredningen',
        `${c.school.name} (rektor og kontaktlærer)`,
        'Tilrettelegging og tiltak i skolen',
        p.firstContact,
      );
    }
    const later = p.concluded ?? p.firstContact;
    if (later !== undefined && rng.chance(0.25)) {
      push(
        c.grade >= 10 ? withPupil : guardians,
        'Oppsummering av saken og tiltaksplan',
        rng.pick(['fastlege', 'helsesykepleier', service === 'BUP' ? 'PPT' : 'BUP', 'barneverntjenesten']),
        'Samordnet oppfølging (samarbeid mellom tjenestene)',
        later,
      );
    }
  }
  return out;
}

const ABSENCE_SOURCES = ['skolens fraværsregistrering', 'Visma Flyt Skole', 'kontaktlærer', 'foresatte'];

function makeAbsence(c: Ctx, plans: Plan[]): Absence[] {
  const { rng, today } = c;
  const first = plans[0] as Plan;
  const last = plans[plans.length - 1] as Plan;
  const from = (first.signal ?? first.sent ?? first.received) - 30;
  const until = Math.min(today, last.closed ?? today);
  const base = first.absenceAtReferral ?? rng.int(15, 50);
  const peak = first.absenceAtFirstContact ?? base + 5;
  const endPct =
    first.outcome === 'full'
      ? 4
      : first.outcome === 'partial'
        ? base / 2
        : first.outcome === 'none'
          ? peak * 1.1
          : peak;
  const t0 = first.sent ?? first.received;
  const t1 = first.firstContact ?? until;
  const t2 = first.closed ?? until;
  const out: Absence[] = [];
  const { monthStarts, monthNumbers } = c.world;
  let i = 0;
  while (i + 1 < monthStarts.length && (monthStarts[i + 1] as number) <= from) i++;
  for (; i + 1 < monthStarts.length; i++) {
    const m = monthStarts[i] as number;
    if (m > until) break;
    const mo = monthNumbers[i] as number;
    if (mo === 7 || !rng.chance(0.75)) continue;
    const pct =
      m < t0
        ? base * 0.6
        : m < t1
          ? base + ((peak - base) * (m - t0)) / Math.max(1, t1 - t0)
          : peak + ((endPct - peak) * (m - t1)) / Math.max(1, t2 - t1);
    const to = Math.min(today, (monthStarts[i + 1] as number) - 1);
    // The month so far, when it is the current one: never more days of absence than the period has
    // (ABSENCE_EXCEEDS_DAYS, shared/domain/validity.ts).
    const full = mo === 8 ? 8 : mo === 12 || mo === 6 ? 14 : 20;
    const schoolDays = Math.min(full, Math.max(1, Math.round(((to - m + 1) * 5) / 7)));
    const share = Math.max(0, Math.min(1, pct / 100));
    const wholeDays = Math.round(schoolDays * share * (0.55 + rng.next() * 0.3));
    out.push({
      from: iso(m),
      to: iso(to),
      wholeDays,
      partialDays: Math.min(
        schoolDays - wholeDays,
        Math.round(schoolDays * share * (0.3 + rng.next() * 0.4)),
      ),
      type: rng.weighted(ABSENCE_TYPES),
      source: rng.pick(ABSENCE_SOURCES),
    });
    if (rng.chance(0.15)) {
      out.push({
        from: iso(m),
        to: iso(to),
        wholeDays: Math.min(rng.int(1, 3), to - m + 1),
        partialDays: 0,
        type: 'dokumentert',
        source: 'foresatte (sykdom)',
      });
    }
  }
  // A long case keeps the months around the referral and the latest ones.
  return out.length > 12 ? [...out.slice(0, 8), ...out.slice(-4)] : out;
}

// ---------------------------------------------------------------------------------------
// Journal notes: every kind, some confidential, one of those released with a reason.

const NOTE_TEXTS: Record<NoteKind, readonly string[]> = {
  samtale: [
    'Samtale med eleven på skolen. Eleven forteller at morgenene er verst, og at det hjelper å bli møtt i garderoben.',
    'Samtale med foresatte om søvn og morgenrutiner. De ønsker tettere kontakt med kontaktlærer.',
    'Elevsamtale: eleven vil helst begynne med ett fag om dagen og ha en fast voksen å gå til.',
  ],
  telefon: [
    'Telefon fra kontaktlærer: eleven var på skolen tre dager denne uka, to av dem hele dagen.',
    'Ringte foresatte for å avtale møte. De ba om at eleven får være med på deler av møtet.',
    'Telefon fra helsesykepleier om at eleven har vært innom kontoret flere ganger.',
  ],
  møte: [
    'Kort møte med rektor om hvem som tar imot eleven om morgenen. Avklart at miljøarbeider gjør det.',
    'Møte med skolen om timeplanen. Skolen prøver fleksibel oppstart i to uker.',
  ],
  observasjon: [
    'Observasjon i friminuttet: eleven holder seg nær en voksen og deltar lite i leken.',
    'Observerte matematikktimen. Eleven arbeidet godt i liten gruppe, men trakk seg ut ved tavleundervisning.',
  ],
  annet: [
    'Sendt kopi av tiltaksplanen til foresatte etter avtale.',
    'Notat om overgang: eleven skal over på ungdomsskolen neste høst, og mottakende skole bør kobles på i vår.',
  ],
};
const CONFIDENTIAL_TEXTS = [
  'Fortrolig: foresatte forteller om vanskelige forhold hjemme som de ikke vil at skolen skal kjenne til ennå.',
  'Fortrolig: eleven forteller om en konflikt med en medelev som eleven ikke vil at noen på skolen skal få vite om.',
];

function addNotes(rng: Rng, doc: CaseDoc, index: number, today: number): void {
  const received = (doc.referrals ?? []).map((r) => parseDay(r.received)).find((d) => d !== null);
  if (received == null || received > today) return;
  const writer = (doc.assignments ?? []).find((a) => a.to == null)?.caseworker ?? null;
  const count = rng.int(1, 4);
  const notes: NonNullable<CaseDoc['notes']> = [];
  for (let k = 0; k < count; k++) {
    // The first note's kind goes round the kinds, so every kind is among the first cases.
    const kind = k === 0 ? NOTE_KINDS[index % NOTE_KINDS.length]! : rng.pick(NOTE_KINDS);
    const confidential = rng.chance(0.2);
    const day = Math.min(today, received + rng.int(3, Math.max(4, Math.min(300, today - received))));
    notes.push({
      id: `notat-${k + 1}`,
      date: iso(day),
      kind,
      text: confidential ? rng.pick(CONFIDENTIAL_TEXTS) : rng.pick(NOTE_TEXTS[kind]),
      confidential,
      ...(writer ? { author: writer } : {}),
    });
  }
  notes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  doc.notes = notes;
}

/** The first confidential note of the demo is released, so the release is there to be seen. */
function releaseOneNote(cases: readonly CaseDoc[]): void {
  for (const c of cases)
    for (const n of c.notes ?? [])
      if (n.confidential) {
        n.released = { date: n.date, reason: 'Foresatte samtykket til at notatet deles med skolen.' };
        return;
      }
}

// ---------------------------------------------------------------------------------------
// Innsyn: a few requests from the parties, most answered in time, one late, and the first case
// with a confidential note has one still open and soon due, so «Innsyn» has a task and a file
// with something withheld to show.

const REQUESTERS = ['foresatte', 'mor', 'far', 'eleven', 'advokat for foresatte'] as const;

function addAccessRequests(rng: Rng, cases: readonly CaseDoc[], today: number): void {
  let openGiven = false;
  for (const c of cases) {
    const received = (c.referrals ?? []).map((r) => parseDay(r.received)).find((d) => d !== null);
    if (received == null || today - received < 60) continue;
    const hasSecret = (c.notes ?? []).some((n) => n.confidential && !n.released);
    if (!openGiven && hasSecret) {
      openGiven = true;
      c.accessRequests = [
        { received: iso(previousWeekday(today - 20)), requestedBy: 'foresatte', scope: 'Hele saken' },
      ];
      continue;
    }
    if (!rng.chance(0.06)) continue;
    const day = previousWeekday(received + rng.int(20, Math.max(21, today - received - 40)));
    const late = rng.chance(0.2);
    c.accessRequests = [
      {
        received: iso(day),
        requestedBy: rng.pick(REQUESTERS),
        scope: rng.chance(0.5) ? 'Hele saken' : 'Sakkyndig vurdering og møtereferater',
        answered: iso(Math.min(today, day + (late ? rng.int(32, 40) : rng.int(5, 25)))),
      },
    ];
  }
}
