import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { exportLeads, LEAD_EXPORT_CAP, ZExportLeadsRequest } from './leads.export.js';
import { findLeadOwnerOptions } from './leads.owner-options.js';
import { leadsPolicy } from './leads.policy.js';

/** Set when more leads matched than an export takes: its value is how many rows the file holds. */
export const LEAD_EXPORT_TRUNCATED_HEADER = 'x-kaimen-export-truncated';

export const leadsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['pipeline'];

  app.get(
    '/api/leads/export',
    {
      schema: {
        tags,
        summary: 'Download the filtered leads as xlsx',
        description:
          `The same filters and sort as GET /api/leads, all rows up to ${LEAD_EXPORT_CAP}, headed in the reader's ` +
          "language. Contacts' phones and e-mails are masked unless the user may see them; every export is audited.",
        querystring: ZExportLeadsRequest,
      },
      preHandler: app.authorize(leadsPolicy, 'export'),
      // A HEAD would build (and audit) a workbook only to throw it away.
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportLeads(deps, req.ctx, req.query);
      if (file.truncated) reply.header(LEAD_EXPORT_TRUNCATED_HEADER, String(LEAD_EXPORT_CAP));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  app.get(
    '/api/leads/owner-options',
    {
      schema: {
        tags,
        summary: 'Who may own a lead (active admins and investment officers), for the owner filter and picker',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }) },
      },
      preHandler: app.authorize(leadsPolicy, 'list'),
    },
    async (req) => findLeadOwnerOptions(app.database.db, req.actor()),
  );
};
