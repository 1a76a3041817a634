import { containsText } from '../../lib/like.js';
import type { ZParcelInput } from '@kaimen/shared';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { ParcelsTable } from '../../db/schema/property.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { iso } from '../../lib/time.js';
import { parcelsPolicy } from './property.policy.js';
import { given, insertRecord, loadForUpdate, loadRecord, outlineText, saveRecord } from './property.records.js';
import type { TListParcelsRequest, ZUpdateParcelRequest } from './property.schemas.js';

export const presentParcel = (p: Selectable<ParcelsTable>) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  area: p.area,
  zoning: p.zoning,
  status: p.status,
  owner: p.owner,
  outline: parseJson<{ type: string; coordinates: unknown[] } | null>(p.outline, null),
  notes: p.notes,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  version: p.version,
});

export async function findParcels(db: Executor, ctx: RequestContext, q: TListParcelsRequest) {
  let base = db.selectFrom('parcels').where(parcelsPolicy.where(ctx.actor!, 'read', 'parcels'));
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText('parcels.code', text), containsText('parcels.name', text)]));
  }
  const sort = q.sort ?? 'code';
  const desc = sort.startsWith('-');
  const col = sort.replace('-', '') as 'code' | 'area';
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { items: rows.map(presentParcel), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function getParcel(db: Executor, ctx: RequestContext, id: string) {
  const row = await loadRecord(db, 'parcels', tenantOf(ctx.actor!), id);
  if (!row) throw notFound('parcel', id);
  return presentParcel(row);
}

export async function createParcel(deps: Deps, ctx: RequestContext, input: z.output<typeof ZParcelInput>) {
  const now = iso(ctx.now);
  const row = {
    tenantId: tenantOf(ctx.actor!),
    id: newId(),
    code: input.code,
    name: input.name,
    area: input.area,
    zoning: input.zoning ?? null,
    status: input.status,
    owner: input.owner ?? null,
    outline: outlineText(input.outline) ?? null,
    notes: input.notes ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.database.transaction((trx) => insertRecord(trx, ctx, 'parcels', 'parcel', row));
  return presentParcel(row);
}

export async function updateParcel(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateParcelRequest>,
) {
  const { version, outline, ...rest } = input;
  return deps.database.transaction(async (trx) => {
    const before = await loadForUpdate(trx, 'parcels', 'parcel', tenantOf(ctx.actor!), id, version);
    const patch = given({ ...rest, outline: outlineText(outline) });
    return presentParcel(await saveRecord(trx, ctx, 'parcels', 'parcel', before, patch));
  });
}
