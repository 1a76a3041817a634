import { z } from 'zod';

export const ZListAuditRequest = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  outcome: z.enum(['ok', 'refused', 'failed']).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type TListAuditRequest = z.infer<typeof ZListAuditRequest>;

export const ZAuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  tenantId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.string().nullable(),
});

export const ZListAuditResponse = z.object({
  items: z.array(ZAuditEvent),
  total: z.number(),
  /** The log holds more than `total` matching events. */
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
