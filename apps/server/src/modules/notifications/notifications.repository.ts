import type { Bilingual } from '@kaimen/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

export interface NotificationInput {
  tenantId: string;
  userId: string;
  /** What happened, e.g. 'lead-overdue', 'approval-requested'. */
  kind: string;
  title: Bilingual;
  body?: Bilingual | null;
  /** A path in the web app. */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** The same key for the same user is stored once: a job that runs twice notifies once. */
  dedupeKey?: string | null;
}

/**
 * Adds an in-app notification inside the caller's transaction (the notice lands with the change it reports, or not at
 * all). Returns false when one with the same dedupe key was already there.
 */
export async function notify(db: Executor, n: NotificationInput, now: Date): Promise<boolean> {
  const res = await db
    .insertInto('notifications')
    .values({
      tenantId: n.tenantId,
      id: newId(),
      userId: n.userId,
      kind: n.kind,
      titleZh: n.title.zh,
      titleEn: n.title.en,
      bodyZh: n.body?.zh ?? null,
      bodyEn: n.body?.en ?? null,
      link: n.link ?? null,
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
      dedupeKey: n.dedupeKey ?? null,
      createdAt: iso(now),
      readAt: null,
    })
    .onConflict((oc) => oc.columns(['tenantId', 'userId', 'dedupeKey']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unread count for the bell. */
export async function unreadCount(db: Executor, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)`.as('n'))
    .where('tenantId', '=', tenantId)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
