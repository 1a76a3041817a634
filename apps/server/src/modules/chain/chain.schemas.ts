import { z } from 'zod';

export const ZChainNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  segment: z.string(),
  industryCodes: z.array(z.string()),
  keywords: z.array(z.string()),
  sort: z.number(),
  version: z.number(),
});
export type TChainNode = z.infer<typeof ZChainNode>;

const fields = {
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  segment: z.enum(['upstream', 'midstream', 'downstream']),
  parentId: z.string().max(100).nullable(),
  industryCodes: z.array(z.string().regex(/^\d{2,4}$/)).max(20),
  keywords: z.array(z.string().trim().min(1).max(30)).max(50),
  sort: z.number().int().min(0).max(100_000),
};

export const ZCreateChainNodeRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  ...fields,
  parentId: fields.parentId.optional(),
  industryCodes: fields.industryCodes.optional(),
  keywords: fields.keywords.optional(),
  sort: fields.sort.optional(),
});
export const ZUpdateChainNodeRequest = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export const ZChainNodeIdParams = z.object({ id: z.string().max(100) });
export const ZListChainNodesResponse = z.object({ items: z.array(ZChainNode) });
