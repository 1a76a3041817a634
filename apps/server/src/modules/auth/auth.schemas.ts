import { LOCALES, ZPassword } from '@kaimen/shared';
import { z } from 'zod';
import { ZUser } from '../users/users.schemas.js';

export const ZLoginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionResponse = z.object({ user: ZUser, csrfToken: z.string() });
export const ZUserResponse = z.object({ user: ZUser });

export const ZUpdateMeRequest = z.object({
  locale: z.enum(LOCALES as ['zh-CN', 'en']).optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: ZPassword,
});

export const ZTotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const ZTotpEnableRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const ZTotpDisableRequest = z.object({ password: z.string().min(1).max(1024) });
