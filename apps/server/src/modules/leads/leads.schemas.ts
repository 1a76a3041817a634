import {
  LEAD_ACTIVITY_KINDS,
  LEAD_SOURCE_CHANNELS,
  LEAD_STAGES,
  ZLeadInput,
  ZListQuery,
  type LeadActivityKindCode,
  type LeadSourceChannel,
  type LeadStage,
} from '@kaimen/shared';
import { z } from 'zod';

const stageCodes = LEAD_STAGES.map((s) => s.code) as [LeadStage, ...LeadStage[]];
const channelCodes = LEAD_SOURCE_CHANNELS.map((c) => c.code) as [LeadSourceChannel, ...LeadSourceChannel[]];
const activityKinds = LEAD_ACTIVITY_KINDS.map((k) => k.code) as [LeadActivityKindCode, ...LeadActivityKindCode[]];

export const ZLeadIdParams = z.object({ id: z.string().min(1).max(100) });

/** A comma-separated list in the query string (`stage=lead,contacted`). */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(20));

export const LEAD_SORTS = ['updatedAt', 'createdAt', 'companyName', 'plannedInvestment', 'nextFollowUpOn'] as const;

export const ZListLeadsRequest = ZListQuery.extend({
  stage: csv(z.enum(stageCodes)).optional(),
  ownerId: z.string().max(100).optional(),
  sourceChannel: csv(z.enum(channelCodes)).optional(),
  chainNode: z.string().max(100).optional(),
  minInvestment: z.coerce.number().min(0).optional(),
  maxInvestment: z.coerce.number().min(0).optional(),
  /** Only leads the follow-up job marked overdue (any kind), or one kind. */
  overdue: z.enum(['any', 'first_contact', 'screening', 'stale']).optional(),
  enterpriseId: z.string().max(100).optional(),
  tripId: z.string().max(100).optional(),
  sort: z.enum([...LEAD_SORTS, ...LEAD_SORTS.map((s) => `-${s}` as const)] as [string, ...string[]]).optional(),
});
export type TListLeadsRequest = z.infer<typeof ZListLeadsRequest>;

const ZUserRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZLeadSummary = z.object({
  id: z.string(),
  companyName: z.string(),
  uscc: z.string().nullable(),
  sourceChannel: z.string(),
  chainNode: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  owner: ZUserRef,
  stage: z.string(),
  stageEnteredAt: z.string(),
  plannedInvestment: z.number().nullable(),
  capitalArrived: z.number(),
  spaceUnitType: z.string().nullable(),
  spaceArea: z.number().nullable(),
  expectedJobs: z.number().nullable(),
  expectedAnnualTax: z.number().nullable(),
  nextFollowUpOn: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  overdueKind: z.string().nullable(),
  overdueSince: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  tripId: z.string().nullable(),
  pendingApproval: z.object({ id: z.string(), toStage: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZLeadContact = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
});

export const ZDuplicate = z.object({
  type: z.enum(['lead', 'enterprise']),
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  /** Why it matched. */
  match: z.enum(['uscc', 'name']),
  stage: z.string().nullable(),
});

export const ZLeadDetail = ZLeadSummary.extend({
  spaceRequirements: z.array(z.string()),
  spaceNotes: z.string().nullable(),
  notes: z.string().nullable(),
  lostReason: z.string().nullable(),
  tripMeetingId: z.string().nullable(),
  contacts: z.array(ZLeadContact),
  capital: z.array(
    z.object({ id: z.string(), arrivedOn: z.string(), amount: z.number(), note: z.string().nullable() }),
  ),
  personalDataMasked: z.boolean(),
  createdBy: ZUserRef,
  /** Leads and local companies that look like the same company (a warning, not a refusal). */
  duplicates: z.array(ZDuplicate),
});

export const ZListLeadsResponse = z.object({
  items: z.array(ZLeadSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZBoardResponse = z.object({
  columns: z.array(z.object({ stage: z.string(), total: z.number(), items: z.array(ZLeadSummary) })),
});

export const ZUpdateLeadRequest = ZLeadInput.partial().extend({ version: z.number().int().min(1) });

export const ZApprovalRequest = z.object({
  to: z.enum(stageCodes),
  comment: z.string().trim().max(1000).optional(),
});

export const ZDecisionRequest = z.object({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(1000).optional(),
  version: z.number().int().min(1),
});

export const ZApproval = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  comment: z.string().nullable(),
  status: z.string(),
  requestedBy: ZUserRef,
  requestedAt: z.string(),
  decidedBy: ZUserRef,
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  lead: z
    .object({ id: z.string(), companyName: z.string(), plannedInvestment: z.number().nullable(), stage: z.string() })
    .nullable(),
  version: z.number(),
});

export const ZListApprovalsRequest = ZListQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
  leadId: z.string().max(100).optional(),
});

export const ZActivity = z.object({
  id: z.string(),
  kind: z.enum(activityKinds),
  occurredOn: z.string(),
  subject: z.string().nullable(),
  participants: z.array(z.string()),
  notes: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  createdBy: ZUserRef,
  createdAt: z.string(),
});

export const ZTimelineEntry = z.object({
  at: z.string(),
  type: z.enum(['created', 'stage', 'activity', 'approval-requested', 'approval-decided', 'file', 'landed']),
  by: ZUserRef,
  fromStage: z.string().nullable().optional(),
  toStage: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
  activity: ZActivity.optional(),
  approval: z.object({ id: z.string(), status: z.string(), toStage: z.string().nullable() }).optional(),
  file: z.object({ id: z.string(), filename: z.string(), size: z.number() }).optional(),
  enterpriseId: z.string().nullable().optional(),
});

export const ZLandRequest = z.object({
  /** Link to this local company instead of finding or creating one. */
  enterpriseId: z.string().max(100).optional(),
  /** The registered code, when the lead has none yet. */
  uscc: z.string().max(40).optional(),
});

export const ZPipelineSettings = z.object({
  leadApprovalThreshold: z.number(),
  followUpRules: z.object({ firstContactDays: z.number(), screeningDays: z.number(), staleDays: z.number() }),
  version: z.number(),
});
export const ZUpdatePipelineSettings = z.object({
  leadApprovalThreshold: z.number().int().min(0).max(1e15),
  followUpRules: z.object({
    firstContactDays: z.number().int().min(1).max(365),
    screeningDays: z.number().int().min(1).max(365),
    staleDays: z.number().int().min(1).max(365),
  }),
  version: z.number().int().min(1),
});
