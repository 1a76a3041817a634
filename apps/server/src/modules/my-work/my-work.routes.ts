import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myWorkPolicy } from './my-work.policy.js';
import { ZMyWorkResponse } from './my-work.schemas.js';
import { getMyWork } from './my-work.service.js';

export const myWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/my-work',
    {
      schema: {
        tags: ['my-work'],
        summary: '工作台: my follow-ups due or overdue, approvals waiting for me, my latest unread notifications',
        response: { 200: ZMyWorkResponse },
      },
      preHandler: app.authorize(myWorkPolicy, 'read'),
    },
    async (req) => getMyWork(app.database.db, req.ctx),
  );
};
