import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPolicy } from './audit.policy.js';
import { ZListAuditRequest, ZListAuditResponse } from './audit.schemas.js';
import { findAuditEvents } from './audit.service.js';

/** Read-only by design: there is no route that changes or deletes an audit event. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log',
        querystring: ZListAuditRequest,
        response: { 200: ZListAuditResponse },
      },
      preHandler: app.authorize(auditPolicy, 'list'),
    },
    async (req) => findAuditEvents(app.database.db, req.actor(), req.query),
  );
};
