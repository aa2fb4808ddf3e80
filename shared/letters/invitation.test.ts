import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from './letters.fixture';
import { hasErrors, type Finding } from './checks';
import { prepareLetter, textOf, type LetterLang, type LetterOptions } from './index';
import { INVITATION_TEXTS } from './invitation';
import { bokmalWords } from './nynorskWords';
import { letterOptions } from './options';
import { DEFAULT_LETTER_SETTINGS } from './settings';

/** Issue 15 item 4: the innkalling, its clarity rules, and its agenda with the open agreements first. */
function letter(options: LetterOptions, doc: CaseDocInput = completeCase(), lang: LetterLang = 'nb') {
  return prepareLetter({
    doc: caseDoc.parse(doc) as CaseDoc,
    kind: 'innkalling',
    lang,
    options,
    settings: DEFAULT_LETTER_SETTINGS,
    today: LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
}
const base = KIND_OPTIONS.innkalling.invitation!;
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.path.join('.')}:${f.severity}`);
const with_ = (inv: Partial<typeof base>): LetterOptions => ({ invitation: { ...base, ...inv } });

describe('innkalling: clarity rules', () => {
  it('the complete invitation has no finding', () => {
    expect(codes(letter(KIND_OPTIONS.innkalling).findings)).toEqual([]);
  });

  it('date, time, place and roles are required; each has its own code at its option', () => {
    expect(codes(letter({ invitation: {} }).findings)).toEqual([
      'INVITATION_DATE_MISSING@options.invitation.date:error',
      'INVITATION_TIME_MISSING@options.invitation.time:error',
      'INVITATION_PLACE_MISSING@options.invitation.place:error',
      'INVITATION_ROLES_MISSING@options.invitation.roles:error',
    ]);
  });

  it('INVITATION_DATE_PAST: a meeting day before the letter date stops the letter; the same day does not', () => {
    const past = letter(with_({ date: '2026-05-11' })).findings;
    expect(codes(past)).toEqual(['INVITATION_DATE_PAST@options.invitation.date:error']);
    expect(hasErrors(past)).toBe(true);
    expect(codes(letter(with_({ date: LETTER_TODAY })).findings)).toEqual([]);
  });

  it('INVITATION_LEADER_MISSING: no rektor or avdelingsleder among the roles is a warning, not an error', () => {
    const f = letter(with_({ roles: [{ role: 'kontaktlærer' }, { role: 'foresatte' }] })).findings;
    expect(codes(f)).toEqual(['INVITATION_LEADER_MISSING@options.invitation.roles:warning']);
    expect(hasErrors(f)).toBe(false);
    expect(codes(letter(with_({ roles: [{ role: 'avdelingsleder', name: 'Siv Lie' }] })).findings)).toEqual(
      [],
    );
  });

  it('refuses a time that is not HH:MM at the options', () => {
    expect(letterOptions.safeParse(with_({ time: '9' })).success).toBe(false);
    expect(letterOptions.safeParse(with_({ time: '24:00' })).success).toBe(false);
    expect(letterOptions.safeParse(with_({ time: '08.30' })).success).toBe(true);
  });
});

describe('innkalling: the letter', () => {
  it('lists the open agreements from the last meeting first, then the agenda', () => {
    const t = textOf(letter(KIND_OPTIONS.innkalling).layout);
    const open = t.indexOf('Åpne avtaler fra forrige møte (04.05.2026)');
    expect(open).toBeGreaterThan(0);
    expect(t.indexOf('Sende ukeplan hjem fredag')).toBeGreaterThan(open);
    expect(t.indexOf('2. Tiltak i klasserommet')).toBeGreaterThan(t.indexOf('Sende ukeplan hjem fredag'));
    expect(t).toContain('3. Plan for neste periode');
    expect(t).toContain('15. juni 2027');
    expect(t).toContain('kl. 09.00');
    expect(t).toContain('Møterom 2');
    expect(t).toContain('Skolens ledelse (rektor eller avdelingsleder) må være med');
  });

  it('an agreement done is not carried; a case with no meeting says it is the first', () => {
    const done = completeCase();
    done.meetings![0]!.agreements![0]!.status = 'utført';
    expect(textOf(letter(KIND_OPTIONS.innkalling, done).layout)).toMatch(
      /1\. Avtaler fra forrige møte \(\d\d\.\d\d\.\d{4}\): ingen av dem er åpne\./u,
    );
    const none = completeCase();
    none.meetings = [];
    const first = textOf(letter(KIND_OPTIONS.innkalling, none).layout);
    expect(first).toContain('Dette er det første møtet i saken.');
    expect(first).not.toContain('1. Dette er det første');
    // The agenda is numbered from 1 then, as plain numbered lines (no bullet before a number).
    expect(first).toMatch(/\n1\. \S/u);
  });

  it('an open agreement past its deadline says so on the letter date; one still ahead is just open', () => {
    // The fixture's agreement was due 08.05.2026, before the letter (12.05.2026).
    expect(textOf(letter(KIND_OPTIONS.innkalling).layout)).toContain('åpen, over fristen');
    expect(textOf(letter(KIND_OPTIONS.innkalling, completeCase(), 'nn').layout)).toContain(
      'open, over fristen',
    );
    const ahead = completeCase();
    ahead.meetings![0]!.agreements![0]!.deadline = '2026-05-20';
    const t = textOf(letter(KIND_OPTIONS.innkalling, ahead).layout);
    expect(t).not.toContain('over fristen');
    expect(t).toContain('åpen');
  });

  it('a meeting after the letter date is not «the last meeting»', () => {
    const later = completeCase();
    later.meetings![0]!.date = '2026-05-20';
    expect(textOf(letter(KIND_OPTIONS.innkalling, later).layout)).toContain('Dette er det første møtet');
  });

  it('goes to rektor with copies to kontaktlærer and foresatte, consent checked per recipient', () => {
    const p = letter(KIND_OPTIONS.innkalling);
    expect(p.model.addressee.recipient).toBe('rektor');
    expect(p.model.copies.map((c) => c.recipient)).toEqual(['kontaktlærer', 'foresatte']);
    const noConsent = completeCase();
    noConsent.consents = [];
    const f = letter(KIND_OPTIONS.innkalling, noConsent).findings.filter((x) => x.code === 'CONSENT_MISSING');
    expect(f.map((x) => x.recipient)).toEqual(['rektor', 'kontaktlærer']);
  });

  it('prints nynorsk with no bokmål word in its own texts', () => {
    const t = textOf(letter(KIND_OPTIONS.innkalling, completeCase(), 'nn').layout);
    expect(t).toContain('Kven må møte');
    expect(t).toContain('Opne avtalar frå førre møte (04.05.2026)');
    const nn = INVITATION_TEXTS.nn;
    const strings = [
      nn.lead('Qx', 'Qx'),
      ...Object.values(nn.h),
      nn.date,
      nn.time,
      nn.place,
      nn.clock('09.00'),
      nn.mustAttend,
      nn.leaderNote,
      nn.carriedFrom('01.01.2027'),
      nn.noneCarried('01.01.2027'),
      nn.noPrevious,
      nn.cannotCome,
      nn.minutes,
    ];
    for (const s of strings) expect(bokmalWords(s.replace(/\bQx\b/gu, ' ')), s).toEqual([]);
  });
});
