import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import { SESSION_COOKIE } from '../../plugins/session.js';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZSessionResponse,
  ZTotpDisableRequest,
  ZTotpEnableRequest,
  ZTotpSetupResponse,
  ZUpdateMeRequest,
  ZUserResponse,
} from './auth.schemas.js';
import {
  changePassword,
  disableTotp,
  enableTotp,
  getSessionUser,
  login,
  logout,
  setupTotp,
  updateMe,
} from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const deps = { database: app.database, config };
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.cookieSecure === 'auto' ? req.protocol === 'https' : config.session.cookieSecure,
      expires: new Date(expiresAt),
    });
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in', body: ZLoginRequest, response: { 200: ZSessionResponse } },
      config: { rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { session, user } = await login(deps, req.ctx, {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
        previousSessionId: req.session?.id,
      });
      setCookie(req, reply, session.token, session.expiresAt);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The signed-in user', response: { 200: ZSessionResponse } },
      preHandler: app.requireUser,
    },
    async (req) => ({
      user: await getSessionUser(app.database.db, req.actor().userId, req.ctx.now),
      csrfToken: req.session!.csrfToken,
    }),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Update own profile and language',
        body: ZUpdateMeRequest,
        response: { 200: ZUserResponse },
      },
      preHandler: app.requireUser,
    },
    async (req) => ({ user: await updateMe(deps, req.ctx, req.body) }),
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 204: z.null() } }, preHandler: app.requireUser },
    async (req, reply) => {
      await logout(deps, req.ctx, req.session!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags, summary: 'Change own password', body: ZChangePasswordRequest, response: { 204: z.null() } },
      preHandler: app.requireUser,
    },
    async (req, reply) => {
      if (req.body.newPassword === req.body.currentPassword) {
        throw new AppError('validation', {
          errors: [
            {
              field: 'newPassword',
              message: req.ctx.locale === 'en' ? 'Choose a new password.' : '新密码不能与当前密码相同。',
            },
          ],
        });
      }
      const session = await changePassword(deps, req.ctx, {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setCookie(req, reply, session.token, session.expiresAt);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: { tags, summary: 'Start TOTP enrolment', response: { 200: ZTotpSetupResponse } },
      preHandler: app.requireUser,
    },
    async (req) => setupTotp(deps, req.ctx),
  );
  app.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment with a code',
        body: ZTotpEnableRequest,
        response: { 200: ZUserResponse },
      },
      preHandler: app.requireUser,
    },
    async (req) => ({ user: await enableTotp(deps, req.ctx, req.body.code) }),
  );
  app.post(
    '/api/auth/totp/disable',
    {
      schema: { tags, summary: 'Turn TOTP off', body: ZTotpDisableRequest, response: { 200: ZUserResponse } },
      preHandler: app.requireUser,
    },
    async (req) => ({ user: await disableTotp(deps, req.ctx, req.body.password) }),
  );
};
