import { ZLeaseInput, ZLeaseTerminateInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createLease, findLeases, getLease, terminateLease, updateLease } from './leases.service.js';
import { leasesPolicy } from './property.policy.js';
import {
  ZLease,
  ZListLeasesRequest,
  ZListLeasesResponse,
  ZPropertyIdParams,
  ZUpdateLeaseRequest,
} from './property.schemas.js';

export const leasesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['property'];
  const params = ZPropertyIdParams;

  app.get(
    '/api/leases',
    {
      schema: {
        tags,
        summary: 'Leases the user may see (a company its own), with their status on today’s date',
        querystring: ZListLeasesRequest,
        response: { 200: ZListLeasesResponse },
      },
      preHandler: app.authorize(leasesPolicy, 'list'),
    },
    async (req) => findLeases(db, req.ctx, req.query),
  );
  app.post(
    '/api/leases',
    {
      schema: {
        tags,
        summary: 'Lease units to a company (refused when a unit is leased for overlapping dates)',
        body: ZLeaseInput,
        response: { 201: ZLease },
      },
      preHandler: app.authorize(leasesPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createLease(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/leases/:id',
    {
      schema: { tags, summary: 'A lease', params, response: { 200: ZLease } },
      preHandler: app.authorize(leasesPolicy, 'read'),
    },
    async (req) => getLease(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/leases/:id',
    {
      schema: {
        tags,
        summary: 'Change a lease (send the version you read)',
        params,
        body: ZUpdateLeaseRequest,
        response: { 200: ZLease },
      },
      preHandler: app.authorize(leasesPolicy, 'update'),
    },
    async (req) => updateLease(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/leases/:id/terminate',
    {
      schema: {
        tags,
        summary: 'End a lease early: its units are free after the given day',
        params,
        body: ZLeaseTerminateInput,
        response: { 200: ZLease },
      },
      preHandler: app.authorize(leasesPolicy, 'terminate'),
    },
    async (req) => terminateLease(deps, req.ctx, req.params.id, req.body),
  );
};
