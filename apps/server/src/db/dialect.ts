import { SqliteAdapter, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from './database.js';

/** The only place migrations branch on the database: an auto-increment integer key. */
export function withSerialId<T extends string>(builder: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === 'postgres'
    ? builder.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : builder.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Migrations receive a bare Kysely; the adapter tells which database it talks to. */
export async function detectDialect(db: Kysely<unknown>): Promise<Dialect> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
