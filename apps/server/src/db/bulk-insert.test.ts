import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../test/helper.js';
import { freshStatistics } from './bulk-insert.js';
import { Database } from './database.js';

describe.runIf(DB_KIND === 'postgres')('freshStatistics (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const estimate = async (db: Parameters<Parameters<Database['transaction']>[0]>[0]) =>
    Number(
      (await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'stats_probe'`.execute(db)).rows[0]!
        .n,
    );
  const insert = (db: Parameters<Parameters<Database['transaction']>[0]>[0], n: number) =>
    sql`insert into stats_probe select g from generate_series(1, ${n}) g`.execute(db);

  it('analyzes inside the load each time it has doubled the table, counting its own rows', async () => {
    await database.transaction(async (trx) => {
      await sql`create table stats_probe (n integer)`.execute(trx);
      const target = { trx, dialect: 'postgres' as const, sqlite: null };
      const written = freshStatistics(target, ['stats_probe'], 0, 100);
      // Never analyzed: the planner has no row count.
      expect(await estimate(trx)).toBeLessThan(1);
      await insert(trx, 60);
      await written(60);
      expect(await estimate(trx)).toBeLessThan(1);
      await insert(trx, 60);
      await written(60);
      expect(await estimate(trx)).toBe(120);
      // The next one waits until the load has written as many rows again.
      await insert(trx, 100);
      await written(100);
      expect(await estimate(trx)).toBe(120);
      await insert(trx, 30);
      await written(30);
      expect(await estimate(trx)).toBe(250);
    });
  });
});
