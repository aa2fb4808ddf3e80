import { BroError } from '../../../shared/errors';
import type { Service } from '../../../shared/domain/common';
import { factsReport, factsRows, referralFacts, type FactsRow } from '../../../shared/waiting/facts';
import {
  relevantRecords,
  rowsToRecords,
  METRICS_FORMAT,
  type MetricsPayload2,
} from '../../../shared/waiting/metrics';
import { accessRequestFigures } from '../../../shared/innsyn/figures';
import { caseRecords } from '../../../shared/waiting/records';
import { waitingReport, type GroupBy, type Unit, type WaitingReport } from '../../../shared/waiting/report';
import type { WaitingSettings } from '../../../shared/waiting/settings';
import { SUPPRESS_BELOW, suppressReport } from '../../../shared/waiting/suppress';
import { reportCsv } from '../../../shared/waiting/table';
import { caseObligations } from '../../../shared/cases/obligations';
import { sameName } from '../../../shared/registers/schema';
import { compareTasks, tasksOf, type Task } from '../../../shared/waiting/tasks';
import { caseworkerDirectory, ownerResolver } from '../registers/registers';
import type { Progress } from '../session';
import type { Vault } from '../vault/vault';
import { foldAllCases } from './cases';
import { factsMeasuresReport, measuresFacts } from '../../../shared/measures/metrics';
import { suppressMeasuresReport } from '../../../shared/measures/suppress';
import { measureRecordsOf } from './measures';
import { factsOutcomesReport, outcomesFacts } from '../../../shared/outcomes/metrics';
import { suppressOutcomesReport } from '../../../shared/outcomes/suppress';
import { outcomeRecordsOf } from './outcomes';
import { publicJwks, schoolPseudonyms, signMetrics, trustedKeys, verifyBundle } from './metrics';
import type { PdfSource } from './pdf';

export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';

export interface ReportFile {
  format: ReportFormat;
  mediaType: string;
  /** The file's bytes, base64: the adapter that asked for it decides where it goes. */
  base64: string;
}

const MEDIA: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ReportRequest {
  from: string;
  to: string;
  service?: Service | undefined;
  by?: GroupBy | undefined;
  unit: Unit;
  format: ReportFormat;
  /** Suppress counts under 5 and leave out the open referrals (for a report that leaves the service). */
  suppress?: boolean | undefined;
}

/** Renders a report as CSV, XLSX or PDF (JSON is the report itself: no file is made for it). */
async function render(
  report: WaitingReport,
  /** The same report by month (the PDF's chart), made only when a PDF asks for it. */
  byMonth: () => WaitingReport,
  req: ReportRequest,
  dates: { generated: string },
  extra: { sources?: PdfSource[]; title?: string; suppress?: boolean } = {},
): Promise<ReportFile> {
  const today = dates.generated;
  let bytes: Uint8Array;
  if (req.format === 'csv') bytes = new TextEncoder().encode(reportCsv(report));
  else if (req.format === 'xlsx') bytes = await (await import('./xlsx')).reportXlsx(report, today);
  else {
    let monthly = report.by === 'month' ? report : byMonth();
    if (extra.suppress) monthly = suppressReport(monthly);
    // pdfkit and exceljs load when a report asks for them, not with every `bro`.
    const { reportPdf } = await import('./pdf');
    bytes = await reportPdf(report, {
      generated: today,
      monthly,
      ...(extra.sources ? { sources: extra.sources } : {}),
      ...(extra.title ? { title: extra.title } : {}),
    });
  }
  return { format: req.format, mediaType: MEDIA[req.format], base64: Buffer.from(bytes).toString('base64') };
}

async function vaultRecords(vault: Vault, today: string, progress?: Progress) {
  const { states, skipped } = await foldAllCases(vault, progress);
  return {
    records: states.flatMap((s) => caseRecords(s.caseId, s.doc, today)),
    docs: states.map((s) => s.doc),
    skipped,
    states,
  };
}

/** The waiting-time report over the vault (`reports.waiting`). */
export async function vaultWaitingReport(
  vault: Vault,
  req: ReportRequest,
  settings: WaitingSettings,
  today: string,
  progress?: Progress,
) {
  const { records, docs, skipped } = await vaultRecords(vault, today, progress);
  let report = waitingReport(records, { ...req, asOf: today, service: req.service ?? null }, settings);
  if (req.to >= req.from && req.from <= today)
    report.accessRequests = accessRequestFigures(
      docs,
      { from: req.from, to: req.to, asOf: today, service: req.service ?? null },
      settings.tasks.accessRequestMonths,
    );
  if (req.suppress) report = suppressReport(report);
  const file =
    req.format === 'json'
      ? null
      : await render(
          report,
          () =>
            waitingReport(
              records,
              { ...req, asOf: today, by: 'month', service: req.service ?? null },
              settings,
            ),
          req,
          { generated: today },
          { suppress: req.suppress ?? false },
        );
  await vault.audit(`report.waiting.${req.format}`);
  return { report, file, skipped };
}

/**
 * Tasks across the vault as of a date (`tasks.list`): each case's obligations within the horizon,
 * owned by its caseworker then. `owner` keeps one caseworker's (by the name shown), `mine` the
 * asking member's.
 */
export async function vaultTasks(
  vault: Vault,
  asOf: string,
  settings: WaitingSettings,
  filter: { owner?: string | undefined; mine?: boolean | undefined } = {},
  progress?: Progress,
) {
  const { states, skipped } = await foldAllCases(vault, progress);
  const resolve = ownerResolver(await caseworkerDirectory(vault));
  const tasks: (Task & { owner: string | null; ownerId: string | null; mine: boolean })[] = [];
  for (const s of states) {
    const derived = caseObligations(s, asOf, settings);
    const owner = resolve(derived.owner);
    if (filter.mine && !owner?.mine) continue;
    if (filter.owner !== undefined && !sameName(owner?.name, filter.owner)) continue;
    for (const t of tasksOf(s, derived.obligations, asOf, settings))
      tasks.push({
        ...t,
        owner: owner?.name ?? null,
        ownerId: owner?.id ?? null,
        mine: owner?.mine ?? false,
      });
  }
  tasks.sort(compareTasks);
  await vault.audit('tasks.list');
  return { asOf, tasks, skipped };
}

/** A signed, de-identified metrics bundle for the period (`metrics.export`). */
export async function vaultMetricsExport(
  vault: Vault,
  req: { from: string; to: string },
  settings: WaitingSettings,
  today: string,
) {
  if (req.to < req.from)
    throw new BroError('VALIDATION', 'Invalid period', { issues: [{ path: ['to'], code: 'PERIOD_ORDER' }] });
  if (req.from > today)
    throw new BroError('VALIDATION', 'Invalid period', {
      issues: [{ path: ['from'], code: 'PERIOD_AFTER_TODAY' }],
    });
  const { records, skipped, states } = await vaultRecords(vault, today);
  const key = await vault.vaultSigningKey();
  const at = req.to < today ? req.to : today;
  const period = { from: req.from, at };
  const pseudonym = schoolPseudonyms(key);
  const rows = factsRows(relevantRecords(records, period), period, settings, pseudonym);
  const m = measureRecordsOf(states, today);
  const measures = measuresFacts(m.measures, m.barriers, period, pseudonym);
  const outcomes = outcomesFacts(outcomeRecordsOf(states, today), period, pseudonym);
  const payload: MetricsPayload2 = {
    format: METRICS_FORMAT,
    kid: key.kid,
    period: { from: req.from, to: req.to, measuredTo: at },
    exported: today,
    calendar: { saturday: settings.calendar.saturday },
    targets: Object.fromEntries(
      Object.entries(settings.targets).map(([s, t]) => [
        s,
        { decided: t.decided, firstContact: t.firstContact, concluded: t.concluded },
      ]),
    ) as MetricsPayload2['targets'],
    suppression: { below: SUPPRESS_BELOW },
    rows,
    measures,
    outcomes,
  };
  const jws = await signMetrics(payload, key);
  await vault.audit('metrics.export');
  return { jws, kid: key.kid, rows: rows.length, skipped };
}

export async function vaultMetricsKey(vault: Vault) {
  const key = await vault.vaultSigningKey();
  return { kid: key.kid, jwks: publicJwks(key) };
}

/**
 * Verifies every bundle and reports across them (`metrics.merge`). All bundles must cover the
 * same period; the figures are suppressed like everything that leaves a vault.
 */
export async function mergeMetrics(
  req: {
    bundles: string[];
    trust: unknown;
    by?: GroupBy | undefined;
    unit: Unit;
    service?: Service | undefined;
    format: 'json' | 'pdf';
  },
  settings: WaitingSettings,
  today: string,
) {
  const trusted = await trustedKeys(req.trust);
  const verified = [];
  for (const [i, text] of req.bundles.entries()) verified.push(await verifyBundle(text, trusted, i));
  const first = verified[0]!.payload.period;
  verified.forEach(({ payload }, i) => {
    if (payload.period.from !== first.from || payload.period.to !== first.to)
      throw new BroError('VALIDATION', 'The bundles cover different periods', {
        issues: [{ path: ['bundles', i], code: 'PERIOD_MISMATCH' }],
      });
  });
  const measuredTo = verified.map((v) => v.payload.period.measuredTo).sort()[0]!;
  // A `/2` bundle is measured to its own end: bundles measured to different days cannot be
  // put together (a `/1` bundle's dates are measured again, to the earliest end, as before).
  verified.forEach(({ payload }, i) => {
    if (payload.format === METRICS_FORMAT && payload.period.measuredTo !== measuredTo)
      throw new BroError('VALIDATION', 'The bundles are measured to different days', {
        issues: [{ path: ['bundles', i], code: 'MEASURED_TO_MISMATCH' }],
      });
  });
  const period = { from: first.from, at: measuredTo };
  const rows: FactsRow[] = verified.flatMap(({ payload }) =>
    payload.format === METRICS_FORMAT
      ? payload.rows
      : // `/1` rows: their dates, measured here as the export of `/2` measures them (the
        // merge's targets and calendar, which is what a `/1` merge always used).
        rowsToRecords(payload.rows).map((r) => referralFacts(r, period, settings) as FactsRow),
  );
  const request = {
    from: first.from,
    to: first.to,
    unit: req.unit,
    by: req.by,
    service: req.service,
    format: req.format,
  };
  const reportBy = (by: GroupBy | null | undefined) =>
    factsReport(rows, { ...request, by, at: measuredTo, service: req.service ?? null });
  const report = suppressReport(reportBy(req.by));
  const sources = verified.map((v) => ({
    kid: v.kid,
    rows: v.payload.rows.length,
    format: v.payload.format,
    exported: v.payload.exported,
  }));
  const file =
    req.format === 'pdf'
      ? await render(
          report,
          () => suppressReport(reportBy('month')),
          request,
          { generated: today },
          {
            sources,
            title: 'Ventetider – samlet fra flere arkiver',
            suppress: true,
          },
        )
      : null;
  // The measures report across the bundles that carry its part (suppressed like the rest).
  const parts = verified.flatMap(({ payload }) =>
    payload.format === METRICS_FORMAT && payload.measures ? [payload.measures] : [],
  );
  const measures = parts.length
    ? suppressMeasuresReport(
        factsMeasuresReport(parts, {
          from: first.from,
          to: first.to,
          measuredTo,
          by: req.by === 'school' || req.by === 'month' ? req.by : null,
        }),
      )
    : null;
  // The outcomes report across the bundles that carry its part (older bundles do not).
  const outcomeParts = verified.flatMap(({ payload }) =>
    payload.format === METRICS_FORMAT && payload.outcomes ? [payload.outcomes] : [],
  );
  const outcomes = outcomeParts.length
    ? suppressOutcomesReport(
        factsOutcomesReport(outcomeParts, {
          from: first.from,
          to: first.to,
          measuredTo,
          by: req.by === 'school' ? 'school' : null,
        }),
      )
    : null;
  return { report, sources, file, measures, outcomes };
}
