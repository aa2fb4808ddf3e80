import type { CaseState } from '../../../shared/events/fold';
import { caseOutcomeRecords, type OutcomeRecord } from '../../../shared/outcomes/records';
import { outcomesReport, type OutcomeGroupBy, type OutcomesReport } from '../../../shared/outcomes/report';
import { suppressOutcomesReport } from '../../../shared/outcomes/suppress';
import { outcomesCsv } from '../../../shared/outcomes/table';
import type { Progress } from '../session';
import type { Vault } from '../vault/vault';
import { foldAllCases } from './cases';

type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';

/**
 * The lead's outcome figures (`reports.outcomes`, `bro report outcomes`; docs/OUTCOMES.md). The
 * report is always suppressed: it is made to be shown and sent.
 */

const MEDIA: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface OutcomesRequest {
  from: string;
  to: string;
  by?: OutcomeGroupBy | undefined;
  format: ReportFormat;
}

/** The closed referrals of folded cases as outcome records. */
export function outcomeRecordsOf(states: readonly CaseState[], today: string): OutcomeRecord[] {
  return states.flatMap((s) => caseOutcomeRecords(s.caseId, s.doc, today));
}

export async function renderOutcomes(report: OutcomesReport, format: ReportFormat, generated: string) {
  if (format === 'json') return null;
  let bytes: Uint8Array;
  if (format === 'csv') bytes = new TextEncoder().encode(outcomesCsv(report));
  else {
    // exceljs and pdfkit load when a report asks for them, not with every `bro`.
    const files = await import('./outcomes-files');
    bytes =
      format === 'xlsx'
        ? await files.outcomesXlsx(report, generated)
        : await files.outcomesPdf(report, generated);
  }
  return { format, mediaType: MEDIA[format], base64: Buffer.from(bytes).toString('base64') };
}

export async function vaultOutcomesReport(
  vault: Vault,
  req: OutcomesRequest,
  today: string,
  progress?: Progress,
) {
  const { states, skipped } = await foldAllCases(vault, progress);
  const report = suppressOutcomesReport(
    outcomesReport(outcomeRecordsOf(states, today), {
      from: req.from,
      to: req.to,
      asOf: today,
      by: req.by ?? null,
    }),
  );
  const file = await renderOutcomes(report, req.format, today);
  await vault.audit(`report.outcomes.${req.format}`);
  return { report, file, skipped };
}
