import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { departmentsPolicy } from './departments.policy.js';
import {
  ZCreateDepartmentRequest,
  ZDepartment,
  ZDepartmentIdParams,
  ZListDepartmentsResponse,
  ZUpdateDepartmentRequest,
} from './departments.schemas.js';
import {
  createDepartment,
  deleteDepartment,
  findDepartments,
  getDepartment,
  updateDepartment,
} from './departments.service.js';

export const departmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['departments'];
  const params = ZDepartmentIdParams;

  app.get(
    '/api/departments',
    {
      schema: { tags, summary: 'List departments', response: { 200: ZListDepartmentsResponse } },
      preHandler: app.authorize(departmentsPolicy, 'list'),
    },
    async (req) => findDepartments(app.database.db, req.actor()),
  );
  app.post(
    '/api/departments',
    {
      schema: { tags, summary: 'Create a department', body: ZCreateDepartmentRequest, response: { 201: ZDepartment } },
      preHandler: app.authorize(departmentsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createDepartment(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/departments/:id',
    {
      schema: { tags, summary: 'Get a department', params, response: { 200: ZDepartment } },
      preHandler: app.authorize(departmentsPolicy, 'read'),
    },
    async (req) => getDepartment(app.database.db, req.actor(), req.params.id),
  );
  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: 'Change a department',
        params,
        body: ZUpdateDepartmentRequest,
        response: { 200: ZDepartment },
      },
      preHandler: app.authorize(departmentsPolicy, 'update'),
    },
    async (req) => updateDepartment(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/departments/:id',
    {
      schema: { tags, summary: 'Delete an empty department', params, response: { 204: z.null() } },
      preHandler: app.authorize(departmentsPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteDepartment(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
