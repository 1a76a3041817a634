import { NEED_SOURCES, NEED_STATUSES, NEED_URGENCIES, ZListQuery, type NeedStatus } from '@kaimen/shared';
import { z } from 'zod';

export const ZNeedIdParams = z.object({ id: z.string().min(1).max(100) });

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(20));

const statusCodes = NEED_STATUSES.map((s) => s.code) as [NeedStatus, ...NeedStatus[]];
export const NEED_SORTS = ['submittedAt', 'dueAt', 'updatedAt', 'reference'] as const;

export const ZListNeedsRequest = ZListQuery.extend({
  status: csv(z.enum(statusCodes)).optional(),
  category: csv(z.string().max(50)).optional(),
  departmentId: z.string().max(100).optional(),
  enterpriseId: z.string().max(100).optional(),
  visitId: z.string().max(100).optional(),
  urgency: z.enum(NEED_URGENCIES.map((u) => u.code) as [string, ...string[]]).optional(),
  source: z.enum(NEED_SOURCES.map((u) => u.code) as [string, ...string[]]).optional(),
  /** Past a deadline (not accepted in time or past due) or escalated: what shows red. */
  overdue: z.enum(['1', 'true']).optional(),
  escalated: z.enum(['1', 'true']).optional(),
  /**
   * `mine`: what waits for the actor — a handler's department queue (lead or supporting, still open), a service
   * officer's companies' open needs, an enterprise's open needs; a department head also gets the escalated ones.
   */
  queue: z.enum(['mine']).optional(),
  submittedFrom: z.string().date().optional(),
  submittedTo: z.string().date().optional(),
  sort: z.enum([...NEED_SORTS, ...NEED_SORTS.map((s) => `-${s}` as const)] as [string, ...string[]]).optional(),
});
export type TListNeedsRequest = z.infer<typeof ZListNeedsRequest>;

const ZRef = z.object({ id: z.string(), name: z.string() }).nullable();
const ZDept = z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const ZNeedSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  status: z.string(),
  urgency: z.string(),
  source: z.string(),
  enterprise: ZRef,
  leadDepartment: ZDept.nullable(),
  officer: ZRef,
  submittedAt: z.string(),
  acceptBy: z.string(),
  dueOn: z.string(),
  dueAt: z.string(),
  escalatedAt: z.string().nullable(),
  escalationKind: z.string().nullable(),
  /** Red in every list: escalated, or past a deadline now. */
  overdue: z.boolean(),
  satisfaction: z.string().nullable(),
  reopenedCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TNeedSummary = z.infer<typeof ZNeedSummary>;

export const ZListNeedsResponse = z.object({
  items: z.array(ZNeedSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZNeedEvent = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  text: z.string().nullable(),
  department: ZDept.nullable(),
  satisfaction: z.string().nullable(),
});

export const ZNeedDetail = ZNeedSummary.extend({
  description: z.string(),
  visitId: z.string().nullable(),
  supportingDepartments: z.array(ZDept),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  escalationReason: z.string().nullable(),
  resolvedLate: z.boolean().nullable(),
  timeline: z.array(ZNeedEvent),
  /** The workflow steps this user may take now (the buttons). */
  allowedActions: z.array(z.string()),
  /** May change urgency and supporting departments. */
  canEdit: z.boolean(),
});
export type TNeedDetail = z.infer<typeof ZNeedDetail>;
