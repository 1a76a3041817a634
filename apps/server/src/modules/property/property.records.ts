import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';

/** The property tables whose records are edited field by field with a version. */
export type PropertyTable =
  'parks' | 'buildings' | 'floors' | 'units' | 'parcels' | 'leases' | 'incubatees' | 'rentalNotices';

// One loader and one saver for these tables: Kysely cannot type a `where` over a union of tables, hence `any` here.
const loose = (db: Executor) => db as unknown as Kysely<any>;

export async function loadRecord<T extends PropertyTable>(
  db: Executor,
  table: T,
  tenantId: string,
  id: string,
): Promise<Selectable<DB[T]> | undefined> {
  return loose(db)
    .selectFrom(table as string)
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Selectable<DB[T]> | undefined>;
}

/** Loads a record for a change: 404 outside the tenant, 409 when the version sent is not the stored one. */
export async function loadForUpdate<T extends PropertyTable>(
  db: Executor,
  table: T,
  entityType: string,
  tenantId: string,
  id: string,
  version: number,
): Promise<Selectable<DB[T]>> {
  const row = await loadRecord(db, table, tenantId, id);
  if (!row) throw notFound(entityType, id, 'update');
  if ((row as { version: number }).version !== version) throw new AppError('stale-version');
  return row;
}

/** Writes the changed fields with the next version, and the audit event beside them. */
export async function saveRecord<T extends PropertyTable>(
  trx: Executor,
  ctx: RequestContext,
  table: T,
  entityType: string,
  before: Selectable<DB[T]>,
  patch: Partial<Selectable<DB[T]>>,
  action = 'update',
): Promise<Selectable<DB[T]>> {
  const b = before as Selectable<DB[T]> & { tenantId: string; id: string; version: number };
  const after = { ...b, ...patch, updatedAt: iso(ctx.now), version: b.version + 1 };
  await loose(trx)
    .updateTable(table as string)
    .set(after as Record<string, unknown>)
    .where('tenantId', '=', b.tenantId)
    .where('id', '=', b.id)
    .execute();
  await recordAudit(trx, ctx, { action, entityType, entityId: b.id, before, after });
  return after;
}

export async function insertRecord<T extends PropertyTable>(
  trx: Executor,
  ctx: RequestContext,
  table: T,
  entityType: string,
  row: Selectable<DB[T]> & { id: string },
): Promise<void> {
  await loose(trx)
    .insertInto(table as string)
    .values(row as Record<string, unknown>)
    .execute();
  await recordAudit(trx, ctx, { action: 'create', entityType, entityId: row.id, after: row });
}

/** The given fields only: a PATCH leaves the others as they are. */
export function given<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
export const outlineText = (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v));
