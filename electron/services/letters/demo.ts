import { formatPath } from '../../../shared/errors';
import type { LetterOptions } from '../../../shared/letters/options';
import type { LetterKind } from '../../../shared/letters/kinds';
import { demoClosingOptions } from '../../../shared/demo/closing';
import type { Letterhead } from '../../../shared/letters/settings';
import { closingLetterIssues } from '../../../shared/referrals/closing';
import type { WaitingSettings } from '../../../shared/waiting/settings';
import type { Vault } from '../vault/vault';
import { issueLetter, previewLetter } from './issue';

const SCHOOL_BASIS =
  'Skolen må vite hvem som har ansvaret for eleven nå, for å følge opp tiltakene i skolen.';

const KEEP_REASON = 'Står slik i saken; avtalt med foresatte.';

export type DemoRequest = {
  caseId: string;
  kind: LetterKind;
  lang: 'nb';
  options: LetterOptions;
  settings: undefined;
};
export type DemoContext = {
  today: string;
  now: Date;
  appLetterhead: Letterhead | null;
  waiting?: WaitingSettings;
};

/**
 * What a caseworker resolves in the editor, the demo resolves the same way, on the letter's own
 * findings: a basis for a school recipient without consent (the sharing rule still decides), and a
 * reason for keeping a flagged phrase in the case's text. False when anything else must be fixed
 * first (a member with no name cannot sign): then the demo issues no letter.
 */
export async function resolveDemoFindings(vault: Vault, req: DemoRequest, at: DemoContext): Promise<boolean> {
  const { findings } = await previewLetter(vault, req, { ...at, pdf: false });
  const basis = findings.filter((f) => f.code === 'CONSENT_MISSING' && f.recipient);
  const kept = findings.filter((f) => f.code === 'VAGUE_PHRASE' && f.phrase);
  if (basis.length)
    req.options.legalBasis = Object.fromEntries(basis.map((f) => [f.recipient!, SCHOOL_BASIS]));
  if (kept.length)
    req.options.keep = kept.map((f) => ({
      phrase: f.phrase!,
      path: formatPath(f.path),
      reason: KEEP_REASON,
    }));
  const handled = new Set(['CONSENT_MISSING', 'VAGUE_PHRASE']);
  return !findings.some((f) => f.severity === 'error' && !handled.has(f.code));
}

/**
 * The demo issues an avslutningsbrev for every referral it closed, rejected or forwarded (issue 15
 * item 5), through the same `issueLetter` as the app: a real, signed PDF in the case. Only referrals
 * still without one get a letter, so running the demo again adds none.
 */
export async function addDemoClosingLetters(
  vault: Vault,
  ctx: DemoContext,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  const { cases } = await vault.listCases();
  let issued = 0;
  let done = 0;
  for (const c of cases) {
    progress?.(done++, cases.length);
    const state = await vault.fold(c.caseId);
    if (state.voided) continue;
    for (const issue of closingLetterIssues(state.doc, state.letters)) {
      const r = state.doc.referrals![issue.path[1] as number]!;
      const closing = demoClosingOptions(state.doc, r);
      if (!closing) continue;
      const req: DemoRequest = {
        caseId: c.caseId,
        kind: 'avslutningsbrev',
        lang: 'nb',
        options: { closing } as LetterOptions,
        settings: undefined,
      };
      // Dated the day the referral ended, as if written then: the caseworker was still on the case.
      const at = { ...ctx, today: r.closed ?? r.decided ?? ctx.today };
      if (!(await resolveDemoFindings(vault, req, at))) continue;
      await issueLetter(vault, { ...req, out: null, draft: false, p12: null }, at);
      issued++;
    }
  }
  progress?.(cases.length, cases.length);
  return issued;
}
