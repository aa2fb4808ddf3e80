/**
 * The demo's received documents (issue 19 item 0): a small, real, synthetic PDF per case that the
 * demo attaches as the referral form, so the «Dokumenter» tab, innsyn and the archive package show
 * one. The same case and date give the same bytes, so running the demo again attaches nothing new.
 */

/** PDF string escaping for the few characters that need it. */
const esc = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);

/** A one-page PDF 1.4 with the given lines in Helvetica (ASCII text only), with a correct xref table. */
export function simplePdf(lines: readonly string[]): Uint8Array {
  const text = lines
    .map(
      (l, i) =>
        `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${770 - i * 24} Td (${esc(l.replace(/[^\x20-\x7e]/gu, '?'))}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // ASCII only (the text is filtered above), so one byte per character.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** The demo's referral form for a case: its reference, the service and the day it came. */
export function demoReferralForm(caseRef: string, service: string, received: string): Uint8Array {
  return simplePdf([
    `Henvisning til ${service}`,
    `Sak ${caseRef}, mottatt ${received}`,
    'Syntetisk demodokument laget av bro demo. Ingen virkelige personer.',
    'Skolen beskriver fravaer, tiltak som er provd, og hva den ber om hjelp til.',
  ]);
}
