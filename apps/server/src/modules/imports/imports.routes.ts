import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import { fieldText } from '../../lib/multipart.js';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { importsPolicy } from './imports.policy.js';
import { findImportErrors, importReport } from './imports.report.js';
import {
  ZImportErrorsRequest,
  ZImportErrorsResponse,
  ZImportIdParams,
  ZImportJob,
  ZListImportsRequest,
  ZListImportsResponse,
  ZStartImportRequest,
} from './imports.schemas.js';
import { cancelImport, createImport, deleteImport, findImports, getImport, startImport } from './imports.service.js';

/** The `kind` and (optional) `options` fields, then the file: the file stays a stream to the disk. */
async function readUpload(req: FastifyRequest, maxBytes: number) {
  const part = await req.file({ limits: { fileSize: maxBytes } });
  if (!part) throw new AppError('validation', { errors: [{ field: 'file', message: 'required', code: 'required' }] });
  const options = fieldText(part, 'options');
  let parsed: unknown = {};
  try {
    if (options !== undefined) parsed = JSON.parse(options);
  } catch {
    part.file.resume();
    throw new AppError('validation', { errors: [{ field: 'options', message: 'invalid JSON', code: 'invalid' }] });
  }
  return {
    kind: fieldText(part, 'kind') ?? 'enterprises',
    options: parsed,
    fileName: part.filename || 'upload',
    file: part.file,
  };
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config, imports: app.imports };
  const tags = ['imports'];
  const params = ZImportIdParams;

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary:
          'Upload a spreadsheet to import (multipart: kind, options as JSON (optional), then file); answers its header and a preview',
        consumes: ['multipart/form-data'],
        response: { 201: ZImportJob },
      },
      preHandler: app.authorize(importsPolicy, 'create'),
    },
    async (req, reply) => {
      const upload = await readUpload(req, app.config.maxImportBytes);
      return reply.status(201).send(await createImport(deps, req.ctx, upload));
    },
  );
  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'My imports, newest first',
        querystring: ZListImportsRequest,
        response: { 200: ZListImportsResponse },
      },
      preHandler: app.authorize(importsPolicy, 'read'),
    },
    async (req) => findImports(deps, req.actor(), req.query, req.ctx.locale),
  );
  app.get(
    '/api/imports/:id',
    {
      schema: { tags, summary: 'An import: status, progress, summary', params, response: { 200: ZImportJob } },
      preHandler: app.authorize(importsPolicy, 'read'),
    },
    async (req) => getImport(deps, req.actor(), req.params.id, req.ctx.locale),
  );
  for (const phase of ['check', 'run'] as const) {
    app.post(
      `/api/imports/:id/${phase}`,
      {
        schema: {
          tags,
          summary:
            phase === 'check'
              ? 'Dry run: find every bad row, write nothing'
              : 'Import the good rows, all in one transaction',
          params,
          body: ZStartImportRequest,
          response: { 202: ZImportJob },
        },
        preHandler: app.authorize(importsPolicy, 'update'),
      },
      async (req, reply) => reply.status(202).send(await startImport(deps, req.ctx, req.params.id, phase, req.body)),
    );
  }
  app.post(
    '/api/imports/:id/cancel',
    {
      schema: { tags, summary: 'Stop a check or run (nothing of a run stays)', params, response: { 202: ZImportJob } },
      preHandler: app.authorize(importsPolicy, 'update'),
    },
    async (req, reply) => reply.status(202).send(await cancelImport(deps, req.ctx, req.params.id)),
  );
  app.get(
    '/api/imports/:id/errors',
    {
      schema: {
        tags,
        summary: 'The bad rows of the last check or run, with row number, column and reason',
        params,
        querystring: ZImportErrorsRequest,
        response: { 200: ZImportErrorsResponse },
      },
      preHandler: app.authorize(importsPolicy, 'read'),
    },
    async (req) => findImportErrors(app.database.db, req.actor(), req.params.id, req.query, req.ctx.locale),
  );
  app.get(
    '/api/imports/:id/report',
    {
      schema: { tags, summary: 'The bad rows as xlsx: original cells and a reason column', params },
      preHandler: app.authorize(importsPolicy, 'read'),
    },
    async (req, reply) => {
      const { fileName, stream } = await importReport(app.database.db, req.actor(), req.params.id, req.ctx.locale);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.delete(
    '/api/imports/:id',
    {
      schema: { tags, summary: 'Forget an import and its file', params, response: { 204: z.null() } },
      preHandler: app.authorize(importsPolicy, 'update'),
    },
    async (req, reply) => {
      await deleteImport(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
