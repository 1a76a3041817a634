import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSearchIndex, searchEnterprises } from '../../modules/enterprises/search/enterprise-search.js';
import { createTenant, testUscc } from '../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../test/helper.js';
import { Database } from '../database.js';
import { migrateTo, migrateToLatest } from '../migrate.js';

/** On PostgreSQL the migration does nothing; what it does on SQLite is checked here. */
describe.skipIf(DB_KIND !== 'sqlite')("0012: enterprise_search's uniqueness as a named index (SQLite)", () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const schema = async () =>
    (
      await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master
        where tbl_name = 'enterprise_search' order by type, name`.execute(database.db)
    ).rows;
  const rows = async () => (await sql`select * from enterprise_search order by doc_id`.execute(database.db)).rows;

  it('keeps the rows, and one row per company, through down and up', async () => {
    const tenant = await createTenant(database, 'su');
    const now = '2026-12-01T00:00:00.000Z';
    await database.db
      .insertInto('enterprises')
      .values(
        ['上海生物医药', '苏州疫苗研究'].map((name, i) => ({
          tenantId: tenant.id,
          id: `e${i}`,
          uscc: testUscc(i + 1),
          name,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })),
      )
      .execute();
    await rebuildSearchIndex(database);
    const written = await rows();
    expect(written).toHaveLength(2);

    const up = await schema();
    expect(up.map((r) => [r.type, r.name])).toEqual([
      ['index', 'enterprise_search_enterprise_uq'],
      ['index', 'enterprise_search_tenant_name_idx'],
      ['table', 'enterprise_search'],
    ]);
    expect(up[0]!.sql).toMatch(/^create unique index/i);
    expect(up[2]!.sql).not.toMatch(/unique/i);
    const duplicate = (docId: number) =>
      sql`insert into enterprise_search (doc_id, tenant_id, enterprise_id, name)
        values (${docId}, ${tenant.id}, 'e0', 'x')`.execute(database.db);
    await expect(duplicate(99)).rejects.toThrow(/UNIQUE constraint failed/);

    expect((await migrateTo(database, '0011-sqlite-child-tables-without-rowid')).at(-1)).toBe(
      'Down 0012-sqlite-search-unique-index',
    );
    const down = await schema();
    expect(down.map((r) => [r.type, r.name])).toEqual([
      ['index', 'enterprise_search_tenant_name_idx'],
      ['index', 'sqlite_autoindex_enterprise_search_1'],
      ['table', 'enterprise_search'],
    ]);
    expect(down[2]!.sql).toMatch(
      /constraint "enterprise_search_enterprise_uq" unique \("tenant_id", "enterprise_id"\)/,
    );
    expect(await rows()).toEqual(written);
    await expect(duplicate(99)).rejects.toThrow(/UNIQUE constraint failed/);

    expect((await migrateToLatest(database))[0]).toBe('Up 0012-sqlite-search-unique-index');
    expect(await schema()).toEqual(up);
    expect(await rows()).toEqual(written);
    const found = await searchEnterprises(database.db, 'sqlite', { tenantId: tenant.id, q: '疫苗', limit: 5 });
    expect(found.ids).toEqual(['e1']);
  });
});
