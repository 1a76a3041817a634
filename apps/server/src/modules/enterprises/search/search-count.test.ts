import { bulkTarget } from '../../../db/bulk-insert.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { newId } from '../../../lib/ids.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../../test/helper.js';
import { chainNodeIds, insertEnterprisesBulk } from '../../seed/bulk-enterprises.js';
import { generateEnterprises } from '../../seed/enterprise-generator.js';
import { rebuildSearchIndex, searchEnterprises } from './enterprise-search.js';

/**
 * A capped total is the exact total, cut at the cap: also where PostgreSQL answers "more than the cap" from its
 * statistics without counting (one common term), and for a tenant beside a bigger one.
 */
let testDb: TestDatabase;
let database: Database;
let big: TestTenant;
let small: TestTenant;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = Database.open(testDb.options);
  await migrateToLatest(database);
  big = await createTenant(database, 'cb');
  small = await createTenant(database, 'cs');
  for (const [tenant, count] of [
    [big, 1_500],
    [small, 60],
  ] as const) {
    const nodeIds = await chainNodeIds(database.db, tenant.id);
    const rows = [...generateEnterprises({ seed: tenant.slug, count })].map((input) => ({ id: newId(), input }));
    await database.transaction((trx) =>
      insertEnterprisesBulk(
        bulkTarget(database, trx),
        { tenantId: tenant.id, now: new Date().toISOString(), nodeIds },
        rows,
      ),
    );
    await rebuildSearchIndex(database, tenant.id);
  }
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

describe(`capped search totals (${DB_KIND})`, () => {
  const terms = ['生物', '技术', '疫苗', 'CRO', 'CDMO', '医疗器', '类器官', '区块链'];
  it.each(terms)('%s: the exact total cut at a small cap, in both tenants', async (q) => {
    for (const tenant of [big, small]) {
      const exact = await searchEnterprises(database.db, database.dialect, { tenantId: tenant.id, q, limit: 0 });
      expect(exact.totalCapped).toBe(false);
      for (const cap of [5, 50, 400]) {
        const capped = await searchEnterprises(database.db, database.dialect, {
          tenantId: tenant.id,
          q,
          limit: 0,
          countCap: cap,
        });
        expect({ tenant: tenant.slug, cap, ...capped }).toEqual({
          tenant: tenant.slug,
          cap,
          ids: [],
          total: Math.min(exact.total!, cap),
          totalCapped: exact.total! > cap,
        });
      }
    }
  });
});
