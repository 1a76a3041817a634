import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { parseJson } from '../../lib/json.js';
import { cappedCount, COUNT_CAP } from '../../lib/paging.js';
import { auditPolicy } from './audit.policy.js';
import type { TListAuditRequest } from './audit.schemas.js';

export const AUDIT_COUNT_CAP = COUNT_CAP;

/** Day-only bounds cover the whole day. */
const bound = (v: string, end: boolean) =>
  v.length === 10 ? `${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(v).toISOString();

export async function findAuditEvents(db: Executor, actor: Actor, q: TListAuditRequest) {
  let query = db.selectFrom('auditEvents').where(auditPolicy.where(actor, 'list'));
  if (q.actor) query = query.where('actorUsername', '=', q.actor.toLowerCase());
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entityType', '=', q.entityType);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.from) query = query.where('at', '>=', bound(q.from, false));
  if (q.to) query = query.where('at', '<=', bound(q.to, true));
  const { total, totalCapped } = await cappedCount(db, query, AUDIT_COUNT_CAP);
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ ...r, before: parseJson(r.before, null), after: parseJson(r.after, null) })),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
  };
}
