import { ZNeedActionInput, ZNeedInput, ZNeedUpdateInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { exportNeeds, NEED_EXPORT_CAP, ZExportNeedsRequest } from './needs.export.js';
import { needsPolicy } from './needs.policy.js';
import { ZListNeedsRequest, ZListNeedsResponse, ZNeedDetail, ZNeedIdParams } from './needs.schemas.js';
import { actOnNeed, createNeed, findNeeds, getNeed, updateNeed } from './needs.service.js';

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['needs'];
  const params = ZNeedIdParams;

  app.get(
    '/api/needs',
    {
      schema: {
        tags,
        summary: 'Needs the user may see, filtered (queue=mine: what waits for me)',
        querystring: ZListNeedsRequest,
        response: { 200: ZListNeedsResponse },
      },
      preHandler: app.authorize(needsPolicy, 'list'),
    },
    async (req) => findNeeds(db, req.ctx, req.query),
  );
  app.get(
    '/api/needs/export',
    {
      schema: {
        tags,
        summary: 'Download the filtered needs as xlsx',
        description:
          `The same filters as GET /api/needs, up to ${NEED_EXPORT_CAP} rows, headed in the reader's language; ` +
          'contact phones masked unless the user may see them; every export is audited.',
        querystring: ZExportNeedsRequest,
      },
      preHandler: app.authorize(needsPolicy, 'export'),
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportNeeds(deps, req.ctx, req.query);
      if (file.truncated) reply.header('x-kaimen-export-truncated', String(NEED_EXPORT_CAP));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  app.post(
    '/api/needs',
    {
      schema: {
        tags,
        summary: 'Raise a need for a company (routed to the category’s lead department unless one is chosen)',
        body: ZNeedInput,
        response: { 201: ZNeedDetail },
      },
      preHandler: app.authorize(needsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createNeed(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'A need with its timeline and the steps the user may take',
        params,
        response: { 200: ZNeedDetail },
      },
      preHandler: app.authorize(needsPolicy, 'read'),
    },
    async (req) => getNeed(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'Change urgency or supporting departments (send the version you read)',
        params,
        body: ZNeedUpdateInput,
        response: { 200: ZNeedDetail },
      },
      preHandler: app.authorize(needsPolicy, 'update'),
    },
    async (req) => updateNeed(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/needs/:id/actions',
    {
      schema: {
        tags,
        summary:
          'A workflow step: accept, start, resolve, return, resubmit, reassign, escalate, confirm, close, comment',
        params,
        body: ZNeedActionInput,
        response: { 200: ZNeedDetail },
      },
      preHandler: app.authorize(needsPolicy, 'act'),
    },
    async (req) => actOnNeed(deps, req.ctx, req.params.id, req.body),
  );
};
