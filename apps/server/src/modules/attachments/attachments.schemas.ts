import { z } from 'zod';
import { ENTITY_TYPE_PATTERN } from './attachments.registry.js';

export const ZAttachment = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

const ZOwnerRef = z.object({
  entityType: z.string().regex(ENTITY_TYPE_PATTERN),
  entityId: z.string().trim().min(1).max(100),
});

/** The multipart fields, which must come before the file part. */
export const ZCreateAttachmentRequest = ZOwnerRef.extend({ filename: z.string().min(1).max(1000) });
export type TCreateAttachmentRequest = z.infer<typeof ZCreateAttachmentRequest>;

export const ZListAttachmentsRequest = ZOwnerRef.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListAttachmentsRequest = z.infer<typeof ZListAttachmentsRequest>;

export const ZListAttachmentsResponse = z.object({
  items: z.array(ZAttachment),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZAttachmentIdParams = z.object({ id: z.string().max(100) });
