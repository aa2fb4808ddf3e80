import { describe, expect, it } from 'vitest';
import {
  LEGAL_REFS,
  NEW_FVL,
  citeOn,
  citeRef,
  confidentialityRefs,
  legalRef,
  resolveLegalRef,
} from './legalRefs';

describe('the versioned legal reference table', () => {
  it('resolves the ways caseworkers write a reference', () => {
    for (const t of [
      'opplæringslova § 12-4',
      'Opplæringsloven §12-4',
      'oppl. § 12 - 4',
      'opplæringslova (2023) § 12-4',
    ])
      expect(resolveLegalRef(t, '2026-05-12')).toMatchObject({
        status: 'in-force',
        ref: { id: 'oppl-2023-12-4' },
      });
    expect(resolveLegalRef('forvaltningsloven § 11 a', '2026-05-12')).toMatchObject({
      ref: { id: 'fvl-11a' },
    });
  });

  it('knows the 1998 Act: in force before 1 August 2024, superseded after, with its successor', () => {
    expect(resolveLegalRef('opplæringslova (1998) § 9 A-4', '2024-05-01')).toMatchObject({
      status: 'in-force',
      ref: { id: 'oppl-1998-9a-4' },
    });
    expect(resolveLegalRef('opplæringslova (1998) § 9 A-4', '2026-05-12')).toMatchObject({
      status: 'superseded',
      current: { id: 'oppl-2023-12-4' },
    });
  });

  it('does not invent sections', () => {
    expect(resolveLegalRef('opplæringslova § 99-9', '2026-05-12')).toEqual({ status: 'unknown' });
    expect(resolveLegalRef('barnelova § 30', '2026-05-12')).toEqual({ status: 'unknown' });
    expect(resolveLegalRef('se loven', '2026-05-12')).toEqual({ status: 'unknown' });
  });

  it('marks every entry with a confidence and a source, and cites in both forms', () => {
    for (const r of LEGAL_REFS) {
      expect(['V', 'V-indirect', 'U']).toContain(r.confidence);
      expect(r.source.length).toBeGreaterThan(10);
    }
    expect(confidentialityRefs('PPT').map((r) => citeRef(r, 'nn'))).toEqual([
      'offentleglova § 13',
      'forvaltningslova § 13',
    ]);
    expect(confidentialityRefs('BUP').map((r) => citeRef(r, 'nb'))).toEqual([
      'offentleglova § 13',
      'helsepersonelloven § 21',
    ]);
  });

  it('the new forvaltningslov: letters switch citation on the day it takes effect, not before', () => {
    // Its date was not confirmed when the table was checked, so no letter switches yet.
    expect(NEW_FVL.inForce).toBeNull();
    // Its number is confirmed (lov 20. juni 2025 nr. 81), with the source recorded.
    expect(NEW_FVL.lawId).toBe('LOV-2025-06-20-81');
    expect(NEW_FVL.source).toContain('2025-06-20-81');
    expect(citeOn('fvl-18', '2030-01-01', 'nb')).toBe('forvaltningsloven § 18');
    // Once the date is in the table, two issue dates either side of it cite two Acts.
    const confirmed = { ...NEW_FVL, inForce: '2027-01-01' };
    expect(citeOn('fvl-18', '2026-12-31', 'nb', confirmed)).toBe('forvaltningsloven § 18');
    expect(citeOn('fvl-18', '2027-01-01', 'nb', confirmed)).toBe('forvaltningsloven (2025)');
    expect(citeOn('fvl-11a', '2027-01-01', 'nn', confirmed)).toBe('forvaltningslova (2025)');
    // What the new Act does not replace is cited as before.
    expect(citeOn('pbrl-2-2', '2027-01-01', 'nb', confirmed)).toBe('pasient- og brukerrettighetsloven § 2-2');
  });

  it('says where a section number could not be confirmed, and cites the chapter there', () => {
    const s = legalRef('oppl-2023-sakkunnig');
    expect(s.sectionUnconfirmed).toBe(true);
    expect(s.confidence).toBe('U');
    expect(citeRef(s, 'nb')).toBe('opplæringslova kapittel 11');
    expect(s.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });
});
