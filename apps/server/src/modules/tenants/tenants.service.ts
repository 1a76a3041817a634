import { DEPARTMENTS, NEED_CATEGORIES } from '@kaimen/shared';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TenantsTable } from '../../db/schema/index.js';
import type { RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { hashPassword } from '../../lib/password.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { seedDefaultChain } from '../chain/chain.seed.js';
import type { TCreateTenantRequest } from './tenants.schemas.js';

const present = (t: Selectable<TenantsTable>) => ({ ...t, disabled: !!t.disabled });

/**
 * A new office: the tenant, its settings, the default departments and need
 * categories (DESIGN.md §3) and its first admin, in one transaction.
 */
export async function provisionTenant(
  trx: Executor,
  o: { slug: string; name: string; now: Date; admin: { username: string; displayName: string; passwordHash: string } },
) {
  const now = iso(o.now);
  const tenant = { id: newId(), slug: o.slug, name: o.name, disabled: 0, createdAt: now, updatedAt: now, version: 1 };
  await trx.insertInto('tenants').values(tenant).execute();
  await trx
    .insertInto('tenantSettings')
    .values({ tenantId: tenant.id, totpRequiredRoles: '[]', updatedAt: now, version: 1 })
    .execute();
  await trx
    .insertInto('departments')
    .values(
      DEPARTMENTS.map((d, i) => ({
        tenantId: tenant.id,
        id: newId(),
        code: d.code,
        nameZh: d.zh,
        nameEn: d.en,
        sort: (i + 1) * 10,
        webhookUrl: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })),
    )
    .execute();
  await trx
    .insertInto('needCategories')
    .values(
      NEED_CATEGORIES.map((c, i) => ({
        tenantId: tenant.id,
        id: newId(),
        code: c.code,
        nameZh: c.zh,
        nameEn: c.en,
        defaultDepartmentCode: c.defaultDepartment,
        slaWorkingDays: c.slaWorkingDays,
        sort: (i + 1) * 10,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })),
    )
    .execute();
  await seedDefaultChain(trx, tenant.id, o.now);
  const adminId = newId();
  await trx
    .insertInto('users')
    .values({
      id: adminId,
      tenantId: tenant.id,
      username: o.admin.username,
      displayName: o.admin.displayName,
      passwordHash: o.admin.passwordHash,
      role: 'admin',
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return { tenant, adminId };
}

export async function findTenants(db: Executor) {
  const rows = await db.selectFrom('tenants').selectAll().orderBy('slug').execute();
  return { items: rows.map(present), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
}

export async function createTenant(deps: Deps, ctx: RequestContext, input: TCreateTenantRequest) {
  const passwordHash = await hashPassword(input.adminPassword, deps.config.scryptCost);
  return deps.database.transaction(async (trx) => {
    const { tenant, adminId } = await provisionTenant(trx, {
      slug: input.slug,
      name: input.name,
      now: ctx.now,
      admin: {
        username: input.adminUsername,
        displayName: input.adminDisplayName ?? input.adminUsername,
        passwordHash,
      },
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'tenant',
      entityId: tenant.id,
      tenantId: tenant.id,
      after: { ...tenant, adminUsername: input.adminUsername, adminId },
    });
    return present(tenant);
  });
}

export async function updateTenant(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { version: number; name?: string; disabled?: boolean },
) {
  return deps.database.transaction(async (trx) => {
    const before = await trx.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('tenant', id, 'update');
    const set: { name?: string; disabled?: number } = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.disabled !== undefined) set.disabled = input.disabled ? 1 : 0;
    const res = await trx
      .updateTable('tenants')
      .set((eb) => ({ ...set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'tenant', id);
    // A disabled office is shut out at once.
    if (input.disabled) await trx.deleteFrom('sessions').where('tenantId', '=', id).execute();
    const after = await trx.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'update', entityType: 'tenant', entityId: id, tenantId: id, before, after });
    return present(after);
  });
}

/**
 * The tenant an operator's command (`kaimen import`, `kaimen export`) acts on: the one named, or the only one there
 * is. Errors say which tenants exist.
 */
export async function tenantForOperator(db: Executor, slug: string | undefined) {
  const tenants = await db.selectFrom('tenants').select(['id', 'slug']).orderBy('slug').execute();
  const names = tenants.map((x) => x.slug).join(', ') || 'none';
  if (slug) {
    const t = tenants.find((x) => x.slug === slug);
    if (!t) throw new Error(`no tenant ${slug}; tenants: ${names}`);
    return t;
  }
  if (tenants.length === 1) return tenants[0]!;
  throw new Error(`--tenant is required: the database holds ${tenants.length} tenants (${names})`);
}
