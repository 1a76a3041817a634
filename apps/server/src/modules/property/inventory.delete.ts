import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.js';
import { classifyDbError } from '../../db/database.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadForUpdate, type PropertyTable } from './property.records.js';

/** What may be deleted, and the reason (zh, en) it is still in use, if it is. */
const KINDS = {
  park: {
    table: 'parks',
    inUse: async (db: Executor, tenantId: string, id: string) =>
      (await db
        .selectFrom('buildings')
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('parkId', '=', id)
        .executeTakeFirst())
        ? (['园区内还有楼宇，请先删除楼宇。', 'The park still has buildings: delete them first.'] as const)
        : null,
  },
  building: {
    table: 'buildings',
    inUse: async (db: Executor, tenantId: string, id: string) =>
      (await db
        .selectFrom('units')
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('buildingId', '=', id)
        .executeTakeFirst())
        ? (['楼宇内还有房源，请先删除房源。', 'The building still has units: delete them first.'] as const)
        : null,
  },
  unit: {
    table: 'units',
    inUse: async (db: Executor, tenantId: string, id: string) => {
      const leased = await db
        .selectFrom('leaseUnits')
        .select('leaseId')
        .where('tenantId', '=', tenantId)
        .where('unitId', '=', id)
        .executeTakeFirst();
      if (leased)
        return [
          '该房源有租赁记录（含已结束的），删除会丢失租赁历史；如不再出租，请把状态改为停用或自用。',
          'The unit has leases (ended ones count): deleting it would lose their history. Set its status instead.',
        ] as const;
      const held = await db
        .selectFrom('unitReservations')
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('unitId', '=', id)
        .where('releasedAt', 'is', null)
        .executeTakeFirst();
      return held
        ? (['该房源已为招商项目预留，请先释放。', 'The unit is held for a lead: release it first.'] as const)
        : null;
    },
  },
  parcel: { table: 'parcels', inUse: async () => null },
} satisfies Record<
  string,
  {
    table: PropertyTable;
    inUse: (db: Executor, tenantId: string, id: string) => Promise<readonly [string, string] | null>;
  }
>;

export type InventoryKind = keyof typeof KINDS;

const inUse = (ctx: RequestContext, [zh, en]: readonly [string, string]) =>
  new AppError('conflict', {
    detail: { 'zh-CN': zh, en },
    errors: [{ field: 'id', message: ctx.locale === 'en' ? en : zh }],
  });

/**
 * Deletes a park, building, unit or parcel at the version the user saw, refused (409, nothing deleted) while something
 * still stands on it. A building goes with its empty floors. Audited with the record as it was.
 */
export async function deleteInventoryRecord(
  deps: Deps,
  ctx: RequestContext,
  kind: InventoryKind,
  id: string,
  version: number,
): Promise<void> {
  const tenantId = tenantOf(ctx.actor!);
  const { table, inUse: why } = KINDS[kind];
  await deps.database
    .transaction(async (trx) => {
      const before = await loadForUpdate(trx, table, kind, tenantId, id, version);
      const reason = await why(trx, tenantId, id);
      if (reason) throw inUse(ctx, reason);
      if (kind === 'building')
        await trx.deleteFrom('floors').where('tenantId', '=', tenantId).where('buildingId', '=', id).execute();
      // Kysely cannot type a `where` over a union of tables (see property.records.ts).
      await (trx as unknown as Kysely<any>)
        .deleteFrom(table)
        .where('tenantId', '=', tenantId)
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, { action: 'delete', entityType: kind, entityId: id, before });
    })
    .catch((err: unknown) => {
      // A record this module does not know of points here (an incubatee's desk, a rental notice's unit).
      if (classifyDbError(err) === 'foreign-key')
        throw inUse(ctx, ['仍有其他记录引用它，不能删除。', 'Other records still refer to it: it cannot be deleted.']);
      throw err;
    });
}
