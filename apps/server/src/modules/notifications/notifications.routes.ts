import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsPolicy } from './notifications.policy.js';
import {
  ZListNotificationsRequest,
  ZListNotificationsResponse,
  ZNotification,
  ZNotificationIdParams,
  ZReadAllResponse,
  ZUnreadCountResponse,
} from './notifications.schemas.js';
import {
  findNotifications,
  getUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: ZListNotificationsRequest,
        response: { 200: ZListNotificationsResponse },
      },
      preHandler: app.authorize(notificationsPolicy, 'list'),
    },
    async (req) => findNotifications(app.database.db, req.ctx, req.query),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      schema: { tags, summary: 'How many of mine are unread (the bell)', response: { 200: ZUnreadCountResponse } },
      preHandler: app.authorize(notificationsPolicy, 'list'),
    },
    async (req) => ({ unread: await getUnreadCount(app.database.db, req.actor()) }),
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: { tags, summary: 'Mark all of mine read', response: { 200: ZReadAllResponse } },
      preHandler: app.authorize(notificationsPolicy, 'read'),
    },
    async (req) => markAllNotificationsRead(deps, req.ctx),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of mine read',
        params: ZNotificationIdParams,
        response: { 200: ZNotification },
      },
      preHandler: app.authorize(notificationsPolicy, 'read'),
    },
    async (req) => markNotificationRead(deps, req.ctx, req.params.id),
  );
};
