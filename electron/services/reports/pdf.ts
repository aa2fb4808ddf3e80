import { accessFigureRows } from '../../../shared/innsyn/figures';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { nbDate } from '../../../shared/calendar/days';
import type { ReportGroup, WaitingReport } from '../../../shared/waiting/report';
import type { Stats } from '../../../shared/waiting/stats';
import { nbNumber, UNIT_TEXT } from '../../../shared/waiting/table';
import { DEFINITIONS, SERVICE_TEXT, periodText } from './texts';

/** The fonts that ship with the app (Noto Sans, OFL): æøå and the Sami letters. */
const FONTS = path.join(import.meta.dirname, '..', '..', '..', 'build', 'fonts');
const REGULAR = 'NotoSans';
const BOLD = 'NotoSans-Bold';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];
const PAGE_MARGIN = 40;
const BLUE = '#1f5c99';
const ORANGE = '#d9822b';
const GREY = '#666666';

export interface PdfSource {
  kid: string;
  rows: number;
  exported: string;
}

export interface PdfOptions {
  /** Today, for the "made on" line. */
  generated: string;
  /** The same report split by month, for the chart (the report itself may be grouped otherwise). */
  monthly: WaitingReport;
  /** For a merge: the bundles behind the figures. */
  sources?: PdfSource[];
  title?: string;
}

type Doc = PDFKit.PDFDocument;

const fmt = (v: number | null | undefined, decimals = 1): string =>
  v === null || v === undefined ? '–' : nbNumber(Math.round(v * 10 ** decimals) / 10 ** decimals);

function statCells(s: Stats): string[] {
  if (s.suppressed) return ['<5', ':', ':', ':', ':', ':'];
  return [
    fmt(s.n, 0),
    fmt(s.median),
    fmt(s.mean),
    fmt(s.p90, 0),
    fmt(s.max, 0),
    s.withinTarget === null ? '–' : `${fmt(s.withinTarget * 100)} %`,
  ];
}

function groupLabel(g: ReportGroup): string {
  const m = /^(\d{4})-(\d{2})$/.exec(g.key);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  const q = /^(\d{4})-Q(\d)$/.exec(g.key);
  if (q) return `${q[2]}. kvartal ${q[1]}`;
  return g.key === 'all' ? 'Alle' : g.key;
}

/** A simple table with a repeated header row; numbers right-aligned. */
export function table(doc: Doc, headers: string[], rows: string[][], widths: number[], firstLeft = 1): void {
  const x0 = PAGE_MARGIN;
  const bottom = doc.page.height - PAGE_MARGIN - 20;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : REGULAR).fontSize(8);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
    if (doc.y + h > bottom) {
      doc.addPage();
      if (!bold) drawRow(headers, true);
      doc.font(bold ? BOLD : REGULAR).fontSize(8);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 3, {
        width: widths[i]! - 6,
        align: i < firstLeft ? 'left' : 'right',
        lineBreak: true,
      });
      x += widths[i]!;
    });
    doc
      .moveTo(x0, y + h)
      .lineTo(x, y + h)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor(bold ? '#000000' : '#bbbbbb')
      .stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(headers, true);
  for (const r of rows) drawRow(r, false);
  doc.moveDown(1);
  doc.x = x0;
}

export function heading(doc: Doc, text: string, size = 12): void {
  if (doc.y > doc.page.height - PAGE_MARGIN - 80) doc.addPage();
  doc.x = PAGE_MARGIN;
  doc.font(BOLD).fontSize(size).fillColor('#000000').text(text);
  doc.moveDown(0.3);
}

/** Bars per month: the median completed wait and the median wait so far of those still waiting. */
function chart(doc: Doc, monthly: WaitingReport): void {
  const groups = monthly.groups;
  const unit = UNIT_TEXT[monthly.unit];
  heading(doc, `Ventetid per måned (median, ${unit})`);
  const x0 = PAGE_MARGIN + 40;
  const width = doc.page.width - 2 * PAGE_MARGIN - 50;
  const height = 150;
  const top = doc.y + 5;
  const base = top + height;
  const values = groups.flatMap((g) => [g.ventetid.completed.median ?? 0, g.ventetid.waiting.median ?? 0]);
  const max = Math.max(1, ...values);
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const tick = [1, 2, 5, 10].map((m) => m * step).find((t) => max / t <= 6) ?? step * 10;
  const scaleTop = Math.ceil(max / tick) * tick;
  doc.font(REGULAR).fontSize(7).fillColor(GREY);
  for (let v = 0; v <= scaleTop; v += tick) {
    const y = base - (v / scaleTop) * height;
    doc
      .moveTo(x0, y)
      .lineTo(x0 + width, y)
      .lineWidth(0.3)
      .strokeColor('#dddddd')
      .stroke();
    doc.text(fmt(v, 0), PAGE_MARGIN, y - 4, { width: 35, align: 'right' });
  }
  const slot = width / Math.max(1, groups.length);
  const bar = Math.min(18, (slot - 4) / 2);
  groups.forEach((g, i) => {
    const cx = x0 + slot * i + slot / 2;
    const bars: [Stats, string, number][] = [
      [g.ventetid.completed, BLUE, cx - bar],
      [g.ventetid.waiting, ORANGE, cx],
    ];
    for (const [s, colour, x] of bars) {
      if (s.suppressed || s.median === null) {
        doc
          .fillColor(GREY)
          .fontSize(6)
          .text(s.suppressed ? '<5' : '–', x - 2, base - 9, { width: bar + 4, align: 'center' });
        continue;
      }
      const h = (s.median / scaleTop) * height;
      doc
        .rect(x, base - h, bar, h)
        .fillColor(colour)
        .fill();
    }
    doc
      .fillColor('#000000')
      .fontSize(groups.length > 18 ? 5.5 : 7)
      .text(groupLabel(g), cx - slot / 2, base + 3, { width: slot, align: 'center' });
  });
  doc
    .moveTo(x0, base)
    .lineTo(x0 + width, base)
    .lineWidth(0.8)
    .strokeColor('#000000')
    .stroke();
  const ly = base + 18;
  doc.rect(x0, ly, 8, 8).fillColor(BLUE).fill();
  doc
    .fillColor('#000000')
    .fontSize(8)
    .text('Avsluttet i måneden (første kontakt)', x0 + 12, ly, { lineBreak: false });
  doc
    .rect(x0 + 190, ly, 8, 8)
    .fillColor(ORANGE)
    .fill();
  doc
    .fillColor('#000000')
    .text('Venter ved månedens slutt (ventet så langt)', x0 + 202, ly, { lineBreak: false });
  doc.x = PAGE_MARGIN;
  doc.y = ly + 20;
}

/**
 * The waiting-time report as a PDF: a chart of waits per month and every figure as a table
 * (with the open referrals when the report has them, which only an in-vault report does).
 */
/**
 * A landscape A4 report with its title and a grey line of facts; `finish` numbers the pages and
 * gives the bytes. Shared by the waiting-time and the measures report.
 */
export function reportDocument(
  title: string,
  facts: string[],
): { doc: Doc; finish: (definitions: [string, string][]) => Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE_MARGIN,
    lang: 'nb-NO',
    displayTitle: true,
    info: { Title: title, Creator: 'Bro', Producer: 'Bro' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, path.join(FONTS, 'NotoSans-Regular.ttf'));
  doc.registerFont(BOLD, path.join(FONTS, 'NotoSans-Bold.ttf'));
  doc.font(BOLD).fontSize(18).text(title);
  doc.moveDown(0.2);
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(GREY)
    .text(facts[0] ?? '');
  for (const f of facts.slice(1)) doc.text(f);
  doc.fillColor('#000000').moveDown(0.8);
  const finish = async (definitions: [string, string][]) => {
    heading(doc, 'Slik er tallene regnet ut', 10);
    doc.font(REGULAR).fontSize(7.5);
    for (const [k, v] of definitions) {
      doc.font(BOLD).text(`${k}: `, { continued: true }).font(REGULAR).text(v);
    }
    // Page numbers, now that the page count is known.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing into the bottom margin would start a new page: lift the margin while we do.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(REGULAR)
        .fontSize(7)
        .fillColor(GREY)
        .text(`Side ${i + 1} av ${range.count}`, PAGE_MARGIN, doc.page.height - PAGE_MARGIN + 10, {
          width: doc.page.width - 2 * PAGE_MARGIN,
          align: 'right',
          lineBreak: false,
        });
      doc.page.margins.bottom = margin;
    }
    doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  };
  return { doc, finish };
}

export async function reportPdf(report: WaitingReport, opts: PdfOptions): Promise<Uint8Array> {
  const { doc, finish } = reportDocument(opts.title ?? 'Ventetider', [
    [
      `Tjeneste: ${report.service ? SERVICE_TEXT(report.service) : 'alle'}`,
      `Periode: ${periodText(report)}`,
      `Enhet: ${UNIT_TEXT[report.unit]}`,
      `Laget ${nbDate(opts.generated)}`,
    ].join('   ·   '),
    ...(report.suppression
      ? [
          `Antall under ${report.suppression.below} er prikket: «<5» for antallet, «:» for tall regnet ut fra det.`,
        ]
      : []),
  ]);

  chart(doc, opts.monthly);

  const spanHeaders = ['n', 'median', 'snitt', 'p90', 'maks', 'innen mål'];
  const wide = [110, ...Array<number>(12).fill(52)];
  for (const [key, title] of [
    ['ventetid', 'Ventetid: fra mottatt til første kontakt'],
    ['saksbehandlingstid', 'Saksbehandlingstid: fra mottatt til konkludert'],
  ] as const) {
    heading(doc, title);
    table(
      doc,
      ['Gruppe', ...spanHeaders.map((h) => `Avsluttet ${h}`), ...spanHeaders.map((h) => `Venter ${h}`)],
      report.groups.map((g) => [groupLabel(g), ...statCells(g[key].completed), ...statCells(g[key].waiting)]),
      wide,
    );
  }

  heading(doc, 'Fristbrudd og saksbehandlere');
  const marked = (g: ReportGroup, p: string) =>
    g.suppressed?.some((s) => s === p || s.startsWith(`${p}.`)) ?? false;
  const cw = (g: ReportGroup, v: number | null, count: boolean, decimals = 0) =>
    v === null && marked(g, 'caseworkerChanges') ? (count ? '<5' : ':') : fmt(v, decimals);
  table(
    doc,
    [
      'Gruppe',
      'Fristbrudd',
      'Åpne henvisninger i perioden',
      'Bytter av saksbehandler',
      'Bytter per henvisning',
      `Dager uten saksbehandler (${UNIT_TEXT[report.unit]})`,
      'Per henvisning',
      'Fra første bekymring til henvisning, median',
    ],
    report.groups.map((g) => [
      groupLabel(g),
      g.fristbrudd === null && marked(g, 'fristbrudd') ? '<5' : fmt(g.fristbrudd, 0),
      cw(g, g.caseworkerChanges.referrals, true),
      cw(g, g.caseworkerChanges.changes, true),
      cw(g, g.caseworkerChanges.perReferral, false, 2),
      cw(g, g.caseworkerChanges.daysWithoutCaseworker, false),
      cw(g, g.caseworkerChanges.daysWithoutCaseworkerPerReferral, false, 2),
      g.signalToReferral.suppressed ? ':' : fmt(g.signalToReferral.median),
    ]),
    [120, 70, 90, 90, 80, 110, 80, 100],
  );

  if (report.accessRequests) {
    heading(doc, 'Innsynskrav');
    table(
      doc,
      ['Innsynskrav', 'Antall'],
      accessFigureRows(report.accessRequests).map(([label, n]) => [label, String(n)]),
      [240, 70],
    );
  }

  if (report.openReferrals.length > 0) {
    const shown = report.openReferrals.slice(0, 200);
    heading(
      doc,
      `Åpne henvisninger etter ventetid (${shown.length}${shown.length < report.openReferrals.length ? ` av ${report.openReferrals.length}` : ''})`,
    );
    table(
      doc,
      [
        'Sak',
        'Henvisning',
        'Tjeneste',
        'Mottatt',
        `Ventet (${UNIT_TEXT[report.unit]})`,
        'Frist',
        'Over målet',
      ],
      shown.map((o) => [
        o.case,
        o.referral,
        o.service,
        nbDate(o.received),
        fmt(o.days, 0),
        o.frist ? nbDate(o.frist) : '–',
        o.pastTarget === null ? '–' : o.pastTarget ? 'ja' : 'nei',
      ]),
      [150, 90, 90, 90, 100, 90, 80],
      3,
    );
  }

  if (opts.sources?.length) {
    heading(doc, 'Kilder (signerte nøkkeltallsfiler)');
    table(
      doc,
      ['Nøkkel-id (kid)', 'Rader', 'Eksportert'],
      opts.sources.map((s) => [s.kid, fmt(s.rows, 0), nbDate(s.exported)]),
      [400, 80, 100],
    );
  }

  return finish(DEFINITIONS);
}
