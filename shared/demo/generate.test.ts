import { describe, expect, it } from 'vitest';
import { validateCaseDoc } from '../domain/validate';
import { measureRuleIssues } from '../measures/rules';
import { interchangeFile, type InterchangeFile } from '../interchange/schema';
import { addWorkingDays, parseDay } from './dates';
import { DEADLINE_FIELDS, generateDemo } from './generate';
import { NORWEGIAN_LETTERS, SAMI_LETTERS } from './names';

const TODAY = '2026-11-26';
const demo300 = generateDemo({ cases: 300, seed: 'bro-demo', today: TODAY });
const cases = demo300.cases;
const referrals = cases.flatMap((c) => (c.referrals ?? []).map((r) => ({ c, r })));
const recommendations = cases.flatMap((c) => c.recommendations ?? []);
const day = (s: string | null | undefined): number => {
  const d = s == null ? null : parseDay(s);
  if (d === null) throw new Error(`not a date: ${String(s)}`);
  return d;
};

/** Every `YYYY-MM-DD` string in a value, with its path. */
function datesIn(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; date: string }[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [{ path, date: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => datesIn(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => datesIn(v, [...path, k]));
  return [];
}

function names(file: InterchangeFile): string {
  return file.cases.map((c) => [c.pupil.name, ...(c.guardians ?? []).map((g) => g.name)].join(' ')).join(' ');
}

describe('generateDemo', () => {
  it('is deterministic for a seed and different for another seed', () => {
    const a = generateDemo({ cases: 50, seed: 42, today: TODAY });
    const b = generateDemo({ cases: 50, seed: 42, today: TODAY });
    const other = generateDemo({ cases: 50, seed: 43, today: TODAY });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(other).not.toEqual(a);
    // Not just one field: most pupils differ.
    const same = a.cases.filter((c, i) => c.pupil.name === other.cases[i]?.pupil.name).length;
    expect(same).toBeLessThan(10);
    // `today` moves the history with it.
    expect(generateDemo({ cases: 50, seed: 42, today: '2025-03-01' })).not.toEqual(a);
  });

  it('writes a valid bro-interchange/1 file in which every case passes the domain rules', () => {
    expect(demo300.format).toBe('bro-interchange/1');
    expect(demo300.source).toMatch(/^bro demo \(syntetiske data\)/);
    expect(cases).toHaveLength(300);
    const parsed = interchangeFile.safeParse(demo300);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    const issues = cases.flatMap((c, i) => validateCaseDoc(c, ['cases', i]).issues);
    expect(issues).toEqual([]);
    // Plain JSON: survives a round trip unchanged (no undefined, no Date objects).
    expect(JSON.parse(JSON.stringify(demo300))).toEqual(demo300);
    expect(cases[0]?.id).toBe('demo-0001');
    expect(cases[299]?.id).toBe('demo-0300');
    expect(new Set(cases.map((c) => c.id)).size).toBe(300);
  });

  it('passes the rules for other seeds and dates too', () => {
    for (const [seed, today] of [
      ['a', '2024-02-29'],
      ['b', '2025-07-15'],
      [7, '2030-01-01'],
    ] as const) {
      const file = generateDemo({ cases: 200, seed, today });
      expect(interchangeFile.safeParse(file).success).toBe(true);
      expect(file.cases.flatMap((c, i) => validateCaseDoc(c, ['cases', i]).issues)).toEqual([]);
    }
  });

  it('uses every Sami letter and æ ø å in the names of just 20 cases, for any seed', () => {
    for (const seed of ['x', 'y', 1, 2, 3]) {
      const text = names(generateDemo({ cases: 20, seed, today: TODAY })).toLowerCase();
      for (const letter of [...SAMI_LETTERS, ...NORWEGIAN_LETTERS])
        expect(text, `seed ${seed}`).toContain(letter);
    }
  });

  it('puts nothing that has happened after today; only deadlines may lie ahead', () => {
    const future = datesIn(demo300.cases).filter((d) => d.date > TODAY);
    const deadline = (p: (string | number)[]) => {
      const last = String(p[p.length - 1]);
      const fields: readonly string[] = DEADLINE_FIELDS;
      // A transition event may be planned (issue 15 item 3: the coming change of school or stage).
      if (p[p.length - 3] === 'transitionEvents' && last === 'date') return true;
      return fields.includes(last) || fields.includes(`${String(p[p.length - 2])}.${last}`);
    };
    expect(future.filter((d) => !deadline(d.path))).toEqual([]);
    // And the window really is about three years back.
    const received = referrals.map(({ r }) => r.received).sort();
    expect(received[0]! >= '2023-11-01').toBe(true);
    expect(received[received.length - 1]! <= TODAY).toBe(true);
    expect(received.filter((d) => d < '2024-11-26').length).toBeGreaterThan(30);
  });

  it('spreads cases over the services, PPT the most', () => {
    const count = (s: string) => cases.filter((c) => c.service === s).length;
    expect(count('PPT')).toBeGreaterThan(count('BUP'));
    expect(count('BUP')).toBeGreaterThan(count('Skoleteam') * 0.8);
    expect(count('Skoleteam')).toBeGreaterThan(count('Bft'));
    for (const s of ['Bft', 'Statped', 'Habu']) expect(count(s)).toBeGreaterThan(0);
    const fromSchoolOrHome = referrals.filter(
      ({ r }) => r.referredBy === 'skole' || r.referredBy === 'foresatte',
    );
    expect(fromSchoolOrHome.length / referrals.length).toBeGreaterThan(0.5);
    const middle = cases.filter((c) => c.pupil.grade! >= 5 && c.pupil.grade! <= 10).length;
    expect(middle / cases.length).toBeGreaterThan(0.6);
    expect(cases.every((c) => (c.guardians ?? []).length >= 1 && (c.guardians ?? []).length <= 2)).toBe(true);
  });

  it('has realistic referral timelines: open and closed, all outcomes, sent → received within 10 days', () => {
    for (const { r } of referrals) {
      if (r.sent) expect(day(r.received) - day(r.sent)).toBeLessThanOrEqual(12); // 10 days + weekend
      if (r.signal) expect(r.signal <= (r.sent ?? r.received)).toBe(true);
    }
    const open = referrals.filter(({ r }) => !r.closed);
    expect(open.filter(({ r }) => !r.firstContact).length).toBeGreaterThan(3);
    expect(open.filter(({ r }) => r.firstContact && !r.concluded).length).toBeGreaterThan(3);
    expect(open.filter(({ r }) => r.concluded).length).toBeGreaterThan(3);
    const outcomes = new Set(referrals.map(({ r }) => r.outcome).filter(Boolean));
    expect([...outcomes].sort()).toEqual(['full', 'none', 'partial']);
    expect(
      referrals.filter(({ r }) => r.absenceAtReferral != null && r.absenceAtFirstContact != null).length,
    ).toBeGreaterThan(50);
    // PPT: first contact typically 2–12 weeks after received.
    const ppt = referrals.filter(
      ({ c, r }) => c.service === 'PPT' && r.firstContact && r.decision !== 'forwarded',
    );
    const waits = ppt.map(({ r }) => day(r.firstContact) - day(r.received)).sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(14);
    expect(median).toBeLessThanOrEqual(84);
  });

  it('gives BUP referrals a decision within working days, a frist, and some fristbrudd', () => {
    const bup = referrals.filter(({ c }) => c.service === 'BUP').map(({ r }) => r);
    const decided = bup.filter((r) => r.decided);
    expect(decided.length).toBeGreaterThan(20);
    for (const r of decided) {
      expect(day(r.decided)).toBeGreaterThanOrEqual(addWorkingDays(day(r.received), 5));
      expect(day(r.decided)).toBeLessThanOrEqual(addWorkingDays(day(r.received), 15));
      if (r.decision === 'accepted') expect(r.frist, r.id).toBeTruthy();
    }
    // Most within the 10 working days of pasient- og brukerrettighetsloven § 2-2, some late.
    const late = decided.filter((r) => day(r.decided) > addWorkingDays(day(r.received), 10));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / decided.length).toBeLessThan(0.3);
    expect(new Set(decided.map((r) => r.decision))).toEqual(new Set(['accepted', 'rejected', 'forwarded']));
    const accepted = decided.filter((r) => r.decision === 'accepted');
    const breach = accepted.filter((r) => (r.firstContact ? r.firstContact > r.frist! : r.frist! < TODAY));
    const kept = accepted.filter((r) => r.firstContact && r.firstContact <= r.frist!);
    expect(breach.length).toBeGreaterThan(3);
    expect(kept.length).toBeGreaterThan(breach.length);
  });

  it('records caseworker changes with reasons, handover notes and gaps', () => {
    const changed = cases.filter((c) => (c.assignments ?? []).length >= 2);
    expect(changed.length).toBeGreaterThan(30);
    expect(cases.some((c) => (c.assignments ?? []).length >= 4)).toBe(true);
    const reasons = new Set<string>();
    let gaps = 0;
    for (const c of cases) {
      const list = c.assignments ?? [];
      list.forEach((a, i) => {
        if (a.to != null) {
          const note = a.handoverNote;
          expect(note, `${c.id} assignment ${i}`).toBeTypeOf('object');
          if (note && typeof note === 'object') {
            expect(note.status.length).toBeGreaterThan(10);
            const fields = note as Record<string, unknown>;
            for (const k of ['openPromises', 'nextDeadlines', 'familyWishes'])
              expect(fields[k], k).toBeTruthy();
          }
          expect(a.reason).toBeTruthy();
          reasons.add(a.reason ?? '');
        }
        const next = list[i + 1];
        if (a.to && next && day(next.from) - day(a.to) >= 5) gaps++;
      });
      // An open case has exactly one current caseworker, and it is the last one.
      const openReferral = (c.referrals ?? []).some((r) => !r.closed);
      const current = list.filter((a) => a.to == null);
      if (openReferral && list.length > 0) expect(current).toEqual([list[list.length - 1]]);
      if (!openReferral) expect(current).toEqual([]);
    }
    for (const r of ['permisjon', 'sluttet', 'omorganisering', 'sykemelding']) expect(reasons).toContain(r);
    expect(gaps).toBeGreaterThan(5);
  });

  it('writes complete measures with labels, targets, school answers and evaluations', () => {
    expect(recommendations.length).toBeGreaterThan(100);
    for (const r of recommendations) {
      expect(r.responsible?.role && r.responsible.name).toBeTruthy();
      expect(['rektor', 'avdelingsleder']).toContain(r.leader?.role);
      expect(r.leader?.name).toBeTruthy();
      for (const f of ['start', 'frequency', 'trialPeriod', 'goal', 'resources'] as const)
        expect(r[f], f).toBeTruthy();
      expect(r.evaluation?.method && r.evaluation.convenedBy).toBeTruthy();
      expect(day(r.evaluation?.date)).toBeGreaterThan(day(r.start));
      if (r.label === 'Lovkrav') expect(r.legalRef).toMatch(/^opplæringslova/);
      // A planned evaluation after today has not been held yet.
      if (r.evaluation!.date > TODAY) expect(r.evaluations ?? []).toEqual([]);
      for (const e of r.evaluations ?? []) {
        expect(e.date >= r.evaluation!.date && e.date <= TODAY).toBe(true);
        expect(e.decidedBy).toBeTruthy();
      }
    }
    const labels = new Set(recommendations.map((r) => r.label));
    expect(labels).toEqual(new Set(['Anbefaling', 'Lovkrav', 'Avtalt']));
    const target = (t: string) => recommendations.filter((r) => r.target === t).length;
    expect(target('skolemiljø') + target('elev')).toBeGreaterThan(target('hjem') * 3);
    expect(target('hjem')).toBeGreaterThan(0);
    expect(recommendations.filter((r) => r.schoolAnswer).length).toBeGreaterThan(30);
    const evaluated = recommendations.filter((r) => (r.evaluations ?? []).length > 0);
    expect(evaluated.length).toBeGreaterThan(30);
    expect(new Set(evaluated.flatMap((r) => r.evaluations!.map((e) => e.outcome)))).toEqual(
      new Set(['bedring', 'ingen endring', 'forverring']),
    );
    expect(
      evaluated.some(
        (r) => r.evaluations!.some((e) => e.pupilView) && r.evaluations!.some((e) => e.parentsView),
      ),
    ).toBe(true);
    // Overdue: the evaluation date has passed and nobody has evaluated.
    const overdue = recommendations.filter(
      (r) => r.evaluation!.date < TODAY && !r.evaluations?.length && r.schoolAnswer?.answer !== 'kan ikke',
    );
    expect(overdue.length).toBeGreaterThan(3);
    // Measures only where a referral was concluded.
    for (const c of cases) {
      if ((c.recommendations ?? []).length > 0)
        expect((c.referrals ?? []).some((r) => r.concluded)).toBe(true);
      expect((c.recommendations ?? []).length).toBeLessThanOrEqual(4);
    }
  });

  it('has meetings, consents, absence and the family’s voice', () => {
    const meetings = cases.flatMap((c) => c.meetings ?? []);
    expect(meetings.length).toBeGreaterThan(300);
    const leader = (m: (typeof meetings)[number]) =>
      m.participants.some((p) => p.role === 'rektor' || p.role === 'avdelingsleder');
    expect(meetings.filter((m) => !leader(m)).length).toBeGreaterThan(10);
    expect(meetings.filter(leader).length).toBeGreaterThan(meetings.length / 2);
    expect(meetings.some((m) => (m.dissent ?? []).length > 0)).toBe(true);
    const agreements = meetings.flatMap((m) => m.agreements ?? []);
    expect(agreements.some((a) => a.promisedToPupil)).toBe(true);
    expect(new Set(agreements.map((a) => a.status))).toEqual(
      new Set(['åpen', 'utført', 'ikke utført', 'avlyst']),
    );

    const consents = cases.flatMap((c) => c.consents ?? []);
    expect(cases.every((c) => (c.consents ?? []).length > 0)).toBe(true);
    expect(consents.some((c) => c.withdrawn)).toBe(true);
    expect(consents.some((c) => c.expires)).toBe(true);

    const absence = cases.flatMap((c) => c.absence ?? []);
    expect(absence.length).toBeGreaterThan(1000);
    expect(absence.some((a) => a.partialDays > 0)).toBe(true);
    expect(new Set(absence.map((a) => a.type)).size).toBe(4);

    expect(cases.filter((c) => c.pupilVoice).length).toBeGreaterThan(200);
    expect(cases.filter((c) => c.parentsView).length).toBeGreaterThan(200);
    expect(cases.filter((c) => c.expectations).length).toBeGreaterThan(30);
  });

  it('rejects bad options', () => {
    expect(() => generateDemo({ cases: -1, seed: 1, today: TODAY })).toThrow(/cases/);
    expect(() => generateDemo({ cases: 1.5, seed: 1, today: TODAY })).toThrow(/cases/);
    expect(() => generateDemo({ cases: 1, seed: 1, today: '2026-02-30' })).toThrow(/today/);
    expect(() => generateDemo({ cases: 1, seed: 1, today: '1901-01-01' })).toThrow(/today/);
    expect(generateDemo({ cases: 0, seed: 1, today: TODAY }).cases).toEqual([]);
  });
});

describe('the demo measures (issue 13)', () => {
  it('keep the measure rules, and show a log with a gap, check-ins, status changes and a «kan ikke» with its reason', () => {
    const cases = demo300.cases as unknown as Parameters<typeof measureRuleIssues>[0][];
    expect(cases.flatMap((c) => measureRuleIssues(c))).toEqual([]);
    const recs = cases.flatMap((c) => c.recommendations ?? []);
    expect(recs.some((r) => (r.occurrences ?? []).some((o) => !o.held))).toBe(true);
    expect(recs.some((r) => (r.checkIns ?? []).length > 0)).toBe(true);
    expect(recs.some((r) => (r.statusChanges ?? []).length > 0)).toBe(true);
    expect(recs.some((r) => r.schoolAnswer?.answer === 'kan ikke' && r.schoolAnswer.reasonCategory)).toBe(
      true,
    );
    const disagree = (r: (typeof recs)[number]) =>
      new Set((r.implementation ?? []).map((x) => x.inPlace)).size > 1;
    expect(recs.some(disagree)).toBe(true);
  });
});
