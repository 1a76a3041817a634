import type { Locale } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { webhookDeliveriesPolicy } from './webhooks.policy.js';
import type { TListWebhookDeliveriesRequest, TWebhookDelivery } from './webhooks.schemas.js';

type Action = (typeof webhookDeliveriesPolicy.actions)[number];

/** The log's rows with their department's name, through the policy (another tenant's row is not there). */
function deliveries(db: Executor, ctx: RequestContext, action: Action) {
  return db
    .selectFrom('webhookDeliveries as w')
    .leftJoin('departments as d', (j) => j.onRef('d.tenantId', '=', 'w.tenantId').onRef('d.id', '=', 'w.departmentId'))
    .where(webhookDeliveriesPolicy.where(ctx.actor!, action, 'w'));
}

const COLUMNS = [
  'w.id',
  'w.departmentId',
  'd.nameZh',
  'd.nameEn',
  'w.event',
  'w.status',
  'w.attempts',
  'w.lastStatus',
  'w.lastError',
  'w.createdAt',
  'w.deliveredAt',
  'w.nextAttemptAt',
] as const;

interface Row extends Omit<TWebhookDelivery, 'departmentName'> {
  nameZh: string | null;
  nameEn: string | null;
}

const present = ({ nameZh, nameEn, ...r }: Row, locale: Locale): TWebhookDelivery => ({
  ...r,
  departmentName: locale === 'en' ? nameEn : nameZh,
  attempts: Number(r.attempts),
});

/** GET /api/webhook-deliveries: newest first, by status and department. */
export async function findWebhookDeliveries(db: Executor, ctx: RequestContext, q: TListWebhookDeliveriesRequest) {
  let base = deliveries(db, ctx, 'list');
  if (q.status) base = base.where('w.status', '=', q.status);
  if (q.departmentId) base = base.where('w.departmentId', '=', q.departmentId);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    base
      .select(COLUMNS)
      .orderBy('w.createdAt', 'desc')
      .orderBy('w.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map((r) => present(r, ctx.locale)),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * POST /api/webhook-deliveries/:id/retry: a message that has failed goes back in the queue, due now, for one more
 * attempt (the count of attempts stays what it was, so the log keeps telling how often it was tried).
 */
export async function retryWebhookDelivery(deps: Deps, ctx: RequestContext, id: string): Promise<TWebhookDelivery> {
  return deps.database.transaction(async (trx) => {
    const before = await deliveries(trx, ctx, 'retry').select(COLUMNS).where('w.id', '=', id).executeTakeFirst();
    if (!before) throw notFound('webhook-delivery', id, 'retry');
    const now = iso(ctx.now);
    const res =
      before.status === 'failed'
        ? await trx
            .updateTable('webhookDeliveries')
            .set({ status: 'pending', nextAttemptAt: now, claimedUntil: null })
            .where('tenantId', '=', tenantOf(ctx.actor!))
            .where('id', '=', id)
            .where('status', '=', 'failed')
            .executeTakeFirst()
        : null;
    if (!res || Number(res.numUpdatedRows) !== 1) {
      throw new AppError('conflict', {
        detail: {
          'zh-CN': '只有发送失败的推送可以重新发送。',
          en: 'Only a message that has failed can be sent again.',
        },
      });
    }
    const after = { ...before, status: 'pending' as const, nextAttemptAt: now };
    await recordAudit(trx, ctx, {
      action: 'retry',
      entityType: 'webhook-delivery',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status, nextAttemptAt: now },
    });
    return present(after, ctx.locale);
  });
}
