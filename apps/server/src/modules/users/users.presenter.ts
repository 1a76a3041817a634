import type { Role } from '@kaimen/shared';
import type { Selectable } from 'kysely';
import type { TenantsTable, UsersTable } from '../../db/schema/index.js';

export type UserRow = Selectable<UsersTable>;

/** What the API shows of a user: never the hash or TOTP secrets. */
export function presentUser(
  u: UserRow,
  o: {
    tenant?: Pick<Selectable<TenantsTable>, 'id' | 'slug' | 'name'> | null;
    totpEnrolmentRequired?: boolean;
    now?: Date;
  } = {},
) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    departmentId: u.departmentId,
    departmentHead: !!u.departmentHead,
    enterpriseId: u.enterpriseId,
    locale: u.locale,
    totpEnabled: !!u.totpEnabled,
    totpEnrolmentRequired: !!o.totpEnrolmentRequired,
    disabled: !!u.disabled,
    lockedUntil: u.lockedUntil && (!o.now || new Date(u.lockedUntil) > o.now) ? u.lockedUntil : null,
    failedLogins: u.failedLogins,
    lastLoginAt: u.lastLoginAt,
    tenant: o.tenant ? { id: o.tenant.id, slug: o.tenant.slug, name: o.tenant.name } : null,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    version: u.version,
  };
}
