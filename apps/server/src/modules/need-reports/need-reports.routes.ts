import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { needsPolicy } from '../needs/needs.policy.js';
import { ZNeedReportsRequest, ZNeedReportsResponse } from './need-reports.schemas.js';
import { exportNeedReports, getNeedReports } from './need-reports.service.js';

const RANGE =
  'The heatmap, the totals submitted and resolved and the department performance count the needs submitted from ' +
  '`from` to `to` (China time) as they stand now; open, overdue and the top open problems are every need with a ' +
  'department now, whenever it was submitted.';

export const needReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['needs'];

  app.get(
    '/api/need-reports',
    {
      schema: {
        tags,
        summary: 'Need analysis: category × month heatmap, department performance, top open problems',
        description: RANGE,
        querystring: ZNeedReportsRequest,
        response: { 200: ZNeedReportsResponse },
      },
      preHandler: app.authorize(needsPolicy, 'analysis'),
    },
    async (req) => getNeedReports(app.database.db, req.actor(), req.query, req.ctx),
  );
  app.get(
    '/api/need-reports/export',
    {
      schema: {
        tags,
        summary: 'The same analysis as an xlsx workbook',
        description: RANGE,
        querystring: ZNeedReportsRequest,
      },
      preHandler: app.authorize(needsPolicy, 'analysis'),
      // A HEAD would build (and audit) a workbook only to throw it away.
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportNeedReports(deps, req.ctx, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
