import { describe, expect, it } from 'vitest';
import { foldCase, type CaseState } from './fold';
import { markChecked } from './checked';
import { formatHlc, type StoredEvent } from './vocabulary';

/** Vault-style ids (`[a-z2-7]{26}`) from a readable label: letters only, padded with '2'. */
const vid = (label: string): string => {
  if (!/^[a-z]{1,26}$/.test(label)) throw new Error(`bad label ${label}`);
  return label.padEnd(26, '2');
};

const CASE = vid('case');
const DEV_A = vid('deva');
const DEV_B = vid('devb');
const K = {
  ref: vid('ref'),
  refb: vid('refb'),
  rec: vid('rec'),
  recb: vid('recb'),
  eva: vid('eva'),
  evb: vid('evb'),
  evc: vid('evc'),
  asg: vid('asg'),
};

let seq = 0;
/** A stored event at wall ms `wall` (counter 0 unless given). Event ids are unique per call. */
function ev(
  type: string,
  data: unknown,
  opts: { wall: number; counter?: number; device?: string; id?: string },
): StoredEvent {
  seq++;
  const id = opts.id ?? vid(`ev${letters(seq)}`);
  return {
    v: 1,
    id,
    caseId: CASE,
    type,
    hlc: formatHlc({ wall: opts.wall, counter: opts.counter ?? 0 }),
    device: opts.device ?? DEV_A,
    actor: 'tester',
    at: new Date(Date.UTC(2026, 0, 1) + opts.wall).toISOString(),
    data,
  };
}
/** 1 → 'b', 26 → 'ba': a letters-only rendering of a number. */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/** Deterministic PRNG (mulberry32) so a failing shuffle can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  const r = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const refSet = { id: 'r-1', referredBy: 'skole', reason: 'ufrivillig skolefravær', received: '2026-01-07' };
const recSet = { id: 't-1', what: 'Fleksibel oppstart kl. 10', label: 'Anbefaling', target: 'elev' };
const evalSet = (date: string) => ({
  date,
  outcome: 'bedring',
  decision: 'videreføres',
  decidedBy: 'rektor',
});

/** A case with corrections, a removal, nested evaluations and a same-HLC conflict between two devices. */
function scenario(): StoredEvent[] {
  return [
    ev('case.opened', { externalId: 'c-0001', service: 'PPT' }, { wall: 1000 }),
    ev('pupil.recorded', { set: { name: 'Áile Nango', school: 'Hov skole', grade: 7 } }, { wall: 1001 }),
    ev('referrals.recorded', { key: K.ref, set: refSet }, { wall: 1002 }),
    ev(
      'referrals.recorded',
      { key: K.refb, set: { id: 'r-2', referredBy: 'foresatte', reason: 'angst', received: '2026-02-01' } },
      { wall: 1003 },
    ),
    ev('recommendations.recorded', { key: K.rec, set: recSet }, { wall: 1004 }),
    ev('evaluations.recorded', { key: K.eva, parent: K.rec, set: evalSet('2026-06-22') }, { wall: 1005 }),
    ev('evaluations.recorded', { key: K.evb, parent: K.rec, set: evalSet('2026-08-20') }, { wall: 1006 }),
    ev(
      'assignments.recorded',
      { key: K.asg, set: { caseworker: 'Kari Nordmann', role: 'rådgiver', from: '2026-01-20' } },
      { wall: 1007 },
    ),
    ev(
      'referrals.recorded',
      { key: K.ref, set: { received: '2026-01-08' }, reason: 'Feil dato' },
      { wall: 1010 },
    ),
    ev('referrals.removed', { key: K.refb, reason: 'Registrert på feil sak' }, { wall: 1011 }),
    // Same HLC on two devices: device order decides, so B's value wins everywhere.
    ev('pupil.recorded', { set: { school: 'Hov skole A' } }, { wall: 1012, device: DEV_A }),
    ev('pupil.recorded', { set: { school: 'Hov skole B' } }, { wall: 1012, device: DEV_B }),
  ];
}

describe('foldCase', () => {
  it('folds the scenario into the expected document', () => {
    const s = foldCase(CASE, scenario());
    expect(s.opened).toBe(true);
    expect(s.caseId).toBe(CASE);
    expect(s.doc).toEqual({
      id: 'c-0001',
      service: 'PPT',
      pupil: { name: 'Áile Nango', school: 'Hov skole B', grade: 7 },
      guardians: [],
      referrals: [{ ...refSet, received: '2026-01-08' }],
      assignments: [{ caseworker: 'Kari Nordmann', role: 'rådgiver', from: '2026-01-20' }],
      recommendations: [{ ...recSet, evaluations: [evalSet('2026-06-22'), evalSet('2026-08-20')] }],
      meetings: [],
      consents: [],
      absence: [],
      concernReports: [],
      accessRequests: [],
      notes: [],
      voices: [],
      proposals: [],
      hearings: [],
      barriers: [],
      transitionEvents: [],
      involvedServices: [],
      assessmentStatuses: [],
    });
    expect(s.keys.referrals).toEqual([K.ref]);
    expect(s.evaluationKeys).toEqual({ [K.rec]: [K.eva, K.evb] });
    expect(s.eventCount).toBe(12);
    expect(s.skippedEvents).toBe(0);
    expect(s.lastHlc).toBe(formatHlc({ wall: 1012, counter: 0 }));
  });

  it('gives the same state for events in any order', () => {
    const events = scenario();
    const expected = foldCase(CASE, events);
    const orders = [
      [...events].reverse(),
      ...Array.from({ length: 25 }, (_, seed) => shuffle(events, seed + 1)),
    ];
    for (const order of orders) expect(foldCase(CASE, order)).toEqual(expected);
  });

  it('lists history in clock order, not in input order', () => {
    const events = scenario();
    const s = foldCase(CASE, shuffle(events, 7));
    // The two same-HLC events sort by device: A before B.
    expect(s.history.map((h) => h.eventId)).toEqual(events.map((e) => e.id));
  });

  it('ignores duplicate event ids (the same file seen twice, e.g. via a sync tool)', () => {
    const events = scenario();
    const withDupes = [...events, ...shuffle(events, 3).slice(0, 5), events[8] as StoredEvent];
    const s = foldCase(CASE, withDupes);
    expect(s).toEqual(foldCase(CASE, events));
    expect(s.eventCount).toBe(events.length);
    expect(s.history).toHaveLength(events.length);
  });

  describe('corrections', () => {
    it('lets the later clock win for the same field and keeps both values in history with the reason', () => {
      const first = ev('referrals.recorded', { key: K.ref, set: refSet }, { wall: 2000 });
      const fix = ev(
        'referrals.recorded',
        { key: K.ref, set: { received: '2026-01-08' }, reason: 'Feil dato i henvisningen' },
        { wall: 2005 },
      );
      // Fed newest first: order in the input must not matter.
      const s = foldCase(CASE, [fix, first]);
      expect(s.doc.referrals?.[0]?.received).toBe('2026-01-08');
      const forRef = s.history.filter((h) => h.key === K.ref);
      expect(forRef.map((h) => h.eventId)).toEqual([first.id, fix.id]);
      expect(forRef[0]?.changes).toContainEqual({ field: 'received', from: null, to: '2026-01-07' });
      expect(forRef[0]?.reason).toBeNull();
      expect(forRef[1]).toMatchObject({
        type: 'referrals.recorded',
        reason: 'Feil dato i henvisningen',
        changes: [{ field: 'received', from: '2026-01-07', to: '2026-01-08' }],
      });
    });

    it('orders by counter within the same wall millisecond', () => {
      const a = ev('pupil.recorded', { set: { grade: 7 } }, { wall: 3000, counter: 2 });
      const b = ev('pupil.recorded', { set: { grade: 8 } }, { wall: 3000, counter: 10 });
      expect(foldCase(CASE, [b, a]).doc.pupil.grade).toBe(8);
    });

    it('clears a field set to null and records the change', () => {
      const s = foldCase(CASE, [
        ev('referrals.recorded', { key: K.ref, set: { ...refSet, closed: '2026-06-01' } }, { wall: 1 }),
        ev(
          'referrals.recorded',
          { key: K.ref, set: { closed: null }, reason: 'Ikke avsluttet likevel' },
          { wall: 2 },
        ),
      ]);
      expect(s.doc.referrals?.[0]).not.toHaveProperty('closed');
      expect(s.history[1]?.changes).toEqual([{ field: 'closed', from: '2026-06-01', to: null }]);
    });

    it('records no change when a value is set to what it already is', () => {
      const s = foldCase(CASE, [
        ev('pupil.recorded', { set: { grade: 7 } }, { wall: 1 }),
        ev('pupil.recorded', { set: { grade: 7 } }, { wall: 2 }),
      ]);
      expect(s.history[1]?.changes).toEqual([]);
    });
  });

  describe('removal and restore', () => {
    const created = () => ev('referrals.recorded', { key: K.ref, set: refSet }, { wall: 10 });
    const other = () =>
      ev(
        'referrals.recorded',
        { key: K.refb, set: { id: 'r-2', referredBy: 'foresatte', reason: 'angst', received: '2026-02-01' } },
        { wall: 11 },
      );
    const removed = () => ev('referrals.removed', { key: K.ref, reason: 'Feil sak' }, { wall: 20 });

    it('removes an entity and says so in history', () => {
      const s = foldCase(CASE, [created(), other(), removed()]);
      expect(s.doc.referrals?.map((r) => r.id)).toEqual(['r-2']);
      expect(s.keys.referrals).toEqual([K.refb]);
      const last = s.history.at(-1);
      expect(last).toMatchObject({ type: 'referrals.removed', key: K.ref, reason: 'Feil sak' });
      expect(last?.changes).toEqual([{ field: '*', from: 'present', to: 'removed' }]);
    });

    it('restores a removed entity on a later recorded event, keeping its fields and place', () => {
      const restore = ev(
        'referrals.recorded',
        { key: K.ref, set: { note: 'Gjenopprettet' }, reason: 'Fjernet ved en feil' },
        { wall: 30 },
      );
      const s = foldCase(CASE, [restore, removed(), other(), created()]);
      expect(s.keys.referrals).toEqual([K.ref, K.refb]);
      expect(s.doc.referrals?.[0]).toEqual({ ...refSet, note: 'Gjenopprettet' });
      expect(s.history.at(-1)?.changes).toEqual([
        { field: '*', from: 'removed', to: 'restored' },
        { field: 'note', from: null, to: 'Gjenopprettet' },
      ]);
    });

    it('treats removing an unknown or already removed entity as a no-op', () => {
      const again = ev('referrals.removed', { key: K.ref, reason: 'Igjen' }, { wall: 21 });
      const unknown = ev('referrals.removed', { key: K.asg, reason: 'Finnes ikke' }, { wall: 22 });
      const s = foldCase(CASE, [created(), removed(), again, unknown]);
      expect(s.doc.referrals).toEqual([]);
      expect(s.history.slice(2).map((h) => h.changes)).toEqual([[], []]);
      expect(s.skippedEvents).toBe(0);
    });
  });

  describe('evaluations', () => {
    it('nests evaluations under their own recommendation, in clock order', () => {
      const events = [
        ev('recommendations.recorded', { key: K.rec, set: recSet }, { wall: 1 }),
        ev(
          'recommendations.recorded',
          { key: K.recb, set: { ...recSet, id: 't-2', target: 'hjem' } },
          { wall: 2 },
        ),
        ev('evaluations.recorded', { key: K.evc, parent: K.recb, set: evalSet('2026-03-01') }, { wall: 3 }),
        ev('evaluations.recorded', { key: K.evb, parent: K.rec, set: evalSet('2026-04-01') }, { wall: 4 }),
        ev('evaluations.recorded', { key: K.eva, parent: K.rec, set: evalSet('2026-05-01') }, { wall: 5 }),
        // A correction to the first evaluation does not move it.
        ev(
          'evaluations.recorded',
          { key: K.evb, set: { outcome: 'ingen endring' }, parent: K.rec },
          { wall: 6 },
        ),
      ];
      const s = foldCase(CASE, shuffle(events, 11));
      const recs = s.doc.recommendations ?? [];
      expect(recs.map((r) => r.id)).toEqual(['t-1', 't-2']);
      expect(recs[0]?.evaluations?.map((e) => [e.date, e.outcome])).toEqual([
        ['2026-04-01', 'ingen endring'],
        ['2026-05-01', 'bedring'],
      ]);
      expect(recs[1]?.evaluations?.map((e) => e.date)).toEqual(['2026-03-01']);
      expect(s.evaluationKeys).toEqual({ [K.rec]: [K.evb, K.eva], [K.recb]: [K.evc] });
    });

    it('leaves out removed evaluations and those of a removed recommendation', () => {
      const s = foldCase(CASE, [
        ev('recommendations.recorded', { key: K.rec, set: recSet }, { wall: 1 }),
        ev('recommendations.recorded', { key: K.recb, set: { ...recSet, id: 't-2' } }, { wall: 2 }),
        ev('evaluations.recorded', { key: K.eva, parent: K.rec, set: evalSet('2026-05-01') }, { wall: 3 }),
        ev('evaluations.recorded', { key: K.evb, parent: K.rec, set: evalSet('2026-06-01') }, { wall: 4 }),
        ev('evaluations.recorded', { key: K.evc, parent: K.recb, set: evalSet('2026-06-01') }, { wall: 5 }),
        ev('evaluations.removed', { key: K.eva, reason: 'Dobbeltregistrert' }, { wall: 6 }),
        ev('recommendations.removed', { key: K.recb, reason: 'Trukket' }, { wall: 7 }),
      ]);
      expect(s.doc.recommendations?.map((r) => r.id)).toEqual(['t-1']);
      expect(s.doc.recommendations?.[0]?.evaluations?.map((e) => e.date)).toEqual(['2026-06-01']);
      expect(s.evaluationKeys).toEqual({ [K.rec]: [K.evb] });
    });

    it('gives a recommendation without evaluations an empty list', () => {
      const s = foldCase(CASE, [ev('recommendations.recorded', { key: K.rec, set: recSet }, { wall: 1 })]);
      expect(s.doc.recommendations?.[0]?.evaluations).toEqual([]);
    });
  });

  describe('events it cannot apply', () => {
    it('skips and counts an unknown event type from a newer writer instead of failing', () => {
      const events = scenario();
      const future = ev('transitions.planned', { grade: 8, date: '2027-08-16' }, { wall: 1005, counter: 1 });
      let s: CaseState | undefined;
      expect(() => {
        s = foldCase(CASE, [future, ...events]);
      }).not.toThrow();
      const plain = foldCase(CASE, events);
      expect(s?.doc).toEqual(plain.doc);
      expect(s?.skippedEvents).toBe(1);
      expect(s?.eventCount).toBe(events.length + 1);
      expect(s?.history.map((h) => h.eventId)).not.toContain(future.id);
    });

    it('skips and counts an event whose payload does not match the vocabulary', () => {
      const ok = ev('referrals.recorded', { key: K.ref, set: refSet }, { wall: 1 });
      const bad = [
        ev('referrals.recorded', { key: K.ref, set: { received: '2026-02-30' } }, { wall: 2 }),
        ev('referrals.recorded', { key: 'Not-A-Key', set: { received: '2026-02-01' } }, { wall: 3 }),
        ev(
          'referrals.recorded',
          { key: K.ref, set: { received: '2026-02-02', injected: true } },
          { wall: 4 },
        ),
        ev('pupil.recorded', { set: { grade: 14 } }, { wall: 5 }),
        ev('referrals.removed', { key: K.ref }, { wall: 6 }), // removal needs a reason
        ev('evaluations.recorded', { key: K.eva, set: evalSet('2026-01-01') }, { wall: 7 }), // no parent
        ev('pupil.recorded', null, { wall: 8 }),
      ];
      const s = foldCase(CASE, [ok, ...bad]);
      expect(s.doc.referrals).toEqual([refSet]);
      expect(s.doc.pupil).toEqual({});
      expect(s.skippedEvents).toBe(bad.length);
      expect(s.history.map((h) => h.eventId)).toEqual([ok.id]);
    });

    it('skips an event written by a newer vocabulary version rather than misreading it', () => {
      const ok = ev('pupil.recorded', { set: { grade: 7 } }, { wall: 1 });
      const v2 = { ...ev('pupil.recorded', { set: { grade: 8 } }, { wall: 2 }), v: 2 };
      const s = foldCase(CASE, [ok, v2]);
      expect(s.doc.pupil.grade).toBe(7);
      expect(s.skippedEvents).toBe(1);
    });

    it('is not opened without a case.opened event, and the first opening wins', () => {
      expect(foldCase(CASE, []).opened).toBe(false);
      expect(foldCase(CASE, []).doc.id).toBe('');
      const s = foldCase(CASE, [
        ev('case.opened', { externalId: 'c-2', service: 'BUP' }, { wall: 5 }),
        ev('case.opened', { externalId: 'c-1', service: 'PPT' }, { wall: 4 }),
      ]);
      expect(s.opened).toBe(true);
      expect(s.doc.id).toBe('c-1');
      expect(s.doc.service).toBe('PPT');
    });
  });

  describe('concurrent edits', () => {
    it('orders the same HLC from two devices by device, then id, whatever the input order', () => {
      const a = ev('pupil.recorded', { set: { school: 'A skole' } }, { wall: 500, device: DEV_A });
      const b = ev('pupil.recorded', { set: { school: 'B skole' } }, { wall: 500, device: DEV_B });
      for (const order of [
        [a, b],
        [b, a],
      ]) {
        const s = foldCase(CASE, order);
        expect(s.doc.pupil.school).toBe('B skole');
        expect(s.history.map((h) => h.device)).toEqual([DEV_A, DEV_B]);
        // Both values remain visible: the loser is the `from` of the winner's change.
        expect(s.history[1]?.changes).toEqual([{ field: 'school', from: 'A skole', to: 'B skole' }]);
      }
    });

    it('breaks a tie on the same HLC and device by event id', () => {
      const x = ev('pupil.recorded', { set: { grade: 3 } }, { wall: 500, id: vid('zzz') });
      const y = ev('pupil.recorded', { set: { grade: 4 } }, { wall: 500, id: vid('aaa') });
      expect(foldCase(CASE, [x, y]).doc.pupil.grade).toBe(3);
      expect(foldCase(CASE, [y, x]).doc.pupil.grade).toBe(3);
    });

    it('keeps edits to different fields of one entity from two devices', () => {
      const base = ev('referrals.recorded', { key: K.ref, set: refSet }, { wall: 100 });
      const a = ev(
        'referrals.recorded',
        { key: K.ref, set: { firstContact: '2026-02-16' } },
        { wall: 200, device: DEV_A },
      );
      const b = ev(
        'referrals.recorded',
        { key: K.ref, set: { decided: '2026-01-20' } },
        { wall: 200, device: DEV_B },
      );
      const s = foldCase(CASE, [b, base, a]);
      expect(s.doc.referrals?.[0]).toMatchObject({ firstContact: '2026-02-16', decided: '2026-01-20' });
    });
  });
});

describe('letter drafts', () => {
  const DRAFT = vid('draft');
  const LETTER = vid('letter');
  const drafted = (wall: number, replyBy: string, device = DEV_A) =>
    ev(
      'letters.drafted',
      { draftId: DRAFT, kind: 'anbefaling', lang: 'nb', options: { replyBy }, savedAt: `t${wall}` },
      { wall, device },
    );
  const open = ev('case.opened', { externalId: 'c-1', service: 'PPT' }, { wall: 1 });

  it('the latest save is the draft; issuing or discarding closes it', () => {
    const a = foldCase(CASE, [open, drafted(2, '2026-12-01'), drafted(3, '2026-12-02')]);
    expect(a.drafts).toHaveLength(1);
    expect(a.drafts[0]!.options).toEqual({ replyBy: '2026-12-02' });
    const closed = ev('letters.draftClosed', { draftId: DRAFT, letterId: LETTER }, { wall: 4 });
    expect(foldCase(CASE, [open, drafted(2, '2026-12-01'), closed]).drafts).toEqual([]);
    const discarded = ev('letters.draftDiscarded', { draftId: DRAFT, reason: null }, { wall: 4 });
    expect(foldCase(CASE, [open, drafted(2, '2026-12-01'), discarded]).drafts).toEqual([]);
  });

  it('a save from another device after the draft was closed does not reopen it', () => {
    const closed = ev('letters.draftClosed', { draftId: DRAFT, letterId: LETTER }, { wall: 4 });
    const late = drafted(5, '2026-12-09', DEV_B);
    const s = foldCase(CASE, [open, drafted(2, '2026-12-01'), closed, late]);
    expect(s.drafts).toEqual([]);
    // Both saves stay in the history.
    expect(s.history.filter((h) => h.type === 'letters.drafted')).toHaveLength(2);
  });
});

describe('foldCase share (the case list reading a case for its summary)', () => {
  const MEETING = vid('mtg');
  const agreements = [{ id: 'avt-1', what: 'Oppmøte', owner: 'Kontaktlærer', status: 'åpen' }];
  const events = () => {
    const list = [
      ev('case.opened', { externalId: 'c-1', service: 'PPT' }, { wall: 1 }),
      ev(
        'meetings.recorded',
        { key: MEETING, set: { date: '2026-03-02', participants: [{ role: 'rektor' }], agreements } },
        { wall: 2 },
      ),
    ];
    list.forEach(markChecked);
    return list;
  };

  it('gives the same state as a copying fold', () => {
    const e = events();
    expect(foldCase(CASE, e, { share: true })).toEqual(foldCase(CASE, e));
  });

  it('copies by default: changing the result leaves the events as they were', () => {
    const e = events();
    const s = foldCase(CASE, e);
    (s.doc.meetings![0]!.agreements as { what: string }[])[0]!.what = 'endret';
    expect(JSON.stringify(e[1]!.data)).toContain('Oppmøte');
    // Shared: the same list object as the event's (why only a caller that lets the events go may ask).
    const shared = foldCase(CASE, e, { share: true });
    expect(shared.doc.meetings![0]!.agreements).toBe(
      (e[1]!.data as { set: { agreements: unknown } }).set.agreements,
    );
  });
});
