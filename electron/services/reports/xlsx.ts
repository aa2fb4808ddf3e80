import { accessFigureRows } from '../../../shared/innsyn/figures';
import ExcelJS from 'exceljs';
import type { WaitingReport } from '../../../shared/waiting/report';
import { reportColumns, UNIT_TEXT, type Cell } from '../../../shared/waiting/table';
import { DEFINITIONS, SERVICE_TEXT, periodText } from './texts';

/** Excel number formats; Excel shows them with the reader's decimal separator (a comma in Norway). */
export const numFmt = (decimals: number) => (decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);

export function value(c: Cell): ExcelJS.CellValue {
  if (c === null) return null;
  if (typeof c === 'number' || typeof c === 'string') return c;
  return c.suppressed;
}

/**
 * The waiting-time report as an Excel workbook (exceljs): the figures per group, the open
 * referrals (inside the vault only) and the definitions. Numbers are stored as numbers, so
 * Excel can chart and sum them; suppressed cells hold the text `<5` or `:`.
 */
export async function reportXlsx(report: WaitingReport, generated: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bro';
  wb.created = new Date(`${generated}T12:00:00Z`);
  wb.title = 'Ventetider';

  const ws = wb.addWorksheet('Ventetider', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const cols = reportColumns();
  ws.columns = cols.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: i === 0 ? 24 : Math.max(10, 14),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const g of report.groups) {
    const row = ws.addRow(cols.map((c) => value(c.get(g, report))));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (typeof cell.value === 'number') cell.numFmt = numFmt(c.decimals);
      else if (typeof cell.value === 'string' && (cell.value === '<5' || cell.value === ':'))
        cell.alignment = { horizontal: 'right' };
    });
  }

  if (report.openReferrals.length > 0) {
    const open = wb.addWorksheet('Åpne henvisninger');
    open.columns = [
      { header: 'Sak', key: 'case', width: 16 },
      { header: 'Henvisning', key: 'referral', width: 12 },
      { header: 'Tjeneste', key: 'service', width: 12 },
      { header: 'Mottatt', key: 'received', width: 12 },
      { header: `Ventet (${UNIT_TEXT[report.unit]})`, key: 'days', width: 16 },
      { header: 'Frist', key: 'frist', width: 12 },
      { header: 'Mål for første kontakt', key: 'target', width: 14 },
      { header: 'Over målet', key: 'past', width: 10 },
    ];
    open.getRow(1).font = { bold: true };
    for (const o of report.openReferrals)
      open.addRow({
        case: o.case,
        referral: o.referral,
        service: o.service,
        received: o.received,
        days: o.days,
        frist: o.frist,
        target: o.targetDate,
        past: o.pastTarget === null ? null : o.pastTarget ? 'ja' : 'nei',
      });
  }

  if (report.accessRequests) {
    // The lead's innsyn figure (issue 14 item 10): counts for the whole report.
    const innsyn = wb.addWorksheet('Innsynskrav');
    innsyn.columns = [
      { header: 'Innsynskrav', key: 'label', width: 36 },
      { header: 'Antall', key: 'n', width: 10 },
    ];
    innsyn.getRow(1).font = { bold: true };
    for (const [label, n] of accessFigureRows(report.accessRequests)) {
      const row = innsyn.addRow({ label, n });
      if (n === '<5') row.getCell(2).alignment = { horizontal: 'right' };
    }
  }

  const about = wb.addWorksheet('Definisjoner');
  about.columns = [{ width: 28 }, { width: 110 }];
  const info: [string, string][] = [
    ['Periode', periodText(report)],
    ['Tjeneste', report.service ? SERVICE_TEXT(report.service) : 'alle'],
    ['Enhet', UNIT_TEXT[report.unit]],
    ['Laget', generated],
    ...DEFINITIONS,
  ];
  for (const [k, v] of info) about.addRow([k, v]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(1).font = { bold: true };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
