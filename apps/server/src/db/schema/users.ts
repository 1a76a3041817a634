import type { Generated } from 'kysely';

/** Users are platform-wide (usernames unique across tenants); `tenantId` is null only for the platform operator. */
export interface UsersTable {
  id: string;
  tenantId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  departmentId: string | null;
  departmentHead: Generated<number>;
  enterpriseId: string | null;
  locale: string | null;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabled: Generated<number>;
  totpLastCounter: number | null;
  disabled: Generated<number>;
  failedLogins: Generated<number>;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
