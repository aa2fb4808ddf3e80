import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/vocabulary';
import { foldRegisters } from './fold';
import { REGISTER_EVENT_DATA, isOrgNumber, sameName, school } from './schema';

let n = 0;
const ev = (type: string, data: unknown, hlc = n + 1): StoredEvent => ({
  v: 1,
  id: `e${String(++n).padStart(25, 'a')}`.slice(0, 26),
  caseId: 'r'.repeat(26),
  type,
  hlc: `${String(hlc).padStart(15, '0')}-000000`,
  device: 'd'.repeat(26),
  actor: 'm'.repeat(26),
  at: '2026-03-01T10:00:00.000Z',
  data,
});
const k1 = 'k'.repeat(26);
const k2 = 'q'.repeat(26);

describe('the school register entry', () => {
  it('checks the organisation number (modulus 11) and allows spaces as typed', () => {
    expect(isOrgNumber('974760673')).toBe(true); // a well-known valid example
    expect(isOrgNumber('974760672')).toBe(false);
    expect(isOrgNumber('97476067')).toBe(false);
    expect(school.parse({ name: 'Hov skole', orgNumber: '974 760 673' }).orgNumber).toBe('974760673');
    const bad = school.safeParse({ name: 'Hov skole', orgNumber: '123456789', postcode: '12', email: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'email:EMAIL_INVALID',
      'orgNumber:ORG_NUMBER_INVALID',
      'postcode:POSTCODE_INVALID',
    ]);
  });
  it('compares names without case or extra spaces', () => {
    expect(sameName('Hov  skole ', 'hov skole')).toBe(true);
    expect(sameName('', '')).toBe(false);
  });
});

describe('foldRegisters', () => {
  it('folds entries like a case collection: partial sets, removal, restore; unknown events kept apart', () => {
    const s = foldRegisters([
      ev('registers.opened', { format: 'bro-registers/1' }),
      ev('schools.recorded', { key: k1, set: { name: 'Hov skole', rektor: 'Anne' } }),
      ev('schools.recorded', {
        key: k1,
        set: { rektor: 'Berit', address: 'Postboks 1' },
        reason: 'ny rektor',
      }),
      ev('caseworkers.recorded', { key: k2, set: { name: 'Siri BUP', service: 'BUP' } }),
      ev('caseworkers.removed', { key: k2 }),
      ev('calendar.recorded', { key: k1, set: { x: 1 } }),
    ]);
    expect(s.opened).toBe(true);
    expect(s.registers.schools).toEqual([
      { key: k1, fields: { name: 'Hov skole', rektor: 'Berit', address: 'Postboks 1' } },
    ]);
    expect(s.registers.caseworkers).toEqual([]);
    expect(s.skippedEvents).toBe(1);
    expect(s.history.find((h) => h.reason === 'ny rektor')?.changes).toEqual([
      { field: 'address', from: null, to: 'Postboks 1' },
      { field: 'rektor', from: 'Anne', to: 'Berit' },
    ]);
    const restored = foldRegisters([
      ...[],
      ev('caseworkers.recorded', { key: k2, set: { name: 'Siri' } }, 1),
      ev('caseworkers.removed', { key: k2 }, 2),
      ev('caseworkers.recorded', { key: k2, set: { phone: '+47 00 00 00 00' } }, 3),
    ]);
    expect(restored.registers.caseworkers).toEqual([
      { key: k2, fields: { name: 'Siri', phone: '+47 00 00 00 00' } },
    ]);
  });
  it('is order-independent and ignores a duplicate event', () => {
    const a = ev('schools.recorded', { key: k1, set: { name: 'A' } }, 1);
    const b = ev('schools.recorded', { key: k1, set: { name: 'B' } }, 2);
    expect(foldRegisters([b, a, b]).registers.schools[0]!.fields.name).toBe('B');
  });
  it('has a vocabulary that refuses what a register entry cannot hold', () => {
    expect(REGISTER_EVENT_DATA['schools.recorded']!.safeParse({ key: k1, set: { name: '' } }).success).toBe(
      false,
    );
    expect(
      REGISTER_EVENT_DATA['schools.recorded']!.safeParse({ key: k1, set: { colour: 'red' } }).success,
    ).toBe(false);
    expect(REGISTER_EVENT_DATA['caseworkers.removed']!.safeParse({ key: 'x' }).success).toBe(false);
  });
});
