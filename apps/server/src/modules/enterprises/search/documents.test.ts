import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { newId } from '../../../lib/ids.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helper.js';
import { readTenantBatch, type EnterpriseText } from './documents.js';
import { insertCompanies } from './enterprise-search.fixtures.js';

describe('readTenantBatch', () => {
  let testDb: TestDatabase;
  let database: Database;
  let tenant: TestTenant;
  let other: TestTenant;
  /** Former names by enterprise id, as written. */
  const former = new Map<string, string[]>();

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
    tenant = await createTenant(database, 'batches');
    other = await createTenant(database, 'batches-other');
    for (const t of [tenant, other]) {
      // Every third company has former names, some two; the other tenant's too, under the same names.
      const companies = Array.from({ length: 250 }, (_, i) => ({
        id: newId(),
        name: `企业${i}`,
        uscc: `U${i}`,
        scope: null,
        former: i % 3 === 0 ? [`旧名${i}`, ...(i % 2 ? [`曾用${i}`] : [])] : [],
      }));
      await insertCompanies(database, t.id, companies);
      if (t === tenant) for (const c of companies) if (c.former.length) former.set(c.id, [...c.former].sort());
    }
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it("reads every company of the tenant once, each batch with its own companies' former names and no others", async () => {
    const seen: string[] = [];
    const seenFormer = new Map<string, string[]>();
    let after: EnterpriseText | null = null;
    for (;;) {
      const batch = await readTenantBatch(database.db, tenant.id, after, 40);
      if (batch.rows.length === 0) break;
      const ids = new Set(batch.rows.map((r) => r.id));
      for (const [id, names] of batch.former) {
        expect(ids.has(id)).toBe(true);
        seenFormer.set(id, names);
      }
      seen.push(...ids);
      after = batch.rows[batch.rows.length - 1]!;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect([...seen].sort()).toEqual(seen);
    expect(seenFormer).toEqual(former);
  });
});
