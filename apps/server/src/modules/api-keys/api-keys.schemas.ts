import { requiredText } from '@kaimen/shared';
import { z } from 'zod';

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; never enough to use one. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

/** The answer to issuing a key: the only time the key itself is ever shown. */
export const ZIssuedApiKey = ZApiKey.extend({ key: z.string() });

export const ZCreateApiKeyRequest = z.object({ name: requiredText(100) });
export type TCreateApiKeyRequest = z.output<typeof ZCreateApiKeyRequest>;

export const ZApiKeyIdParams = z.object({ id: z.string().max(100) });

export const ZListApiKeysResponse = z.object({
  items: z.array(ZApiKey),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
