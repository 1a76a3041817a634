import {
  FIELD_ISSUE_MESSAGES,
  ERROR_MESSAGES,
  errorDetail,
  problemType,
  type ErrorCode,
  type Locale,
  type Problem,
} from '@kaimen/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import type { $ZodRawIssue } from 'zod/v4/core';
import { classifyDbError } from '../db/database.js';
import { AppError, type FieldError } from '../lib/app-error.js';
import { recordAudit } from '../modules/audit/audit.repository.js';

const zodLocales = { 'zh-CN': zhCN().localeError, en: en().localeError };

type Validation = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** Re-word zod issues in the user's language; our own custom issues carry their code in params. */
function fieldErrors(validation: Validation[], locale: Locale): FieldError[] {
  return validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = v.params ?? {};
    if (params.params && typeof params.params === 'object' && 'code' in params.params) {
      const code = (params.params as { code: string }).code;
      if (code === 'password-policy')
        return { field, code, message: errorDetail('password-policy', locale, { min: 8 }) };
      const known = FIELD_ISSUE_MESSAGES[code];
      if (known) return { field, code, message: locale === 'en' ? known.en : known.zh };
    }
    const issue = { code: v.keyword, path: field.split('.'), ...params } as unknown as $ZodRawIssue;
    const mapped = zodLocales[locale](issue);
    const message = typeof mapped === 'string' ? mapped : (mapped?.message ?? v.message ?? '');
    return { field, code: v.keyword, message };
  });
}

function problem(
  req: FastifyRequest,
  code: ErrorCode,
  status: number,
  params = {},
  rest: Partial<Problem> = {},
): Problem {
  const locale = req.ctx?.locale ?? 'zh-CN';
  return {
    type: problemType(code),
    title: ERROR_MESSAGES[code].title[locale],
    status,
    detail: errorDetail(code, locale, params),
    code,
    instance: req.url.split('?')[0],
    ...rest,
  };
}

function send(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json; charset=utf-8').send(p);
}

/** One error handler for the whole API: problem+json, localised, never a stack, SQL or path. */
export const errorHandlerPlugin = fp(async (app) => {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.options.refused && req.ctx) {
        await recordAudit(app.database.db, req.ctx, {
          action: err.options.refused.action,
          entityType: err.options.refused.entityType,
          entityId: err.options.refused.entityId ?? null,
          outcome: 'refused',
          detail: err.code,
        }).catch((e: unknown) => req.log.error({ err: e }, 'audit of refusal failed'));
      }
      if (err.status >= 500) req.log.error({ err }, 'application error');
      return send(
        reply,
        problem(req, err.code, err.status, err.options.params, {
          errors: err.options.errors,
          ...err.options.extra,
          ...(err.options.detail ? { detail: err.options.detail[req.ctx?.locale ?? 'zh-CN'] } : {}),
        }),
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = fieldErrors(err.validation as Validation[], req.ctx?.locale ?? 'zh-CN');
      return send(reply, problem(req, 'validation', 400, {}, { errors }));
    }
    const dbKind = classifyDbError(err);
    if (dbKind === 'unique') return send(reply, problem(req, 'conflict', 409));
    if (dbKind === 'busy') return send(reply.header('retry-after', '10'), problem(req, 'busy', 503));
    if (dbKind) return send(reply, problem(req, 'unprocessable', 422));
    const status = err.statusCode ?? 500;
    if (status === 429) return send(reply, problem(req, 'rate-limited', 429));
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(
        reply,
        problem(req, 'payload-too-large', 413, { limit: `${Math.round(app.config.maxUploadBytes / 1048576)} MB` }),
      );
    }
    if (status === 415) return send(reply, problem(req, 'unsupported-file-type', 415, { allowed: 'application/json' }));
    if (status >= 400 && status < 500) return send(reply, problem(req, 'validation', 400));
    req.log.error({ err }, 'unhandled error');
    return send(reply, problem(req, 'internal', 500));
  });

  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/') || !app.hasDecorator('serveSpa'))
      return send(reply, problem(req, 'not-found', 404));
    return reply.sendFile('index.html');
  });
});
