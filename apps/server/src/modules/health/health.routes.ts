import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.literal('ok'), dialect: z.string() }),
          503: z.object({ status: z.literal('error'), db: z.literal('error') }),
        },
      },
    },
    async (req, reply) => {
      try {
        await sql`select 1`.execute(app.database.db);
        return { status: 'ok' as const, db: 'ok' as const, dialect: app.database.dialect };
      } catch (err) {
        req.log.error({ err }, 'health check failed');
        return reply.status(503).send({ status: 'error' as const, db: 'error' as const });
      }
    },
  );
};
