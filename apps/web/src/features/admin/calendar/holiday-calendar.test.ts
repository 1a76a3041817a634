import { describe, expect, it } from 'vitest';
import { countMarks, isWeekend, isWorkingDay, markKindFor, type HolidayMark } from './holiday-calendar';

describe('the office calendar', () => {
  it('offers a weekday as a holiday and a weekend day as a working day (as the server allows)', () => {
    expect(isWeekend('2026-02-14')).toBe(true); // Saturday
    expect(markKindFor('2026-02-14')).toBe('workday');
    expect(markKindFor('2026-02-16')).toBe('holiday'); // Monday of the Spring Festival week
  });

  it('counts the marked days as the deadlines do', () => {
    const marks: HolidayMark[] = [
      { date: '2026-02-16', kind: 'holiday', name: '春节' },
      { date: '2026-02-14', kind: 'workday', name: '春节调休' },
    ];
    const byDate = new Map(marks.map((m) => [m.date, m]));
    expect(isWorkingDay('2026-02-16', byDate)).toBe(false);
    expect(isWorkingDay('2026-02-14', byDate)).toBe(true);
    expect(isWorkingDay('2026-02-15', byDate)).toBe(false);
    expect(isWorkingDay('2026-02-13', byDate)).toBe(true);
    expect(countMarks(marks)).toEqual({ holidays: 1, workdays: 1 });
  });
});
