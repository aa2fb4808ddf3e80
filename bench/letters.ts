// Letter benchmark (issue: letters that say what, who and by when). Rendering and signing an
// anbefaling (PDF/A-3b, tags, embedded fonts, the JSON attachment, the JWS, the seal and a PAdES
// signature) against an unsigned plain pdfkit document with the same text and the same font,
// measured in the same run. Target: ≤ 3.0×. No absolute budget is asserted anywhere.
import { createHash, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { caseDoc, type CaseDoc } from '../shared/domain/caseDoc';
import {
  canonicalJson,
  DEFAULT_LETTER_SETTINGS,
  prepareLetter,
  textOf,
  verificationCode,
} from '../shared/letters';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from '../shared/letters/letters.fixture';
import {
  DEFAULT_FONTS_DIR,
  FONT_FILES,
  fontsOrFail,
  renderLetter,
} from '../electron/services/letters/render';
import { signDetached } from '../electron/services/signing/jws';
import { signPades } from '../electron/services/signing/pades';
import { createTestP12, loadP12 } from '../electron/services/signing/p12';
import { sealPdf } from '../electron/services/signing/seal';
import { signingKeyFromJwk, type PrivateJwk } from '../electron/services/vault/identity';
import { median, report, timeIt, type BenchResult } from './util';

const NOW = new Date('2026-05-12T10:00:00Z');

export async function letterBenchmarks(opts: { rounds: number }): Promise<BenchResult[]> {
  const doc = caseDoc.parse(completeCase()) as CaseDoc;
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const key = signingKeyFromJwk({
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk.x,
    d: jwk.d,
    kid: 'b'.repeat(43),
  } as PrivateJwk);
  const pades = loadP12(createTestP12({ name: 'PPT Bærum', password: 'bench', now: NOW }).p12, 'bench');
  const prepare = () =>
    prepareLetter({
      doc,
      kind: 'anbefaling',
      lang: 'nb',
      options: KIND_OPTIONS.anbefaling,
      settings: {
        ...DEFAULT_LETTER_SETTINGS,
        letterhead: { serviceName: 'PPT Bærum', phone: '67 50 00 00' },
      },
      today: LETTER_TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: false,
      signer: { name: 'Ola Hansen', memberId: 'c'.repeat(26), kid: key.kid },
    });

  // Bro: the whole letter, from the case to signed bytes (what `bro letter --sign` does after unlocking).
  let pages = 0;
  let bytes = 0;
  const bro = async () => {
    const p = prepare();
    const json = Buffer.from(canonicalJson(p.model), 'utf8');
    const hash = createHash('sha256').update(json).digest('hex');
    const jws = await signDetached(json, key);
    const r = await renderLetter({
      layout: p.layout,
      code: verificationCode(hash),
      draft: false,
      attachments: [
        {
          name: 'bro-letter.json',
          bytes: json,
          mime: 'application/json',
          description: 'data',
          relationship: 'Data',
        },
        {
          name: 'bro-letter.jws',
          bytes: Buffer.from(jws),
          mime: 'application/jose',
          description: 'jws',
          relationship: 'Data',
        },
      ],
      seal: true,
      pades: { name: 'PPT Bærum', reason: 'Anbefaling', location: 'Hov skole', contactInfo: '' },
      time: NOW,
    });
    const signed = await signPades(await sealPdf(r.pdf, key, hash), pades);
    pages = r.pages;
    bytes = signed.length;
  };

  // Baselines: the same text in the same font in a plain pdfkit document: no PDF/A, tags, tables,
  // attachments or signatures. The strict one gets the same parsed font Bro's renderer shares
  // between letters; the other loads the font file per document, as plain pdfkit code does.
  const text = textOf(prepare().layout);
  const plainWith = (font: () => PDFKit.Mixins.PDFFontSource) => async () => {
    const d = new PDFDocument({ size: 'A4', margins: { top: 58, bottom: 78, left: 62, right: 62 } });
    d.registerFont('Regular', font());
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => d.on('end', () => resolve()));
    d.font('Regular').fontSize(10.5).text(text, { lineGap: 2.2 });
    d.end();
    await done;
  };
  const plain = plainWith(() => fontsOrFail().regular as PDFKit.Mixins.PDFFontSource);
  const plainFile = plainWith(() => path.join(DEFAULT_FONTS_DIR, FONT_FILES.regular));

  // Warm up (font parsing, JIT), then interleave rounds so all see the same machine state.
  await bro();
  await plain();
  await plainFile();
  const broTimes: number[] = [];
  const plainTimes: number[] = [];
  const fileTimes: number[] = [];
  for (let i = 0; i < Math.max(5, opts.rounds * 4); i++) {
    broTimes.push(await timeIt(1, bro));
    plainTimes.push(await timeIt(1, plain));
    fileTimes.push(await timeIt(1, plainFile));
  }
  console.log(`  letters: anbefaling, ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB signed`);
  return [
    report(
      'render + sign an anbefaling (PDF/A-3b, tags, fonts, JSON + JWS, seal, PAdES) vs plain pdfkit, same text and parsed font',
      median(broTimes),
      median(plainTimes),
      3.0,
    ),
    report(
      'the same letter vs plain pdfkit loading the font file per document (for scale)',
      median(broTimes),
      median(fileTimes),
    ),
  ];
}
