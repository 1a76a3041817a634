import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findWebhookDeliveries, retryWebhookDelivery } from './webhooks.log.js';
import { webhookDeliveriesPolicy } from './webhooks.policy.js';
import {
  ZListWebhookDeliveriesRequest,
  ZListWebhookDeliveriesResponse,
  ZWebhookDelivery,
  ZWebhookDeliveryIdParams,
} from './webhooks.schemas.js';

export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['webhooks'];

  app.get(
    '/api/webhook-deliveries',
    {
      schema: {
        tags,
        summary: 'The log of messages to the departments’ robots, newest first',
        querystring: ZListWebhookDeliveriesRequest,
        response: { 200: ZListWebhookDeliveriesResponse },
      },
      preHandler: app.authorize(webhookDeliveriesPolicy, 'list'),
    },
    async (req) => findWebhookDeliveries(app.database.db, req.ctx, req.query),
  );
  app.post(
    '/api/webhook-deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed message again: it is queued, due now, for one more attempt',
        params: ZWebhookDeliveryIdParams,
        response: { 200: ZWebhookDelivery },
      },
      preHandler: app.authorize(webhookDeliveriesPolicy, 'retry'),
    },
    async (req) => retryWebhookDelivery(deps, req.ctx, req.params.id),
  );
};
