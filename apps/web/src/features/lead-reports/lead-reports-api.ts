import type { LEAD_PIPELINE_STAGES } from '@kaimen/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';

export type PipelineStage = (typeof LEAD_PIPELINE_STAGES)[number];

/** One row of a conversion table (GET /api/pipeline/reports, the server's ZConversion). */
export interface Conversion {
  leads: number;
  reachedSigned: number;
  reachedRegistered: number;
  lost: number;
  /** 0–1. */
  signedRate: number;
  registeredRate: number;
  medianDays: Record<PipelineStage, number | null>;
}

export interface LeadReports {
  from: string;
  to: string;
  owner: string | null;
  channel: string | null;
  funnel: {
    total: number;
    stages: { stage: PipelineStage; current: number; reached: number }[];
    onHold: number;
    lost: number;
  };
  overall: Conversion;
  byChannel: (Conversion & { channel: string })[];
  byOwner: (Conversion & { ownerId: string; ownerName: string })[];
  /** Whole yuan. */
  byMonth: { month: string; signedCount: number; signedInvestment: number; arrivedCapital: number }[];
}

/** The report's filters as the URL carries them. */
export const REPORT_FILTER_KEYS = ['from', 'to', 'owner', 'channel'] as const;
export type ReportFilterKey = (typeof REPORT_FILTER_KEYS)[number];
export type ReportQuery = Partial<Record<ReportFilterKey, string>>;

/** The server's default: today back to the first day of the month eleven months before (12 months). */
export function defaultRange(today = dayjs()): { from: string; to: string } {
  return {
    from: today.startOf('month').subtract(11, 'month').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  };
}

export const REPORTS_PATH = '/api/pipeline/reports';
export const REPORTS_EXPORT_PATH = '/api/pipeline/reports/export';

export const useLeadReports = (query: ReportQuery) =>
  useQuery({
    queryKey: ['lead-reports', query],
    queryFn: () => api.get<LeadReports>(REPORTS_PATH, query),
    placeholderData: keepPreviousData,
  });
