import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeysPolicy } from './api-keys.policy.js';
import { ZApiKeyIdParams, ZCreateApiKeyRequest, ZIssuedApiKey, ZListApiKeysResponse } from './api-keys.schemas.js';
import { findApiKeys, issueApiKey, revokeApiKey } from './api-keys.service.js';

export const apiKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['api-keys'];

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'The tenant’s Open311 API keys (never the keys themselves)',
        response: { 200: ZListApiKeysResponse },
      },
      preHandler: app.authorize(apiKeysPolicy, 'list'),
    },
    async (req) => findApiKeys(app.database.db, req.actor()),
  );
  app.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key: the answer shows the key, once',
        body: ZCreateApiKeyRequest,
        response: { 201: ZIssuedApiKey },
      },
      preHandler: app.authorize(apiKeysPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await issueApiKey(deps, req.ctx, req.body)),
  );
  app.delete(
    '/api/api-keys/:id',
    {
      schema: { tags, summary: 'Revoke an API key', params: ZApiKeyIdParams, response: { 204: z.null() } },
      preHandler: app.authorize(apiKeysPolicy, 'revoke'),
    },
    async (req, reply) => {
      await revokeApiKey(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
