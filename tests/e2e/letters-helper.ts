import { expect } from '@playwright/test';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { DEMO_PASSPHRASE } from '../../shared/demo/passphrase';
import type { LetterModel } from '../../shared/letters/model';
import { followItems } from '../../shared/letters/replyForm';

/** The caseworker's decisions for the findings a letter can be issued with (as the letter editor records them). */
const DECIDABLE = new Set([
  'CONSENT_MISSING',
  'PUPIL_VOICE_MISSING',
  'PARENTS_VIEW_MISSING',
  'SCHOOL_ENVIRONMENT_MISSING',
  'VAGUE_PHRASE',
]);

/**
 * Issues a signed anbefaling (or oppfølgingsbrev with a reply page) for the first demo case that can have one, as a second device on
 * the same demo vault (its own session, as another window of Bro would be). Returns the file.
 * `only`: for that case (its caseId) and no other.
 */
export async function issueDemoLetter(
  demoDir: string,
  out: string,
  kind: 'anbefaling' | 'oppfolgingsbrev' = 'anbefaling',
  only?: string,
): Promise<{ file: string; jwks: unknown }> {
  const h = createHandlers(new Session());
  await call(h, 'vault.unlock', { dir: demoDir, passphrase: DEMO_PASSPHRASE });
  try {
    for (const c of (await call(h, 'cases.list', {})).cases) {
      if (only !== undefined && c.caseId !== only) continue;
      let preview;
      try {
        preview = await call(h, 'letters.preview', { caseId: c.caseId, kind });
      } catch {
        continue; // LETTER_DATA_MISSING: no measures (or nothing overdue) in this case
      }
      // An oppfølgingsbrev with a reply page: something the school is asked about.
      if (kind === 'oppfolgingsbrev' && followItems(preview.letter as LetterModel).length === 0) continue;
      const errors = preview.findings.filter((f) => f.severity === 'error');
      if (!errors.every((f) => DECIDABLE.has(f.code))) continue;
      const legalBasis: Record<string, string> = {};
      const reasons: Record<string, string> = {};
      const keep: { phrase: string; path: string; reason: string }[] = [];
      for (const f of errors) {
        if (f.code === 'CONSENT_MISSING') legalBasis[f.recipient!] = 'Forvaltningsloven § 13 b nr. 1';
        if (f.code === 'PUPIL_VOICE_MISSING') reasons.pupilVoice = 'Eleven ønsket ikke samtale nå.';
        if (f.code === 'PARENTS_VIEW_MISSING') reasons.parentsView = 'Foresatte har ikke svart ennå.';
        if (f.code === 'SCHOOL_ENVIRONMENT_MISSING')
          reasons.schoolEnvironment = 'Skolemiljøet er undersøkt uten funn.';
        if (f.code === 'VAGUE_PHRASE')
          keep.push({
            phrase: f.phrase!,
            path: f.path
              .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
              .join('')
              .slice(1),
            reason: 'Avtalt ordlyd i møtet med foresatte.',
          });
      }
      const options = { legalBasis, reasons, keep };
      const issued = await call(h, 'letters.issue', { caseId: c.caseId, kind, options, out });
      expect(issued.draft).toBe(false);
      return { file: out, jwks: await call(h, 'keys.jwks', {}) };
    }
    throw new Error(`no demo case can have an ${kind}`);
  } finally {
    await call(h, 'vault.lock', {});
  }
}
