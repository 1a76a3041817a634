import type { Role } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, createTenant, testUscc, type TestTenant } from './factories.js';
import { buildTestApp, Client, DB_KIND, login, type TestHarness } from './helper.js';

/**
 * The role × route matrix for the platform's admin routes. Each call is made
 * by every role against fresh data; the allowed roles must succeed and leave an
 * audit event for writes, every other role gets 403 and a refusal in the audit log.
 */
type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; write: boolean };
/** `audits`: the ok audit events a write leaves (1 unless it writes several records, as a graduation does). */
type Route = { name: string; allowed: Role[]; ok: number; audits?: number; make: (c: Ctx) => Promise<Call> };
interface Ctx {
  h: TestHarness;
  t: TestTenant;
  admin: Client;
  seq: number;
}

const TENANT_ROLES_ALL: Role[] = ['admin', 'leader', 'investment', 'service', 'department', 'property', 'enterprise'];
const ALL_ROLES: Role[] = [...TENANT_ROLES_ALL, 'super_admin'];

async function freshUser(c: Ctx) {
  const res = await c.admin.post('/api/users', {
    username: `m-${c.seq++}-${Date.now() % 100000}`,
    displayName: 'Target',
    role: 'service',
    password: 'Target-Passw0rd',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; version: number };
}
async function freshDepartment(c: Ctx) {
  const res = await c.admin.post('/api/departments', {
    code: `d${c.seq++}x${Date.now() % 100000}`,
    nameZh: '测试部门',
    nameEn: 'Test dept',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; version: number };
}

/** A unit of its own (park → building → floor → unit), so each lease call finds it free. */
async function freshUnit(c: Ctx) {
  const post = async (url: string, payload: unknown) => {
    const res = await c.admin.post(url, payload);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; version: number };
  };
  const park = await post('/api/parks', { name: `园区 ${c.seq++}-${Date.now() % 100000}` });
  const building = await post('/api/buildings', { parkId: park.id, name: 'A 栋', floorCount: 3 });
  const floor = await post('/api/floors', { buildingId: building.id, number: 1 });
  const unit = await post('/api/units', { floorId: floor.id, code: 'A101', type: 'lab', area: 300 });
  return { building, unit };
}
async function freshLease(c: Ctx) {
  const ent = await c.admin.post('/api/enterprises', { uscc: testUscc(90_000 + c.seq++), name: `租户 ${c.seq}` });
  if (ent.statusCode !== 201) throw new Error(ent.body);
  const { unit } = await freshUnit(c);
  return { enterpriseId: ent.json().id as string, unitId: unit.id };
}
const PROPERTY_READERS: Role[] = ['admin', 'leader', 'investment', 'property'];
/** A company taken into the incubator, with a free unit of its own to graduate into. */
async function freshIncubatee(c: Ctx) {
  const { enterpriseId, unitId } = await freshLease(c);
  const res = await c.admin.post('/api/incubatees', { enterpriseId, entryDate: '2025-09-01', desk: 'A-01' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { incubatee: res.json() as { id: string; version: number }, unitId };
}
/** A rental notice over a vacant unit of its own; published when asked. */
async function freshNotice(c: Ctx, publish = false) {
  const { unit } = await freshUnit(c);
  const res = await c.admin.post('/api/rental-notices', { unitIds: [unit.id], title: 'A101 招租', body: '实验室' });
  if (res.statusCode !== 201) throw new Error(res.body);
  const notice = res.json() as { id: string; version: number };
  if (!publish) return notice;
  const pub = await c.admin.post(`/api/rental-notices/${notice.id}/publish`, { version: notice.version });
  if (pub.statusCode !== 200) throw new Error(pub.body);
  return pub.json() as { id: string; version: number };
}
const NOTICE_READERS: Role[] = [...PROPERTY_READERS, 'service'];

const ROUTES: Route[] = [
  {
    name: 'list users',
    allowed: ['admin', 'leader'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/users', write: false }),
  },
  {
    name: 'create user',
    allowed: ['admin'],
    ok: 201,
    make: async (c) => ({
      method: 'POST',
      url: '/api/users',
      write: true,
      payload: {
        username: `n-${c.seq++}-${Date.now() % 100000}`,
        displayName: 'New',
        role: 'investment',
        password: 'Newuser-Passw0rd',
      },
    }),
  },
  {
    name: 'get user',
    allowed: ['admin', 'leader'],
    ok: 200,
    make: async (c) => ({ method: 'GET', url: `/api/users/${c.t.users.service.id}`, write: false }),
  },
  {
    name: 'update user',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => {
      const u = await freshUser(c);
      return {
        method: 'PATCH',
        url: `/api/users/${u.id}`,
        write: true,
        payload: { version: u.version, displayName: 'Renamed' },
      };
    },
  },
  {
    name: 'disable user',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => ({ method: 'POST', url: `/api/users/${(await freshUser(c)).id}/disable`, write: true }),
  },
  {
    name: 'enable user',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => ({ method: 'POST', url: `/api/users/${(await freshUser(c)).id}/enable`, write: true }),
  },
  {
    name: 'unlock user',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => ({ method: 'POST', url: `/api/users/${(await freshUser(c)).id}/unlock`, write: true }),
  },
  {
    name: 'reset password',
    allowed: ['admin'],
    ok: 204,
    make: async (c) => ({
      method: 'POST',
      url: `/api/users/${(await freshUser(c)).id}/reset-password`,
      write: true,
      payload: { password: 'Other-Passw0rd' },
    }),
  },
  {
    name: 'list departments',
    allowed: TENANT_ROLES_ALL,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/departments', write: false }),
  },
  {
    name: 'create department',
    allowed: ['admin'],
    ok: 201,
    make: async (c) => ({
      method: 'POST',
      url: '/api/departments',
      write: true,
      payload: { code: `x${c.seq++}y${Date.now() % 100000}`, nameZh: '新部门', nameEn: 'New dept' },
    }),
  },
  {
    name: 'update department',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => {
      const d = await freshDepartment(c);
      return {
        method: 'PATCH',
        url: `/api/departments/${d.id}`,
        write: true,
        payload: { version: d.version, nameZh: '改名' },
      };
    },
  },
  {
    name: 'delete department',
    allowed: ['admin'],
    ok: 204,
    make: async (c) => ({ method: 'DELETE', url: `/api/departments/${(await freshDepartment(c)).id}`, write: true }),
  },
  {
    name: 'read dictionaries',
    allowed: TENANT_ROLES_ALL,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/dictionaries', write: false }),
  },
  {
    name: 'update need category',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => {
      const cat = (await c.admin.get('/api/dictionaries')).json().needCategories[0];
      return {
        method: 'PATCH',
        url: `/api/need-categories/${cat.id}`,
        write: true,
        payload: { version: cat.version, slaWorkingDays: 7 },
      };
    },
  },
  {
    name: 'read security settings',
    allowed: ['admin'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/settings/security', write: false }),
  },
  {
    name: 'update security settings',
    allowed: ['admin'],
    ok: 200,
    make: async (c) => {
      const s = (await c.admin.get('/api/settings/security')).json();
      return {
        method: 'PUT',
        url: '/api/settings/security',
        write: true,
        payload: { version: s.version, totpRequiredRoles: [] },
      };
    },
  },
  {
    name: 'read audit log',
    allowed: ['admin', 'leader', 'super_admin'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/audit', write: false }),
  },
  {
    // A read, but one that leaves an audit event like a write (DESIGN.md §6: exports are audited).
    name: 'export enterprises',
    allowed: ['admin', 'leader', 'investment', 'property', 'service'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/enterprises/export?format=csv', write: true }),
  },
  {
    name: 'list needs',
    allowed: ['admin', 'leader', 'service', 'department', 'enterprise'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/needs', write: false }),
  },
  {
    name: 'list visits',
    allowed: ['admin', 'leader', 'service'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/visits', write: false }),
  },
  {
    name: 'visit coverage',
    allowed: ['admin', 'leader', 'service'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/visits/coverage', write: false }),
  },
  {
    name: 'set the default visit target',
    allowed: ['admin'],
    ok: 200,
    make: async () => ({ method: 'PUT', url: '/api/visits/plan', write: true, payload: { yearlyVisitTarget: 3 } }),
  },
  {
    name: 'list survey templates',
    allowed: ['admin', 'leader', 'service'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/survey-templates', write: false }),
  },
  {
    name: 'create survey template',
    allowed: ['admin'],
    ok: 201,
    make: async (c) => ({
      method: 'POST',
      url: '/api/survey-templates',
      write: true,
      payload: { name: `问卷 ${c.seq++}`, questions: [{ id: 'q1', type: 'text', label: '主要困难' }] },
    }),
  },
  {
    name: 'read the holiday calendar',
    allowed: TENANT_ROLES_ALL,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/holidays', write: false }),
  },
  {
    name: 'mark a holiday',
    allowed: ['admin'],
    ok: 200,
    make: async () => ({
      method: 'PUT',
      url: '/api/holidays/2026-10-05',
      write: true,
      payload: { kind: 'holiday', name: '国庆节' },
    }),
  },
  {
    name: 'list units',
    allowed: [...PROPERTY_READERS, 'service'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/units', write: false }),
  },
  {
    name: 'get a building',
    allowed: [...PROPERTY_READERS, 'service'],
    ok: 200,
    make: async (c) => ({ method: 'GET', url: `/api/buildings/${(await freshUnit(c)).building.id}`, write: false }),
  },
  {
    name: 'create park',
    allowed: ['admin', 'property'],
    ok: 201,
    make: async (c) => ({ method: 'POST', url: '/api/parks', write: true, payload: { name: `新园区 ${c.seq++}` } }),
  },
  {
    name: 'update unit',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const { unit } = await freshUnit(c);
      return {
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        write: true,
        payload: { version: unit.version, area: 310 },
      };
    },
  },
  {
    name: 'delete unit',
    allowed: ['admin', 'property'],
    ok: 204,
    make: async (c) => {
      const { unit } = await freshUnit(c);
      return { method: 'DELETE', url: `/api/units/${unit.id}?version=${unit.version}`, write: true };
    },
  },
  {
    name: 'list parcels',
    allowed: PROPERTY_READERS,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/parcels', write: false }),
  },
  {
    name: 'create parcel',
    allowed: ['admin', 'property'],
    ok: 201,
    make: async (c) => ({
      method: 'POST',
      url: '/api/parcels',
      write: true,
      payload: { code: `DK-${c.seq++}`, name: '北区地块', area: 50_000, status: 'idle' },
    }),
  },
  {
    name: 'list leases',
    allowed: [...PROPERTY_READERS, 'enterprise'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/leases', write: false }),
  },
  {
    // Audited like a write (DESIGN.md §6: exports are audited).
    name: 'export leases',
    allowed: [...PROPERTY_READERS, 'enterprise'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/leases/export', write: true }),
  },
  {
    // Units and parcels together: who may read both (a service officer reads units only).
    name: 'occupancy dashboard',
    allowed: PROPERTY_READERS,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/property/occupancy', write: false }),
  },
  {
    name: 'parcel map',
    allowed: PROPERTY_READERS,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/property/map', write: false }),
  },
  {
    name: 'create lease',
    allowed: ['admin', 'property'],
    ok: 201,
    make: async (c) => {
      const { enterpriseId, unitId } = await freshLease(c);
      return {
        method: 'POST',
        url: '/api/leases',
        write: true,
        payload: { enterpriseId, unitIds: [unitId], startsOn: '2026-01-01', endsOn: '2026-12-31', monthlyRent: 9000 },
      };
    },
  },
  {
    name: 'terminate lease',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const { enterpriseId, unitId } = await freshLease(c);
      const res = await c.admin.post('/api/leases', {
        enterpriseId,
        unitIds: [unitId],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        monthlyRent: 9000,
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return {
        method: 'POST',
        url: `/api/leases/${res.json().id}/terminate`,
        write: true,
        payload: { version: 1, terminatedOn: '2026-06-30' },
      };
    },
  },
  {
    name: 'list incubatees',
    allowed: [...PROPERTY_READERS, 'service', 'enterprise'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/incubatees', write: false }),
  },
  {
    name: 'create incubatee',
    allowed: ['admin', 'property'],
    ok: 201,
    make: async (c) => {
      const { enterpriseId } = await freshLease(c);
      return {
        method: 'POST',
        url: '/api/incubatees',
        write: true,
        payload: { enterpriseId, entryDate: '2026-01-01' },
      };
    },
  },
  {
    name: 'update incubatee',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const { incubatee } = await freshIncubatee(c);
      const payload = { version: incubatee.version, mentor: '王导师' };
      return { method: 'PATCH', url: `/api/incubatees/${incubatee.id}`, write: true, payload };
    },
  },
  {
    name: 'graduate incubatee',
    allowed: ['admin', 'property'],
    ok: 200,
    // The lease and the incubatee's graduation.
    audits: 2,
    make: async (c) => {
      const { incubatee, unitId } = await freshIncubatee(c);
      return {
        method: 'POST',
        url: `/api/incubatees/${incubatee.id}/graduate`,
        write: true,
        payload: { version: 1, unitIds: [unitId], startsOn: '2026-04-01', endsOn: '2029-03-31', monthlyRent: 9000 },
      };
    },
  },
  {
    name: 'leave incubator',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const { incubatee } = await freshIncubatee(c);
      const payload = { version: 1, reason: '迁出' };
      return { method: 'POST', url: `/api/incubatees/${incubatee.id}/leave`, write: true, payload };
    },
  },
  {
    name: 'list rental notices',
    allowed: NOTICE_READERS,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/rental-notices', write: false }),
  },
  {
    name: 'rental notices portal feed',
    allowed: NOTICE_READERS,
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/rental-notices/published', write: false }),
  },
  {
    name: 'get a rental notice',
    allowed: NOTICE_READERS,
    ok: 200,
    make: async (c) => ({ method: 'GET', url: `/api/rental-notices/${(await freshNotice(c)).id}`, write: false }),
  },
  {
    name: 'create rental notice',
    allowed: ['admin', 'property'],
    ok: 201,
    make: async (c) => {
      const { unit } = await freshUnit(c);
      const payload = { unitIds: [unit.id], title: 'A101 招租', body: '实验室' };
      return { method: 'POST', url: '/api/rental-notices', write: true, payload };
    },
  },
  {
    name: 'update rental notice',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const n = await freshNotice(c);
      return { method: 'PATCH', url: `/api/rental-notices/${n.id}`, write: true, payload: { version: 1, title: 'x' } };
    },
  },
  {
    name: 'publish rental notice',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const n = await freshNotice(c);
      return { method: 'POST', url: `/api/rental-notices/${n.id}/publish`, write: true, payload: { version: 1 } };
    },
  },
  {
    name: 'withdraw rental notice',
    allowed: ['admin', 'property'],
    ok: 200,
    make: async (c) => {
      const n = await freshNotice(c, true);
      const payload = { version: n.version, reason: '已签约' };
      return { method: 'POST', url: `/api/rental-notices/${n.id}/withdraw`, write: true, payload };
    },
  },
  {
    name: 'delete rental notice',
    allowed: ['admin', 'property'],
    ok: 204,
    make: async (c) => ({ method: 'DELETE', url: `/api/rental-notices/${(await freshNotice(c)).id}`, write: true }),
  },
  {
    name: 'list tenants',
    allowed: ['super_admin'],
    ok: 200,
    make: async () => ({ method: 'GET', url: '/api/platform/tenants', write: false }),
  },
  {
    name: 'create tenant',
    allowed: ['super_admin'],
    ok: 201,
    make: async (c) => {
      const n = `${c.seq++}x${Date.now() % 100000}`;
      return {
        method: 'POST',
        url: '/api/platform/tenants',
        write: true,
        payload: { slug: `t-${n}`, name: `Park ${n}`, adminUsername: `t-${n}-admin`, adminPassword: 'Tenant-Passw0rd' },
      };
    },
  },
  {
    name: 'update tenant',
    allowed: ['super_admin'],
    ok: 200,
    make: async (c) => {
      const t = await c.h.database.db
        .selectFrom('tenants')
        .select(['id', 'version'])
        .where('id', '=', c.t.id)
        .executeTakeFirstOrThrow();
      return {
        method: 'PATCH',
        url: `/api/platform/tenants/${t.id}`,
        write: true,
        payload: { version: t.version, name: 'Renamed park' },
      };
    },
  },
];

describe(`role × route matrix (${DB_KIND})`, () => {
  const c = { seq: 0 } as Ctx;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    c.h = await buildTestApp();
    c.t = await createTenant(c.h.database, 'mx', c.h.clock.now());
    const op = await createSuperAdmin(c.h.database, 'mx-operator');
    c.admin = await login(c.h.app, c.t.users.admin.username);
    for (const role of TENANT_ROLES_ALL)
      clients.set(role, await login(c.h.app, c.t.users[role as keyof TestTenant['users']].username));
    clients.set('super_admin', await login(c.h.app, op.username));
  });
  afterAll(async () => c.h.close());

  const auditCount = async (outcome: 'ok' | 'refused') =>
    Number(
      (
        await c.h.database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', '=', outcome)
          .executeTakeFirstOrThrow()
      ).n,
    );

  for (const route of ROUTES) {
    for (const role of ALL_ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name}: ${role} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const call = await route.make(c);
        const okBefore = await auditCount('ok');
        const refusedBefore = await auditCount('refused');
        const res = await clients
          .get(role)!
          .inject({ method: call.method, url: call.url, payload: call.payload as never });
        if (allowed) {
          expect(res.statusCode, res.body).toBe(route.ok);
          if (call.write) expect(await auditCount('ok')).toBe(okBefore + (route.audits ?? 1));
        } else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json().code).toBe('forbidden');
          expect(await auditCount('refused')).toBe(refusedBefore + 1);
          expect(await auditCount('ok')).toBe(okBefore);
        }
      });
    }
  }

  it('every route refuses a request without a session with 401', async () => {
    for (const route of ROUTES) {
      const call = await route.make(c);
      const res = await new Client(c.h.app).inject({
        method: call.method,
        url: call.url,
        payload: call.payload as never,
      });
      expect(res.statusCode, `${route.name}: ${res.body}`).toBe(401);
    }
  });
});
