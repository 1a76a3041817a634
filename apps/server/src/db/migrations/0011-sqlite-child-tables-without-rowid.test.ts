import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { insertEnterprises } from '../../modules/enterprises/import/bulk-write.js';
import { chainNodeLookup } from '../../modules/enterprises/import/registry-lookups.js';
import { generateEnterprise } from '../../modules/seed/enterprise-generator.js';
import { createTenant, testUscc } from '../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../test/helper.js';
import { bulkTarget } from '../bulk-insert.js';
import { Database } from '../database.js';
import { migrateTo, migrateToLatest } from '../migrate.js';
import { CHILD_TABLES } from './0011-sqlite-child-tables-without-rowid.js';

/** On PostgreSQL the migration does nothing; what it does on SQLite is checked here. */
describe.skipIf(DB_KIND !== 'sqlite')('0011: the registry child tables as WITHOUT ROWID tables (SQLite)', () => {
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

  const definitions = async () =>
    (
      await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
        where name in (${sql.join([...CHILD_TABLES])}) order by name`.execute(database.db)
    ).rows;
  const indexes = async () =>
    (
      await sql<{ name: string }>`select name from sqlite_master where type = 'index'
        and tbl_name in (${sql.join([...CHILD_TABLES])}) and sql is not null order by name`.execute(database.db)
    ).rows.map((r) => r.name);
  const contents = async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of CHILD_TABLES)
      out[t] = (await sql`select * from ${sql.table(t)} order by 1, 2, 3`.execute(database.db)).rows;
    return out;
  };

  it('keeps every row, key, index and cascade through down and up', async () => {
    const tenant = await createTenant(database, 'wr');
    const { ids } = await chainNodeLookup(database.db, tenant.id);
    const [nodeCode] = [...ids.keys()];
    const records = [1, 2, 3].map((n) => ({
      id: newId(),
      input: {
        ...generateEnterprise('wr', n),
        uscc: testUscc(n),
        formerNames: [`旧名${n}`],
        tags: ['独角兽', `标签${n}`],
        qualifications: [
          { code: 'high_tech' as const, obtainedOn: '2024-01-02', expiresOn: null, certificateNo: null },
        ],
        contacts: [{ name: `联系人${n}`, title: null, mobile: '13800138000', email: null }],
        chainNodeCodes: [nodeCode!],
        figures: [
          { year: 2023, employees: null, revenue: 1_000_000 * n, rndSpend: null, taxPaid: null },
          { year: 2024, employees: 10 * n, revenue: null, rndSpend: null, taxPaid: null },
        ],
      },
    }));
    await database.transaction((trx) =>
      insertEnterprises(bulkTarget(database, trx), tenant.id, records, ids, '2026-12-01T00:00:00.000Z'),
    );
    const rows = await contents();
    expect(rows['enterprise_figures']).toHaveLength(6);
    expect(rows['enterprise_tags']).toHaveLength(6);
    const keptIndexes = await indexes();
    expect(keptIndexes).toEqual([
      'enterprise_chain_nodes_node_idx',
      'enterprise_qualifications_code_idx',
      'enterprise_tags_tag_idx',
    ]);
    for (const d of await definitions()) expect(d.sql, d.name).toMatch(/\)\s*without rowid$/i);

    expect((await migrateTo(database, '0010-rental-notices')).at(-1)).toBe(
      'Down 0011-sqlite-child-tables-without-rowid',
    );
    for (const d of await definitions()) expect(d.sql, d.name).not.toMatch(/without rowid/i);
    expect(await contents()).toEqual(rows);
    expect(await indexes()).toEqual(keptIndexes);

    expect((await migrateToLatest(database))[0]).toBe('Up 0011-sqlite-child-tables-without-rowid');
    for (const d of await definitions()) expect(d.sql, d.name).toMatch(/\)\s*without rowid$/i);
    expect(await contents()).toEqual(rows);
    expect(await indexes()).toEqual(keptIndexes);

    // The foreign keys came along: deleting a company takes its child rows with it, and an orphan is refused.
    await database.db.deleteFrom('enterprises').where('id', '=', records[0]!.id).execute();
    const after = await contents();
    for (const t of CHILD_TABLES) {
      expect(after[t]!.length, t).toBe(rows[t]!.length - rows[t]!.length / 3);
      expect(after[t]!.some((r) => (r as { enterprise_id: string }).enterprise_id === records[0]!.id)).toBe(false);
    }
    await expect(
      sql`insert into enterprise_tags (tenant_id, enterprise_id, tag) values (${tenant.id}, ${newId()}, 'x')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
