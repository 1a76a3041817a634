import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantOf } from '../../lib/actor.js';
import { chainPolicy } from './chain.policy.js';
import {
  ZChainNode,
  ZChainNodeIdParams,
  ZCreateChainNodeRequest,
  ZListChainNodesResponse,
  ZUpdateChainNodeRequest,
} from './chain.schemas.js';
import { createChainNode, deleteChainNode, findChainNodes, updateChainNode } from './chain.service.js';

export const chainRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['chain'];
  const params = ZChainNodeIdParams;
  app.get(
    '/api/chain-nodes',
    {
      schema: { tags, summary: 'The industry chain tree', response: { 200: ZListChainNodesResponse } },
      preHandler: app.authorize(chainPolicy, 'list'),
    },
    async (req) => findChainNodes(app.database.db, tenantOf(req.actor())),
  );
  app.post(
    '/api/chain-nodes',
    {
      schema: { tags, summary: 'Add a chain node', body: ZCreateChainNodeRequest, response: { 201: ZChainNode } },
      preHandler: app.authorize(chainPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createChainNode(deps, req.ctx, tenantOf(req.actor()), req.body)),
  );
  app.patch(
    '/api/chain-nodes/:id',
    {
      schema: {
        tags,
        summary: 'Rename or move a chain node',
        params,
        body: ZUpdateChainNodeRequest,
        response: { 200: ZChainNode },
      },
      preHandler: app.authorize(chainPolicy, 'update'),
    },
    async (req) => updateChainNode(deps, req.ctx, tenantOf(req.actor()), req.params.id, req.body),
  );
  app.delete(
    '/api/chain-nodes/:id',
    {
      schema: { tags, summary: 'Delete an unused leaf node', params, response: { 204: z.null() } },
      preHandler: app.authorize(chainPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteChainNode(deps, req.ctx, tenantOf(req.actor()), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
