import { z } from 'zod';
import { ZNeedSummary } from '../needs/needs.schemas.js';
import { ZNotification } from '../notifications/notifications.schemas.js';

export const ZMyFollowUp = z.object({
  leadId: z.string(),
  companyName: z.string(),
  stage: z.string(),
  /** The follow-up rule it breaks today (the job's rule, computed now): first_contact | screening | stale. */
  overdueKind: z.enum(['first_contact', 'screening', 'stale']).nullable(),
  overdueSince: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  /** The planned follow-up is today. */
  dueToday: z.boolean(),
});

export const ZPendingApproval = z.object({
  id: z.string(),
  action: z.string(),
  leadId: z.string(),
  companyName: z.string().nullable(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  requestedBy: z.object({ id: z.string(), displayName: z.string().nullable() }),
  requestedAt: z.string(),
});

export const ZMyWorkResponse = z.object({
  /** The office's date (Asia/Shanghai) the page was computed for. */
  today: z.string(),
  followUps: z.object({
    /** Whether the user works leads (admins, investment officers); otherwise the section is empty and hidden. */
    enabled: z.boolean(),
    items: z.array(ZMyFollowUp),
    total: z.number().int().min(0),
    counts: z.object({
      overdue: z.number().int().min(0),
      firstContact: z.number().int().min(0),
      screening: z.number().int().min(0),
      stale: z.number().int().min(0),
      dueToday: z.number().int().min(0),
    }),
  }),
  approvals: z.object({
    /** Whether the user decides approvals (leaders). */
    enabled: z.boolean(),
    items: z.array(ZPendingApproval),
    total: z.number().int().min(0),
  }),
  needs: z.object({
    /** Whether the user works or follows needs; otherwise the section is hidden. */
    enabled: z.boolean(),
    /** What waits for the user (a handler's department queue, an officer's companies, a company's own), escalated first. */
    items: z.array(ZNeedSummary),
    total: z.number().int().min(0),
    overdue: z.number().int().min(0),
  }),
  notifications: z.object({ items: z.array(ZNotification), unread: z.number().int().min(0) }),
});
export type TMyWork = z.infer<typeof ZMyWorkResponse>;
