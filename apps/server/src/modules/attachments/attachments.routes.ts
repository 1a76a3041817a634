import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalidFields } from '../../lib/app-error.js';
import { fieldText } from '../../lib/multipart.js';
import { contentDisposition } from '../../lib/content-disposition.js';
import {
  ZAttachment,
  ZAttachmentIdParams,
  ZCreateAttachmentRequest,
  ZListAttachmentsRequest,
  ZListAttachmentsResponse,
} from './attachments.schemas.js';
import { createAttachment, deleteAttachment, findAttachments, getAttachmentFile } from './attachments.service.js';

/** Validates the multipart fields that precede the file; the file itself stays a stream. */
async function readUpload(req: FastifyRequest) {
  const part = await req.file();
  if (!part) throw new AppError('validation', { errors: [{ field: 'file', message: 'required' }] });
  const parsed = ZCreateAttachmentRequest.safeParse({
    entityType: fieldText(part, 'entityType'),
    entityId: fieldText(part, 'entityId'),
    filename: part.filename,
  });
  if (!parsed.success) {
    part.file.resume();
    throw invalidFields(parsed.error.issues);
  }
  return { ...parsed.data, file: part.file };
}

export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['attachments'];
  const params = ZAttachmentIdParams;

  app.get(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: "List a record's attachments",
        querystring: ZListAttachmentsRequest,
        response: { 200: ZListAttachmentsResponse },
      },
      preHandler: app.requireUser,
    },
    async (req) => findAttachments(app.database.db, req.actor(), req.query),
  );
  app.post(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart: entityType, entityId, then file)',
        consumes: ['multipart/form-data'],
        response: { 201: ZAttachment },
      },
      preHandler: app.requireUser,
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      return reply.status(201).send(await createAttachment(deps, req.ctx, upload));
    },
  );
  app.get(
    '/api/attachments/:id',
    { schema: { tags, summary: 'Download a file', params }, preHandler: app.requireUser },
    async (req, reply) => {
      const { attachment, stream } = await getAttachmentFile(deps, req.actor(), req.params.id);
      return reply
        .type(attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.delete(
    '/api/attachments/:id',
    { schema: { tags, summary: 'Delete a file', params, response: { 204: z.null() } }, preHandler: app.requireUser },
    async (req, reply) => {
      await deleteAttachment(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
