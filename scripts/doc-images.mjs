#!/usr/bin/env node
// Copies the screenshots the user guide shows from the last e2e run (test-results/screenshots,
// written by checkScreen in tests/e2e) into docs/images, so the guide shows the app as it is.
// Run `npm test` (or the e2e specs) first, then `npm run docs:images`. The e2e data is synthetic.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const FROM = path.join(ROOT, 'test-results', 'screenshots');
const TO = path.join(ROOT, 'docs', 'images');

/** e2e screenshot → image in the guide. */
const IMAGES = {
  '61-letter-editor-findings': 'brev-kontroll',
  '62-letter-rewrite': 'brev-skriv-om',
  '63-letters-with-draft': 'brev-utkast',
  '64-letter-ready': 'brev-klart',
  '66-letter-issued': 'brev-signert',
  '68-letter-p12-wrong-password': 'brev-sertifikat',
  '69-letters-issued': 'brev-utstedte',
  '91-verify-valid': 'kontroller-gyldig',
  '92-verify-tampered': 'kontroller-endret',
  '60-tasks-actions': 'oppgaver',
  '80-settings-your-name': 'ditt-navn',
  '82-mine-oppgaver': 'mine-oppgaver',
  '84-caseload': 'saksmengde',
  '86-registers': 'registre',
  report: 'ventetider',
  'report-charts': 'ventetider-diagram',
  'report-export-busy': 'ventetider-eksport',
  'report-merged-suppressed': 'nokkeltall-samlet',
  // Issue 13: logging a measure, the end warning, the lead's figures, merged bundles.
  'a3-measure-occurrence': 'tiltak-gjennomforing',
  'a3b-measure-implementation': 'tiltak-melding',
  'a4-measure-end-warning': 'tiltak-avslutt-varsel',
  'a5-measure-log': 'tiltak-logg',
  'report-measures': 'tiltak-lederens-tall',
  'report-merged-measures': 'nokkeltall-tiltak',
};

let missing = 0;
for (const [shot, image] of Object.entries(IMAGES)) {
  const src = path.join(FROM, `${shot}.png`);
  if (!existsSync(src)) {
    console.error(`missing ${shot}.png (run the e2e specs first)`);
    missing++;
    continue;
  }
  copyFileSync(src, path.join(TO, `${image}.png`));
}
console.log(`${Object.keys(IMAGES).length - missing} images copied to docs/images`);
process.exit(missing === 0 ? 0 : 1);
