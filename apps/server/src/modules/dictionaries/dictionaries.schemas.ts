import { z } from 'zod';

export const ZNeedCategory = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  defaultDepartmentCode: z.string(),
  slaWorkingDays: z.number(),
  sort: z.number(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZDictionariesResponse = z.object({
  static: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  needCategories: z.array(ZNeedCategory),
});

export const ZUpdateNeedCategoryRequest = z.object({
  version: z.number().int().min(1),
  nameZh: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
  defaultDepartmentCode: z.string().trim().min(1).max(40).optional(),
  slaWorkingDays: z.number().int().min(1).max(365).optional(),
});
export type TUpdateNeedCategoryRequest = z.infer<typeof ZUpdateNeedCategoryRequest>;
export const ZNeedCategoryIdParams = z.object({ id: z.string().max(100) });
