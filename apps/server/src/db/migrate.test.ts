import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../test/helper.js';
import { Database } from './database.js';
import { migrateDown, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

describe(`migrations (${DB_KIND})`, () => {
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

  const tables = async () =>
    (await database.db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'))
      .sort();

  it('applies every migration, undoes them one by one, and applies them again', async () => {
    const names = Object.keys(migrations);
    expect(await migrateToLatest(database)).toEqual(names.map((n) => `Up ${n}`));
    expect(await migrateToLatest(database)).toEqual([]);
    const full = await tables();
    expect(full).toEqual(
      expect.arrayContaining(['tenants', 'users', 'sessions', 'audit_events', 'departments', 'need_categories']),
    );
    for (const name of [...names].reverse()) expect(await migrateDown(database)).toEqual([`Down ${name}`]);
    expect(await tables()).toEqual([]);
    await migrateToLatest(database);
    expect(await tables()).toEqual(full);
  });
});
