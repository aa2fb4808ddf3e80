import { easterSunday } from '../calendar/holidays';
import { dayNumber, isoDay, weekdayOf } from '../calendar/days';
import { schoolYearOf, type SchoolHoliday } from '../absence/holidays';

/** The Monday of ISO week `week` in `year` (week 1 holds 4 January). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - (weekdayOf(jan4) - 1) + 7 * (week - 1);
}

/**
 * The demo service's school calendar (issue 15, item 1): a typical Norwegian school year's
 * holidays for the school years from three before `today`'s to the next one. The summer holiday's
 * August days before school starts (1–16 August), høstferie in week 40, juleferie 22 December–1
 * January, vinterferie in week 9, påskeferie from the Monday before Easter to 2. påskedag, and the
 * summer holiday from 20 June. Synthetic: a municipality's own calendar differs by a few days.
 */
export function demoSchoolHolidays(today: string): SchoolHoliday[] {
  const current = Number(schoolYearOf(today).slice(0, 4));
  const out: SchoolHoliday[] = [];
  for (let y = current - 3; y <= current + 1; y++) {
    const schoolYear = `${y}-${y + 1}`;
    const autumn = isoWeekMonday(y, 40);
    const winter = isoWeekMonday(y + 1, 9);
    const e = easterSunday(y + 1);
    const easter = dayNumber(y + 1, e.month, e.day);
    out.push(
      { schoolYear, label: 'Sommerferie (før skolestart)', from: `${y}-08-01`, to: `${y}-08-16` },
      { schoolYear, label: 'Høstferie', from: isoDay(autumn), to: isoDay(autumn + 4) },
      { schoolYear, label: 'Juleferie', from: `${y}-12-22`, to: `${y + 1}-01-01` },
      { schoolYear, label: 'Vinterferie', from: isoDay(winter), to: isoDay(winter + 4) },
      { schoolYear, label: 'Påskeferie', from: isoDay(easter - 6), to: isoDay(easter + 1) },
      { schoolYear, label: 'Sommerferie', from: `${y + 1}-06-20`, to: `${y + 1}-07-31` },
    );
  }
  return out;
}
