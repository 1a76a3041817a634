import { z } from 'zod';

/** `unread=true` keeps only what the user has not read yet; query-string text, hence the explicit values. */
export const ZListNotificationsRequest = z.object({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TListNotificationsRequest = z.infer<typeof ZListNotificationsRequest>;

export const ZNotificationIdParams = z.object({ id: z.string().min(1).max(100) });

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  /** In the user's language; both raw texts follow. */
  title: z.string(),
  body: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  /** A path in the web app, e.g. /leads/<id>. */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZListNotificationsResponse = z.object({
  items: z.array(ZNotification),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** The user's unread count, whatever the filter: what the bell shows. */
  unread: z.number().int().min(0),
});

export const ZUnreadCountResponse = z.object({ unread: z.number().int().min(0) });

export const ZReadAllResponse = z.object({
  /** How many were unread and are now read. */
  marked: z.number().int().min(0),
  unread: z.number().int().min(0),
});
