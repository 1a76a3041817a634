import { z } from 'zod';

export const ZDepartment = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.number(),
  webhookUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZCreateDepartmentRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  sort: z.number().int().min(0).max(10_000).optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
});
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = ZCreateDepartmentRequest.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

export const ZDepartmentIdParams = z.object({ id: z.string().max(100) });
export const ZListDepartmentsResponse = z.object({
  items: z.array(ZDepartment),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
