import { describe, expect, it } from 'vitest';
import type { Consent } from '../domain/consent';
import {
  checkFileSharing,
  checkSharing,
  consentCovers,
  consentValid,
  isParty,
  RECIPIENT_ROLES,
  recipientRole,
  ROLE_TEXT,
  sharingBasis,
} from './sharing';

const TODAY = '2026-05-10';
const c = (over: Partial<Consent> = {}): Consent => ({
  givenBy: 'Kari Nordmann',
  information: 'Sakkyndig vurdering og tiltak',
  recipient: 'BUP',
  purpose: 'Samarbeid om tiltak',
  date: '2026-01-10',
  ...over,
});

describe('consent at every sharing (CONSENT_MISSING)', () => {
  it('a letter to BUP without any consent is refused, naming BUP', () => {
    expect(checkSharing({ consents: [] }, 'BUP', TODAY, null, ['x'])).toEqual({
      code: 'CONSENT_MISSING',
      path: ['x'],
      recipient: 'BUP',
    });
  });

  it('a valid consent to the service is a basis, also under its long name', () => {
    expect(sharingBasis({ consents: [c()] }, 'BUP', TODAY)).toEqual({
      kind: 'consent',
      consentIndex: 0,
      date: '2026-01-10',
      expires: null,
    });
    const long = c({ recipient: 'Barne- og ungdomspsykiatrisk poliklinikk' });
    expect(sharingBasis({ consents: [long] }, 'BUP Vestre Viken', TODAY)?.kind).toBe('consent');
  });

  it('a consent to one service does not cover another', () => {
    for (const other of ['Statped', 'barnevernstjenesten i Asker', 'Skoleteamet', 'NAV'])
      expect(checkSharing({ consents: [c()] }, other, TODAY, null, [])?.recipient).toBe(other);
    expect(sharingBasis({ consents: [c({ recipient: 'Statped sørøst' })] }, 'Statped', TODAY)?.kind).toBe(
      'consent',
    );
  });

  it('a withdrawal takes effect on its own day, without a reason', () => {
    expect(consentValid(c({ withdrawn: TODAY }), TODAY)).toBe(false);
    expect(consentValid(c({ withdrawn: '2026-05-11' }), TODAY)).toBe(true);
    expect(checkSharing({ consents: [c({ withdrawn: TODAY })] }, 'BUP', TODAY, null, [])?.code).toBe(
      'CONSENT_MISSING',
    );
  });

  it('an expired consent or one given later is no basis', () => {
    expect(consentValid(c({ expires: '2026-05-09' }), TODAY)).toBe(false);
    expect(consentValid(c({ expires: TODAY }), TODAY)).toBe(true);
    expect(consentValid(c({ date: '2026-05-11' }), TODAY)).toBe(false);
  });

  it('a recorded legal basis lets the sharing go; an empty one does not', () => {
    expect(sharingBasis({ consents: [] }, 'barnevernstjenesten', TODAY, 'bvl. § 13-2')).toEqual({
      kind: 'legal',
      text: 'bvl. § 13-2',
    });
    expect(checkSharing({ consents: [] }, 'BUP', TODAY, '   ', [])?.code).toBe('CONSENT_MISSING');
  });

  it('matches the school by name or by the extra words (rektor covered by «skolen»)', () => {
    expect(consentCovers('Hov skole', 'Hov skole')).toBe(true);
    expect(consentCovers('skolen', '', /\bskolen\b/u)).toBe(true);
    expect(consentCovers('', 'BUP')).toBe(false);
  });
});

describe('files leaving the service (innsyn to others, exports): checkFileSharing', () => {
  const doc = {
    pupil: { name: 'Mina Nango' },
    guardians: [{ name: 'Ánde Nango', relation: 'far' }],
    consents: [
      {
        givenBy: 'Ánde Nango',
        information: 'Hele saken',
        recipient: 'Statped sørøst',
        purpose: 'Utredning',
        date: '2026-04-01',
      },
    ],
  } as unknown as Parameters<typeof checkFileSharing>[0];

  it('the parties need nothing: the words for them, a guardian or the pupil by name', () => {
    for (const to of ['foresatte', 'Foreldrene', 'mor', 'Eleven', 'ánde nango', 'Mina Nango'])
      expect(checkFileSharing(doc, to, '2026-05-01', null, ['legalBasis']), to).toEqual({
        ok: true,
        basis: { kind: 'party' },
        role: 'foresatte',
      });
  });

  it('another recipient needs a valid consent or a legal basis, else CONSENT_MISSING naming it', () => {
    expect(checkFileSharing(doc, 'Statped', '2026-05-01', null, ['x'])).toMatchObject({
      ok: true,
      basis: { kind: 'consent' },
      role: 'statped',
    });
    expect(checkFileSharing(doc, ' Advokat Lund ', '2026-05-01', null, ['x'])).toEqual({
      ok: false,
      issue: { code: 'CONSENT_MISSING', path: ['x'], recipient: 'Advokat Lund' },
    });
    expect(checkFileSharing(doc, 'Advokat Lund', '2026-05-01', '  ', ['x']).ok).toBe(false);
    expect(checkFileSharing(doc, 'Advokat Lund', '2026-05-01', 'fullmakt', ['x'])).toEqual({
      ok: true,
      basis: { kind: 'legal', text: 'fullmakt' },
      role: 'annen',
    });
    // Before the consent was given it does not count.
    expect(checkFileSharing(doc, 'Statped', '2026-03-31', null, ['x']).ok).toBe(false);
    // «Far til en annen elev» is not a party: only the exact words or names are.
    expect(checkFileSharing(doc, 'far til en annen elev', '2026-05-01', null, ['x']).ok).toBe(false);
  });

  it('the role the access log records is the service family, never the name', () => {
    const cases: [string, string][] = [
      ['BUP Nord', 'bup'],
      ['Barne- og ungdomspsykiatrisk poliklinikk', 'bup'],
      ['Barneverntjenesten i Hov', 'barnevern'],
      ['Hov skole, rektor', 'skole'],
      ['Skoleteamet', 'skoleteam'],
      ['Helsestasjon for ungdom', 'helse'],
      ['Kari Lund', 'annen'],
    ];
    for (const [name, role] of cases) expect(recipientRole(doc, name), name).toBe(role);
    for (const role of RECIPIENT_ROLES) expect(ROLE_TEXT[role].nb).not.toBe('');
    expect(isParty(doc, '')).toBe(false);
  });
});
