import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { leadsPolicy } from '../leads/leads.policy.js';
import { ZLeadReportsRequest, ZLeadReportsResponse } from './lead-reports.schemas.js';
import { exportLeadReports, getLeadReports } from './lead-reports.service.js';

const RANGE =
  'The funnel and the conversion tables count the leads created from `from` to `to` (China time) as they stand ' +
  'now; the months count investment signed by the date of the move to 签约 and capital by its arrival date.';

export const leadReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['pipeline'];

  app.get(
    '/api/pipeline/reports',
    {
      schema: {
        tags,
        summary: 'Pipeline funnel, conversion by channel and owner, investment by month',
        description: RANGE,
        querystring: ZLeadReportsRequest,
        response: { 200: ZLeadReportsResponse },
      },
      preHandler: app.authorize(leadsPolicy, 'reports'),
    },
    async (req) => getLeadReports(app.database.db, req.actor(), req.query, req.ctx),
  );
  app.get(
    '/api/pipeline/reports/export',
    {
      schema: {
        tags,
        summary: 'The same report as an xlsx workbook',
        description: RANGE,
        querystring: ZLeadReportsRequest,
      },
      preHandler: app.authorize(leadsPolicy, 'reports'),
      // A HEAD would build (and audit) a workbook only to throw it away.
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportLeadReports(deps, req.ctx, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
