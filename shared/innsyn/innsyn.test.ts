import { describe, expect, it } from 'vitest';
import { accessLog, actionInfo, logTime } from '../audit/actions';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import { textOf } from '../letters/layout';
import { completeCase } from '../letters/letters.fixture';
import { suppressReport } from '../waiting/suppress';
import type { WaitingReport } from '../waiting/report';
import { buildInnsyn, requestToAnswer } from './file';
import { accessRequestFigures } from './figures';

function doc(extra: Partial<CaseDoc> = {}): CaseDoc {
  return caseDoc.parse({ ...completeCase(), id: 'c-1', ...extra });
}

const base = {
  caseRef: 'c-1',
  letters: [],
  access: [],
  request: null,
  today: '2026-06-01',
  lang: 'nb' as const,
  letterhead: ['PPT Testby'],
  maker: 'Ola Hansen',
};

describe('buildInnsyn', () => {
  it('withholds a confidential note not released, with its basis, and keeps a released one', () => {
    const d = doc({
      notes: [
        { id: 'n1', date: '2026-03-01', kind: 'samtale', text: 'HEMMELIG', confidential: true },
        {
          id: 'n2',
          date: '2026-03-02',
          kind: 'telefon',
          text: 'FRIGITT',
          confidential: true,
          released: { date: '2026-03-03', reason: 'Foresatte skal se det' },
        },
      ],
    });
    const r = buildInnsyn({ ...base, doc: d });
    const text = textOf(r.layout);
    expect(text).not.toContain('HEMMELIG');
    expect(text).toContain('FRIGITT');
    expect(r.withheld).toEqual([
      expect.objectContaining({
        date: '2026-03-01',
        path: ['notes', 0],
        basis: expect.stringContaining('§ 18 a'),
      }),
    ]);
  });

  it('puts the case in date order, and items of a collection it does not know at their own date', () => {
    const d = doc() as CaseDoc & Record<string, unknown>;
    d.proposals = [{ date: '2026-02-01', what: 'FORSLAG-FRA-FORESATTE', response: 'tatt inn' }];
    const r = buildInnsyn({ ...base, doc: d });
    const h3 = r.layout.blocks.filter((b) => b.t === 'h3').map((b) => (b as { text: string }).text);
    const dates = h3.map((t) => t.slice(6, 10) + t.slice(3, 5) + t.slice(0, 2));
    expect([...dates].sort()).toEqual(dates);
    expect(h3).toContain('01.02.2026 · Oppføring (proposals)');
    expect(textOf(r.layout)).toContain('FORSLAG-FRA-FORESATTE');
    expect(r.entries).toBe(h3.length);
  });

  it('names each attached letter by kind and date, never by a person', () => {
    const r = buildInnsyn({
      ...base,
      doc: doc(),
      letters: [
        {
          letterId: 'a'.repeat(26),
          kind: 'anbefaling',
          date: '2026-05-12',
          code: 'AAAA-BBBB-CCCC',
          recipients: [],
        },
      ],
    });
    expect(r.attachments.map((a) => a.name)).toEqual(['brev-01-anbefaling-2026-05-12.pdf']);
  });

  it('keeps a guardian’s contact from another guardian who asked alone', () => {
    const guardians = [
      { name: 'Per Far', relation: 'far', contact: 'FAR-TLF' },
      { name: 'Kari Mor', relation: 'mor', contact: 'MOR-TLF' },
    ];
    const one = buildInnsyn({
      ...base,
      doc: doc({ guardians }),
      request: { received: '2026-05-01', requestedBy: 'Per Far' },
    });
    expect(textOf(one.layout)).toContain('FAR-TLF');
    expect(textOf(one.layout)).not.toContain('MOR-TLF');
    expect(one.withheld.map((w) => w.path)).toEqual([['guardians', 1, 'contact']]);
    const both = buildInnsyn({
      ...base,
      doc: doc({ guardians }),
      request: { received: '2026-05-01', requestedBy: 'foresatte' },
    });
    expect(textOf(both.layout)).toContain('MOR-TLF');
    expect(both.withheld).toEqual([]);
  });

  it('the request it answers: the one named, else the oldest open', () => {
    const rs = [
      { received: '2026-05-03', requestedBy: 'a', answered: null },
      { received: '2026-05-01', requestedBy: 'b', answered: '2026-05-02' },
      { received: '2026-05-02', requestedBy: 'c' },
    ];
    expect(requestToAnswer(rs)?.index).toBe(2);
    expect(requestToAnswer(rs, 1)?.index).toBe(1);
    expect(requestToAnswer([rs[1]!])).toBeNull();
  });
});

describe('accessLog', () => {
  const entries = [
    { at: '2026-05-01T08:00:00.000Z', actor: 'm1', action: 'case.read', caseId: 'c1' },
    { at: '2026-05-02T08:00:00.000Z', actor: 'm2', action: 'export', caseIds: ['c1', 'c2'] },
    { at: '2026-05-03T08:00:00.000Z', actor: 'm1', action: 'member.remove', caseIds: ['c1'] },
    { at: '2026-05-04T08:00:00.000Z', actor: 'recovery', action: 'vault.unlock' },
  ];
  const names = new Map([['m1', 'Ola Hansen']]);

  it('keeps one case’s lines, newest first, by member name; a bulk action shows only that case', () => {
    const r = accessLog(entries, names, { caseId: 'c1' });
    expect(r.map((e) => e.action)).toEqual(['export', 'case.read']);
    expect(r[0]).toMatchObject({ name: null, kind: 'export', caseIds: ['c1'] });
    expect(r[1]).toMatchObject({ name: 'Ola Hansen', kind: 'open' });
  });

  it('filters by kind, and reads an action it does not know', () => {
    expect(accessLog(entries, names, { kinds: ['vault'] }).map((e) => e.action)).toEqual([
      'vault.unlock',
      'member.remove',
    ]);
    expect(actionInfo('report.waiting.pdf')).toMatchObject({ kind: 'export' });
    expect(actionInfo('noe.nytt')).toMatchObject({ kind: 'vault', nb: 'noe.nytt' });
  });

  it('shows Norwegian time', () => {
    expect(logTime('2026-07-01T08:05:00.000Z')).toBe('01.07.2026 10:05');
    expect(logTime('2026-12-01T08:05:00.000Z')).toBe('01.12.2026 09:05');
  });
});

describe('accessRequestFigures', () => {
  const cases = [
    {
      service: 'PPT',
      accessRequests: [
        { received: '2026-01-10', requestedBy: 'a', answered: '2026-02-05' }, // within a month
        { received: '2026-01-20', requestedBy: 'b', answered: '2026-03-01' }, // after the end: open, overdue then
        { received: '2026-02-25', requestedBy: 'c' }, // open, not yet due at the end
        { received: '2025-12-01', requestedBy: 'd' }, // open from before, overdue
        { received: '2026-03-05', requestedBy: 'e' }, // after the period
      ],
    },
    {
      service: 'BUP',
      accessRequests: [{ received: '2026-01-15', requestedBy: 'f', answered: '2026-01-16' }],
    },
  ];

  it('received, answered within one month, and open at the end', () => {
    expect(accessRequestFigures(cases, { from: '2026-01-01', to: '2026-02-28', asOf: '2026-06-01' })).toEqual(
      {
        received: 4,
        answered: 2,
        answeredWithinMonth: 2,
        open: 3,
        openOverdue: 2,
      },
    );
    expect(
      accessRequestFigures(cases, {
        from: '2026-01-01',
        to: '2026-02-28',
        asOf: '2026-06-01',
        service: 'PPT',
      }),
    ).toEqual({ received: 3, answered: 1, answeredWithinMonth: 1, open: 3, openOverdue: 2 });
    // Measured later, the late answer counts as answered, not within the month.
    expect(
      accessRequestFigures(cases, { from: '2026-01-01', to: '2026-03-31', asOf: '2026-06-01' }),
    ).toMatchObject({
      received: 5,
      answered: 3,
      answeredWithinMonth: 2,
    });
  });

  it('suppressed with the report when it leaves the service', () => {
    const r = {
      groups: [],
      openReferrals: [],
      accessRequests: { received: 7, answered: 3, answeredWithinMonth: 0, open: 4, openOverdue: 1 },
    } as unknown as WaitingReport;
    expect(suppressReport(r).accessRequests).toEqual({
      received: 7,
      answered: null,
      answeredWithinMonth: 0,
      open: null,
      openOverdue: null,
    });
  });
});

describe('the demo', () => {
  it('has innsyn requests: one open in a case with a confidential note, others answered, none after today', async () => {
    const { generateDemo } = await import('../demo/generate');
    const today = '2026-11-26';
    const file = generateDemo({ cases: 300, seed: 'bro-demo', today });
    const reqs = file.cases.flatMap((c) => (c.accessRequests ?? []).map((r) => ({ c, r })));
    const open = reqs.filter(({ r }) => !r.answered);
    expect(open).toHaveLength(1);
    expect(open[0]!.c.notes?.some((n) => n.confidential && !n.released)).toBe(true);
    expect(reqs.filter(({ r }) => r.answered).length).toBeGreaterThan(3);
    for (const { r } of reqs) {
      expect(r.received <= today).toBe(true);
      if (r.answered) expect(r.answered >= r.received && r.answered <= today).toBe(true);
    }
  });
});
