import { describe, expect, it } from 'vitest';
import { dispatchStatusOf, dispatchText, FAILED_STATUSES, type DispatchRecorded } from './svarut';

const A = 'a'.repeat(26);
const B = 'b'.repeat(26);
const ID = '11111111-2222-4333-8444-555555555555';
const rec = (o: Partial<DispatchRecorded>): DispatchRecorded => ({
  letterId: A,
  channel: 'package',
  to: 'skole',
  endpoint: 'organisasjon',
  forsendelseId: null,
  eksternReferanse: `bro-brev-${A}`,
  at: '2026-03-02T09:00:00.000Z',
  ...o,
});

describe('dispatchStatusOf: the one reader of a letter’s dispatch status', () => {
  it('says «Ikke sendt» for a letter without dispatches', () => {
    const [s] = dispatchStatusOf([], [], [A]);
    expect(s).toMatchObject({ state: 'none', status: null });
    expect(dispatchText(s!)).toBe('Ikke sendt');
  });

  it('a package, then a sending: the sending counts, with SvarUt’s latest status', () => {
    const sent = rec({ channel: 'svarut', forsendelseId: ID, at: '2026-03-03T09:00:00.000Z' });
    const later = rec({ at: '2026-03-04T09:00:00.000Z' });
    const statuses = [
      { forsendelseId: ID, status: 'SENDT_ALTINN' as const, changed: '2026-03-03T10:00:00Z' },
      { forsendelseId: ID, status: 'LEVERT_ALTINN' as const, changed: '2026-03-03T11:00:00Z' },
    ];
    const [a, b] = dispatchStatusOf([rec({}), sent, later], statuses, [A, B]);
    expect(a).toMatchObject({ state: 'sent', forsendelseId: ID, status: 'LEVERT_ALTINN' });
    expect(dispatchText(a!)).toBe('Sendt med SvarUt: levert i Altinn');
    expect(b!.state).toBe('none');
  });

  it('a sending SvarUt has not answered about yet is «mottatt»; a package shows its day', () => {
    const [s] = dispatchStatusOf([rec({ channel: 'svarut', forsendelseId: ID })], [], [A]);
    expect(s!.status).toBe('MOTTATT');
    const [p] = dispatchStatusOf([rec({})], [], [A]);
    expect(dispatchText(p!)).toBe('Pakke for SvarUt laget 02.03.2026');
  });

  it('AVVIST and IKKE_LEVERT are failures; LEST is not', () => {
    expect(FAILED_STATUSES.has('AVVIST')).toBe(true);
    expect(FAILED_STATUSES.has('IKKE_LEVERT')).toBe(true);
    expect(FAILED_STATUSES.has('LEST')).toBe(false);
  });
});
