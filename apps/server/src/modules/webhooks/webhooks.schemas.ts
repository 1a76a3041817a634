import { z } from 'zod';

export const WEBHOOK_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const ZListWebhookDeliveriesRequest = z.object({
  status: z.enum(WEBHOOK_STATUSES).optional(),
  departmentId: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListWebhookDeliveriesRequest = z.infer<typeof ZListWebhookDeliveriesRequest>;

/** One message to a department's robot; the URL (it carries the robot's key) and the body stay on the server. */
export const ZWebhookDelivery = z.object({
  id: z.string(),
  departmentId: z.string().nullable(),
  /** In the reader's language; null when the department is gone or the message had none. */
  departmentName: z.string().nullable(),
  event: z.string(),
  status: z.enum(WEBHOOK_STATUSES),
  attempts: z.number(),
  /** The HTTP status of the last answer; null when none came (refused, timed out). */
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZListWebhookDeliveriesResponse = z.object({
  items: z.array(ZWebhookDelivery),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZWebhookDeliveryIdParams = z.object({ id: z.string().max(100) });
