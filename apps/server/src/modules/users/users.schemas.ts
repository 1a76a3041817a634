import { ROLES, TENANT_ROLES, ZPassword } from '@kaimen/shared';
import { z } from 'zod';

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'letters, digits, . _ - (2–64)');

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().nullable(),
  departmentHead: z.boolean(),
  enterpriseId: z.string().nullable(),
  locale: z.string().nullable(),
  totpEnabled: z.boolean(),
  totpEnrolmentRequired: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number(),
  lastLoginAt: z.string().nullable(),
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZListUsersRequest = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(TENANT_ROLES).optional(),
  departmentId: z.string().optional(),
  disabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .enum([
      'username',
      '-username',
      'displayName',
      '-displayName',
      'createdAt',
      '-createdAt',
      'lastLoginAt',
      '-lastLoginAt',
    ])
    .optional(),
});
export type TListUsersRequest = z.infer<typeof ZListUsersRequest>;

export const ZCreateUserRequest = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(TENANT_ROLES),
  departmentId: z.string().nullish(),
  departmentHead: z.boolean().optional(),
  enterpriseId: z.string().max(100).nullish(),
  password: ZPassword,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(TENANT_ROLES).optional(),
  departmentId: z.string().nullish(),
  departmentHead: z.boolean().optional(),
  enterpriseId: z.string().max(100).nullish(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.object({ password: ZPassword });
export const ZUserIdParams = z.object({ id: z.string().max(100) });
export const ZListUsersResponse = z.object({
  items: z.array(ZUser),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
