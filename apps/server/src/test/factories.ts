import { TENANT_ROLES, usccCheckDigit, type TenantRole } from '@kaimen/shared';
import type { Database } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../lib/password.js';
import { iso } from '../lib/time.js';
import { provisionTenant } from '../modules/tenants/tenants.service.js';
import { TEST_PASSWORD } from './helper.js';

export interface TestTenant {
  id: string;
  slug: string;
  /** username of one user per role, e.g. users.admin === 'a-admin'. */
  users: Record<TenantRole, { id: string; username: string }>;
  departments: Record<string, string>;
}

let hash: Promise<string> | undefined;
const testHash = () => (hash ??= hashPassword(TEST_PASSWORD, 1024));

/** A tenant with the default dictionaries and one user per role; department users sit in 住建分局 (housing). */
export async function createTenant(database: Database, slug: string, now = new Date()): Promise<TestTenant> {
  const passwordHash = await testHash();
  return database.transaction(async (trx) => {
    const { tenant, adminId } = await provisionTenant(trx, {
      slug,
      name: `园区 ${slug}`,
      now,
      admin: { username: `${slug}-admin`, displayName: `${slug} 管理员`, passwordHash },
    });
    const depts = await trx
      .selectFrom('departments')
      .select(['id', 'code'])
      .where('tenantId', '=', tenant.id)
      .execute();
    const departments = Object.fromEntries(depts.map((d) => [d.code, d.id]));
    const users = { admin: { id: adminId, username: `${slug}-admin` } } as TestTenant['users'];
    for (const role of TENANT_ROLES.filter((r) => r !== 'admin')) {
      const id = newId();
      const username = `${slug}-${role}`;
      await trx
        .insertInto('users')
        .values({
          id,
          tenantId: tenant.id,
          username,
          displayName: `${slug} ${role}`,
          passwordHash,
          role,
          departmentId: role === 'department' ? (departments.housing ?? null) : null,
          enterpriseId: role === 'enterprise' ? `ent-${slug}` : null,
          passwordChangedAt: iso(now),
          createdAt: iso(now),
          updatedAt: iso(now),
          version: 1,
        })
        .execute();
      users[role] = { id, username };
    }
    return { id: tenant.id, slug, users, departments };
  });
}

/** The platform operator, outside every tenant. */
export async function createSuperAdmin(database: Database, username = 'platform-op') {
  const now = iso(new Date());
  const id = newId();
  await database.db
    .insertInto('users')
    .values({
      id,
      tenantId: null,
      username,
      displayName: 'Platform operator',
      passwordHash: await testHash(),
      role: 'super_admin',
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return { id, username };
}

/** A valid USCC from a serial number (area code 310115, Pudong), for tests that need many distinct companies. */
export const testUscc = (n: number): string => {
  const first17 = `91310115MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckDigit(first17);
};
