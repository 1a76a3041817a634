/** The office calendar's marks: a weekday off (节假日) or a weekend day worked (调休上班). */
export type HolidayKind = 'holiday' | 'workday';

export interface HolidayMark {
  date: string;
  kind: HolidayKind;
  name: string | null;
}

/** Saturday or Sunday, read from the date itself (no time zone can move it). */
export const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The one mark a date can take: a weekday can only become a holiday, a weekend day only a working day. */
export const markKindFor = (date: string): HolidayKind => (isWeekend(date) ? 'workday' : 'holiday');

/** Whether the date is worked once the marks are applied (what the deadlines count). */
export function isWorkingDay(date: string, marks: ReadonlyMap<string, HolidayMark>): boolean {
  const mark = marks.get(date);
  if (mark) return mark.kind === 'workday';
  return !isWeekend(date);
}

/** How many weekday holidays and weekend working days a list of marks holds. */
export function countMarks(marks: readonly HolidayMark[]): { holidays: number; workdays: number } {
  return {
    holidays: marks.filter((m) => m.kind === 'holiday').length,
    workdays: marks.filter((m) => m.kind === 'workday').length,
  };
}
