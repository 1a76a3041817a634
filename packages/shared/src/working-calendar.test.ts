import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingHours,
  dueAfterWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingCalendar,
  workingMinutesBetween,
} from './working-calendar.js';

/** An office calendar with a National Day week: 1–7 October off, Saturday 10 October worked (调休). */
const cal = workingCalendar([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
    date,
    kind: 'holiday' as const,
  })),
  { date: '2026-10-10', kind: 'workday' },
]);
/** An instant given as the office's local time. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('working calendar', () => {
  it('knows weekends, holidays and the weekend days worked instead', () => {
    expect(isWorkingDay('2026-03-02', cal)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', cal)).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // a Thursday off
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday worked
    expect(nextWorkingDay('2026-09-30', cal)).toBe('2026-10-08');
    expect(nextWorkingDay('2026-10-09', cal)).toBe('2026-10-10');
  });

  it('counts working days from the next working day and ends at the close of business', () => {
    const monday = dueAfterWorkingDays(at('2026-03-02T10:00:00'), 1, cal);
    expect(monday.date).toBe('2026-03-03');
    expect(monday.due.toISOString()).toBe('2026-03-03T09:00:00.000Z'); // 17:00 in China
    expect(dueAfterWorkingDays(at('2026-03-06T16:30:00'), 1, cal).date).toBe('2026-03-09'); // Friday → Monday
    expect(dueAfterWorkingDays(at('2026-03-07T11:00:00'), 1, cal).date).toBe('2026-03-09'); // Saturday → Monday
    expect(dueAfterWorkingDays(at('2026-03-02T10:00:00'), 5, cal).date).toBe('2026-03-09');
    expect(dueAfterWorkingDays(at('2026-03-02T10:00:00'), 10, cal).date).toBe('2026-03-16');
    // Across the holiday week: 8, 9 and the Saturday worked.
    expect(dueAfterWorkingDays(at('2026-09-30T15:00:00'), 3, cal).date).toBe('2026-10-10');
    // No time at all: the end of the day it came in, or of the next working day.
    expect(dueAfterWorkingDays(at('2026-03-02T10:00:00'), 0, cal).date).toBe('2026-03-02');
    expect(dueAfterWorkingDays(at('2026-10-03T10:00:00'), 0, cal).date).toBe('2026-10-08');
    // Late at night (UTC still the day before): the office's date counts.
    expect(dueAfterWorkingDays(new Date('2026-03-01T17:30:00Z'), 1, cal).date).toBe('2026-03-03');
  });

  it('counts working hours inside the working day only', () => {
    // Friday 16:00 + 12 h: 1 h Friday, 8 h Monday, 3 h Tuesday.
    expect(addWorkingHours(at('2026-03-06T16:00:00'), 12, cal).toISOString()).toBe(
      at('2026-03-10T12:00:00').toISOString(),
    );
    expect(addWorkingHours(at('2026-03-02T20:00:00'), 1, cal).toISOString()).toBe(
      at('2026-03-03T10:00:00').toISOString(),
    );
    expect(addWorkingHours(at('2026-03-02T07:00:00'), 2, cal).toISOString()).toBe(
      at('2026-03-02T11:00:00').toISOString(),
    );
    expect(addWorkingHours(at('2026-03-02T09:30:15'), 1, cal).toISOString()).toBe(
      at('2026-03-02T10:30:15').toISOString(),
    );
    // Received the evening before the holiday week: 12 working hours end on the Friday after it.
    expect(addWorkingHours(at('2026-09-30T18:00:00'), 12, cal).toISOString()).toBe(
      at('2026-10-09T13:00:00').toISOString(),
    );
    expect(workingMinutesBetween(at('2026-03-06T16:00:00'), at('2026-03-10T12:00:00'), cal)).toBe(12 * 60);
    expect(workingMinutesBetween(at('2026-03-07T10:00:00'), at('2026-03-08T10:00:00'), cal)).toBe(0);
    expect(workingMinutesBetween(at('2026-03-03T10:00:00'), at('2026-03-02T10:00:00'), cal)).toBe(0);
  });

  it('counts back exactly the working hours it added, whenever something comes in', () => {
    const start = Date.parse('2026-09-20T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 24 * 60 }), fc.integer({ min: 0, max: 200 * 60 }), (m, minutes) => {
        const from = new Date(start + m * 60_000);
        const to = addWorkingHours(from, minutes / 60, cal);
        expect(workingMinutesBetween(from, to, cal)).toBe(minutes);
        expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
    );
  });

  it('refuses a working day that ends before it starts, and negative spans', () => {
    expect(() => workingCalendar([], { dayStartMinute: 18 * 60, dayEndMinute: 9 * 60 })).toThrow();
    expect(() => dueAfterWorkingDays(new Date(), -1, cal)).toThrow();
    expect(() => addWorkingHours(new Date(), -1, cal)).toThrow();
  });
});
