import { format } from 'date-fns';
import { calendarDays } from '../../shared/calendar/days';

/** `2026-03-05` → `05.03.2026` (calendar dates as text: no time zones involved). */
export function nbDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * What the user typed → `YYYY-MM-DD` for the contract. `dd.mm.åååå` (also d.m.åååå) is turned
 * round; anything else is passed on unchanged so the contract reports it in the field.
 */
export function isoFromInput(s: string): string {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s.trim();
}

/** Today as a local calendar date. */
export function todayIso(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** A stored instant (ISO 8601) as `dd.mm.åååå kl. HH:mm` in local time. */
export function nbDateTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : format(d, "dd.MM.yyyy 'kl.' HH:mm");
}

export function daysBetween(from: string, to: string): number {
  return calendarDays(from, to);
}
