import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTarget } from '../../db/bulk-insert.js';
import { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../test/helper.js';
import { chainNodeWithDescendants } from '../chain/chain.service.js';
import { chainNodeIds, insertEnterprisesBulk } from '../seed/bulk-enterprises.js';
import { generateEnterprises } from '../seed/enterprise-generator.js';
import type { TListEnterprisesRequest } from './enterprises.schemas.js';
import { findEnterprises } from './enterprises.service.js';

/**
 * Every way a list page is found (an index range, a walk in sort order, a page gathered from child rows) gives the
 * rows a plain reading of the table would, page after page through the keyset cursors, in both directions.
 */
const COUNT = 1_200;
let testDb: TestDatabase;
let database: Database;
let t: TestTenant;
/** Ids in each sort order, as the database orders them (PostgreSQL's collation is its own). */
const order: Record<string, string[]> = {};
const has: Record<string, Set<string>> = {};

const actorOf = (role: 'admin' | 'service', userId: string): Actor => ({
  userId,
  username: role,
  role,
  tenantId: t.id,
  departmentId: null,
  departmentHead: false,
  enterpriseId: null,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = Database.open(testDb.options);
  await migrateToLatest(database);
  t = await createTenant(database, 'lp');
  const other = await createTenant(database, 'lq');
  for (const [tenant, count, officer] of [
    [t, COUNT, t.users.service.id],
    [other, 100, other.users.service.id],
  ] as const) {
    const nodeIds = await chainNodeIds(database.db, tenant.id);
    const rows = [...generateEnterprises({ seed: tenant.slug, count })].map((input, i) => ({
      id: newId(),
      input,
      assignedOfficerId: i % 3 === 0 ? officer : null,
      // Equal timestamps in runs of four: the id breaks the ties.
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, Math.floor(i / 4))).toISOString(),
    }));
    await database.transaction((trx) =>
      insertEnterprisesBulk(
        bulkTarget(database, trx),
        { tenantId: tenant.id, now: new Date().toISOString(), nodeIds },
        rows,
      ),
    );
  }
  const db = database.db;
  for (const [key, col, dir] of [
    ['name', 'name', 'asc'],
    ['-createdAt', 'createdAt', 'desc'],
  ] as const) {
    const rows = await db
      .selectFrom('enterprises')
      .select('id')
      .where('tenantId', '=', t.id)
      .orderBy(col, dir)
      .orderBy('id', dir)
      .execute();
    order[key] = rows.map((r) => r.id);
  }
  const ids = async (q: Promise<{ enterpriseId: string }[]>) => new Set((await q).map((r) => r.enterpriseId));
  const child = (table: 'enterpriseTags' | 'enterpriseQualifications' | 'enterpriseChainNodes') =>
    db.selectFrom(table).select('enterpriseId').where('tenantId', '=', t.id);
  has['tag'] = await ids(child('enterpriseTags').where('tag', '=', '招商引进').execute());
  has['qualification'] = await ids(child('enterpriseQualifications').where('code', '=', 'tech_sme').execute());
  const cro = await chainNodeWithDescendants(db, t.id, 'cro');
  has['chainNode'] = await ids(child('enterpriseChainNodes').where('chainNodeId', 'in', cro).execute());
  const e = await db
    .selectFrom('enterprises')
    .select(['id', 'park', 'industryCode'])
    .where('tenantId', '=', t.id)
    .execute();
  has['park'] = new Set(e.filter((r) => r.park === '二期').map((r) => r.id));
  has['industryCode'] = new Set(e.filter((r) => r.industryCode?.startsWith('27')).map((r) => r.id));
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

/** Every page of a list through its cursors. */
async function allPages(actor: Actor, q: Omit<TListEnterprisesRequest, 'page' | 'pageSize'>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let n = 0; n < 1_000; n++) {
    const page = await findEnterprises(database, actor, { ...q, page: 1, pageSize: 50, ...(cursor ? { cursor } : {}) });
    total = page.total;
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, total };
}

describe(`list pages (${DB_KIND})`, () => {
  const cases: [string, Omit<TListEnterprisesRequest, 'page' | 'pageSize'>, keyof typeof has][] = [
    ['a tag', { tag: '招商引进' }, 'tag'],
    ['a qualification, newest first', { qualification: 'tech_sme', sort: '-createdAt' }, 'qualification'],
    ['a chain node and its children', { chainNode: 'cro' }, 'chainNode'],
    ['a park', { park: '二期' }, 'park'],
    ['an industry division', { industryCode: '27' }, 'industryCode'],
  ];

  it.each(cases)('with %s: every matching company once, in order, with the right total', async (_n, q, key) => {
    const expected = order[q.sort ?? 'name']!.filter((id) => has[key]!.has(id));
    expect(expected.length).toBeGreaterThan(20);
    const got = await allPages(actorOf('admin', t.users.admin.id), q);
    expect(got.ids).toEqual(expected);
    expect(got.total).toBe(expected.length);
  });

  it('walks the sort order when an officer’s own scope narrows a child filter', async () => {
    const mine = new Set(
      (
        await database.db
          .selectFrom('enterprises')
          .select('id')
          .where('tenantId', '=', t.id)
          .where('assignedOfficerId', '=', t.users.service.id)
          .execute()
      ).map((r) => r.id),
    );
    const expected = order['name']!.filter((id) => mine.has(id) && has['tag']!.has(id));
    const got = await allPages(actorOf('service', t.users.service.id), { tag: '招商引进' });
    expect(got.ids).toEqual(expected);
  });

  it('pages the whole registry newest first through its cursors', async () => {
    const got = await allPages(actorOf('admin', t.users.admin.id), { sort: '-createdAt' });
    expect(got.ids).toEqual(order['-createdAt']);
  });
});
