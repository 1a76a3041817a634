import { ZPassword } from '@kaimen/shared';
import { z } from 'zod';
import { ZUsername } from '../users/users.schemas.js';

export const ZTenant = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZCreateTenantRequest = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  name: z.string().trim().min(1).max(100),
  adminUsername: ZUsername,
  adminPassword: ZPassword,
  adminDisplayName: z.string().trim().min(1).max(100).optional(),
});
export type TCreateTenantRequest = z.infer<typeof ZCreateTenantRequest>;

export const ZUpdateTenantRequest = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  disabled: z.boolean().optional(),
});
export const ZTenantIdParams = z.object({ id: z.string().max(100) });
export const ZListTenantsResponse = z.object({
  items: z.array(ZTenant),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
