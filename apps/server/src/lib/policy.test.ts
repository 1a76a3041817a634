import { TENANT_ROLES, type Role } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../test/factories.js';
import { buildTestApp, DB_KIND, type TestHarness } from '../test/helper.js';
import type { Actor } from './actor.js';
import { definePolicy } from './policy.js';

/**
 * Every data scope, declared once, must give the same answer as a record rule
 * (canAccess on a loaded row) and as a list filter (where, run in SQL).
 * The users table stands in for any tenant-scoped entity: it has a tenant, a
 * department, an enterprise and an "assignee" column to test against.
 */
const probe = definePolicy(
  'probe',
  { self: 'id', department: 'department_id', enterprise: 'enterprise_id', assignee: 'id' },
  {
    read: {
      admin: 'tenant',
      leader: 'tenant',
      department: 'own-department',
      enterprise: 'own-enterprise',
      service: 'assigned',
      investment: 'self',
      super_admin: 'platform',
    },
  },
);

describe(`policy scopes: record rule and list filter agree (${DB_KIND})`, () => {
  let h: TestHarness;
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    h = await buildTestApp();
    a = await createTenant(h.database, 'pa', h.clock.now());
    b = await createTenant(h.database, 'pb', h.clock.now());
  });
  afterAll(async () => h.close());

  const actorFor = async (userId: string): Promise<Actor> => {
    const u = await h.database.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return {
      userId: u.id,
      username: u.username,
      role: u.role as Role,
      tenantId: u.tenantId,
      departmentId: u.departmentId,
      departmentHead: !!u.departmentHead,
      enterpriseId: u.enterpriseId,
    };
  };

  it('for every role, the rows the list filter returns are exactly the rows canAccess allows', async () => {
    const all = await h.database.db.selectFrom('users').selectAll().execute();
    for (const role of TENANT_ROLES) {
      const actor = await actorFor(a.users[role].id);
      const listed = (await h.database.db.selectFrom('users').select('id').where(probe.where(actor, 'read')).execute())
        .map((r) => r.id)
        .sort();
      const allowed = all
        .filter((row) => probe.canAccess(actor, 'read', row))
        .map((r) => r.id)
        .sort();
      expect(listed, role).toEqual(allowed);
      // No scope ever reaches into the other tenant.
      expect(
        all.filter((r) => listed.includes(r.id)).every((r) => r.tenantId === a.id),
        role,
      ).toBe(true);
    }
  });

  it('each scope means what it says', async () => {
    const ids = async (userId: string) =>
      (
        await h.database.db
          .selectFrom('users')
          .select('username')
          .where(probe.where(await actorFor(userId), 'read'))
          .execute()
      )
        .map((r) => r.username)
        .sort();
    expect(await ids(a.users.admin.id)).toHaveLength(7);
    expect(await ids(a.users.department.id)).toEqual(['pa-department']); // the only user in 住建分局
    expect(await ids(a.users.enterprise.id)).toEqual(['pa-enterprise']); // same enterprise id
    expect(await ids(a.users.investment.id)).toEqual(['pa-investment']); // self
    expect(await ids(a.users.service.id)).toEqual(['pa-service']); // assigned to self here
    expect(await ids(a.users.property.id)).toEqual([]); // no rule: nothing
    expect(probe.allows(await actorFor(a.users.property.id), 'read')).toBe(false);
  });

  it('an actor whose scope column is empty sees nothing rather than everything', async () => {
    const actor = { ...(await actorFor(a.users.department.id)), departmentId: null };
    expect(await h.database.db.selectFrom('users').select('id').where(probe.where(actor, 'read')).execute()).toEqual(
      [],
    );
    const row = await h.database.db
      .selectFrom('users')
      .selectAll()
      .where('departmentId', 'is', null)
      .executeTakeFirstOrThrow();
    expect(probe.canAccess(actor, 'read', row)).toBe(false);
  });

  it('the platform scope crosses tenants, and only it', async () => {
    const op: Actor = {
      userId: 'op',
      username: 'op',
      role: 'super_admin',
      tenantId: null,
      departmentId: null,
      departmentHead: false,
      enterpriseId: null,
    };
    const n = (await h.database.db.selectFrom('users').select('id').where(probe.where(op, 'read')).execute()).length;
    expect(n).toBe(14);
    const bRow = await h.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', b.users.leader.id)
      .executeTakeFirstOrThrow();
    expect(probe.canAccess(op, 'read', bRow)).toBe(true);
    expect(probe.canAccess(await actorFor(a.users.admin.id), 'read', bRow)).toBe(false);
  });
});
