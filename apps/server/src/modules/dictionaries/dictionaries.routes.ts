import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { needCategoriesPolicy } from './dictionaries.policy.js';
import {
  ZDictionariesResponse,
  ZNeedCategory,
  ZNeedCategoryIdParams,
  ZUpdateNeedCategoryRequest,
} from './dictionaries.schemas.js';
import { getDictionaries, updateNeedCategory } from './dictionaries.service.js';

export const dictionariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['dictionaries'];
  app.get(
    '/api/dictionaries',
    {
      schema: { tags, summary: 'All dictionaries with zh and en labels', response: { 200: ZDictionariesResponse } },
      preHandler: app.authorize(needCategoriesPolicy, 'list'),
    },
    async (req) => getDictionaries(app.database.db, req.actor()),
  );
  app.patch(
    '/api/need-categories/:id',
    {
      schema: {
        tags,
        summary: 'Change a need category (SLA, default department)',
        params: ZNeedCategoryIdParams,
        body: ZUpdateNeedCategoryRequest,
        response: { 200: ZNeedCategory },
      },
      preHandler: app.authorize(needCategoriesPolicy, 'update'),
    },
    async (req) => updateNeedCategory(deps, req.ctx, req.params.id, req.body),
  );
};
