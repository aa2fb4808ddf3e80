import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CASE_FIELDS, COLLECTION_ITEM, COLLECTIONS } from '../../../shared/domain/caseDoc';
import { pupil } from '../../../shared/domain/pupil';
import { evaluation } from '../../../shared/domain/recommendation';
import { foldCase } from '../../../shared/events/fold';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { fieldLabel, makeI18n } from '../../app/i18n';
import { timelineItems } from './Timeline';

const { t } = makeI18n('nb');
const fields = (schema: z.ZodType) => Object.keys((schema as z.ZodObject).shape);

describe('the timeline speaks Norwegian', () => {
  it('has a label for every field a case event can change (never a field key such as coordinator)', () => {
    const entities: [string, z.ZodType][] = [
      ['case', CASE_FIELDS],
      ['pupil', pupil],
      ['evaluations', evaluation],
      ...COLLECTIONS.map((c): [string, z.ZodType] => [c, COLLECTION_ITEM[c]]),
    ];
    const missing: string[] = [];
    for (const [entity, schema] of entities)
      for (const field of fields(schema))
        if (field !== 'caseworkerId' && fieldLabel(t, entity, field) === field)
          missing.push(`${entity}.${field}`);
    expect(missing).toEqual([]);
  });

  it('titles every event type in Norwegian, and a caseworker change names both caseworkers', () => {
    let n = 0;
    const ev = (type: string, data: unknown, at = '2026-03-01T10:00:00.000Z'): StoredEvent => ({
      v: 1,
      id: `e${String(++n).padStart(25, 'a')}`.slice(0, 26),
      caseId: 'c'.repeat(26),
      type,
      hlc: `${String(1000 + n).padStart(15, '0')}-000000`,
      device: 'd'.repeat(26),
      actor: 'm'.repeat(26),
      at,
      data,
    });
    const a = 'a'.repeat(26);
    const b = 'b'.repeat(26);
    const state = foldCase('c'.repeat(26), [
      ev('case.opened', { externalId: 'c-1', service: 'PPT' }, '2026-01-01T10:00:00.000Z'),
      ev('pupil.recorded', {
        set: { name: 'E', school: 'S', grade: 3, coordinator: { role: 'r', name: 'n' } },
      }),
      ev(
        'assignments.recorded',
        { key: a, set: { caseworker: 'Kari Nordmann', role: 'rådgiver', from: '2026-01-05' } },
        '2026-01-05T10:00:00.000Z',
      ),
      ev('assignments.recorded', {
        key: a,
        set: { to: '2026-03-01', reason: 'permisjon', handoverNote: { status: 'x' } },
      }),
      ev('assignments.recorded', {
        key: b,
        set: { caseworker: 'Ola Hansen', role: 'rådgiver', from: '2026-03-01', caseworkerId: b },
      }),
      ev('some.future', { x: 1 }),
    ]);
    const items = timelineItems(t, state.history);
    const titles = items.map((i) => i.title);
    expect(titles).toEqual([
      'Bytte av saksbehandler: Kari Nordmann → Ola Hansen',
      'Saksbehandler: Kari Nordmann',
      'Elevopplysninger',
      'Sak opprettet',
    ]);
    expect(titles.join(' ')).not.toMatch(/assignments|coordinator|legalBasis|\.recorded/);
    // The register link is not shown; the reason and handover note are.
    const change = items[0]!.changes.map((c) => c.change.field);
    expect(change).not.toContain('caseworkerId');
    expect(change).toEqual(expect.arrayContaining(['to', 'handoverNote', 'caseworker']));
  });
});
