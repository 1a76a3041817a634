import type { Bilingual } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import { notify } from '../notifications/notifications.repository.js';
import { enqueueWebhook } from '../webhooks/webhooks.service.js';

/**
 * Who hears of a step of a need: in-app notices to people, and the lead department's webhook (its group robot) for
 * what the department must act on. Everything lands in the caller's transaction.
 */

export interface NeedNoticeTarget {
  tenantId: string;
  id: string;
  reference: string;
  title: string;
  leadDepartmentId: string;
  enterpriseId: string;
  officerId: string | null;
  createdBy: string | null;
}

export interface NeedNotice {
  /** notification kind, e.g. need-submitted */
  kind: string;
  title: Bilingual;
  body?: Bilingual | null;
  /** Makes a notice idempotent (the escalation job): the same key for the same user is stored once. */
  dedupeKey?: string;
}

const linkOf = (n: NeedNoticeTarget) => `/needs/${encodeURIComponent(n.id)}`;

export async function tellUsers(
  db: Executor,
  need: NeedNoticeTarget,
  userIds: readonly (string | null | undefined)[],
  notice: NeedNotice,
  now: Date,
  except?: string | null,
): Promise<number> {
  let sent = 0;
  for (const userId of new Set(userIds.filter((u): u is string => !!u && u !== except))) {
    const ok = await notify(
      db,
      {
        tenantId: need.tenantId,
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? null,
        link: linkOf(need),
        entityType: 'need',
        entityId: need.id,
        dedupeKey: notice.dedupeKey ?? null,
      },
      now,
    );
    if (ok) sent++;
  }
  return sent;
}

/** The active handlers of a department (or only its heads). */
export async function departmentUsers(db: Executor, tenantId: string, departmentId: string, headsOnly = false) {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('role', '=', 'department')
    .where('departmentId', '=', departmentId)
    .where('disabled', '=', 0);
  if (headsOnly) q = q.where('departmentHead', '=', 1);
  return (await q.execute()).map((u) => u.id);
}

/** The company's own users (they confirm the answer). */
export async function enterpriseUsers(db: Executor, tenantId: string, enterpriseId: string) {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('role', '=', 'enterprise')
    .where('enterpriseId', '=', enterpriseId)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((u) => u.id);
}

/** Queues the message for the department's robot when it has one configured. */
export async function tellDepartmentRobot(
  db: Executor,
  need: NeedNoticeTarget,
  departmentId: string,
  event: string,
  notice: NeedNotice,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const dept = await db
    .selectFrom('departments')
    .select(['webhookUrl'])
    .where('tenantId', '=', need.tenantId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!dept?.webhookUrl) return false;
  const content = `【开门·企业诉求】${notice.title.zh}\n${need.reference} ${need.title}${notice.body ? `\n${notice.body.zh}` : ''}`;
  await enqueueWebhook(
    db,
    {
      tenantId: need.tenantId,
      departmentId,
      url: dept.webhookUrl,
      event,
      content,
      data: { needId: need.id, reference: need.reference, title: need.title, link: linkOf(need), ...extra },
    },
    now,
  );
  return true;
}
