/**
 * The avslutningsbrev (issue 15 item 5): a referral is rejected ("avslått"), forwarded
 * ("videresendt") or closed with one letter to everyone that says where responsibility now lies
 * and names the receiving service. Its model part, its texts (bokmål and nynorsk), its layout and
 * its clarity rules live here so the shared letter code only dispatches to them.
 */
import type { CaseDoc } from '../domain/caseDoc';
import type { LetterOptions } from './options';

/** What the letter says about the referral it ends. */
export interface ClosingPart {
  /** Index of the referral in `doc.referrals` (for finding paths). */
  index: number;
  referralId: string;
  received: string;
  decision: 'accepted' | 'rejected' | 'forwarded' | null;
  decided: string | null;
  closed: string | null;
  outcome: 'full' | 'partial' | 'none' | null;
  receivingService: string | null;
  receivingContact: string | null;
  responsibility: string | null;
  reason: string | null;
}

const clean = (s: string | null | undefined) => (s != null && s.trim() !== '' ? s.trim() : null);

/** The referral an avslutningsbrev speaks of: the one the options name, else `fallback`. */
export function closingReferralIndex(doc: CaseDoc, options: LetterOptions, fallback: number): number {
  const id = options.closing?.referral;
  if (id == null) return fallback;
  return (doc.referrals ?? []).findIndex((r) => r.id === id);
}

export function closingPart(doc: CaseDoc, options: LetterOptions, index: number): ClosingPart | null {
  const r = doc.referrals?.[index];
  if (!r) return null;
  const o = options.closing ?? {};
  return {
    index,
    referralId: r.id,
    received: r.received,
    decision: r.decision ?? null,
    decided: r.decided ?? null,
    closed: r.closed ?? null,
    outcome: r.outcome ?? null,
    receivingService: clean(o.receivingService),
    receivingContact: clean(o.receivingContact),
    responsibility: clean(o.responsibility),
    reason: clean(o.reason),
  };
}

export interface ClosingTexts {
  lead: (service: string, received: string, pupil: string) => string;
  rejected: string;
  forwarded: (to: string) => string;
  closed: string;
  h: { responsible: string; why: string; outcome: string };
  responsibleService: string;
  contact: string;
  missing: string;
  outcome: Record<'full' | 'partial' | 'none', string>;
  again: string;
}

export const CLOSING_TEXTS: Record<'nb' | 'nn', ClosingTexts> = {
  nb: {
    lead: (service, received, pupil) =>
      `${service} avslutter arbeidet med henvisningen for ${pupil}, som vi mottok ${received}.`,
    rejected: 'Vi har vurdert henvisningen og tar den ikke inn hos oss (avslått).',
    forwarded: (to) => `Vi har sendt henvisningen videre til ${to}.`,
    closed: 'Saken hos oss er avsluttet.',
    h: { responsible: 'Hvem har ansvaret nå', why: 'Hvorfor', outcome: 'Slik gikk det' },
    responsibleService: 'Ansvarlig tjeneste nå',
    contact: 'Kontakt der',
    missing: '(ikke fylt inn)',
    outcome: {
      full: 'Eleven er tilbake på skolen.',
      partial: 'Eleven er delvis tilbake på skolen.',
      none: 'Eleven er ikke tilbake på skolen.',
    },
    again:
      'Skolen har fortsatt ansvaret for elevens opplæring og skolemiljø. Blir fraværet større igjen, kan skolen eller foresatte sende en ny henvisning.',
  },
  nn: {
    lead: (service, received, pupil) =>
      `${service} avsluttar arbeidet med tilvisinga for ${pupil}, som vi fekk ${received}.`,
    rejected: 'Vi har vurdert tilvisinga og tek henne ikkje inn hos oss (avslått).',
    forwarded: (to) => `Vi har sendt tilvisinga vidare til ${to}.`,
    closed: 'Saka hos oss er avslutta.',
    h: { responsible: 'Kven har ansvaret no', why: 'Kvifor', outcome: 'Slik gjekk det' },
    responsibleService: 'Ansvarleg teneste no',
    contact: 'Kontakt der',
    missing: '(ikkje fylt inn)',
    outcome: {
      full: 'Eleven er tilbake på skulen.',
      partial: 'Eleven er delvis tilbake på skulen.',
      none: 'Eleven er ikkje tilbake på skulen.',
    },
    again:
      'Skulen har framleis ansvaret for opplæringa og skulemiljøet til eleven. Vert fråværet større igjen, kan skulen eller føresette sende ei ny tilvising.',
  },
};

/** Clarity rules: the letter must say where responsibility lies now and name the receiving service. */
export function closingChecks(
  c: ClosingPart | null | undefined,
): { code: ClosingFindingCode; path: (string | number)[] }[] {
  if (!c) return [];
  const out: { code: ClosingFindingCode; path: (string | number)[] }[] = [];
  if (!c.responsibility)
    out.push({ code: 'CLOSING_RESPONSIBILITY_MISSING', path: ['options', 'closing', 'responsibility'] });
  if (!c.receivingService)
    out.push({ code: 'CLOSING_RECEIVER_MISSING', path: ['options', 'closing', 'receivingService'] });
  return out;
}

export const CLOSING_FINDING_CODES = ['CLOSING_RESPONSIBILITY_MISSING', 'CLOSING_RECEIVER_MISSING'] as const;
export type ClosingFindingCode = (typeof CLOSING_FINDING_CODES)[number];
