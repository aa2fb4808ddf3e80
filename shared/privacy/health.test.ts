import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import { healthData, healthMark, mentionsHealth } from './health';

const base = (over: Partial<CaseDoc> = {}): CaseDoc =>
  ({
    id: 'c-1',
    service: 'PPT',
    pupil: { name: 'Ida Isaksen' },
    referrals: [
      { id: 'r-1', service: 'PPT', referredBy: 'skole', received: '2026-01-10' },
      { id: 'r-2', service: 'BUP', referredBy: 'PPT', received: '2026-02-10' },
      { id: 'r-3', service: 'PPT', referredBy: 'fastlege', received: '2026-03-10' },
    ],
    notes: [
      { id: 'n-1', date: '2026-02-01', kind: 'samtale', text: 'Mor ringte om morgenrutinene.' },
      { id: 'n-2', date: '2026-02-02', kind: 'telefon', text: 'BUP har satt diagnosen F93.8.' },
    ],
    ...over,
  }) as CaseDoc;

describe('health data in a case (special category, personvernforordningen art. 9)', () => {
  it('a referral to or from a health service, and a text that reads like a diagnosis, are health data', () => {
    const h = healthData(base());
    expect(h.whole).toBe(false);
    expect(h.items).toEqual([
      { collection: 'referrals', index: 1, reason: 'referral' },
      { collection: 'referrals', index: 2, reason: 'referral' },
      { collection: 'notes', index: 1, reason: 'text' },
    ]);
    expect(healthMark(base())).toEqual({
      case: 'c-1',
      category: 'helseopplysninger',
      basis: 'personvernforordningen art. 9',
      whole: false,
      items: ['referrals[1]', 'referrals[2]', 'notes[1]'],
    });
  });

  it('the whole case when the service is a health service (BUP, Habu)', () => {
    for (const service of ['BUP', 'Habu'] as const) {
      const h = healthData(base({ service }));
      expect(h.whole).toBe(true);
      expect(h.items).toHaveLength(5);
    }
  });

  it('a case without any is not marked', () => {
    expect(healthMark(base({ referrals: [], notes: [] }))).toBeNull();
  });

  it('diagnosis words and ICD-10 F codes, not look-alikes', () => {
    for (const yes of [
      'har ADHD',
      'utredning for autisme',
      'F93',
      'kode F41.1',
      'Epikrise fra BUP',
      'ny medisinering',
      'Diagnosen er satt',
    ])
      expect(mentionsHealth(yes), yes).toBe(true);
    for (const no of ['Mor ringte', 'rom f93', 'FF93', 'F1', 'medisinsk-faglig? nei: addresse', 'adressen'])
      expect(mentionsHealth(no), no).toBe(false);
  });
});
