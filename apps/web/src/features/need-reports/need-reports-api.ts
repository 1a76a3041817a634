import type { Locale } from '@kaimen/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';

/** 0–1; null when there is nothing to divide by. */
export type Rate = number | null;

export interface Named {
  nameZh: string;
  nameEn: string;
}

/** A category's, department's or chain node's name in the reader's language. */
export const localName = (n: Named, locale: Locale): string => (locale === 'en' && n.nameEn ? n.nameEn : n.nameZh);

/** One lead department's row (GET /api/need-reports, the server's ZNeedDepartmentFigures). */
export interface NeedDepartmentFigures extends Named {
  departmentId: string;
  total: number;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: Rate;
  medianDays: number | null;
  satisfaction: { satisfied: number; basically: number; unsatisfied: number };
  satisfactionRate: Rate;
  open: number;
  overdue: number;
}

export interface NeedReports {
  from: string;
  to: string;
  totals: {
    submitted: number;
    resolved: number;
    onTimeRate: Rate;
    satisfactionRate: Rate;
    open: number;
    overdue: number;
  };
  heatmap: {
    months: string[];
    categories: ({ code: string } & Named)[];
    cells: { category: string; month: string; count: number }[];
  };
  departments: NeedDepartmentFigures[];
  /** park null: the company has none recorded. */
  topOpenByPark: { park: string | null; category: string; count: number }[];
  topOpenByChainNode: ({ chainNodeId: string; category: string; count: number } & Named)[];
}

/** The period as the URL carries it. */
export const NEED_REPORT_FILTER_KEYS = ['from', 'to'] as const;
export type NeedReportQuery = Partial<Record<(typeof NEED_REPORT_FILTER_KEYS)[number], string>>;

/** The server's default: today back to the first day of the month eleven months before (12 months). */
export function defaultRange(today = dayjs()): { from: string; to: string } {
  return {
    from: today.startOf('month').subtract(11, 'month').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  };
}

/** Whole months picked: from the first day of the first to the last day of the last, and never past today. */
export function monthRange(start: dayjs.Dayjs, end: dayjs.Dayjs, today = dayjs()): { from: string; to: string } {
  const last = end.endOf('month');
  return {
    from: start.startOf('month').format('YYYY-MM-DD'),
    to: (last.isAfter(today, 'day') ? today : last).format('YYYY-MM-DD'),
  };
}

export const NEED_REPORTS_PATH = '/api/need-reports';
export const NEED_REPORTS_EXPORT_PATH = '/api/need-reports/export';

export const useNeedReports = (query: NeedReportQuery) =>
  useQuery({
    queryKey: ['need-reports', query],
    queryFn: () => api.get<NeedReports>(NEED_REPORTS_PATH, query),
    placeholderData: keepPreviousData,
  });
