import { officeDate } from '@kaimen/shared';
import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { forEachTenant, type JobDefinition } from '../jobs/job-runner.js';
import { notify } from '../notifications/notifications.repository.js';

/**
 * Issue 6: a lease about to end is announced to the property managers (and admins) 90, 60 and 30 days before its last
 * day, once each: the notice's dedupe key names the lease, the threshold and the end date, so a daily job that runs
 * twice, two instances, or a lease extended and ending later (a new end date, a new key) never double-notify.
 */
export const EXPIRY_THRESHOLDS = [90, 60, 30] as const;
const JOB_NAME = 'lease-expiry';
const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export async function announceExpiringLeases(database: Database, tenantId: string, now: Date) {
  const today = officeDate(now);
  const horizon = new Date(Date.parse(today) + EXPIRY_THRESHOLDS[0] * DAY_MS).toISOString().slice(0, 10);
  const db = database.db;
  const leases = await db
    .selectFrom('leases')
    .innerJoin('enterprises', (j) =>
      j.onRef('enterprises.tenantId', '=', 'leases.tenantId').onRef('enterprises.id', '=', 'leases.enterpriseId'),
    )
    .select(['leases.id', 'leases.endsOn', 'enterprises.name'])
    .where('leases.tenantId', '=', tenantId)
    .where('leases.terminatedOn', 'is', null)
    .where('leases.startsOn', '<=', today)
    .where('leases.endsOn', '>=', today)
    .where('leases.endsOn', '<=', horizon)
    .execute();
  if (!leases.length) return { notified: 0 };
  const managers = await db
    .selectFrom('users')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('role', 'in', ['property', 'admin'])
    .where('disabled', '=', 0)
    .execute();
  let notified = 0;
  await database.transaction(async (trx) => {
    for (const lease of leases) {
      const left = daysBetween(today, lease.endsOn);
      // The nearest threshold reached: a lease first seen 45 days out is announced at 60, then at 30.
      const threshold = [...EXPIRY_THRESHOLDS].reverse().find((d) => left <= d);
      if (threshold === undefined) continue;
      for (const m of managers) {
        const sent = await notify(
          trx,
          {
            tenantId,
            userId: m.id,
            kind: 'lease-expiring',
            title: {
              zh: `租约将于 ${threshold} 天内到期：${lease.name}`,
              en: `Lease ends within ${threshold} days: ${lease.name}`,
            },
            body: {
              zh: `租期至 ${lease.endsOn}，还剩 ${left} 天。`,
              en: `It runs to ${lease.endsOn}: ${left} day(s) left.`,
            },
            link: `/property/leases?lease=${encodeURIComponent(lease.id)}`,
            entityType: 'lease',
            entityId: lease.id,
            dedupeKey: `lease-expiring:${lease.id}:${threshold}:${lease.endsOn}`,
          },
          now,
        );
        if (sent) notified++;
      }
    }
    if (notified) {
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now };
      await recordAudit(trx, ctx, {
        tenantId,
        actorUsername: `job:${JOB_NAME}`,
        action: 'lease-expiry-check',
        entityType: 'lease',
        detail: `${notified} notices`,
      });
    }
  });
  return { notified };
}

/** Hourly (the office's date turns at 16:00 UTC); each tenant on its own, one failing stops no other. */
export const leaseExpiryJob: JobDefinition = {
  name: JOB_NAME,
  everyMs: 3_600_000,
  run: (deps, now) =>
    forEachTenant(deps, 'lease expiry check', (tenantId) => announceExpiringLeases(deps.database, tenantId, now)),
};
