import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { savedFiltersPolicy } from './saved-filters.policy.js';
import {
  ZCreateSavedFilterRequest,
  ZListSavedFiltersRequest,
  ZSavedFilter,
  ZSavedFilterIdParams,
} from './saved-filters.schemas.js';
import { createSavedFilter, deleteSavedFilter, findSavedFilters } from './saved-filters.service.js';

export const savedFiltersRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['saved-filters'];

  app.get(
    '/api/saved-filters',
    {
      schema: {
        tags,
        summary: 'My saved filters of one list screen (e.g. screen=leads), by name',
        querystring: ZListSavedFiltersRequest,
        response: { 200: z.object({ items: z.array(ZSavedFilter) }) },
      },
      preHandler: app.authorize(savedFiltersPolicy, 'list'),
    },
    async (req) => findSavedFilters(app.database.db, req.actor(), req.query.screen),
  );
  app.post(
    '/api/saved-filters',
    {
      schema: {
        tags,
        summary: "Save a list's filters under a name (unique per screen among mine: 409 otherwise)",
        body: ZCreateSavedFilterRequest,
        response: { 201: ZSavedFilter },
      },
      preHandler: app.authorize(savedFiltersPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createSavedFilter(deps, req.ctx, req.body)),
  );
  app.delete(
    '/api/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my saved filters',
        params: ZSavedFilterIdParams,
        response: { 204: z.null() },
      },
      preHandler: app.authorize(savedFiltersPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteSavedFilter(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
