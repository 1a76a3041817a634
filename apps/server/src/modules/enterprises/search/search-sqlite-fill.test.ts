import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTarget } from '../../../db/bulk-insert.js';
import { Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { newId } from '../../../lib/ids.js';
import { createTenant, testUscc, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../../test/helper.js';
import { generateEnterprise } from '../../seed/enterprise-generator.js';
import { insertEnterprises } from '../import/bulk-write.js';
import { rebuildSearchIndex, searchEnterprises } from './enterprise-search.js';
import { nameOrderReader } from './search-sqlite.js';

/**
 * The SQLite fill reads a tenant in name order either from a sorted copy (a tenant owning a good part of the table)
 * or through the name index (one owning little), and a large fill writes enterprise_search without its indexes.
 * Both readers must give the same rows in the same order across their batches (2,000 rows), and every company must
 * get the FTS5 row of its own doc id, whichever way the fill went.
 */
describe.skipIf(DB_KIND !== 'sqlite')('SQLite search fill', () => {
  let testDb: TestDatabase;
  let database: Database;
  let big: TestTenant;
  let small: TestTenant;
  const uscc = new Map<string, string>();

  async function addCompanies(tenantId: string, from: number, count: number) {
    const records = Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const input = generateEnterprise('fill', n);
      // Names repeat now and then, so that (name, id) order is what tells them apart.
      const name = n % 7 === 0 ? `同名生物科技有限公司${n % 3}` : input.name;
      return {
        id: newId(),
        input: {
          ...input,
          name,
          uscc: testUscc(n),
          chainNodeCodes: [],
          formerNames: n % 5 === 0 ? [`旧名${n}`, `曾用${n}`] : [],
        },
      };
    });
    for (const r of records) uscc.set(r.id, r.input.uscc);
    await database.transaction((trx) =>
      insertEnterprises(bulkTarget(database, trx), tenantId, records, new Map(), '2026-12-01T00:00:00.000Z'),
    );
  }

  const nameOrder = async (tenantId: string) =>
    (
      await database.db
        .selectFrom('enterprises')
        .select('id')
        .where('tenantId', '=', tenantId)
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  const indexes = async () =>
    (
      await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
        where type = 'index' and tbl_name = 'enterprise_search' order by name`.execute(database.db)
    ).rows;

  /** The companies of a tenant by doc id, and each found by its code through the FTS5 index. */
  async function expectIndexed(tenantId: string) {
    const expected = await nameOrder(tenantId);
    const byDocId = await database.db
      .selectFrom('enterpriseSearch')
      .select('enterpriseId')
      .where('tenantId', '=', tenantId)
      .orderBy('docId')
      .execute();
    expect(byDocId.map((r) => r.enterpriseId)).toEqual(expected);
    // Every 97th company across the batches, the first and the last: its code finds it and only it.
    const sample = expected.filter((_, i) => i % 97 === 0 || i === expected.length - 1);
    for (const id of sample) {
      const page = await searchEnterprises(database.db, 'sqlite', { tenantId, q: uscc.get(id)!, limit: 5 });
      expect(page.ids, uscc.get(id)).toEqual([id]);
    }
  }

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
    big = await createTenant(database, 'fb');
    small = await createTenant(database, 'fs');
    await addCompanies(big.id, 1, 4_500);
    await addCompanies(small.id, 10_001, 30);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('reads a tenant in (name, id) order, former names included, the same from the sorted copy and the index', async () => {
    for (const tenant of [big, small]) {
      const expected = await nameOrder(tenant.id);
      const reads: { id: string; formerNames: string[] }[][] = [];
      for (const sorted of [true, false]) {
        const rows = await database.transaction(async (trx) => {
          const reader = await nameOrderReader(trx, tenant.id, sorted);
          const all: { id: string; formerNames: string[] }[] = [];
          for (let batch = await reader.next(); batch.length; batch = await reader.next()) {
            expect(batch.length).toBeLessThanOrEqual(2_000);
            all.push(...batch.map((r) => ({ id: r.id, formerNames: r.formerNames })));
          }
          await reader.close();
          return all;
        });
        expect(rows.map((r) => r.id)).toEqual(expected);
        reads.push(rows);
      }
      expect(reads[0]).toEqual(reads[1]);
      expect(reads[0]!.filter((r) => r.formerNames.length === 2).length).toBeGreaterThan(0);
    }
    // The copy is the transaction's own and goes with it.
    const temp = await sql<{ name: string }>`select name from sqlite_temp_master`.execute(database.db);
    expect(temp.rows).toEqual([]);
  });

  it('a rebuild of every tenant drops the indexes, writes in name order and gives each index back', async () => {
    const before = await indexes();
    expect(before.map((i) => i.name)).toEqual(['enterprise_search_enterprise_uq', 'enterprise_search_tenant_name_idx']);
    await rebuildSearchIndex(database);
    expect(await indexes()).toEqual(before);
    await expectIndexed(big.id);
    await expectIndexed(small.id);
  });

  it('a rebuild of a tenant that owns little of the table reads it through the index and keeps the others', async () => {
    await addCompanies(small.id, 20_001, 25);
    await rebuildSearchIndex(database, small.id);
    await expectIndexed(small.id);
    await expectIndexed(big.id);
    // and one of the tenant that owns most of it, from the sorted copy
    await addCompanies(big.id, 30_001, 2_100);
    await rebuildSearchIndex(database, big.id);
    await expectIndexed(big.id);
    await expectIndexed(small.id);
    expect((await indexes()).map((i) => i.name)).toEqual([
      'enterprise_search_enterprise_uq',
      'enterprise_search_tenant_name_idx',
    ]);
  });
});
