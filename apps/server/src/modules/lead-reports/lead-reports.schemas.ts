import { codesOf, LEAD_PIPELINE_STAGES, LEAD_SOURCE_CHANNELS } from '@kaimen/shared';
import { z } from 'zod';

/** Longest range a report covers, in months (its by-month table has one row each). */
export const MAX_REPORT_MONTHS = 120;

export const ZLeadReportsRequest = z.object({
  /** First day, China time; the first day of the month eleven months before `to` when left out. */
  from: z.iso.date().optional(),
  /** Last day, China time, included; today when left out. */
  to: z.iso.date().optional(),
  /** Only this owner's leads. */
  owner: z.string().max(100).optional(),
  /** Only leads from this source channel. */
  channel: z.enum(codesOf(LEAD_SOURCE_CHANNELS) as [string, ...string[]]).optional(),
});
export type TLeadReportsRequest = z.infer<typeof ZLeadReportsRequest>;

const ZStage = z.enum(LEAD_PIPELINE_STAGES);
const ZMedianDays = z.record(ZStage, z.number().nullable());

const ZConversion = z.object({
  leads: z.number(),
  reachedSigned: z.number(),
  reachedRegistered: z.number(),
  lost: z.number(),
  /** Shares of `leads`, 0–1, four decimals. */
  signedRate: z.number(),
  registeredRate: z.number(),
  /** Median days a lead spent in each pipeline stage before its next move (one decimal); null: no finished stint. */
  medianDays: ZMedianDays,
});
export type TConversion = z.infer<typeof ZConversion>;

export const ZLeadReportsResponse = z.object({
  from: z.string(),
  to: z.string(),
  owner: z.string().nullable(),
  channel: z.string().nullable(),
  /** Leads created in the range, as they stand now. */
  funnel: z.object({
    total: z.number(),
    stages: z.array(z.object({ stage: ZStage, current: z.number(), reached: z.number() })),
    onHold: z.number(),
    lost: z.number(),
  }),
  overall: ZConversion,
  byChannel: z.array(ZConversion.extend({ channel: z.string() })),
  byOwner: z.array(ZConversion.extend({ ownerId: z.string(), ownerName: z.string() })),
  /** Every month of the range: investment signed (by the date of the move to 签约) and capital arrived, whole yuan. */
  byMonth: z.array(
    z.object({ month: z.string(), signedCount: z.number(), signedInvestment: z.number(), arrivedCapital: z.number() }),
  ),
});
export type TLeadReports = z.infer<typeof ZLeadReportsResponse>;
