import type { CaseDoc } from '../domain/caseDoc';
import type { Referral } from '../domain/referral';
import type { LetterOptions } from '../letters/options';
import { referralEnds } from '../referrals/closing';

/**
 * The demo's avslutningsbrev (issue 15 item 5): every referral the demo closes, rejects or forwards
 * gets the letter that says where responsibility now lies, so the demo opens with no
 * CLOSING_LETTER_REQUIRED finding. The receiving service follows the referral: the service named in
 * a forwarded referral's note, the municipality after a rejection, the pupil's school after closing.
 */
export function demoClosingOptions(doc: CaseDoc, r: Referral): LetterOptions['closing'] | null {
  if (!referralEnds(r)) return null;
  const school = doc.pupil.school ?? 'Skolen';
  const service = r.service ?? doc.service;
  if (r.decision === 'forwarded') {
    const to = /Videresendt til ([A-Za-zÆØÅæøå]+)/.exec(r.note ?? '')?.[1] ?? 'PPT';
    return {
      referral: r.id,
      receivingService: to,
      receivingContact: `Inntaket i ${to}`,
      responsibility: `${to} har ansvaret for den videre vurderingen fra de mottar henvisningen. ${school} har fortsatt ansvaret for tiltakene i skolen.`,
      reason: `Henvisningen gjelder det ${to} skal vurdere, ikke ${service}.`,
    };
  }
  if (r.decision === 'rejected') {
    return {
      referral: r.id,
      receivingService: `${school} og helsesykepleier`,
      receivingContact: `Rektor ved ${school}`,
      responsibility: `${school} har ansvaret for oppfølgingen, sammen med helsesykepleier. ${service} tar ikke saken inn.`,
      reason: r.note ?? `Henvisningen ga ikke grunnlag for hjelp hos ${service}.`,
    };
  }
  return {
    referral: r.id,
    receivingService: school,
    receivingContact: `Kontaktlærer ved ${school}`,
    responsibility: `${school} har ansvaret for å følge opp tiltakene og fraværet videre.`,
  };
}
