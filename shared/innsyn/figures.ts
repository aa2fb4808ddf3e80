import { addMonths } from '../calendar/days';
import type { AccessRequest } from '../domain/accessRequest';
import type { Service } from '../domain/common';

/**
 * The lead's figure for innsyn (issue 14 item 10): requests received in a period, how many of them
 * were answered within one month of receipt, and how many requests are still open at the period's
 * end (and of those, how many are past their deadline: one month, or the extended date). Counts
 * only: no case, no pupil, no date of any one request.
 */
export interface AccessRequestFigures {
  /** Received in the period (both ends inclusive). */
  received: number | null;
  /** Of those, answered by the period's end (or today). */
  answered: number | null;
  /** Of those, answered within one month of receipt (the main rule, extension or not). */
  answeredWithinMonth: number | null;
  /** Received on or before the period's end and not answered by then, whenever received. */
  open: number | null;
  /** Of the open ones, past their deadline at the period's end. */
  openOverdue: number | null;
}

export const ACCESS_FIGURE_KEYS = [
  'received',
  'answered',
  'answeredWithinMonth',
  'open',
  'openOverdue',
] as const;

/**
 * The figure over cases (each case's service and requests) for `from`–`to`, measured to `asOf`
 * when the period reaches past it (what has not happened yet is not known). Pure.
 */
export function accessRequestFigures(
  cases: Iterable<{
    service: Service | string;
    accessRequests?: readonly AccessRequest[] | null | undefined;
  }>,
  opts: { from: string; to: string; asOf: string; service?: Service | null | undefined },
  months = 1,
): AccessRequestFigures {
  const end = opts.to < opts.asOf ? opts.to : opts.asOf;
  const out = { received: 0, answered: 0, answeredWithinMonth: 0, open: 0, openOverdue: 0 };
  for (const c of cases) {
    if (opts.service && c.service !== opts.service) continue;
    for (const r of c.accessRequests ?? []) {
      if (r.received > end) continue;
      const answered = r.answered != null && r.answered <= end ? r.answered : null;
      if (r.received >= opts.from) {
        out.received++;
        if (answered) {
          out.answered++;
          if (answered <= addMonths(r.received, months)) out.answeredWithinMonth++;
        }
      }
      if (!answered) {
        out.open++;
        if ((r.extendedTo ?? addMonths(r.received, months)) < end) out.openOverdue++;
      }
    }
  }
  return out;
}

/** Norwegian labels of the figure for the report's files (CSV, XLSX, PDF), in ACCESS_FIGURE_KEYS order. */
export const ACCESS_FIGURE_LABELS: Record<(typeof ACCESS_FIGURE_KEYS)[number], string> = {
  received: 'Innsynskrav mottatt i perioden',
  answered: 'Av disse besvart',
  answeredWithinMonth: 'Av disse besvart innen én måned',
  open: 'Åpne ved periodens slutt',
  openOverdue: 'Av de åpne over fristen',
};

/**
 * The figure as label–value rows for the report's files: a suppressed count (null) is «<5», as in
 * the rest of the report. One place, so the CSV, the spreadsheet and the PDF say the same.
 */
export function accessFigureRows(a: AccessRequestFigures): [string, number | '<5'][] {
  return ACCESS_FIGURE_KEYS.map((k) => [ACCESS_FIGURE_LABELS[k], a[k] === null ? '<5' : a[k]]);
}
