import ExcelJS from 'exceljs';
import { nbDate } from '../../../shared/calendar/days';
import type { OutcomesReport } from '../../../shared/outcomes/report';
import { OUTCOME_DEFINITIONS, outcomeColumns, outcomeRows } from '../../../shared/outcomes/table';
import { nbNumber } from '../../../shared/waiting/table';
import { heading, reportDocument, table } from './pdf';
import { periodText } from './texts';
import { numFmt, value } from './xlsx';

/**
 * The outcomes report as XLSX and PDF, on the measures report's machinery (the same table of
 * cells as the CSV, the same PDF layout and definitions page). Loaded only when asked for.
 */

const BY_TEXT = { school: 'per skole', service: 'per tjeneste' } as const;

const facts = (r: OutcomesReport, generated: string) =>
  [
    `Periode: ${periodText(r)}`,
    ...(r.by ? [`Gruppert ${BY_TEXT[r.by]}`] : []),
    `Laget ${nbDate(generated)}`,
  ].join('   ·   ');

export async function outcomesXlsx(r: OutcomesReport, generated: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bro';
  wb.created = new Date(`${generated}T12:00:00Z`);
  wb.title = 'Utfall';
  const ws = wb.addWorksheet('Utfall', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const cols = outcomeColumns();
  ws.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: i === 0 ? 24 : 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const g of outcomeRows(r)) {
    const row = ws.addRow(cols.map((c) => value(c.get(g, r))));
    if (g === r.totals) row.font = { bold: true };
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (typeof cell.value === 'number')
        cell.numFmt = numFmt(
          c.path?.endsWith('.n') || !c.path?.includes('.') || c.path.startsWith('outcomes.') ? 0 : 1,
        );
      else if (cell.value === '<5' || cell.value === ':') cell.alignment = { horizontal: 'right' };
    });
  }
  const about = wb.addWorksheet('Definisjoner');
  about.columns = [{ width: 28 }, { width: 110 }];
  for (const [k, v] of [['Periode', periodText(r)], ['Laget', generated], ...OUTCOME_DEFINITIONS])
    about.addRow([k, v]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function outcomesPdf(r: OutcomesReport, generated: string): Promise<Uint8Array> {
  const { doc, finish } = reportDocument('Utfall', [
    facts(r, generated),
    ...(r.suppression
      ? [
          `Antall under ${r.suppression.below} er prikket: «<5» for antallet, «:» for tall skjult fordi et prikket tall ellers kunne regnes ut fra en sum, og for median og snitt over et skjult antall.`,
        ]
      : []),
  ]);
  const cols = outcomeColumns();
  const rows = outcomeRows(r);
  const cell = (c: (typeof cols)[number], g: (typeof rows)[number]) => {
    const v = c.get(g, r);
    if (v === null) return '–';
    if (typeof v === 'number') return nbNumber(v);
    if (typeof v === 'string') return v;
    return v.suppressed;
  };
  const name = cols[0]!;
  const pick = (prefix: string) =>
    cols.filter((c) => c.path !== null && (c.path === prefix || c.path.startsWith(prefix)));
  const sections: [string, typeof cols][] = [
    ['Avsluttede henvisninger etter utfall', [...pick('closed'), ...pick('outcomes.')]],
    ['Fravær ved henvisning, første kontakt og avslutning (prosent)', pick('absence.')],
    ['Fra første tegn til henvisning (kalenderdager)', pick('lag.')],
  ];
  for (const [title, picked] of sections) {
    heading(doc, title);
    table(
      doc,
      [
        name.header,
        ...picked.map((c) => c.header.replace(/^(Tilbake på skolen|Fravær|Signal til henvisning): /, '')),
      ],
      rows.map((g) => [cell(name, g), ...picked.map((c) => cell(c, g))]),
      [130, ...picked.map(() => Math.min(90, 620 / picked.length))],
    );
  }
  return finish(OUTCOME_DEFINITIONS);
}
