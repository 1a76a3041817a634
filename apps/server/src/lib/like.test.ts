import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../test/helper.js';
import { likeContains } from './like.js';

/** A search for `A_1` or `50%` means those characters, on both databases. */
describe(`likeContains (${DB_KIND})`, () => {
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

  const matches = async (value: string, search: string) => {
    const row = await sql<{
      m: unknown;
    }>`select case when ${value} like ${likeContains(search)} escape '\\' then 1 else 0 end as m`.execute(database.db);
    return Number(row.rows[0]!.m) === 1;
  };

  it('takes %, _ and backslash literally', async () => {
    expect(await matches('单元 A_1', 'A_1')).toBe(true);
    expect(await matches('单元 AB1', 'A_1')).toBe(false);
    expect(await matches('负荷 50% 以上', '50%')).toBe(true);
    expect(await matches('负荷 500 以上', '50%')).toBe(false);
    expect(await matches('C:\\data', ':\\d')).toBe(true);
    expect(await matches('苏州生物医药', '生物')).toBe(true);
  });
});
