/**
 * The example case from INTERCHANGE.md (`bro-interchange/1`), minus its `…` placeholders.
 * Test fixture only: tests of validation, import diff and the published JSON Schema share it,
 * so the documented example is proven valid and round-trippable in one place.
 */
export const INTERCHANGE_EXAMPLE_CASE = {
  id: 'c-0001',
  service: 'PPT',
  pupil: {
    name: 'Áile Nango',
    birthDate: '2013-04-02',
    school: 'Hov skole',
    grade: 7,
    coordinator: { name: 'Siri Lie', role: 'sosiallærer' },
  },
  guardians: [{ name: 'Ánde Nango', relation: 'far', parentalResponsibility: true }],
  referrals: [
    {
      id: 'r-1',
      service: 'PPT',
      referredBy: 'skole',
      reason: 'ufrivillig skolefravær',
      sent: '2026-01-05',
      received: '2026-01-07',
      decided: '2026-01-20',
      decision: 'accepted',
      frist: null as string | null,
      firstContact: '2026-02-16',
      assessmentStarted: '2026-02-16',
      concluded: '2026-04-30',
      firstMeasure: '2026-05-11',
      closed: null as string | null,
      outcome: null as string | null,
    },
  ],
  assignments: [
    {
      caseworker: 'Kari Nordmann',
      role: 'rådgiver',
      from: '2026-01-20',
      to: '2026-03-01',
      reason: 'permisjon',
      handoverNote: 'Status, åpne avtaler, neste frister.',
    },
    { caseworker: 'Ola Hansen', role: 'rådgiver', from: '2026-03-09', to: null as string | null },
  ],
  recommendations: [
    {
      id: 't-1',
      what: 'Fleksibel oppstart: eleven møter kl. 10 med fast voksen i garderoben.',
      responsible: { role: 'kontaktlærer', name: 'Per Berg' },
      leader: { role: 'rektor', name: 'Anne Dahl' },
      start: '2026-05-11',
      frequency: 'hver skoledag',
      trialPeriod: '6 uker',
      goal: 'Eleven er på skolen minst 4 av 5 dager i uke 24.',
      evaluation: { date: '2026-06-22', method: 'fraværsoversikt og elevsamtale', convenedBy: 'PPT' },
      resources: '2 t/uke planleggingstid for kontaktlærer',
      label: 'Anbefaling',
      legalRef: null as string | null,
      target: 'skolemiljø',
      evaluations: [
        {
          date: '2026-06-22',
          outcome: 'bedring',
          decision: 'videreføres',
          pupilView: 'Det er lettere når noen venter på meg.',
          parentsView: 'Morgenene er roligere.',
          decidedBy: 'rektor',
        },
      ],
    },
  ],
  meetings: [],
  consents: [],
  absence: [],
};

export const INTERCHANGE_EXAMPLE_FILE = {
  format: 'bro-interchange/1',
  cases: [INTERCHANGE_EXAMPLE_CASE],
};

/** A deep copy to mutate in a test without touching the shared fixture. */
export function exampleCase(): typeof INTERCHANGE_EXAMPLE_CASE {
  return JSON.parse(JSON.stringify(INTERCHANGE_EXAMPLE_CASE)) as typeof INTERCHANGE_EXAMPLE_CASE;
}
