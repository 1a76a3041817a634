import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { defaultRange, monthRange } from './need-reports-api';

describe('the analysis period', () => {
  const today = dayjs('2026-03-02');

  it('defaults to the twelve months up to today', () => {
    expect(defaultRange(today)).toEqual({ from: '2025-04-01', to: '2026-03-02' });
  });

  it('spans whole months, ending today at the latest', () => {
    expect(monthRange(dayjs('2025-01-15'), dayjs('2025-06-03'), today)).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(monthRange(dayjs('2025-12-01'), dayjs('2026-03-01'), today)).toEqual({
      from: '2025-12-01',
      to: '2026-03-02',
    });
  });
});
