import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { definePolicy } from '../../lib/policy.js';
import { deleteHoliday, listHolidays, putHoliday } from './holidays.service.js';

/** The office's calendar: everyone of the tenant reads it (deadlines are shown in it); the admin keeps it. */
export const holidaysPolicy = definePolicy(
  'holiday',
  {},
  {
    list: {
      admin: 'tenant',
      leader: 'tenant',
      investment: 'tenant',
      service: 'tenant',
      department: 'tenant',
      property: 'tenant',
      enterprise: 'tenant',
    },
    update: { admin: 'tenant' },
  },
);

const ZHoliday = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string().nullable() });
const ZDateParams = z.object({ date: z.string().date() });

export const holidaysRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['settings'];
  app.get(
    '/api/holidays',
    {
      schema: {
        tags,
        summary: 'The office calendar: weekday holidays and weekend working days (调休) of a year',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(ZHoliday) }) },
      },
      preHandler: app.authorize(holidaysPolicy, 'list'),
    },
    async (req) => ({ items: await listHolidays(app.database.db, req.actor(), req.query.year) }),
  );
  app.put(
    '/api/holidays/:date',
    {
      schema: {
        tags,
        summary: 'Mark a date as a holiday or a working day (SLAs count working days)',
        params: ZDateParams,
        body: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(50).nullish() }),
        response: { 200: ZHoliday },
      },
      preHandler: app.authorize(holidaysPolicy, 'update'),
    },
    async (req) => putHoliday(deps, req.ctx, req.params.date, req.body.kind, req.body.name ?? null),
  );
  app.delete(
    '/api/holidays/:date',
    {
      schema: { tags, summary: 'Make a date an ordinary day again', params: ZDateParams, response: { 204: z.null() } },
      preHandler: app.authorize(holidaysPolicy, 'update'),
    },
    async (req, reply) => {
      await deleteHoliday(deps, req.ctx, req.params.date);
      return reply.status(204).send(null);
    },
  );
};
