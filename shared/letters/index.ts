import { stableStringify } from '../json';
import { checkLetter, type Finding } from './checks';
import { layoutLetter, proseOf, type Layout } from './layout';
import { lix, type LixResult } from './lix';
import { buildLetter, type BuildInput, type LetterModel, type Person } from './model';

export * from './kinds';
export { buildLetter, LETTER_FORMAT, type BuildInput, type LetterModel } from './model';
export { checkLetter, hasErrors, FINDING_CODES, type Finding, type FindingCode } from './checks';
export { layoutLetter, proseOf, textOf, type Layout, type Block } from './layout';
export { lix, lixBand, type LixResult } from './lix';
export { letterOptions, RECIPIENTS, type LetterOptions, type LetterOptionsInput } from './options';
export { letterSettings, DEFAULT_LETTER_SETTINGS, type LetterSettings } from './settings';
export { LEGAL_TABLE_VERSION } from './legalRefs';

export interface PreparedLetter {
  model: LetterModel;
  layout: Layout;
  findings: Finding[];
  lix: LixResult;
}

/** Model, text, readability and findings for one letter: what the editor previews and `issue` renders. */
export function prepareLetter(input: BuildInput): PreparedLetter {
  const model = buildLetter(input);
  const layout = layoutLetter(model);
  const readability = lix(proseOf(layout));
  const findings = checkLetter(model, { options: input.options, settings: input.settings }, readability.lix);
  return { model, layout, findings, lix: readability };
}

/**
 * The canonical form the JWS signs (RFC 8785): object keys sorted by UTF-16 code units, no
 * white space, numbers and strings as ECMAScript's JSON.stringify writes them. That is exactly
 * RFC 8785 for Bro's data (strings that are valid Unicode; finite numbers).
 */
export function canonicalJson(model: LetterModel): string {
  return stableStringify(model);
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The short code printed in every page's footer: the first 60 bits of the SHA-256 of the
 * canonical JSON, in base32 (RFC 4648 alphabet: no 0, 1, 8 or 9 to mistake), as XXXX-XXXX-XXXX.
 * Anyone with the PDF can recompute it; the service can find the letter by it in the case.
 */
export function verificationCode(sha256Hex: string): string {
  let bits = '';
  for (let i = 0; i < 16; i++)
    bits += parseInt(sha256Hex[i] ?? '0', 16)
      .toString(2)
      .padStart(4, '0');
  let out = '';
  for (let i = 0; i < 60; i += 5) out += B32[parseInt(bits.slice(i, i + 5), 2)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

const personLine = (p: Person | null) => (p ? { role: p.role, name: p.name } : null);

/** What the letter asks of whom and by when: the summary `bro verify` prints. */
export function letterSummary(model: LetterModel) {
  const asks: { what: string; who: string | null; by: string | null }[] = [];
  for (const m of model.measures)
    asks.push({
      what: m.title,
      who: m.responsible
        ? m.responsible.name
          ? `${m.responsible.name} (${m.responsible.role})`
          : m.responsible.role
        : null,
      by: m.start,
    });
  for (const a of model.waiting?.advice ?? [])
    asks.push({ what: a.what, who: a.who, by: model.waiting?.expectedFirstContact ?? null });
  for (const a of model.meeting?.agreements ?? []) asks.push({ what: a.what, who: a.owner, by: a.deadline });
  for (const o of model.overdue ?? []) asks.push({ what: o.what, who: o.who, by: model.replyBy });
  return {
    kind: model.kind,
    caseId: model.caseId,
    letterId: model.letterId,
    version: model.version,
    date: model.date,
    lang: model.lang,
    draft: model.draft,
    replyBy: model.replyBy,
    recommendations: model.measures.map((m) => ({
      what: m.what,
      responsible: personLine(m.responsible),
      leader: personLine(m.leader),
      start: m.start,
      evaluation: m.evaluation,
    })),
    asks,
  };
}
export type LetterSummary = ReturnType<typeof letterSummary>;
