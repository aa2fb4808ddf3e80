import type { OpOutput } from '../../../shared/contract';
import { daysBetween } from '../../app/format';

export type Summary = OpOutput<'cases.list'>['cases'][number];
export type Deadline = NonNullable<Summary['nextDeadline']>;

/** One line of the case list with what sorting and searching need, computed once per list. */
export interface Row {
  s: Summary;
  /** Calendar days from received to first contact, or to today while still waiting. */
  waited: number | null;
  stillWaiting: boolean;
  /** The earliest open obligation (the same derivation as Oppgaver and `bro tasks`). */
  next: Deadline | null;
  /** The case has overdue tasks. */
  overdue: boolean;
  /** Lower-case text the search looks in. */
  haystack: string;
}

export function toRows(cases: readonly Summary[], today: string): Row[] {
  return cases.map((s) => {
    const r = s.openReferral;
    const stillWaiting = r != null && !r.firstContact;
    const days = r ? daysBetween(r.received, r.firstContact ?? today) : null;
    // A received date after today (old data; a finding on the case) has no wait to show.
    const waited = days != null && days < 0 ? null : days;
    return {
      s,
      waited,
      stillWaiting,
      next: s.nextDeadline,
      overdue: s.overdue > 0,
      haystack:
        `${s.pupil ?? ''}\u0000${s.school}\u0000${s.caseworker ?? ''}\u0000${s.externalId}`.toLocaleLowerCase(
          'nb',
        ),
    };
  });
}

export type SortKey = 'pupil' | 'school' | 'service' | 'waited' | 'deadline' | 'caseworker';
export type SortDir = 'ascending' | 'descending';

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Sorted copy; empty values always last, whatever the direction. */
export function sortRows(rows: readonly Row[], key: SortKey, dir: SortDir): Row[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: Row): string | number | null => {
    switch (key) {
      case 'waited':
        return r.waited;
      case 'deadline':
        return r.next?.due ?? null;
      case 'pupil':
        return r.s.pupil;
      case 'school':
        return r.s.school;
      case 'service':
        return r.s.service;
      case 'caseworker':
        return r.s.caseworker;
    }
  };
  const keyed = rows.map((r) => ({ r, v: value(r) }));
  keyed.sort((a, b) => {
    if (a.v == null || a.v === '') return b.v == null || b.v === '' ? 0 : 1;
    if (b.v == null || b.v === '') return -1;
    const c =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v - b.v
        : collator.compare(String(a.v), String(b.v));
    return c * sign;
  });
  return keyed.map((k) => k.r);
}

export interface Filters {
  query: string;
  service: string;
  status: string;
  overdue: boolean;
  /** Only the cases whose current caseworker is the member using the app. */
  mine: boolean;
}

export function filterRows(rows: readonly Row[], f: Filters): Row[] {
  const words = f.query.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  return rows.filter(
    (r) =>
      (!f.service || r.s.service === f.service) &&
      // A voided case shows only under its own status filter.
      (f.status === 'voided' ? r.s.voided : !r.s.voided && (!f.status || r.s.status === f.status)) &&
      (!f.overdue || r.overdue) &&
      (!f.mine || r.s.mine) &&
      words.every((w) => r.haystack.includes(w)),
  );
}
