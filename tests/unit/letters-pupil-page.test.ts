import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './helpers/cli';
import { renderLetter } from '../../electron/services/letters/render';
import { caseDoc, type CaseDoc } from '../../shared/domain/caseDoc';
import { DEFAULT_LETTER_SETTINGS, prepareLetter, type LetterLang } from '../../shared/letters';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from '../../shared/letters/letters.fixture';

/**
 * Issue 16, item 6: the pupil's page is its own page. Rendered to a real PDF, read back page by
 * page with pdftotext: the pupil's text starts a new page after the signature, and nothing of the
 * letter to the adults is on it; the tagged structure stays valid (pdfinfo, qpdf --check).
 */
const run = promisify(execFile);
const tempDir = tempDirs('bro-pupil-page-');

async function render(lang: LetterLang, pupilPage: boolean) {
  const p = prepareLetter({
    doc: caseDoc.parse(completeCase()) as CaseDoc,
    kind: 'anbefaling',
    lang,
    options: { ...KIND_OPTIONS.anbefaling, ...(pupilPage ? { pupilPage: true } : {}) },
    settings: DEFAULT_LETTER_SETTINGS,
    today: LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: true,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
  const { pdf, pages } = await renderLetter({
    layout: p.layout,
    code: null,
    draft: true,
    attachments: [],
    seal: false,
    pades: null,
    time: new Date(`${LETTER_TODAY}T09:00:00Z`),
  });
  const file = path.join(tempDir(), `anbefaling-${lang}-${pupilPage ? 'elev' : 'uten'}.pdf`);
  writeFileSync(file, pdf);
  const page = async (n: number) =>
    (await run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'])).stdout;
  return { file, pages, page };
}

describe("the pupil's page starts a page of its own", () => {
  for (const lang of ['nb', 'nn'] as const)
    it(lang, async () => {
      const without = await render(lang, false);
      const r = await render(lang, true);
      expect(r.pages).toBeGreaterThan(without.pages);
      // The page where the pupil's heading is.
      let at = 0;
      for (let n = 1; n <= r.pages && !at; n++) if ((await r.page(n)).includes('Til deg, Áile')) at = n;
      expect(at, 'a page with the pupil text').toBeGreaterThan(1);
      const own = (await r.page(at)).replace(/\s+/gu, ' ');
      const before = (await r.page(at - 1)).replace(/\s+/gu, ' ');
      // Its heading is the first text on the page after the running head; the letter's signature
      // (and so all of the letter to the adults) is on the page before.
      const body = own.slice(own.indexOf('Til deg, Áile'));
      expect(own.indexOf('Til deg, Áile')).toBeLessThan(200);
      const closing = lang === 'nb' ? 'Med hilsen' : 'Med helsing';
      expect(before).toContain(closing);
      expect(body).not.toContain(closing);
      expect(before).not.toContain('Til deg, Áile');
      // Tagged and valid.
      expect((await run('qpdf', ['--check', r.file])).stdout).toContain(
        'No syntax or stream encoding errors',
      );
      expect((await run('pdfinfo', [r.file])).stdout).toMatch(/Tagged:\s+yes/u);
    });
});
