import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tenantsPolicy } from './tenants.policy.js';
import {
  ZCreateTenantRequest,
  ZListTenantsResponse,
  ZTenant,
  ZTenantIdParams,
  ZUpdateTenantRequest,
} from './tenants.schemas.js';
import { createTenant, findTenants, updateTenant } from './tenants.service.js';

export const tenantsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['platform'];
  app.get(
    '/api/platform/tenants',
    {
      schema: { tags, summary: 'List tenants (platform operator)', response: { 200: ZListTenantsResponse } },
      preHandler: app.authorize(tenantsPolicy, 'list'),
    },
    async () => findTenants(app.database.db),
  );
  app.post(
    '/api/platform/tenants',
    {
      schema: {
        tags,
        summary: 'Create a tenant with its first admin',
        body: ZCreateTenantRequest,
        response: { 201: ZTenant },
      },
      preHandler: app.authorize(tenantsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createTenant(deps, req.ctx, req.body)),
  );
  app.patch(
    '/api/platform/tenants/:id',
    {
      schema: {
        tags,
        summary: 'Rename or disable a tenant',
        params: ZTenantIdParams,
        body: ZUpdateTenantRequest,
        response: { 200: ZTenant },
      },
      preHandler: app.authorize(tenantsPolicy, 'update'),
    },
    async (req) => updateTenant(deps, req.ctx, req.params.id, req.body),
  );
};
