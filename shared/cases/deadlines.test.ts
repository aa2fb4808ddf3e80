import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import { openDeadlines } from './deadlines';

const base = { id: 'c-1', service: 'BUP', pupil: { name: 'Test', school: 'S', grade: 5 } } as CaseDoc;

describe('openDeadlines', () => {
  it('lists the BUP frist, planned evaluations and open agreements, earliest first', () => {
    const doc = {
      ...base,
      referrals: [
        { id: 'r-1', referredBy: 'skole', reason: 'x', received: '2026-01-31', frist: '2026-03-01' },
      ],
      recommendations: [
        {
          id: 'm-1',
          what: 'Fleksibel skolestart',
          label: 'Avtalt',
          target: 'elev',
          evaluation: { date: '2026-04-01', method: 'samtale', convenedBy: 'PPT' },
          evaluations: [],
        },
      ],
      meetings: [
        {
          date: '2026-02-01',
          participants: [],
          agreements: [
            {
              what: 'Ringe hjem',
              owner: 'kontaktlærer',
              deadline: '2026-02-10',
              status: 'åpen',
              promisedToPupil: true,
            },
            { what: 'Ferdig', owner: 'rektor', deadline: '2026-02-05', status: 'utført' },
          ],
        },
      ],
    } as CaseDoc;
    expect(openDeadlines(doc)).toEqual([
      { date: '2026-02-10', kind: 'agreement', label: 'Ringe hjem', promisedToPupil: true },
      { date: '2026-03-01', kind: 'frist', label: 'r-1' },
      { date: '2026-04-01', kind: 'evaluation', label: 'Fleksibel skolestart' },
    ]);
  });

  it('drops an evaluation once one is held near or after the planned date, and everything when closed', () => {
    const rec = {
      id: 'm-1',
      what: 'Tiltak',
      label: 'Avtalt',
      target: 'elev',
      evaluation: { date: '2026-04-15', method: 'samtale', convenedBy: 'PPT' },
      evaluations: [{ date: '2026-04-05', outcome: 'bedring', decision: 'videreføres', decidedBy: 'PPT' }],
    } as NonNullable<CaseDoc['recommendations']>[number];
    expect(openDeadlines({ ...base, recommendations: [rec] } as CaseDoc)).toEqual([]);
    const closed = {
      ...base,
      referrals: [
        { id: 'r', referredBy: 'skole', reason: 'x', received: '2026-01-01', closed: '2026-03-01' },
      ],
      recommendations: [{ ...rec, evaluations: [] }],
    } as CaseDoc;
    expect(openDeadlines(closed)).toEqual([]);
  });
});
