import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, Layout, ReplyPage } from '../../../shared/letters/layout';
import { BroError } from '../../../shared/errors';
import { replyField } from '../../../shared/letters/replyForm';
import { addSignaturePlaceholder } from '../signing/pades';
import { SEAL_BYTES, SEAL_KEY } from '../signing/seal';

/**
 * Draws a laid-out letter (shared/letters/layout.ts) with pdfkit: A4, Noto Sans embedded
 * (covers æøå and the Sami letters), PDF/A-3b, tagged (H1–H3, P, L/LI, Table/TR/TH/TD in
 * reading order; letterhead rules, running heads, footers and the draft mark are artifacts),
 * page numbers, the verification code in every footer, attachments, and placeholders for the
 * seal and the PAdES signature. No signing happens here.
 */
/** The label and value columns of a `fields` block. */
function fieldWidths(b: { labelWidth?: number }): number[] {
  const w = b.labelWidth ?? 0.24;
  return [w, 1 - w];
}

export const FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
} as const;

/** build/fonts in the repository (the packaged app passes its own folder). */
export const DEFAULT_FONTS_DIR = path.join(import.meta.dirname, '..', '..', '..', 'build', 'fonts');

export interface Attachment {
  name: string;
  bytes: Uint8Array;
  mime: string;
  description: string;
  relationship: 'Data' | 'Source' | 'Supplement' | 'Alternative' | 'Unspecified';
}

export interface RenderOptions {
  layout: Layout;
  /** The footer's verification code; null for drafts. */
  code: string | null;
  draft: boolean;
  attachments: Attachment[];
  /** Reserve room for the Bro seal (issued letters). */
  seal: boolean;
  /** Add a PAdES signature placeholder (when a P12 is configured). */
  pades: { name: string; reason: string; location: string; contactInfo: string } | null;
  /** The letter's time stamp (CreationDate, the attachments' dates, the signature's /M). */
  time: Date;
  fontsDir?: string;
  /** pdfkit 'PDF/A-3b' by default; the benchmark's plain baseline passes null. */
  subset?: 'PDF/A-3b' | null;
  /**
   * Blocks drawn so far, for a long document (the innsyn file): called every few dozen blocks,
   * with a pause between so the caller's progress reaches the screen.
   */
  onProgress?: (done: number, total: number) => void;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 62, right: 62, top: 58, bottom: 78 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = '#1d2329';
const MUTED = '#59636e';
const ACCENT = '#1f4e79';
const TINT = '#eef3f8';
const RULE = '#c9d3dd';
const SIZE = { body: 10.5, lead: 11.5, small: 8.5, h1: 17, h2: 12.5, h3: 11, table: 9.2 };

type Doc = PDFKit.PDFDocument;
/** pdfkit's object references and the form internals the reply page uses (no public API for either). */
interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: string | Uint8Array): void;
}
interface FormInternals {
  ref(data: Record<string, unknown>): PdfRef;
  initForm(): void;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): void;
  _acroform?: unknown;
  _root: { data: { AcroForm?: { data: Record<string, unknown> } } };
  page: { annotations: PdfRef[] };
}
type Struct = PDFKit.PDFStructureElement;

/** pdfkit's typings lag behind 0.20 (tables, subset, structure children as closures). */
interface DocExtras {
  table(opts: Record<string, unknown>): unknown;
  _root: { data: Record<string, unknown> };
}

/** A parsed font (fontkit's object, which pdfkit accepts in place of a file). */
type ParsedFont = object;
const parsed = new Map<string, ParsedFont>();

/**
 * fontkit caches one glyph object per glyph id with the code points of its FIRST use, and pdfkit
 * writes a glyph's ToUnicode entry from those. A glyph first met inside a shaped sequence (a
 * ligature or a decomposed «č» whose base is «c») is cached with the wrong or no code points, and
 * because the parsed font is shared by every letter in the process, every later letter's text
 * layer would then miss that letter (pdftotext read «Ka per» for «Kacper»; a screen reader would
 * too). Creating every mapped glyph from its own code point first, in code point order, fixes the
 * cache before any text is laid out.
 */
function warmGlyphs(font: ParsedFont): void {
  const f = font as { characterSet?: number[]; glyphForCodePoint?: (cp: number) => unknown };
  if (!f.characterSet || !f.glyphForCodePoint) return;
  // Not the alphabetic presentation forms (U+FB00–FB4F: «ﬀ», «ﬁ» …): their glyphs are the ligatures
  // shaping makes from «ff», «fi», and must keep the code points of the letters they replace.
  for (const cp of [...f.characterSet].sort((a, b) => a - b))
    if (cp < 0xfb00 || cp > 0xfb4f) f.glyphForCodePoint(cp);
}

/**
 * The fonts, parsed once per process and shared by every letter: parsing Noto Sans's layout
 * tables is most of the cost of a letter, and pdfkit accepts a parsed font in place of a file
 * (each document still makes its own subset). The parse goes through pdfkit, so the font is
 * read by the same fontkit pdfkit uses.
 */
export function fontsOrFail(dir: string = DEFAULT_FONTS_DIR): Record<keyof typeof FONT_FILES, ParsedFont> {
  const out = {} as Record<keyof typeof FONT_FILES, ParsedFont>;
  for (const [k, f] of Object.entries(FONT_FILES) as [keyof typeof FONT_FILES, string][]) {
    const p = path.join(dir, f);
    let font = parsed.get(p);
    if (!font) {
      if (!existsSync(p))
        throw new BroError('FONT_MISSING', 'A letter font is missing', { detail: { file: f } });
      const probe = new PDFDocument({ autoFirstPage: false }) as Doc & { _font: { font: ParsedFont } };
      try {
        probe.font(readFileSync(p));
      } catch {
        throw new BroError('FONT_MISSING', 'A letter font cannot be read', { detail: { file: f } });
      }
      font = probe._font.font;
      warmGlyphs(font);
      parsed.set(p, font);
    }
    out[k] = font;
  }
  return out;
}

class Renderer {
  readonly doc: Doc;
  readonly root: Struct;
  private font: 'Regular' | 'Bold' | 'Italic' = 'Regular';

  constructor(
    private readonly o: RenderOptions,
    fonts: Record<keyof typeof FONT_FILES, ParsedFont>,
  ) {
    const lang = o.layout.lang === 'nn' ? 'nn-NO' : 'nb-NO';
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      tagged: true,
      lang,
      displayTitle: true,
      ...(o.subset === null ? {} : { subset: o.subset ?? 'PDF/A-3b' }),
      info: {
        Title: o.layout.docTitle,
        Author: o.layout.signature.service,
        Subject: o.layout.docTitle,
        Creator: 'Bro',
        Producer: 'Bro (pdfkit)',
        CreationDate: o.time,
      },
    } as PDFKit.PDFDocumentOptions);
    this.doc.registerFont('Regular', fonts.regular as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont('Bold', fonts.bold as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont('Italic', fonts.italic as PDFKit.Mixins.PDFFontSource);
    this.setFont('Regular', SIZE.body);
    this.doc.fillColor(INK);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  setFont(f: 'Regular' | 'Bold' | 'Italic', size: number): void {
    this.font = f;
    this.doc.font(f).fontSize(size);
  }

  get x() {
    return MARGIN.left;
  }

  private bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  /** Starts a new page when less than `needed` points remain (keeps a heading with what follows). */
  ensure(needed: number): void {
    if (this.doc.y + needed > this.bottom()) this.doc.addPage();
  }

  artifact(draw: () => void): void {
    const d = this.doc;
    d.save();
    d.markContent('Artifact');
    draw();
    d.endMarkedContent();
    d.restore();
  }

  text(
    struct: Struct,
    type: string,
    text: string,
    opts: PDFKit.Mixins.TextOptions = {},
    x = this.x,
    width = WIDTH,
  ) {
    struct.add(
      this.doc.struct(type, {}, () => {
        this.doc.text(text, x, this.doc.y, { width, lineGap: 2.2, ...opts });
      }),
    );
  }

  header(): void {
    const d = this.doc;
    const L = this.o.layout;
    const top = 46;
    // Letterhead: the service's name and how to reach it.
    d.y = top;
    this.setFont('Bold', 13);
    d.fillColor(ACCENT);
    this.text(this.root, 'P', L.letterhead[0] ?? '', { width: WIDTH * 0.58 });
    this.setFont('Regular', 8.8);
    d.fillColor(MUTED);
    for (const line of L.letterhead.slice(1))
      this.text(this.root, 'P', line, { width: WIDTH * 0.58, lineGap: 0.5 });
    const afterHead = d.y;
    // The confidentiality marking, top right.
    d.y = top + 1;
    this.setFont('Bold', 9);
    d.fillColor(INK);
    this.text(this.root, 'P', L.marking[0] ?? '', { align: 'right' }, this.x + WIDTH * 0.58, WIDTH * 0.42);
    this.setFont('Regular', 8);
    d.fillColor(MUTED);
    this.text(
      this.root,
      'P',
      L.marking.slice(1).join(' '),
      { align: 'right' },
      this.x + WIDTH * 0.58,
      WIDTH * 0.42,
    );
    const ruleY = Math.max(afterHead, d.y) + 10;
    this.artifact(() => {
      d.moveTo(this.x, ruleY)
        .lineTo(this.x + WIDTH, ruleY)
        .lineWidth(1.2)
        .strokeColor(ACCENT)
        .stroke();
    });
    // Addressee (left) and date and reference (right).
    const blockTop = ruleY + 22;
    d.y = blockTop;
    this.setFont('Regular', SIZE.body);
    d.fillColor(INK);
    this.text(this.root, 'P', L.to.join('\n'), { width: WIDTH * 0.55 });
    const leftEnd = d.y;
    d.y = blockTop;
    const metaX = this.x + WIDTH * 0.6;
    for (const [k, v] of L.meta) {
      this.setFont('Regular', 8.5);
      d.fillColor(MUTED);
      this.text(this.root, 'P', k, { lineGap: 0 }, metaX, WIDTH * 0.4);
      this.setFont('Regular', 9.5);
      d.fillColor(INK);
      this.text(this.root, 'P', v, { lineGap: 0 }, metaX, WIDTH * 0.4);
      d.y += 3;
    }
    d.y = Math.max(leftEnd, d.y) + 10;
    this.setFont('Regular', 9);
    d.fillColor(MUTED);
    this.text(this.root, 'P', L.copies);
    d.y += 18;
    this.setFont('Bold', SIZE.h1);
    d.fillColor(ACCENT);
    this.text(this.root, 'H1', L.title, { lineGap: 1 });
    d.y += 8;
    d.fillColor(INK);
  }

  /** About how tall a heading, paragraph or list is (for keeping the last section with the signature). */
  estimate(b: Block): number {
    const d = this.doc;
    this.setFont('Regular', SIZE.body);
    if (b.t === 'h2') return 30;
    if (b.t === 'p') return d.heightOfString(b.text, { width: WIDTH, lineGap: 2.2 }) + 8;
    if (b.t === 'list')
      return b.items.reduce(
        (sum, x) => sum + d.heightOfString(x, { width: WIDTH - 16, lineGap: 2.2 }) + 4,
        0,
      );
    if (b.t === 'table') return this.tableHeight([b.head, ...b.rows], b.widths) + 10;
    if (b.t === 'fields') return this.tableHeight(b.rows, fieldWidths(b)) + 10;
    return 60;
  }

  /** About how tall a table will be (rows of wrapped text plus padding), to keep a block on one page. */
  tableHeight(rows: string[][], widths: number[]): number {
    this.setFont('Regular', SIZE.table);
    return rows.reduce(
      (sum, r) =>
        sum +
        Math.max(
          ...r.map((cell, i) =>
            this.doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0.5) * WIDTH - 12, lineGap: 1.5 }),
          ),
        ) +
        8,
      0,
    );
  }

  block(b: Block, next?: Block, after?: Block): void {
    const d = this.doc;
    if (b.t === 'pagebreak') {
      // Nothing drawn and nothing tagged: the structure tree goes on with the next block.
      d.addPage();
      return;
    }
    /** How tall a heading and the measure block under it are, when that fits on a page. */
    const headedBlock = (table?: Block): number | null => {
      if (!table || (table.t !== 'fields' && table.t !== 'table')) return null;
      const rows = table.t === 'fields' ? table.rows.map(([k, v]) => [k, v]) : [table.head, ...table.rows];
      const h = 40 + this.tableHeight(rows, table.t === 'fields' ? fieldWidths(table) : table.widths);
      return h < 0.8 * (A4.height - MARGIN.top - MARGIN.bottom) ? h : null;
    };
    if (b.t === 'h3') {
      // A measure's heading and its block stay together when the block fits on a page.
      const h = headedBlock(next);
      if (h !== null) this.ensure(h);
    }
    if (b.t === 'h2') {
      // A heading is not left alone at the foot of a page, nor with only its introduction, nor
      // above a measure's heading whose block goes to the next page.
      const firstMeasure = next?.t === 'h3' ? headedBlock(after) : null;
      this.ensure(
        firstMeasure !== null
          ? firstMeasure + 30
          : next?.t === 'p' && (after?.t === 'table' || after?.t === 'fields')
            ? 140
            : next?.t === 'table' && next.rows[0]
              ? Math.max(80, 30 + Math.min(this.tableHeight([next.head, next.rows[0]], next.widths), 300))
              : 80,
      );
      d.y += 10;
      this.setFont('Bold', SIZE.h2);
      d.fillColor(ACCENT);
      this.text(this.root, 'H2', b.text);
      d.y += 3;
      d.fillColor(INK);
      return;
    }
    if (b.t === 'h3') {
      this.ensure(90);
      d.y += 8;
      const y = d.y;
      this.setFont('Bold', SIZE.h3);
      d.fillColor(INK);
      const chip = b.chip;
      const chipWidth = chip ? (this.setFont('Bold', 7.8), d.widthOfString(chip) + 14) : 0;
      this.setFont('Bold', SIZE.h3);
      const h3 = d.struct('H3');
      this.root.add(h3);
      h3.add(() => {
        d.text(b.text, this.x, y, { width: WIDTH - chipWidth - 10, lineGap: 1 });
      });
      const after = d.y;
      if (chip) {
        const cx = this.x + WIDTH - chipWidth;
        this.artifact(() => {
          d.roundedRect(cx, y - 0.5, chipWidth, 14, 7)
            .fillColor(TINT)
            .fill();
        });
        this.setFont('Bold', 7.8);
        d.fillColor(ACCENT);
        h3.add(() => {
          d.text(chip, cx, y + 2.6, { width: chipWidth, align: 'center', lineBreak: false });
        });
        d.fillColor(INK);
      }
      h3.end();
      d.y = Math.max(after, y + 14) + 4;
      return;
    }
    if (b.t === 'p') {
      if (b.style === 'quote') {
        this.setFont('Italic', SIZE.body);
        const h = d.heightOfString(b.text, { width: WIDTH - 16, lineGap: 2.2 });
        this.ensure(Math.min(h, 120) + 8);
        const y = d.y;
        this.artifact(() => {
          d.rect(this.x, y + 1, 2.5, Math.min(h, this.bottom() - y) - 2)
            .fillColor(RULE)
            .fill();
        });
        d.fillColor(INK);
        this.text(this.root, 'P', b.text, {}, this.x + 14, WIDTH - 16);
        d.y += 6;
        return;
      }
      const size = b.style === 'lead' ? SIZE.lead : b.style === 'small' ? SIZE.small : SIZE.body;
      this.setFont('Regular', size);
      this.ensure(3 * size);
      d.fillColor(b.style === 'small' ? MUTED : INK);
      this.text(this.root, 'P', b.text);
      d.y += b.style === 'lead' ? 9 : 6;
      d.fillColor(INK);
      return;
    }
    if (b.t === 'list') {
      this.list(b.items);
      return;
    }
    if (b.t === 'summary') {
      this.summary(b.title, b.items);
      return;
    }
    if (b.t === 'fields') {
      this.table(
        [],
        b.rows.map(([k, v]) => [k, v]),
        fieldWidths(b),
        true,
      );
      return;
    }
    this.table(b.head, b.rows, b.widths, false);
  }

  list(items: string[], x = this.x, width = WIDTH): void {
    const d = this.doc;
    this.setFont('Regular', SIZE.body);
    d.fillColor(INK);
    const L = d.struct('L');
    this.root.add(L);
    for (const item of items) {
      this.ensure(2 * SIZE.body + 6);
      const li = d.struct('LI');
      L.add(li);
      const y = d.y;
      li.add(
        d.struct('Lbl', {}, () => {
          d.text('•', x + 2, y, { width: 10, lineBreak: false });
        }),
      );
      li.add(
        d.struct('LBody', {}, () => {
          d.text(item, x + 14, y, { width: width - 14, lineGap: 2.2 });
        }),
      );
      li.end();
      d.y += 3;
    }
    L.end();
    d.y += 3;
  }

  summary(title: string, items: string[]): void {
    const d = this.doc;
    const pad = 12;
    this.setFont('Regular', SIZE.body);
    const inner = WIDTH - 2 * pad;
    const itemsHeight = items.reduce(
      (s, i) => s + d.heightOfString(i, { width: inner - 14, lineGap: 2.2 }) + 3,
      0,
    );
    this.setFont('Bold', SIZE.h3);
    const height = d.heightOfString(title, { width: inner }) + 6 + itemsHeight + 2 * pad;
    this.ensure(Math.min(height, 300));
    const y = d.y;
    this.artifact(() => {
      d.rect(this.x, y, WIDTH, Math.min(height, this.bottom() - y))
        .fillColor(TINT)
        .fill();
      d.rect(this.x, y, 3, Math.min(height, this.bottom() - y))
        .fillColor(ACCENT)
        .fill();
    });
    d.y = y + pad;
    this.setFont('Bold', SIZE.h3);
    d.fillColor(ACCENT);
    this.text(this.root, 'H2', title, {}, this.x + pad, inner);
    d.y += 4;
    d.fillColor(INK);
    this.list(items, this.x + pad, inner);
    d.y = Math.max(d.y, y + height) + 10;
  }

  /**
   * A table drawn by hand (Table > TR > TH/TD, header cells with a scope): rows never split,
   * the header row repeats on a new page, borders and shading are artifacts. pdfkit's own
   * tables re-open the font file for every styled cell, which made a letter several times slower.
   */
  table(head: string[], rows: string[][], widths: number[], fields: boolean): void {
    const d = this.doc;
    const table = d.struct('Table');
    this.root.add(table);
    const cols = widths.map((w) => w * WIDTH);
    const padX = 6;
    const padY = 4;
    const cellFont = (header: boolean, col: number) =>
      header || (fields && col === 0) ? ('Bold' as const) : ('Regular' as const);
    const heightOf = (cells: string[], header: boolean) => {
      const heights = cells.map((c, i) => {
        this.setFont(cellFont(header, i), SIZE.table);
        return d.heightOfString(c || ' ', { width: (cols[i] ?? 0) - 2 * padX, lineGap: 1.5 });
      });
      return Math.max(...heights) + 2 * padY;
    };
    const row = (cells: string[], header: boolean) => {
      const h = heightOf(cells, header);
      if (d.y + h > this.bottom()) {
        d.addPage();
        if (!header && head.length) row(head, true);
      }
      const y = d.y;
      this.artifact(() => {
        if (header) d.rect(this.x, y, WIDTH, h).fillColor(TINT).fill();
        d.moveTo(this.x, y + h)
          .lineTo(this.x + WIDTH, y + h)
          .lineWidth(0.6)
          .strokeColor(RULE)
          .stroke();
      });
      const tr = d.struct('TR');
      table.add(tr);
      let x = this.x;
      cells.forEach((c, i) => {
        const th = header || (fields && i === 0);
        const cx = x;
        tr.add(
          d.struct(
            th ? 'TH' : 'TD',
            (th ? { scope: header ? 'Column' : 'Row' } : {}) as PDFKit.Mixins.StructureElementOptions,
            () => {
              this.setFont(cellFont(header, i), SIZE.table);
              d.fillColor(header ? ACCENT : fields && i === 0 ? MUTED : INK);
              d.text(c, cx + padX, y + padY, { width: (cols[i] ?? 0) - 2 * padX, lineGap: 1.5 });
            },
          ),
        );
        x += cols[i] ?? 0;
      });
      tr.end();
      d.y = y + h;
    };
    // The header row is never left alone at the foot of a page: it goes with the first row.
    const first = (head.length ? heightOf(head, true) : 0) + (rows[0] ? heightOf(rows[0], false) : 0);
    this.ensure(Math.max(40, Math.min(first, 0.5 * (A4.height - MARGIN.top - MARGIN.bottom))));
    if (head.length) row(head, true);
    for (const r of rows) row(r, false);
    table.end();
    d.x = this.x;
    d.y += 8;
    d.fillColor(INK);
    this.setFont('Regular', SIZE.body);
  }

  signature(): void {
    const d = this.doc;
    const s = this.o.layout.signature;
    this.ensure(110);
    d.y += 14;
    this.setFont('Regular', SIZE.body);
    d.fillColor(INK);
    this.text(this.root, 'P', s.closing);
    d.y += 14;
    const lines = [s.name, s.role, s.service].filter((x): x is string => !!x);
    this.setFont('Bold', SIZE.body);
    if (lines[0]) this.text(this.root, 'P', lines[0]);
    this.setFont('Regular', SIZE.body);
    for (const l of lines.slice(1)) this.text(this.root, 'P', l);
    d.y += 8;
    this.setFont('Regular', SIZE.small);
    d.fillColor(MUTED);
    this.text(this.root, 'P', s.note);
    d.fillColor(INK);
  }

  /**
   * The AcroForm the reply page fills in (issue 19 item 3): created once, without NeedAppearances
   * (every field carries its own appearance, as PDF/A asks), with Helvetica as the form's default
   * font for the filler's own appearances (the empty ones drawn here use no font).
   */
  private formFields(): PdfRef[] {
    const d = this.doc as unknown as FormInternals;
    if (!d._acroform) {
      d.initForm();
      const form = d._root.data.AcroForm!;
      const helv = d.ref({
        Type: 'Font',
        Subtype: 'Type1',
        BaseFont: 'Helvetica',
        Encoding: 'WinAnsiEncoding',
      });
      helv.end();
      (form.data.DR as { Font: Record<string, unknown> }).Font.Helv = helv;
      form.data.DA = new String('/Helv 9 Tf 0 g');
      delete form.data.NeedAppearances;
    }
    return d._root.data.AcroForm!.data.Fields as PdfRef[];
  }

  /** A Form XObject for an appearance (never empty: pdfkit writes no stream for empty content). */
  private appearance(w: number, h: number, content: string): PdfRef {
    const d = this.doc as unknown as FormInternals;
    const ref = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: {} });
    ref.end(content);
    return ref;
  }

  /** The widget just added by `annotate` (pdfkit returns the document, not the annotation). */
  private lastWidget(): PdfRef {
    const d = this.doc as unknown as FormInternals;
    return d.page.annotations[d.page.annotations.length - 1]!;
  }

  /** A group of tick boxes where one may be ticked (a radio button field), one widget per box. */
  private radioField(name: string, tooltip: string, boxes: { x: number; y: number; key: string }[]): void {
    const d = this.doc as unknown as FormInternals;
    const size = 9;
    const on = this.appearance(
      size,
      size,
      `q 0.114 0.137 0.161 RG 1.3 w 1.8 1.8 m ${size - 1.8} ${size - 1.8} l S 1.8 ${size - 1.8} m ${size - 1.8} 1.8 l S Q`,
    );
    const off = this.appearance(size, size, 'q Q');
    const parent = d.ref({
      FT: 'Btn',
      // Radio, and no toggling back to none (ISO 32000-1 table 227).
      Ff: 0x8000 | 0x4000,
      T: new String(name),
      TU: new String(tooltip),
      Kids: [],
    });
    const struct = this.doc.struct('Form');
    this.root.add(struct);
    for (const b of boxes) {
      d.annotate(b.x, b.y, size, size, {
        Subtype: 'Widget',
        Parent: parent,
        F: 4,
        AS: 'Off',
        AP: { N: { [b.key]: on, Off: off } },
        MK: { BC: [0.114, 0.137, 0.161] },
        structParent: struct,
      });
      (parent.data.Kids as PdfRef[]).push(this.lastWidget());
    }
    struct.end();
    this.formFields().push(parent);
  }

  /** A one-line text field over a drawn line, with an empty appearance. */
  private textField(name: string, tooltip: string, x: number, y: number, w: number, h: number): void {
    const d = this.doc as unknown as FormInternals;
    const struct = this.doc.struct('Form');
    this.root.add(struct);
    d.annotate(x, y, w, h, {
      Subtype: 'Widget',
      FT: 'Tx',
      T: new String(name),
      TU: new String(tooltip),
      DA: new String('/Helv 9 Tf 0 g'),
      F: 4,
      AP: { N: this.appearance(w, h, '/Tx BMC EMC') },
      structParent: struct,
    });
    struct.end();
    this.formFields().push(this.lastWidget());
  }

  /** A row of tick boxes with their labels (tagged as a list); returns each box's position. */
  private tickRow(labels: string[], x0: number, y: number): { x: number; y: number }[] {
    const d = this.doc;
    let cx = x0;
    const out: { x: number; y: number }[] = [];
    const L = d.struct('L');
    this.root.add(L);
    for (const c of labels) {
      const w = d.widthOfString(c) + 34;
      const boxX = cx;
      this.artifact(() => {
        d.rect(boxX, y + 1, 9, 9)
          .lineWidth(0.8)
          .strokeColor(INK)
          .stroke();
      });
      L.add(
        d.struct('LI', {}, [
          d.struct('LBody', {}, () => {
            d.text(c, boxX + 14, y, { width: w - 14, lineBreak: false });
          }),
        ]),
      );
      out.push({ x: boxX, y: y + 1 });
      cx += w;
    }
    L.end();
    return out;
  }

  /**
   * The reply slip, printed and fillable: per item the answer (tick one), for a recommendation the
   * reason category, and lines for the reason and the alternative; then date and name and role.
   * Every tick box and line is also a form field (shared/letters/replyForm.ts names them).
   */
  reply(r: ReplyPage): void {
    const d = this.doc;
    d.addPage();
    this.setFont('Bold', SIZE.h1 - 2);
    d.fillColor(ACCENT);
    this.text(this.root, 'H1', r.title);
    d.y += 6;
    this.setFont('Regular', SIZE.body);
    d.fillColor(INK);
    for (const p of r.intro) {
      this.text(this.root, 'P', p);
      d.y += 4;
    }
    for (const [i, item] of r.items.entries()) {
      const n = i + 1;
      this.ensure(30 + 18 * (item.lines.length + (item.categories ? 1 : 0)) + 30);
      d.y += 10;
      this.setFont('Bold', SIZE.h3);
      this.text(this.root, 'H2', item.title);
      d.y += 4;
      this.setFont('Regular', SIZE.body - 0.5);
      const y = d.y;
      const boxes = this.tickRow(item.choices, this.x, y);
      this.radioField(
        replyField.answer(n),
        item.title,
        boxes.map((b, k) => ({ ...b, key: item.choiceKeys[k] ?? `valg${k + 1}` })),
      );
      d.y = y + 20;
      if (item.categories) {
        const cy = d.y;
        const cats = item.categories;
        this.setFont('Regular', SIZE.small + 0.5);
        d.fillColor(MUTED);
        this.text(this.root, 'P', cats.label, { lineBreak: false }, this.x, 140);
        d.fillColor(INK);
        this.setFont('Regular', SIZE.body - 0.5);
        const catBoxes = this.tickRow(cats.choices, this.x + 150, cy);
        this.radioField(
          replyField.category(n),
          `${item.title}: ${cats.label}`,
          catBoxes.map((b, k) => ({ ...b, key: cats.keys[k] ?? `valg${k + 1}` })),
        );
        d.y = cy + 20;
      }
      for (const [k, line] of item.lines.entries()) {
        const ly = d.y;
        this.setFont('Regular', SIZE.small + 0.5);
        d.fillColor(MUTED);
        this.text(this.root, 'P', line, { lineBreak: false }, this.x, 140);
        d.fillColor(INK);
        this.artifact(() => {
          d.moveTo(this.x + 150, ly + 10)
            .lineTo(this.x + WIDTH, ly + 10)
            .lineWidth(0.6)
            .strokeColor(RULE)
            .stroke();
        });
        const key = item.lineKeys[k];
        if (key)
          this.textField(
            replyField.line(key, n),
            `${item.title}: ${line}`,
            this.x + 150,
            ly - 3,
            WIDTH - 150,
            13,
          );
        d.y = ly + 20;
      }
    }
    this.ensure(60);
    d.y += 24;
    const y = d.y;
    const half = WIDTH / 2 - 10;
    r.closing.forEach((label, i) => {
      const x = this.x + i * (half + 20);
      this.artifact(() => {
        d.moveTo(x, y + 22)
          .lineTo(x + half, y + 22)
          .lineWidth(0.8)
          .strokeColor(INK)
          .stroke();
      });
      const key = r.closingKeys[i];
      if (key) this.textField(replyField.closing(key), label, x, y + 9, half, 13);
      this.setFont('Regular', SIZE.small + 0.5);
      d.fillColor(MUTED);
      this.text(this.root, 'P', label, { lineBreak: false }, x, half);
      d.y = y;
    });
    d.y = y + 30;
    d.fillColor(INK);
  }

  /** Running heads, footers, page numbers, the code and the draft mark: artifacts on every page. */
  decorate(): void {
    const d = this.doc;
    const L = this.o.layout;
    const range = d.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i++) {
      d.switchToPage(i);
      const page = d.page as unknown as { margins: { bottom: number; top: number } };
      const keep = page.margins.bottom;
      page.margins.bottom = 0;
      this.artifact(() => {
        if (this.o.draft) {
          d.save();
          d.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
          this.setFont('Bold', 110);
          d.fillColor('#b3261e').fillOpacity(0.1);
          d.text(L.labels.draft, 0, A4.height / 2 - 70, {
            width: A4.width,
            align: 'center',
            lineBreak: false,
          });
          d.restore();
        }
        if (i > range.start) {
          this.setFont('Regular', 8);
          d.fillColor(MUTED);
          d.text(L.labels.running, this.x, 30, { width: WIDTH * 0.7, lineBreak: false, ellipsis: true });
          d.text(L.marking[0] ?? '', this.x + WIDTH * 0.7, 30, {
            width: WIDTH * 0.3,
            align: 'right',
            lineBreak: false,
          });
        }
        const fy = A4.height - 54;
        d.moveTo(this.x, fy - 6)
          .lineTo(this.x + WIDTH, fy - 6)
          .lineWidth(0.6)
          .strokeColor(RULE)
          .stroke();
        this.setFont('Regular', 8);
        d.fillColor(MUTED);
        d.text(`${L.signature.service} · ${L.marking[0] ?? ''}`, this.x, fy, {
          width: WIDTH * 0.72,
          lineBreak: false,
          ellipsis: true,
        });
        d.text(L.labels.page(i - range.start + 1, total), this.x + WIDTH * 0.72, fy, {
          width: WIDTH * 0.28,
          align: 'right',
          lineBreak: false,
        });
        this.setFont(this.o.code ? 'Regular' : 'Bold', 8);
        d.fillColor(this.o.code ? MUTED : '#b3261e');
        d.text(this.o.code ? `${L.labels.code}: ${this.o.code}` : L.labels.draftNote, this.x, fy + 11, {
          width: WIDTH,
          lineBreak: false,
        });
      });
      page.margins.bottom = keep;
    }
    // Placeholders are added on the last page.
    d.switchToPage(range.start + total - 1);
  }
}

/** Renders the letter; resolves to the PDF bytes (with empty seal and signature placeholders when asked). */
export async function renderLetter(o: RenderOptions): Promise<{ pdf: Buffer; pages: number }> {
  const fonts = fontsOrFail(o.fontsDir ?? DEFAULT_FONTS_DIR);
  const r = new Renderer(o, fonts);
  const doc = r.doc;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  r.header();
  const blocks = o.layout.blocks;
  // The signature is never alone on a page: the last section («Hvem får brevet») goes with it.
  const lastH2 = blocks.map((b) => b.t).lastIndexOf('h2');
  for (let i = 0; i < blocks.length; i++) {
    if (i === lastH2 && !blocks.slice(i).some((b) => b.t === 'pagebreak')) {
      const tail = blocks.slice(i).reduce((sum, b) => sum + r.estimate(b), 0) + 110;
      if (tail < 0.7 * (A4.height - MARGIN.top - MARGIN.bottom)) r.ensure(tail);
    }
    r.block(blocks[i]!, blocks[i + 1], blocks[i + 2]);
    if (o.onProgress && i % 40 === 39) {
      o.onProgress(i + 1, blocks.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  o.onProgress?.(blocks.length, blocks.length);
  r.signature();
  const after = o.layout.after ?? [];
  for (let i = 0; i < after.length; i++) r.block(after[i]!, after[i + 1], after[i + 2]);
  if (o.layout.reply) r.reply(o.layout.reply);
  r.root.end();
  r.decorate();
  const pages = doc.bufferedPageRange().count;
  for (const a of o.attachments) {
    doc.file(Buffer.from(a.bytes), {
      name: a.name,
      type: a.mime,
      description: a.description,
      creationDate: o.time,
      modifiedDate: o.time,
      relationship: a.relationship,
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
  if (o.seal) (doc as Doc & DocExtras)._root.data[SEAL_KEY] = Buffer.alloc(SEAL_BYTES);
  if (o.pades) addSignaturePlaceholder(doc, { ...o.pades, signingTime: o.time });
  doc.end();
  return { pdf: await done, pages };
}
