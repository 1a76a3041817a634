import { ZIncubateeGraduateInput, ZIncubateeInput, ZIncubateeLeaveInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZIncubatee,
  ZListIncubateesRequest,
  ZListIncubateesResponse,
  ZUpdateIncubateeRequest,
} from './incubator.schemas.js';
import {
  createIncubatee,
  findIncubatees,
  getIncubatee,
  graduateIncubatee,
  leaveIncubatee,
  updateIncubatee,
} from './incubator.service.js';
import { incubatorPolicy } from './property.policy.js';
import { ZPropertyIdParams } from './property.schemas.js';

export const incubatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['property'];
  const params = ZPropertyIdParams;

  app.get(
    '/api/incubatees',
    {
      schema: {
        tags,
        summary: 'Incubatees the user may see (a company its own), with their company and unit',
        querystring: ZListIncubateesRequest,
        response: { 200: ZListIncubateesResponse },
      },
      preHandler: app.authorize(incubatorPolicy, 'list'),
    },
    async (req) => findIncubatees(db, req.ctx, req.query),
  );
  app.post(
    '/api/incubatees',
    {
      schema: {
        tags,
        summary: 'Take a company into the incubator (one incubation at a time per company)',
        body: ZIncubateeInput,
        response: { 201: ZIncubatee },
      },
      preHandler: app.authorize(incubatorPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createIncubatee(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/incubatees/:id',
    {
      schema: { tags, summary: 'An incubatee', params, response: { 200: ZIncubatee } },
      preHandler: app.authorize(incubatorPolicy, 'read'),
    },
    async (req) => getIncubatee(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/incubatees/:id',
    {
      schema: {
        tags,
        summary: 'Change an incubatee’s unit, desk, dates, mentor or notes (send the version you read)',
        params,
        body: ZUpdateIncubateeRequest,
        response: { 200: ZIncubatee },
      },
      preHandler: app.authorize(incubatorPolicy, 'update'),
    },
    async (req) => updateIncubatee(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/incubatees/:id/graduate',
    {
      schema: {
        tags,
        summary: 'Graduate: lease the company its own unit(s) and close the incubation, all or nothing',
        params,
        body: ZIncubateeGraduateInput,
        response: { 200: ZIncubatee },
      },
      preHandler: app.authorize(incubatorPolicy, 'graduate'),
    },
    async (req) => graduateIncubatee(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/incubatees/:id/leave',
    {
      schema: {
        tags,
        summary: 'The company leaves the incubator without graduating (with the reason)',
        params,
        body: ZIncubateeLeaveInput,
        response: { 200: ZIncubatee },
      },
      preHandler: app.authorize(incubatorPolicy, 'leave'),
    },
    async (req) => leaveIncubatee(deps, req.ctx, req.params.id, req.body),
  );
};
