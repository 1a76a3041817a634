import type { Locale } from '@kaimen/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NotificationsTable } from '../../db/schema/pipeline.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { unreadCount } from './notifications.repository.js';
import { notificationsPolicy } from './notifications.policy.js';
import type { TListNotificationsRequest, TNotification } from './notifications.schemas.js';

type NotificationRow = NotificationsTable;

export function presentNotification(row: NotificationRow, locale: Locale): TNotification {
  const en = locale === 'en';
  return {
    id: row.id,
    kind: row.kind,
    title: en ? row.titleEn : row.titleZh,
    body: en ? (row.bodyEn ?? row.bodyZh) : (row.bodyZh ?? row.bodyEn),
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    bodyZh: row.bodyZh,
    bodyEn: row.bodyEn,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** The actor's own notifications, newest first. */
const ownRows = (db: Executor, actor: Actor) =>
  db.selectFrom('notifications').where(notificationsPolicy.where(actor, 'list'));

export async function getUnreadCount(db: Executor, actor: Actor): Promise<number> {
  return actor.tenantId ? unreadCount(db, actor.tenantId, actor.userId) : 0;
}

export async function findNotifications(db: Executor, ctx: RequestContext, q: TListNotificationsRequest) {
  const actor = ctx.actor!;
  const base = q.unread ? ownRows(db, actor).where('readAt', 'is', null) : ownRows(db, actor);
  const [rows, counted, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    getUnreadCount(db, actor),
  ]);
  return {
    items: rows.map((r) => presentNotification(r, ctx.locale)),
    total: Number(counted.n),
    page: q.page,
    pageSize: q.pageSize,
    unread,
  };
}

/** The few latest unread, for the bell and "my work". */
export async function latestUnreadNotifications(db: Executor, ctx: RequestContext, limit: number) {
  const rows = await ownRows(db, ctx.actor!)
    .where('readAt', 'is', null)
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => presentNotification(r, ctx.locale));
}

/** Marks one of the actor's notifications read (again is harmless: the first reading time stays). */
export async function markNotificationRead(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  return deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where(notificationsPolicy.where(actor, 'read'))
      .executeTakeFirst();
    if (!before) throw notFound('notification', id, 'read');
    const readAt = before.readAt ?? iso(ctx.now);
    if (!before.readAt) {
      await trx
        .updateTable('notifications')
        .set({ readAt })
        .where('tenantId', '=', before.tenantId)
        .where('id', '=', id)
        .where('readAt', 'is', null)
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'read',
      entityType: 'notification',
      entityId: id,
      before: { readAt: before.readAt },
      after: { readAt },
    });
    return presentNotification({ ...before, readAt }, ctx.locale);
  });
}

/** Marks every unread notification of the actor read: one audit event with the count. */
export async function markAllNotificationsRead(deps: Deps, ctx: RequestContext) {
  const actor = ctx.actor!;
  return deps.database.transaction(async (trx) => {
    const res = await trx
      .updateTable('notifications')
      .set({ readAt: iso(ctx.now) })
      .where(notificationsPolicy.where(actor, 'read'))
      .where('readAt', 'is', null)
      .executeTakeFirst();
    const marked = Number(res.numUpdatedRows);
    await recordAudit(trx, ctx, {
      action: 'read-all',
      entityType: 'notification',
      after: { marked },
      detail: `${marked} marked read`,
    });
    return { marked, unread: await getUnreadCount(trx, actor) };
  });
}
