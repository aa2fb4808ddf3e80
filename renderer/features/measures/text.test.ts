import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { en, nb, nn } from './text';

// Every code the shared measure rules can raise, read from the rules' own source.
const MEASURE_RULES_CODES = [
  ...new Set(
    [
      ...readFileSync(path.join(import.meta.dirname, '../../../shared/measures/rules.ts'), 'utf8').matchAll(
        /code: '([A-Z_]+)'/gu,
      ),
    ].map((m) => m[1]!),
  ),
];

describe('measure texts', () => {
  it('finds the rule codes', () => expect(MEASURE_RULES_CODES).toContain('GOAL_REQUIRED'));
  it('every measure rule code has its own text in nb, nn and en', () => {
    for (const code of MEASURE_RULES_CODES) {
      const key = `issue.${code}` as keyof typeof nb;
      expect(nb[key], code).toBeTruthy();
      expect(nn[key], code).toBeTruthy();
      expect(en[key], code).toBeTruthy();
      expect(nn[key]).not.toBe(nb[key]);
    }
  });
  it('every nb key of the measure forms has an nn and an en text', () => {
    const missing = (d: Partial<Record<string, string>>) =>
      Object.keys(nb).filter(
        (k) => (k.startsWith('mea.') || k.startsWith('f.') || k.startsWith('opt.')) && !d[k],
      );
    expect(missing(nn)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
