/** Days since 1970-01-01 for a calendar date `YYYY-MM-DD` (UTC arithmetic: no time zone games). */
export function epochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Calendar days from `from` to `to` (`to − from`): received Monday, first contact next Monday = 7. */
export function calendarDays(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
