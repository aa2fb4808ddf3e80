import { caseMeasureRecords, type BarrierRecord, type MeasureRecord } from '../../../shared/measures/records';
import { measuresReport, type MeasureGroupBy, type MeasuresReport } from '../../../shared/measures/report';
import { suppressMeasuresReport } from '../../../shared/measures/suppress';
import { measuresCsv } from '../../../shared/measures/table';
import type { CaseState } from '../../../shared/events/fold';
import type { Progress } from '../session';
import type { Vault } from '../vault/vault';
import { foldAllCases } from './cases';

type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';
interface ReportFile {
  format: ReportFormat;
  mediaType: string;
  base64: string;
}

/**
 * The lead's figures for measures (`reports.measures`, `bro report measures`;
 * docs/MEASURES-REPORT.md). The report is always suppressed: it is made to be shown and sent.
 */

const MEDIA: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface MeasuresRequest {
  from: string;
  to: string;
  by?: MeasureGroupBy | undefined;
  format: ReportFormat;
}

/** Every measure and barrier in the vault as records (voided and damaged cases left out). */
export async function vaultMeasureRecords(vault: Vault, today: string, progress?: Progress) {
  const { states, skipped } = await foldAllCases(vault, progress);
  return { ...measureRecordsOf(states, today), skipped };
}

/** The measures and barriers of folded cases as records. */
export function measureRecordsOf(states: readonly CaseState[], today: string) {
  const measures: MeasureRecord[] = [];
  const barriers: BarrierRecord[] = [];
  for (const s of states) {
    const r = caseMeasureRecords(s.doc, today);
    measures.push(...r.measures);
    barriers.push(...r.barriers);
  }
  return { measures, barriers };
}

export async function renderMeasures(
  report: MeasuresReport,
  format: ReportFormat,
  generated: string,
): Promise<ReportFile | null> {
  if (format === 'json') return null;
  let bytes: Uint8Array;
  if (format === 'csv') bytes = new TextEncoder().encode(measuresCsv(report));
  else {
    // exceljs and pdfkit load when a report asks for them, not with every `bro`.
    const files = await import('./measures-files');
    bytes =
      format === 'xlsx'
        ? await files.measuresXlsx(report, generated)
        : await files.measuresPdf(report, generated);
  }
  return { format, mediaType: MEDIA[format], base64: Buffer.from(bytes).toString('base64') };
}

export async function vaultMeasuresReport(
  vault: Vault,
  req: MeasuresRequest,
  today: string,
  progress?: Progress,
) {
  const { measures, barriers, skipped } = await vaultMeasureRecords(vault, today, progress);
  const report = suppressMeasuresReport(
    measuresReport(measures, barriers, { from: req.from, to: req.to, asOf: today, by: req.by ?? null }),
  );
  const file = await renderMeasures(report, req.format, today);
  await vault.audit(`report.measures.${req.format}`);
  return { report, file, skipped };
}
