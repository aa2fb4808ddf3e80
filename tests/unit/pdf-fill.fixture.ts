// A PDF reader's side of the school's answer (issue 19 item 3), for the tests: pdf-lib (a
// devDependency used by tests only) fills in the reply form or changes the letter, and the change
// is saved as an incremental update after the signed bytes, as Acrobat and other readers save a
// signed file. pdf-lib has no incremental save of its own, so the update is written here: every
// object whose bytes differ from a second, untouched load of the same file (or that is new),
// then a cross-reference section with one subsection per object and a trailer with /Prev.
import { PDFDocument, StandardFonts, type PDFObject } from 'pdf-lib';

function bytesOf(obj: PDFObject): Buffer {
  const b = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(b, 0);
  return Buffer.from(b);
}

export async function loadTwice(pdf: Buffer): Promise<{ before: PDFDocument; after: PDFDocument }> {
  const opts = { updateMetadata: false };
  return { before: await PDFDocument.load(pdf, opts), after: await PDFDocument.load(pdf, opts) };
}

/** Appends the objects `after` changed or added, as one incremental update. */
export async function appendUpdate(pdf: Buffer, before: PDFDocument, after: PDFDocument): Promise<Buffer> {
  await after.flush();
  const old = new Map(before.context.enumerateIndirectObjects().map(([ref, obj]) => [ref.tag, bytesOf(obj)]));
  const parts: Buffer[] = [Buffer.from('\n')];
  let offset = pdf.length + 1;
  const entries: [number, number][] = [];
  for (const [ref, obj] of after.context.enumerateIndirectObjects()) {
    const b = bytesOf(obj);
    if (old.get(ref.tag)?.equals(b)) continue;
    const chunk = Buffer.concat([
      Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'),
      b,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    entries.push([ref.objectNumber, offset]);
    parts.push(chunk);
    offset += chunk.length;
  }
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(pdf.toString('latin1', pdf.length - 64))![1];
  const t = after.context.trailerInfo;
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [id, off] of entries.sort((a, b) => a[0] - b[0]))
    xref += `${id} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  xref +=
    `trailer\n<< /Size ${after.context.largestObjectNumber + 1} /Root ${String(t.Root)}` +
    `${t.Info ? ` /Info ${String(t.Info)}` : ''}${t.ID ? ` /ID ${String(t.ID)}` : ''} /Prev ${prev} >>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat([pdf, ...parts]);
}

/** Fills in the form as a school would: tick boxes by export value, text fields by text. */
export async function fillReply(
  pdf: Buffer,
  values: { radio?: Record<string, string>; text?: Record<string, string> },
): Promise<Buffer> {
  const { before, after } = await loadTwice(pdf);
  const form = after.getForm();
  for (const [name, v] of Object.entries(values.radio ?? {})) form.getRadioGroup(name).select(v);
  for (const [name, v] of Object.entries(values.text ?? {})) form.getTextField(name).setText(v);
  form.updateFieldAppearances(await after.embedFont(StandardFonts.Helvetica));
  return appendUpdate(pdf, before, after);
}
