import type { Role } from '@kaimen/shared';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import { parseJson } from '../lib/json.js';
import { pickLocale } from '../lib/locale.js';
import type { Policy } from '../lib/policy.js';
import { addMinutes } from '../lib/time.js';
import { classifyDbError } from '../db/database.js';
import { deleteSession, findSessionWithUser, touchSession } from '../modules/auth/sessions.repository.js';

export const SESSION_COOKIE = 'kaimen_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that work without a session or before TOTP enrolment. */
const NO_CSRF = new Set(['/api/auth/login']);
const ENROLMENT_ALLOWED = new Set([
  '/api/auth/me',
  '/api/auth/logout',
  '/api/auth/password',
  '/api/auth/totp/setup',
  '/api/auth/totp/enable',
]);
/** Writing lastSeenAt on every request would make every read a write. */
const TOUCH_AFTER_MS = 15_000;

export interface SessionInfo {
  id: string;
  csrfToken: string;
  totpEnrolmentRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: SessionInfo | null;
    /** The logged-in actor, or a 401. */
    actor(): Actor;
  }
  interface FastifyInstance {
    authorize<A extends string>(policy: Policy<A>, action: A): preHandlerAsyncHookHandler;
    requireUser: preHandlerAsyncHookHandler;
  }
}

export const sessionPlugin = fp(async (app) => {
  const { config } = app;
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', function (this: FastifyRequest) {
    if (!this.ctx.actor) {
      // Asking "who am I" while signed out is how the web app starts: not worth an audit row.
      const path = this.routeOptions.url ?? this.url;
      const refused = path === '/api/auth/me' ? undefined : { entityType: 'request', action: `${this.method} ${path}` };
      throw new AppError('unauthenticated', { refused });
    }
    return this.ctx.actor;
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const now = config.now();
    req.ctx = {
      actor: null,
      ip: req.ip ?? null,
      requestId: req.id,
      locale: pickLocale(null, req.headers['accept-language']),
      now,
    };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const db = app.database.db;
    const s = await findSessionWithUser(db, token);
    if (!s) return void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const idleDeadline = addMinutes(new Date(s.lastSeenAt), config.session.idleMinutes);
    if (now >= new Date(s.expiresAt) || now >= idleDeadline || s.disabled || s.tenantDisabled) {
      await deleteSession(db, s.sessionId);
      return void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (now.getTime() - new Date(s.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
      // Best effort: while an import holds SQLite's writer a read must still be answered; a later request touches it.
      await app.database
        .transaction((trx) => touchSession(trx, s.sessionId, now))
        .catch((err: unknown) => {
          if (classifyDbError(err) !== 'busy') throw err;
        });
    }
    const requiredRoles = parseJson<string[]>(s.totpRequiredRoles, []);
    req.session = {
      id: s.sessionId,
      csrfToken: s.csrfToken,
      totpEnrolmentRequired: !s.totpEnabled && requiredRoles.includes(s.role),
    };
    req.ctx.actor = {
      userId: s.userId,
      username: s.username,
      role: s.role as Role,
      tenantId: s.tenantId,
      departmentId: s.departmentId,
      departmentHead: !!s.departmentHead,
      enterpriseId: s.enterpriseId,
    };
    req.ctx.locale = pickLocale(s.locale, req.headers['accept-language']);
  });

  // CSRF and the TOTP enrolment gate run after routing, so unknown routes still 404.
  app.addHook('preHandler', async (req) => {
    if (!req.session || !req.url.startsWith('/api/')) return;
    const path = req.routeOptions.url ?? req.url;
    if (UNSAFE.has(req.method) && !NO_CSRF.has(path)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.session.csrfToken) {
        throw new AppError('csrf', { refused: { entityType: 'request', action: `${req.method} ${path}` } });
      }
    }
    if (req.session.totpEnrolmentRequired && !ENROLMENT_ALLOWED.has(path)) {
      throw new AppError('totp-enrolment-required', {
        refused: { entityType: 'request', action: `${req.method} ${path}` },
      });
    }
  });

  app.decorate('requireUser', async function (req: FastifyRequest) {
    req.actor();
  });

  app.decorate('authorize', function <A extends string>(policy: Policy<A>, action: A) {
    return async (req: FastifyRequest) => {
      const actor = req.actor();
      if (!policy.allows(actor, action)) {
        throw new AppError('forbidden', { refused: { entityType: policy.entity, action, entityId: null } });
      }
    };
  });
});
