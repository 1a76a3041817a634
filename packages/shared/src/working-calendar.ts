/**
 * Working time of an office (issue 5: SLAs in working days, "not accepted within 12 working hours"), on the office's
 * own calendar: Monday to Friday, minus the public holidays the admin enters, plus the weekend days the State Council
 * makes working days around them (调休). Days are the office's dates (YYYY-MM-DD, China keeps UTC+8 all year);
 * working hours are one span a day, 09:00–17:00 unless the office says otherwise.
 */

export interface WorkingCalendar {
  /** Office dates that are days off although they fall on a weekday (春节, 国庆 …). */
  holidays: ReadonlySet<string>;
  /** Office dates that are working days although they fall on a weekend (调休上班). */
  workdays: ReadonlySet<string>;
  /** Minutes after local midnight when the working day starts and ends. */
  dayStartMinute: number;
  dayEndMinute: number;
  /** The office's offset from UTC in minutes (China: +480). */
  utcOffsetMinutes: number;
}

export const DEFAULT_DAY_START = 9 * 60;
export const DEFAULT_DAY_END = 17 * 60;
export const CHINA_OFFSET_MINUTES = 8 * 60;

export interface CalendarEntry {
  date: string;
  /** 'holiday': a weekday off; 'workday': a weekend day worked. */
  kind: 'holiday' | 'workday';
}

export function workingCalendar(
  entries: readonly CalendarEntry[] = [],
  options: Partial<Pick<WorkingCalendar, 'dayStartMinute' | 'dayEndMinute' | 'utcOffsetMinutes'>> = {},
): WorkingCalendar {
  const cal: WorkingCalendar = {
    holidays: new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date)),
    workdays: new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date)),
    dayStartMinute: options.dayStartMinute ?? DEFAULT_DAY_START,
    dayEndMinute: options.dayEndMinute ?? DEFAULT_DAY_END,
    utcOffsetMinutes: options.utcOffsetMinutes ?? CHINA_OFFSET_MINUTES,
  };
  if (!(cal.dayStartMinute >= 0 && cal.dayStartMinute < cal.dayEndMinute && cal.dayEndMinute <= 24 * 60)) {
    throw new Error('the working day must start before it ends, within one day');
  }
  return cal;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayNumber = (date: string): number => {
  if (!DATE.test(date)) throw new Error(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
};
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The office's date and minute of the day of an instant. */
export function officeTime(at: Date, cal: WorkingCalendar): { date: string; minute: number } {
  const local = at.getTime() + cal.utcOffsetMinutes * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: dateOf(day), minute: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

/** The instant of an office date and minute. */
export function instantOf(date: string, minute: number, cal: WorkingCalendar): Date {
  return new Date((dayNumber(date) * 1440 + minute - cal.utcOffsetMinutes) * MINUTE_MS);
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day after `date` (never `date` itself). Calendars always have working days: ten years at most. */
export function nextWorkingDay(date: string, cal: WorkingCalendar): string {
  let day = dayNumber(date);
  for (let i = 0; i < 3660; i++) {
    day++;
    const d = dateOf(day);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new Error('no working day within ten years');
}

/**
 * The due date of something received at `at` with `days` working days to answer: counted from the next working day
 * (what comes in on a Friday afternoon or on a holiday is not a day older by Monday), so 1 working day from a Monday
 * is Tuesday, and the deadline is the end of that day's working hours. 0 days: the end of the day it came in, or of
 * the next working day when it came in on a day off.
 */
export function dueAfterWorkingDays(at: Date, days: number, cal: WorkingCalendar): { date: string; due: Date } {
  if (!Number.isInteger(days) || days < 0) throw new Error('working days must be a whole number, not negative');
  const { date } = officeTime(at, cal);
  let d = isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
  if (days > 0 && d === date) d = nextWorkingDay(d, cal);
  for (let i = 1; i < days; i++) d = nextWorkingDay(d, cal);
  return { date: d, due: instantOf(d, cal.dayEndMinute, cal) };
}

/**
 * The instant `hours` working hours after `at`: only time inside the working hours of working days counts, so
 * something received on Friday at 16:00 with 12 working hours ends on Tuesday at 12:00 (1 h Friday, 8 h Monday, 3 h
 * Tuesday), and something received at night starts counting at the next opening.
 */
export function addWorkingHours(at: Date, hours: number, cal: WorkingCalendar): Date {
  if (!(hours >= 0)) throw new Error('working hours must not be negative');
  const { minute, date: startDate } = officeTime(at, cal);
  let date = startDate;
  let cursor = at.getTime();
  if (!isWorkingDay(date, cal) || minute >= cal.dayEndMinute) {
    date = nextWorkingDay(date, cal);
    cursor = instantOf(date, cal.dayStartMinute, cal).getTime();
  } else if (minute < cal.dayStartMinute) {
    cursor = instantOf(date, cal.dayStartMinute, cal).getTime();
  }
  let left = Math.round(hours * 3_600_000);
  for (;;) {
    const today = instantOf(date, cal.dayEndMinute, cal).getTime() - cursor;
    if (left <= today) return new Date(cursor + left);
    left -= today;
    date = nextWorkingDay(date, cal);
    cursor = instantOf(date, cal.dayStartMinute, cal).getTime();
  }
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = officeTime(from, cal);
  const b = officeTime(to, cal);
  const clip = (m: number) => Math.min(Math.max(m, cal.dayStartMinute), cal.dayEndMinute);
  if (a.date === b.date) return isWorkingDay(a.date, cal) ? clip(b.minute) - clip(a.minute) : 0;
  let total = isWorkingDay(a.date, cal) ? cal.dayEndMinute - clip(a.minute) : 0;
  for (let d = dayNumber(a.date) + 1; d < dayNumber(b.date); d++) {
    if (isWorkingDay(dateOf(d), cal)) total += cal.dayEndMinute - cal.dayStartMinute;
  }
  if (isWorkingDay(b.date, cal)) total += clip(b.minute) - cal.dayStartMinute;
  return total;
}
