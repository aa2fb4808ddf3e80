import type { CaseDoc } from '../domain/caseDoc';
import type { Proposal, PupilVoiceEntry } from '../domain/family';
import { addWorkingDays, iso, nextWeekday, parseDay, previousWeekday } from './dates';
import type { Rng } from './prng';

/**
 * What the family brings to a demo case (issue 14): dated entries of the pupil's voice, the
 * parents' proposals (most answered, some waiting: a task), a draft shared for comment, the whole
 * forventningsavklaring and the evaluation meetings that went through it again. Its own random
 * stream, so the cases stay what they were before these existed.
 */

const SAID = [
  'Det verste er å gå inn i klasserommet når alle allerede sitter.',
  'Jeg får vondt i magen på søndagskvelden.',
  'Jeg vet ikke hvem jeg skal si fra til når det blir for mye.',
  'Friminuttene er lange når jeg ikke har noen å være med.',
  'Jeg liker matte, men ikke når vi skal svare høyt.',
];
const WISHES = [
  'Å få begynne litt senere noen dager.',
  'At læreren sier hva som skal skje i timen før den begynner.',
  'Å ha ett sted å gå når det blir for mye.',
  'At noen møter meg i døra om morgenen.',
];
const HELPS = [
  'Når {worker} ringer før helgen.',
  'Å ha musikk på øret i garderoben.',
  'Fast plass ved døra.',
  'At mamma kan sende melding til læreren om morgenen.',
];
const HURTS = [
  'Vikarer som ikke vet om avtalen.',
  'Når noen spør hvor jeg har vært.',
  'Høye lyder i gymsalen.',
  'Gruppearbeid med nye grupper hver uke.',
];
const HOW = [
  'samtale på skolen',
  'samtale hjemme',
  'skjemaet «Min skoledag»',
  'samtale på tur',
  'tegning og samtale',
];

const PROPOSALS = [
  'Redusert timeplan de første tre ukene, med økning hver uke.',
  'At kontaktlærer ringer hjem fredag ettermiddag.',
  'Et eget rom å gå til i friminuttene.',
  'Skyss til skolen de dagene det er vanskeligst.',
  'Hjemmeundervisning én dag i uka i en periode.',
  'At eleven slipper muntlig framføring foran klassen dette halvåret.',
];
const REASONS: Record<'tatt inn' | 'delvis' | 'ikke tatt inn', readonly string[]> = {
  'tatt inn': ['Skolen har lagt det inn i tiltaksplanen fra neste uke.', 'Avtalt i samarbeidsmøtet.'],
  delvis: [
    'Skolen kan gjøre det to dager i uka, ikke hver dag.',
    'Tatt inn for fire uker; så evalueres det.',
  ],
  'ikke tatt inn': [
    'Opplæringen skal skje på skolen; vi prøver heller fleksibel oppstart.',
    'Kommunen har ikke denne ordningen; vi har foreslått et alternativ i tiltaksplanen.',
  ],
};
const COMMENTS = [
  'Vi er enige i tiltakene, men ønsker at kontaktlærer ringer oss hver fredag i starten.',
  'Vi savner at det står hva som skjer når det er vikar.',
  'Vi ønsker at evalueringen kommer etter fire uker, ikke seks.',
];

export function addFamily(rng: Rng, doc: CaseDoc, index: number, today: number): void {
  const received = (doc.referrals ?? []).map((r) => parseDay(r.received)).find((d) => d !== null);
  if (received == null || received > today) return;
  const span = today - received;
  const worker = (doc.assignments ?? []).find((a) => a.to == null)?.caseworker ?? 'PPT-rådgiver';
  const within = (from: number, to: number) => Math.min(today, received + rng.int(from, Math.max(from, to)));
  const first = doc.pupil.name.split(' ')[0] ?? doc.pupil.name;

  // Elevens stemme: the first cases always, so a new user finds it; the rest often.
  if (span > 7 && (index < 4 || rng.chance(0.55))) {
    const voices: PupilVoiceEntry[] = [];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const date = iso(previousWeekday(within(7 + k * 30, 40 + k * 60)));
      const entry: PupilVoiceEntry = { date, how: rng.pick(HOW), gatheredBy: worker };
      if (rng.chance(0.8)) entry.said = rng.pick(SAID);
      if (rng.chance(0.6)) entry.wishes = rng.pick(WISHES);
      if (rng.chance(0.6)) entry.helps = rng.pick(HELPS).replace('{worker}', worker);
      if (rng.chance(0.5) || !(entry.said || entry.wishes || entry.helps)) entry.hurts = rng.pick(HURTS);
      voices.push(entry);
    }
    voices.sort((a, b) => (a.date < b.date ? -1 : 1));
    doc.voices = voices;
  }

  // Foresattes innspill: most answered (with a reason where not taken in), some still waiting.
  if (span > 14 && (index < 4 || rng.chance(0.5))) {
    const proposals: Proposal[] = [];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const day = nextWeekday(within(10 + k * 20, 60 + k * 40));
      if (day > today) continue;
      const p: Proposal = {
        date: iso(day),
        what: rng.pick(PROPOSALS),
        proposedBy: rng.pick(['mor', 'far', 'foresatte']),
      };
      // The first case keeps its latest proposal unanswered: Oppgaver shows the task.
      const waiting = (index === 0 && k === n - 1) || rng.chance(0.25);
      const answeredOn = addWorkingDays(day, rng.int(2, 9));
      if (!waiting && answeredOn <= today) {
        const response = rng.pick(['tatt inn', 'delvis', 'ikke tatt inn'] as const);
        p.response = response;
        p.reason = rng.pick(REASONS[response]);
        p.answeredBy = worker;
        p.answered = iso(answeredOn);
      }
      proposals.push(p);
    }
    if (proposals.length) doc.proposals = proposals;
  }

  // Forventningsavklaring: the parts added in issue 14, and evaluation meetings that revisit it.
  if (doc.expectations) {
    doc.expectations.parentsAskedTo = `Gi skolen beskjed før kl. 08 de dagene ${first} blir hjemme, og kom på samarbeidsmøtene.`;
    doc.expectations.contactFrequency = rng.pick([
      'Telefon hver fjortende dag, og ellers ved behov.',
      'Samarbeidsmøte hver tredje uke; SMS mellom møtene.',
    ]);
    doc.expectations.disagreement =
      'Si fra til kontaktpersonen i tjenesten først. Blir vi ikke enige, kan dere ta det opp med lederen i tjenesten eller klage til Statsforvalteren.';
    const firstContact = doc.referrals?.find((r) => r.firstContact)?.firstContact;
    if (firstContact) doc.expectations.agreed = firstContact;
    const evalDates = new Set(
      (doc.recommendations ?? []).flatMap((m) => (m.evaluations ?? []).map((e) => e.date)),
    );
    for (const m of doc.meetings ?? [])
      if (evalDates.has(m.date)) {
        m.evaluation = true;
        m.expectationsRevisited = rng.chance(0.85);
        if (m.expectationsRevisited && rng.chance(0.5))
          m.expectationsNote = 'Gått gjennom; kontakten holdes som før.';
      }
  }

  // Høringsutkast: a draft anbefaling shared with the parents, the day for comments past.
  if (
    doc.service === 'PPT' &&
    span > 40 &&
    (doc.recommendations ?? []).length &&
    (index === 1 || rng.chance(0.12))
  ) {
    const shared = previousWeekday(Math.min(today - 20, received + rng.int(20, Math.max(21, span - 20))));
    if (shared >= received) {
      const by = shared + 14;
      doc.hearings = [
        { kind: 'anbefaling', shared: iso(shared), commentBy: iso(by), sharedWith: 'foresatte' },
      ];
      if (rng.chance(0.6)) {
        doc.hearings[0]!.comment = rng.pick(COMMENTS);
        doc.hearings[0]!.commentReceived = iso(nextWeekday(shared + rng.int(2, 10)));
      }
    }
  }
}
