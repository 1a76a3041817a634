import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../lib/content-disposition.js';
import { enterprisesPolicy } from '../enterprises.policy.js';
import { SEARCH_EXPORT_CAP } from './export-rows.js';
import { ZExportEnterprisesRequest } from './export.schemas.js';
import { exportEnterprises } from './export.service.js';

/** Set when a search had more hits than the export takes: its value is how many rows the file holds. */
export const TRUNCATED_HEADER = 'x-kaimen-export-truncated';

export const enterpriseExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  app.get(
    '/api/enterprises/export',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Download the filtered list as xlsx or csv',
        description:
          'The same filters, sort and search as GET /api/enterprises, all rows (a search: its first ' +
          `${SEARCH_EXPORT_CAP} hits, with the ${TRUNCATED_HEADER} header set when there were more). ` +
          "Contacts' phones and e-mails are masked unless the user may see them; every export is audited.",
        querystring: ZExportEnterprisesRequest,
      },
      preHandler: app.authorize(enterprisesPolicy, 'export'),
      // A HEAD would run (and audit) a whole export only to throw the file away.
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportEnterprises(deps, req.ctx, req.query);
      if (file.truncated) reply.header(TRUNCATED_HEADER, String(SEARCH_EXPORT_CAP));
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
};
