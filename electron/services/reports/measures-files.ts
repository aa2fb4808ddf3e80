import ExcelJS from 'exceljs';
import { nbDate } from '../../../shared/calendar/days';
import type { MeasuresReport } from '../../../shared/measures/report';
import { MEASURE_DEFINITIONS, measureColumns, measureRows } from '../../../shared/measures/table';
import { nbNumber } from '../../../shared/waiting/table';
import { heading, reportDocument, table } from './pdf';
import { periodText } from './texts';
import { numFmt, value } from './xlsx';

/**
 * The measures report as XLSX and PDF, on the waiting report's machinery (the same table of
 * cells as the CSV, the same PDF layout and definitions page). Loaded only when asked for.
 */

const BY_TEXT = { school: 'per skole', month: 'per måned' } as const;

const facts = (r: MeasuresReport, generated: string) =>
  [
    `Periode: ${periodText(r)}`,
    ...(r.by ? [`Gruppert ${BY_TEXT[r.by]}`] : []),
    `Laget ${nbDate(generated)}`,
  ].join('   ·   ');

export async function measuresXlsx(r: MeasuresReport, generated: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bro';
  wb.created = new Date(`${generated}T12:00:00Z`);
  wb.title = 'Tiltak';
  const ws = wb.addWorksheet('Tiltak', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const cols = measureColumns();
  ws.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: i === 0 ? 24 : 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const g of measureRows(r)) {
    const row = ws.addRow(cols.map((c) => value(c.get(g, r))));
    if (g === r.totals) row.font = { bold: true };
    cols.forEach((_c, i) => {
      const cell = row.getCell(i + 1);
      if (typeof cell.value === 'number') cell.numFmt = numFmt(0);
      else if (cell.value === '<5' || cell.value === ':') cell.alignment = { horizontal: 'right' };
    });
  }
  const about = wb.addWorksheet('Definisjoner');
  about.columns = [{ width: 28 }, { width: 110 }];
  for (const [k, v] of [['Periode', periodText(r)], ['Laget', generated], ...MEASURE_DEFINITIONS])
    about.addRow([k, v]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function measuresPdf(r: MeasuresReport, generated: string): Promise<Uint8Array> {
  const { doc, finish } = reportDocument('Tiltak', [
    facts(r, generated),
    ...(r.suppression
      ? [
          `Antall under ${r.suppression.below} er prikket: «<5» for antallet, «:» for tall skjult fordi et prikket tall ellers kunne regnes ut fra en sum.`,
        ]
      : []),
  ]);
  const cols = measureColumns();
  const rows = measureRows(r);
  const cell = (c: ReturnType<typeof cols.at> & object, g: (typeof rows)[number]) => {
    const v = c.get(g, r);
    if (v === null) return '–';
    if (typeof v === 'number') return nbNumber(v);
    if (typeof v === 'string') return v;
    return v.suppressed;
  };
  const name = cols[0]!;
  // The figures in three tables of a width that fits a landscape page.
  const sections: [string, string[]][] = [
    [
      'Tiltak, evalueringer og uenighet',
      ['total', 'evaluationsDue', 'evaluatedOnTime', 'reportedByBoth', 'disagreements'],
    ],
    [
      'Skolens svar på anbefalingene, og årsaker til «kan ikke»',
      cols
        .filter((c) => c.path?.startsWith('answers.') || c.path?.startsWith('cannotReasons.'))
        .map((c) => c.path!),
    ],
    ['Barrierer etter nivå', cols.filter((c) => c.path?.startsWith('barriers.')).map((c) => c.path!)],
  ];
  for (const [title, paths] of sections) {
    heading(doc, title);
    const picked = paths.map((p) => cols.find((c) => c.path === p)!);
    table(
      doc,
      [name.header, ...picked.map((c) => c.header.replace(/^Barrierer: /, ''))],
      rows.map((g) => [cell(name, g), ...picked.map((c) => cell(c, g))]),
      [130, ...picked.map(() => Math.min(90, 620 / picked.length))],
    );
  }
  return finish(MEASURE_DEFINITIONS);
}
