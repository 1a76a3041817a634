import { errorDetail } from '@kaimen/shared';
import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classifyDbError } from '../../db/database.js';
import { AppError } from '../../lib/app-error.js';
import { formatOfUrl, send, splitFormat, type Format } from './open311.format.js';
import { ZOpen311FileParams, ZOpen311PostBody, ZOpen311RequestsQuery, ZOpen311TenantQuery } from './open311.schemas.js';
import {
  auditRefusal,
  createRequest,
  discovery,
  findRequests,
  getRequest,
  listServices,
  Open311Error,
  resolveJurisdiction,
  serviceDefinition,
} from './open311.service.js';

/** Per client address and route: enough for a city system's sync, not for a flood. */
const READS_PER_MINUTE = 120;
const WRITES_PER_MINUTE = 60;

const FORMATS: Format[] = ['json', 'xml'];

type Validation = { instancePath?: string; message?: string };

/**
 * GeoReport v2 under /open311 (register with that prefix). An external standard: its own error shape
 * (`[{code, description}]`, or `<errors>` for .xml) instead of problem+json, so this plugin keeps its own error and
 * not-found handlers and its own form-body parser; nothing here leaks into /api. No session or CSRF applies (those
 * hooks only look at /api/): writing takes an API key.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['open311'];
  const reads = { rateLimit: { max: READS_PER_MINUTE, timeWindow: '1 minute' } };
  const writes = { rateLimit: { max: WRITES_PER_MINUTE, timeWindow: '1 minute' } };

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      // The last of repeated fields wins; every field the specification has is single-valued.
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const format = formatOfUrl(req.url);
    const locale = req.ctx?.locale ?? 'zh-CN';
    const fail = (status: number, description: string) =>
      send(reply, format, 'errors', [{ code: status, description }], status);
    if (err instanceof Open311Error) {
      if (err.refused) {
        await auditRefusal(db, req.ctx, err.refused).catch((e: unknown) =>
          req.log.error({ err: e }, 'audit of refusal failed'),
        );
      }
      return fail(err.status, err.description);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = (err.validation as Validation[]).map((v) => {
        const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        return field ? `${field}: ${v.message ?? 'invalid'}` : (v.message ?? 'invalid');
      });
      return fail(400, fields.join('; '));
    }
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'application error');
      const detail = err.options.errors?.length
        ? err.options.errors.map((e) => e.message).join('; ')
        : (err.options.detail?.[locale] ?? errorDetail(err.code, locale, err.options.params ?? {}));
      return fail(err.status === 429 || err.status >= 500 ? err.status : 400, detail);
    }
    const dbKind = classifyDbError(err);
    if (dbKind === 'busy') {
      reply.header('retry-after', '10');
      return fail(503, errorDetail('busy', locale, {}));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return fail(429, errorDetail('rate-limited', locale, {}));
    if (status >= 400 && status < 500 && !dbKind) {
      // Malformed or unsupported bodies: the specification knows 400 for what the caller sent wrong.
      const description =
        status === 415 ? 'Send application/x-www-form-urlencoded' : errorDetail('validation', locale, {});
      return fail(400, description);
    }
    req.log.error({ err }, 'unhandled error');
    return fail(500, errorDetail('internal', locale, {}));
  });

  app.setNotFoundHandler(async (req, reply) =>
    send(
      reply,
      formatOfUrl(req.url),
      'errors',
      [{ code: 404, description: `${req.url.split('?')[0]} not found` }],
      404,
    ),
  );

  /** `rnd.json` → the code and the format; anything else is a resource we do not have. */
  const fileOf = (req: FastifyRequest, file: string) => {
    const parsed = splitFormat(file);
    if (!parsed) throw new Open311Error(404, `${req.url.split('?')[0]} not found`);
    return parsed;
  };

  for (const format of FORMATS) {
    app.get(
      `/v2/discovery.${format}`,
      { schema: { tags, summary: 'Service discovery', querystring: ZOpen311TenantQuery }, config: reads },
      async (req, reply) => {
        const id = req.query.jurisdiction_id?.trim();
        const j = id ? await resolveJurisdiction(db, req.ctx.locale, id) : null;
        return send(reply, format, 'discovery', discovery(`${req.protocol}://${req.host}/open311`, j));
      },
    );

    app.get(
      `/v2/services.${format}`,
      { schema: { tags, summary: 'Services: one per need category', querystring: ZOpen311TenantQuery }, config: reads },
      async (req, reply) => {
        const j = await resolveJurisdiction(db, req.ctx.locale, req.query.jurisdiction_id);
        return send(reply, format, 'services', await listServices(db, j));
      },
    );

    app.post(
      `/v2/requests.${format}`,
      {
        schema: {
          tags,
          summary: 'Raise a need (form-encoded, api_key and attribute[enterprise_uscc] required)',
          body: ZOpen311PostBody,
        },
        config: writes,
      },
      async (req, reply) => send(reply, format, 'service_requests', await createRequest(deps, req.ctx, req.body), 201),
    );

    app.get(
      `/v2/requests.${format}`,
      {
        schema: { tags, summary: 'Needs of the jurisdiction (no personal data)', querystring: ZOpen311RequestsQuery },
        config: reads,
      },
      async (req, reply) => {
        const j = await resolveJurisdiction(db, req.ctx.locale, req.query.jurisdiction_id);
        return send(reply, format, 'service_requests', await findRequests(db, req.ctx, j, req.query));
      },
    );
  }

  app.get(
    '/v2/services/:file',
    {
      schema: {
        tags,
        summary: 'Service definition ({code}.json or {code}.xml)',
        params: ZOpen311FileParams,
        querystring: ZOpen311TenantQuery,
      },
      config: reads,
    },
    async (req, reply) => {
      const { name, format } = fileOf(req, req.params.file);
      const j = await resolveJurisdiction(db, req.ctx.locale, req.query.jurisdiction_id);
      return send(reply, format, 'service_definition', await serviceDefinition(db, req.ctx.locale, j, name));
    },
  );

  app.get(
    '/v2/requests/:file',
    {
      schema: {
        tags,
        summary: 'One need ({id}.json or {id}.xml)',
        params: ZOpen311FileParams,
        querystring: ZOpen311TenantQuery,
      },
      config: reads,
    },
    async (req, reply) => {
      const { name, format } = fileOf(req, req.params.file);
      const j = await resolveJurisdiction(db, req.ctx.locale, req.query.jurisdiction_id);
      return send(reply, format, 'service_requests', await getRequest(db, req.ctx, j, name));
    },
  );
};
