import { addDays, addMonths, daysInMonth } from '../../../shared/calendar/days';
import type { Service } from '../../../shared/domain/common';
import type { Unit } from '../../../shared/waiting/report';
import { nbNumber } from '../../../shared/waiting/table';
import { safeFileName } from '../../app/files';

/** What the dashboard reports on: the period (ISO dates), one service or all, and the unit. */
export interface Selection {
  from: string;
  to: string;
  service: Service | '';
  unit: Unit;
}

export const QUICK_PERIODS = ['thisYear', 'lastYear', 'last12'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/** "I år" (1 January to today), "forrige år" (the whole calendar year) and the last 12 months to today. */
export function quickPeriod(kind: QuickPeriod, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (kind === 'thisYear') return { from: `${year}-01-01`, to: today };
  if (kind === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** A real calendar date `YYYY-MM-DD` in the years the calendar covers, or null. */
export function validIso(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** A figure with at most `decimals` decimals and a decimal comma (as in the CSV); null is "–". */
export function figure(v: number | null | undefined, decimals = 1): string {
  if (v === null || v === undefined) return '–';
  const f = 10 ** decimals;
  return nbNumber(Math.round(v * f) / f);
}

/** A share 0–1 as a percentage with one decimal: 0.2222 → "22,2 %". */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${figure(v * 100, 1)} %`;
}

/** `ventetider[-PPT][-virkedager]-2026-01-01-2026-11-26.csv`: the selection, never a name. */
export function reportFileName(sel: Selection, ext: string, stem = 'ventetider'): string {
  const parts: string[] = [stem];
  if (sel.service) parts.push(sel.service);
  if (sel.unit === 'working') parts.push('virkedager');
  return safeFileName([...parts, sel.from, sel.to], ext);
}

/** Month groups for charts, or quarters when the period has more than 24 months. */
export function chartGrouping(from: string, to: string): 'month' | 'quarter' {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  return months >= 24 ? 'quarter' : 'month';
}
