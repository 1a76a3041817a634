import { Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

function migrator(database: Database): Migrator {
  return new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => `${r.direction} ${r.migrationName}`);
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  return unwrap(await migrator(database).migrateToLatest());
}

/** Up or down to the named migration (it stays applied): what a migration's test runs, whatever comes after it. */
export async function migrateTo(database: Database, name: string): Promise<string[]> {
  return unwrap(await migrator(database).migrateTo(name));
}

export async function migrateDown(database: Database): Promise<string[]> {
  return unwrap(await migrator(database).migrateDown());
}
