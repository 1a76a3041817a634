import { ZEnterpriseInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './enterprises.attachments.js';
import { enterprisesPolicy } from './enterprises.policy.js';
import {
  ZEnterpriseDetail,
  ZEnterpriseIdParams,
  ZListEnterprisesRequest,
  ZListEnterprisesResponse,
} from './enterprises.schemas.js';
import {
  createEnterprise,
  deleteEnterprise,
  findEnterprises,
  getEnterprise,
  updateEnterprise,
} from './enterprises.service.js';

const ZUpdateEnterpriseRequest = ZEnterpriseInput.partial().extend({ version: z.number().int().min(1) });

export const enterprisesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['enterprises'];
  const params = ZEnterpriseIdParams;

  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'List and filter the registry',
        querystring: ZListEnterprisesRequest,
        response: { 200: ZListEnterprisesResponse },
      },
      preHandler: app.authorize(enterprisesPolicy, 'list'),
    },
    async (req) => findEnterprises(app.database, req.actor(), req.query),
  );
  app.post(
    '/api/enterprises',
    {
      schema: { tags, summary: 'Register a company', body: ZEnterpriseInput, response: { 201: ZEnterpriseDetail } },
      preHandler: app.authorize(enterprisesPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createEnterprise(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'A company with contacts, qualifications, chain nodes and yearly figures',
        params,
        response: { 200: ZEnterpriseDetail },
      },
      preHandler: app.authorize(enterprisesPolicy, 'read'),
    },
    async (req) => getEnterprise(app.database.db, req.actor(), req.params.id),
  );
  app.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Change a company (send the version you read)',
        params,
        body: ZUpdateEnterpriseRequest,
        response: { 200: ZEnterpriseDetail },
      },
      preHandler: app.authorize(enterprisesPolicy, 'update'),
    },
    async (req) => updateEnterprise(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/enterprises/:id',
    {
      schema: { tags, summary: 'Delete a company', params, response: { 204: z.null() } },
      preHandler: app.authorize(enterprisesPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteEnterprise(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
