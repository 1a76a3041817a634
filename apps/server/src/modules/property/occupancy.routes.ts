import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { exportLeases, LEASE_EXPORT_CAP, ZExportLeasesRequest } from './leases.export.js';
import { getOccupancy, getPropertyMap } from './occupancy.service.js';
import { ZOccupancyRequest, ZOccupancyResponse, ZPropertyMapResponse } from './occupancy.schemas.js';
import { inventoryPolicy, leasesPolicy, parcelsPolicy } from './property.policy.js';

/** Set when more leases matched than an export takes: its value is how many rows the file holds. */
export const LEASE_EXPORT_TRUNCATED_HEADER = 'x-kaimen-export-truncated';

/** The occupancy dashboard, the parcel map, and the leases as xlsx. */
export const occupancyRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['property'];
  // Both show units and parcels together: who may read both.
  const read = [app.authorize(inventoryPolicy, 'read'), app.authorize(parcelsPolicy, 'read')];

  app.get(
    '/api/property/occupancy',
    {
      schema: {
        tags,
        summary: 'Vacancy by building and unit type, land area by parcel status, leases ending within 30/60/90 days',
        querystring: ZOccupancyRequest,
        response: { 200: ZOccupancyResponse },
      },
      preHandler: read,
    },
    async (req) => getOccupancy(db, req.ctx, req.query),
  );
  app.get(
    '/api/property/map',
    {
      schema: {
        tags,
        summary: 'Parcels (outline, status, area) and buildings (outline, vacancy) for the parcel map',
        querystring: ZOccupancyRequest,
        response: { 200: ZPropertyMapResponse },
      },
      preHandler: read,
    },
    async (req) => getPropertyMap(db, req.ctx, req.query),
  );
  app.get(
    '/api/leases/export',
    {
      schema: {
        tags,
        summary: 'Download the filtered leases as xlsx',
        description:
          `The same filters and sort as GET /api/leases (a company its own leases), all rows up to ` +
          `${LEASE_EXPORT_CAP}, headed in the reader's language; every export is audited.`,
        querystring: ZExportLeasesRequest,
      },
      preHandler: app.authorize(leasesPolicy, 'list'),
      // A HEAD would build (and audit) a workbook only to throw it away.
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportLeases(deps, req.ctx, req.query);
      if (file.truncated) reply.header(LEASE_EXPORT_TRUNCATED_HEADER, String(LEASE_EXPORT_CAP));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
