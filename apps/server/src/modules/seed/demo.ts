import { bulkTarget } from '../../db/bulk-insert.js';
import crypto from 'node:crypto';
import { checkPassword, type TenantRole } from '@kaimen/shared';
import type { BulkTarget } from '../../db/bulk-insert.js';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/password.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { fillSearchIndex } from '../enterprises/search/enterprise-search.js';
import { provisionTenant } from '../tenants/tenants.service.js';
import { chainNodeIds, insertEnterprisesBulk, type BulkEnterprise } from './bulk-enterprises.js';
import { seedDemoIncubator } from './demo-incubator.js';
import { DEMO_DEPARTMENT_HEAD, DEMO_SERVICE_OFFICERS, seedDemoNeeds } from './demo-needs.js';
import { DEMO_EXTRA_OFFICERS, seedDemoPipeline } from './demo-pipeline.js';
import { seedDemoProperty } from './demo-property.js';
import { seedDemoRentalNotices } from './demo-rental-notices.js';
import { generateEnterprises } from './enterprise-generator.js';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_TENANT_NAME = '开门生物医药产业园（演示）';

const DEMO_USERS: { username: string; role: TenantRole; displayName: string; department?: string; head?: boolean }[] = [
  { username: 'admin', role: 'admin', displayName: '王管理' },
  { username: 'leader', role: 'leader', displayName: '李主任' },
  { username: 'investment', role: 'investment', displayName: '张招商' },
  { username: 'service', role: 'service', displayName: '陈服务' },
  { username: 'department', role: 'department', displayName: '刘经办（住建分局）', department: 'housing' },
  { username: 'property', role: 'property', displayName: '赵载体' },
  { username: 'enterprise', role: 'enterprise', displayName: '周企业' },
];

/** Generated companies of the demo registry, and every how many of them the demo service officer looks after. */
export const DEMO_ENTERPRISES = 2_000;
const DEMO_ASSIGNED_EVERY = 50;
const DEMO_SEED = 'kaimen-demo';

/** A password that meets the policy, for when none is configured. */
export function generateDemoPassword(): string {
  for (;;) {
    const pw = `Km-${crypto.randomBytes(9).toString('base64url')}`;
    if (checkPassword(pw).ok) return pw;
  }
}

export interface DemoSeedResult {
  created: boolean;
  usernames: string[];
}

/**
 * Creates the demo tenant with one user per role, the enterprise user's company and a registry of generated companies
 * (seedDemoRegistry); does nothing when it already exists.
 */
export async function seedDemo(
  database: Database,
  o: { password: string; scryptCost: number; now: Date },
): Promise<DemoSeedResult> {
  // Every account the demo creates is printed, the pipeline's extra officers too: none is left behind unnoticed.
  const usernames = [
    ...DEMO_USERS.map((u) => u.username),
    ...DEMO_EXTRA_OFFICERS.map((o) => o.username),
    ...DEMO_SERVICE_OFFICERS.map((o) => o.username),
    DEMO_DEPARTMENT_HEAD.username,
  ];
  const existing = await database.db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', DEMO_TENANT_SLUG)
    .executeTakeFirst();
  if (existing) return { created: false, usernames };
  const passwordHash = await hashPassword(o.password, o.scryptCost);
  const now = iso(o.now);
  await database.transaction(async (trx) => {
    const [admin, ...others] = DEMO_USERS;
    const { tenant, adminId } = await provisionTenant(trx, {
      slug: DEMO_TENANT_SLUG,
      name: DEMO_TENANT_NAME,
      now: o.now,
      admin: { username: admin!.username, displayName: admin!.displayName, passwordHash },
    });
    const depts = await trx
      .selectFrom('departments')
      .select(['id', 'code'])
      .where('tenantId', '=', tenant.id)
      .execute();
    // The demo enterprise user's own company (its area code, 340600, is not one the generator uses: no clash).
    const enterpriseId = newId();
    await trx
      .insertInto('enterprises')
      .values({
        tenantId: tenant.id,
        id: enterpriseId,
        uscc: '91340600MA2PBP2120',
        name: '开门示范生物科技有限公司',
        legalRepresentative: '周示范',
        registeredCapital: 20_000_000,
        foundedOn: '2019-06-18',
        park: '一期',
        industryCode: '7340',
        size: 'small',
        businessScope: '生物技术开发、技术咨询；药物临床前研究（CRO）服务；检验检测服务',
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const userIds = new Map<string, string>();
    for (const u of others) {
      const id = newId();
      userIds.set(u.username, id);
      await trx
        .insertInto('users')
        .values({
          id,
          tenantId: tenant.id,
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          role: u.role,
          departmentId: u.department ? (depts.find((d) => d.code === u.department)?.id ?? null) : null,
          departmentHead: u.head ? 1 : 0,
          enterpriseId: u.role === 'enterprise' ? enterpriseId : null,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    await seedDemoRegistry(bulkTarget(database, trx), tenant.id, o.now, userIds.get('service')!);
    await seedDemoPipeline(bulkTarget(database, trx), {
      tenantId: tenant.id,
      now: o.now,
      passwordHash,
      officer: { id: userIds.get('investment')!, name: DEMO_USERS.find((u) => u.role === 'investment')!.displayName },
      leaderId: userIds.get('leader')!,
    });
    // The demo company is looked after by the demo service officer: its needs are theirs to follow up.
    await trx
      .updateTable('enterprises')
      .set({ assignedOfficerId: userIds.get('service')! })
      .where('tenantId', '=', tenant.id)
      .where('id', '=', enterpriseId)
      .execute();
    const named = (username: string) => ({
      id: userIds.get(username)!,
      name: DEMO_USERS.find((u) => u.username === username)!.displayName,
    });
    await seedDemoNeeds(bulkTarget(database, trx), {
      tenantId: tenant.id,
      now: o.now,
      passwordHash,
      service: named('service'),
      housingHandler: named('department'),
      companyUser: { ...named('enterprise'), enterpriseId },
    });
    await seedDemoProperty(trx, { tenantId: tenant.id, now: o.now, createdBy: userIds.get('property')! });
    await seedDemoIncubator(trx, { tenantId: tenant.id, now: o.now, createdBy: userIds.get('property')! });
    await seedDemoRentalNotices(trx, { tenantId: tenant.id, now: o.now, createdBy: userIds.get('property')! });
    await recordAudit(
      trx,
      { actor: null, ip: null, requestId: null, locale: 'zh-CN', now: o.now },
      {
        action: 'seed-demo',
        entityType: 'tenant',
        entityId: tenant.id,
        tenantId: tenant.id,
        actorUsername: 'kaimen-cli',
        after: { slug: DEMO_TENANT_SLUG, users: usernames, adminId, enterprises: DEMO_ENTERPRISES + 1 },
      },
    );
  });
  return { created: true, usernames };
}

/**
 * The demo registry: DEMO_ENTERPRISES generated companies across the chain, with contacts, figures and
 * qualifications, one in DEMO_ASSIGNED_EVERY looked after by the demo service officer; written in bulk, then the
 * search index built once for the whole tenant (the enterprise user's company included).
 */
async function seedDemoRegistry(target: BulkTarget, tenantId: string, now: Date, officerId: string) {
  const rows: BulkEnterprise[] = [];
  for (const input of generateEnterprises({ seed: DEMO_SEED, count: DEMO_ENTERPRISES })) {
    const i = rows.length;
    rows.push({
      id: newId(),
      input,
      assignedOfficerId: i % DEMO_ASSIGNED_EVERY === 0 ? officerId : null,
      // Registered over the past year, so "newest first" means something.
      createdAt: iso(new Date(now.getTime() - (DEMO_ENTERPRISES - i) * 4 * 3_600_000)),
    });
  }
  // In one call, so every company is written before the first child row (see insertEnterprisesBulk).
  const nodeIds = await chainNodeIds(target.trx, tenantId);
  await insertEnterprisesBulk(target, { tenantId, now: iso(now), nodeIds }, rows);
  await fillSearchIndex(target.trx, target.dialect, tenantId);
}
