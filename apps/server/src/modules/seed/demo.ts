import crypto from 'node:crypto';
import { checkPassword, type TenantRole } from '@kaimen/shared';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/password.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { indexEnterprises } from '../enterprises/search/enterprise-search.js';
import { provisionTenant } from '../tenants/tenants.service.js';

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

/** Creates the demo tenant with one user per role; does nothing when it already exists. */
export async function seedDemo(
  database: Database,
  o: { password: string; scryptCost: number; now: Date },
): Promise<DemoSeedResult> {
  const usernames = DEMO_USERS.map((u) => u.username);
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
    // The demo enterprise user's own company.
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
    await indexEnterprises(trx, database.dialect, tenant.id, [enterpriseId]);
    for (const u of others) {
      await trx
        .insertInto('users')
        .values({
          id: newId(),
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
    await recordAudit(
      trx,
      { actor: null, ip: null, requestId: null, locale: 'zh-CN', now: o.now },
      {
        action: 'seed-demo',
        entityType: 'tenant',
        entityId: tenant.id,
        tenantId: tenant.id,
        actorUsername: 'kaimen-cli',
        after: { slug: DEMO_TENANT_SLUG, users: usernames, adminId },
      },
    );
  });
  return { created: true, usernames };
}
