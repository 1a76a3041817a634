import { ZSurveyTemplateInput, ZVisitInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setDefaultVisitTarget, setEnterpriseVisitTarget, visitCoverage } from './visits.coverage.js';
import { surveyTemplatesPolicy, visitsPolicy } from './visits.policy.js';
import {
  ZCoverageRequest,
  ZCoverageResponse,
  ZEnterpriseTarget,
  ZListVisitsRequest,
  ZListVisitsResponse,
  ZSurveyTemplate,
  ZUpdateVisitRequest,
  ZVisitDetail,
  ZVisitIdParams,
  ZVisitPlan,
} from './visits.schemas.js';
import {
  createSurveyTemplate,
  createVisit,
  deleteVisit,
  findVisits,
  getVisit,
  listSurveyTemplates,
  updateSurveyTemplate,
  updateVisit,
} from './visits.service.js';
import { defaultVisitTarget } from './visits.coverage.js';

export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['visits'];
  const params = ZVisitIdParams;

  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Visits the user may see, filtered',
        querystring: ZListVisitsRequest,
        response: { 200: ZListVisitsResponse },
      },
      preHandler: app.authorize(visitsPolicy, 'list'),
    },
    async (req) => findVisits(db, req.actor(), req.query),
  );
  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit with the needs raised in it (all or nothing)',
        body: ZVisitInput,
        response: { 201: ZVisitDetail },
      },
      preHandler: app.authorize(visitsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createVisit(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/visits/coverage',
    {
      schema: {
        tags,
        summary: 'Visit-plan coverage per officer and park, and the companies behind their target',
        querystring: ZCoverageRequest,
        response: { 200: ZCoverageResponse },
      },
      preHandler: app.authorize(visitsPolicy, 'coverage'),
    },
    async (req) => visitCoverage(db, req.ctx, req.query),
  );
  app.get(
    '/api/visits/plan',
    {
      schema: { tags, summary: 'The tenant’s default yearly visit target', response: { 200: ZVisitPlan } },
      preHandler: app.authorize(visitsPolicy, 'coverage'),
    },
    async (req) => ({ yearlyVisitTarget: await defaultVisitTarget(db, req.actor().tenantId!) }),
  );
  app.put(
    '/api/visits/plan',
    {
      schema: { tags, summary: 'Set the default yearly visit target', body: ZVisitPlan, response: { 200: ZVisitPlan } },
      preHandler: app.authorize(visitsPolicy, 'plan'),
    },
    async (req) => setDefaultVisitTarget(deps, req.ctx, req.body.yearlyVisitTarget),
  );
  app.put(
    '/api/visits/plan/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Set one company’s yearly visit target (null: the default)',
        params,
        body: ZEnterpriseTarget,
        response: { 200: ZEnterpriseTarget },
      },
      preHandler: app.authorize(visitsPolicy, 'plan'),
    },
    async (req) => setEnterpriseVisitTarget(deps, req.ctx, req.params.id, req.body.yearlyVisitTarget),
  );
  app.get(
    '/api/visits/:id',
    {
      schema: { tags, summary: 'A visit with its survey answers and needs', params, response: { 200: ZVisitDetail } },
      preHandler: app.authorize(visitsPolicy, 'read'),
    },
    async (req) => getVisit(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: 'Change a visit (send the version you read)',
        params,
        body: ZUpdateVisitRequest,
        response: { 200: ZVisitDetail },
      },
      preHandler: app.authorize(visitsPolicy, 'update'),
    },
    async (req) => updateVisit(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/visits/:id',
    {
      schema: { tags, summary: 'Delete a visit that raised no needs', params, response: { 204: z.null() } },
      preHandler: app.authorize(visitsPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteVisit(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/survey-templates',
    {
      schema: { tags, summary: 'Survey templates', response: { 200: z.object({ items: z.array(ZSurveyTemplate) }) } },
      preHandler: app.authorize(surveyTemplatesPolicy, 'list'),
    },
    async (req) => listSurveyTemplates(db, req.actor()),
  );
  app.post(
    '/api/survey-templates',
    {
      schema: {
        tags,
        summary: 'Add a survey template',
        body: ZSurveyTemplateInput,
        response: { 201: ZSurveyTemplate },
      },
      preHandler: app.authorize(surveyTemplatesPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createSurveyTemplate(deps, req.ctx, req.body)),
  );
  app.put(
    '/api/survey-templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a survey template (send the version you read)',
        params,
        body: ZSurveyTemplateInput.and(z.object({ version: z.number().int().min(1) })),
        response: { 200: ZSurveyTemplate },
      },
      preHandler: app.authorize(surveyTemplatesPolicy, 'update'),
    },
    async (req) => updateSurveyTemplate(deps, req.ctx, req.params.id, req.body),
  );
};
