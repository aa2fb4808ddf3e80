import type { CaseDoc } from '../domain/caseDoc';
import type { Service } from '../domain/common';

/**
 * Health data in a case (issue 14 item 9: "health data in a case is marked as a special category in
 * exports"). Helseopplysninger are a special category of personal data (personvernforordningen
 * art. 9 nr. 1, definition in art. 4 nr. 15); an export and the innsyn file mark them so that
 * whoever receives them knows they need the stricter handling. The one rule; the interchange
 * export and the innsyn file both call it.
 *
 * What counts as health data here:
 * 1. The whole case when the service itself is a health service (BUP, Habu): what a specialist
 *    health service records about a pupil is a patient record.
 * 2. A referral to a health service (its `service` is BUP or Habu) or from one (`referredBy`
 *    fastlege, helsesykepleier or BUP): it says the pupil is or was a patient.
 * 3. Any item whose text reads like a diagnosis or treatment: a diagnosis or an ICD-10 code
 *    (F93.8), an epikrise, medication, or a named diagnosis (ADHD, autisme, depresjon, angstlidelse,
 *    Tourette). Found by words, so it errs towards marking; a caseworker who writes health
 *    information in other words is not caught, which docs/SECURITY.md says plainly.
 */
export const HEALTH_SERVICES: readonly Service[] = ['BUP', 'Habu'];
const HEALTH_REFERRERS: ReadonlySet<string> = new Set(['fastlege', 'helsesykepleier', 'BUP']);

const DIAGNOSIS_WORDS =
  /(?<![\p{L}\p{N}])(?:diagnos\p{L}*|icd-?1[01]|epikris\p{L}*|medisin(?:er|ering|en)\p{L}*|medikament\p{L}*|legemiddel\p{L}*|adhd|autism\p{L}*|asperger\p{L}*|depresjon\p{L}*|angstlidel\p{L}*|tourette\p{L}*|spiseforstyrr\p{L}*|psykose\p{L}*)(?![\p{L}\p{N}])/iu;
/** An ICD-10 code from chapter F (mental and behavioural disorders): F93, F93.8. Case-sensitive. */
const ICD10_F = /(?<![\p{L}\p{N}])F\d{2}(?:\.\d{1,2})?(?![\p{L}\p{N}])/u;

/** The text reads like a diagnosis or a treatment (rule 3). */
export function mentionsHealth(text: string): boolean {
  return DIAGNOSIS_WORDS.test(text) || ICD10_F.test(text);
}

/** The legal text every mark carries. */
export const HEALTH_BASIS = 'personvernforordningen art. 9';
export const HEALTH_NOTICE = {
  nb: 'Særlig kategori personopplysninger (helseopplysninger), personvernforordningen art. 9',
  nn: 'Særleg kategori personopplysningar (helseopplysningar), personvernforordninga art. 9',
} as const;

export type HealthReason = 'service' | 'referral' | 'text';

export interface HealthData {
  /** The whole case is health data (rule 1). */
  whole: boolean;
  /** The items that are, by collection and index, with why; every item when `whole`. */
  items: { collection: string; index: number; reason: HealthReason }[];
}

function texts(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) texts(x, out);
  return out;
}

/** Which of the case's data are health data (the rules above). Pure; old data needs no field. */
export function healthData(doc: CaseDoc): HealthData {
  const whole = HEALTH_SERVICES.includes(doc.service);
  const items: HealthData['items'] = [];
  for (const [collection, value] of Object.entries(doc as Record<string, unknown>)) {
    if (!Array.isArray(value)) continue;
    value.forEach((item, index) => {
      if (!item || typeof item !== 'object') return;
      let reason: HealthReason | null = whole ? 'service' : null;
      if (!reason && collection === 'referrals') {
        const r = item as { service?: string | null; referredBy?: string | null };
        if (
          (r.service != null && HEALTH_SERVICES.includes(r.service as Service)) ||
          (r.referredBy != null && HEALTH_REFERRERS.has(r.referredBy))
        )
          reason = 'referral';
      }
      if (!reason && texts(item, []).some(mentionsHealth)) reason = 'text';
      if (reason) items.push({ collection, index, reason });
    });
  }
  return { whole, items };
}

/** A lookup for one item: is `collection[index]` health data? */
export function healthLookup(h: HealthData): (collection: string, index: number) => boolean {
  const set = new Set(h.items.map((i) => `${i.collection}/${i.index}`));
  return (collection, index) => h.whole || set.has(`${collection}/${index}`);
}

/**
 * The export's mark for one case (`specialCategories` in bro-interchange/1): the category, its
 * legal basis, whether the whole case is health data, and the items that are, as paths into the
 * exported case (`referrals[1]`). Null when the case holds none.
 */
export function healthMark(doc: CaseDoc): {
  case: string;
  category: 'helseopplysninger';
  basis: string;
  whole: boolean;
  items: string[];
} | null {
  const h = healthData(doc);
  if (!h.whole && h.items.length === 0) return null;
  return {
    case: doc.id,
    category: 'helseopplysninger',
    basis: HEALTH_BASIS,
    whole: h.whole,
    items: h.items.map((i) => `${i.collection}[${i.index}]`),
  };
}
