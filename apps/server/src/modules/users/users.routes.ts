import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { usersPolicy } from './users.policy.js';
import {
  ZCreateUserRequest,
  ZListUsersRequest,
  ZListUsersResponse,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserIdParams,
} from './users.schemas.js';
import { createUser, disableUser, findUsers, getUser, resetPassword, unlockUser, updateUser } from './users.service.js';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['users'];
  const params = ZUserIdParams;

  app.get(
    '/api/users',
    {
      schema: { tags, summary: 'List users', querystring: ZListUsersRequest, response: { 200: ZListUsersResponse } },
      preHandler: app.authorize(usersPolicy, 'list'),
    },
    async (req) => findUsers(app.database.db, req.actor(), req.query),
  );
  app.post(
    '/api/users',
    {
      schema: { tags, summary: 'Create a user', body: ZCreateUserRequest, response: { 201: ZUser } },
      preHandler: app.authorize(usersPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createUser(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'Get a user', params, response: { 200: ZUser } },
      preHandler: app.authorize(usersPolicy, 'read'),
    },
    async (req) => getUser(app.database.db, req.actor(), req.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: { tags, summary: 'Change a user', params, body: ZUpdateUserRequest, response: { 200: ZUser } },
      preHandler: app.authorize(usersPolicy, 'update'),
    },
    async (req) => updateUser(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/disable',
    {
      schema: { tags, summary: 'Disable a user and end their sessions', params, response: { 200: ZUser } },
      preHandler: app.authorize(usersPolicy, 'disable'),
    },
    async (req) => disableUser(deps, req.ctx, req.params.id, true),
  );
  app.post(
    '/api/users/:id/enable',
    {
      schema: { tags, summary: 'Enable a user', params, response: { 200: ZUser } },
      preHandler: app.authorize(usersPolicy, 'disable'),
    },
    async (req) => disableUser(deps, req.ctx, req.params.id, false),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags, summary: 'Lift a login lockout', params, response: { 200: ZUser } },
      preHandler: app.authorize(usersPolicy, 'update'),
    },
    async (req) => unlockUser(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password and end their sessions',
        params,
        body: ZResetPasswordRequest,
        response: { 204: z.null() },
      },
      preHandler: app.authorize(usersPolicy, 'resetPassword'),
    },
    async (req, reply) => {
      await resetPassword(deps, req.ctx, req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );
};
