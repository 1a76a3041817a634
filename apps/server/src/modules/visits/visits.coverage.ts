import { tenantOf, type RequestContext } from '../../lib/actor.js';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';

/**
 * The visit plan (包联走访): each company should be visited `target` times a year — its own target, or the tenant's
 * default. Coverage counts the year's visits per company and sums them per officer and per park; the companies
 * behind their target come first when they were never visited. An officer sees their own companies only.
 */

const BEHIND_LIMIT = 500;

interface Group {
  key: string | null;
  name: string;
  companies: number;
  visited: number;
  metTarget: number;
  visits: number;
  targetVisits: number;
}

const emptyGroup = (key: string | null, name: string): Group => ({
  key,
  name,
  companies: 0,
  visited: 0,
  metTarget: 0,
  visits: 0,
  targetVisits: 0,
});

export async function defaultVisitTarget(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('tenantSettings')
    .select('yearlyVisitTarget')
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.yearlyVisitTarget ?? 2);
}

export async function visitCoverage(
  db: Executor,
  ctx: RequestContext,
  q: { year?: number | undefined; park?: string | undefined; officerId?: string | undefined },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const year = q.year ?? Number(new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const defaultTarget = await defaultVisitTarget(db, tenantId);
  let ents = db
    .selectFrom('enterprises')
    .select(['id', 'name', 'park', 'assignedOfficerId', 'yearlyVisitTarget'])
    .where('tenantId', '=', tenantId);
  if (actor.role === 'service') ents = ents.where('assignedOfficerId', '=', actor.userId);
  if (q.officerId) ents = ents.where('assignedOfficerId', '=', q.officerId);
  if (q.park) ents = ents.where('park', '=', q.park);
  const [companies, visits, officers] = await Promise.all([
    ents.execute(),
    db
      .selectFrom('visits')
      .select(['enterpriseId', 'visitedOn'])
      .where('tenantId', '=', tenantId)
      .where('visitedOn', '>=', `${year}-01-01`)
      .where('visitedOn', '<=', `${year}-12-31`)
      .execute(),
    db.selectFrom('users').select(['id', 'displayName']).where('tenantId', '=', tenantId).execute(),
  ]);
  const officerName = new Map(officers.map((o) => [o.id, o.displayName]));
  const perCompany = new Map<string, { n: number; last: string }>();
  for (const v of visits) {
    const c = perCompany.get(v.enterpriseId) ?? { n: 0, last: '' };
    c.n += 1;
    if (v.visitedOn > c.last) c.last = v.visitedOn;
    perCompany.set(v.enterpriseId, c);
  }
  const totals = emptyGroup(null, '');
  const byOfficer = new Map<string, Group>();
  const byPark = new Map<string, Group>();
  const behind = [];
  for (const e of companies) {
    const target = e.yearlyVisitTarget ?? defaultTarget;
    const seen = perCompany.get(e.id);
    const n = seen?.n ?? 0;
    const officerKey = e.assignedOfficerId ?? '';
    const parkKey = e.park ?? '';
    const groups = [
      totals,
      byOfficer.get(officerKey) ??
        byOfficer
          .set(
            officerKey,
            emptyGroup(e.assignedOfficerId, e.assignedOfficerId ? (officerName.get(e.assignedOfficerId) ?? '') : ''),
          )
          .get(officerKey)!,
      byPark.get(parkKey) ?? byPark.set(parkKey, emptyGroup(e.park, e.park ?? '')).get(parkKey)!,
    ];
    for (const g of groups) {
      g.companies += 1;
      g.visits += n;
      g.targetVisits += target;
      if (n > 0) g.visited += 1;
      if (n >= target) g.metTarget += 1;
    }
    if (n < target) {
      behind.push({
        id: e.id,
        name: e.name,
        park: e.park,
        officer: e.assignedOfficerId
          ? { id: e.assignedOfficerId, name: officerName.get(e.assignedOfficerId) ?? '' }
          : null,
        visits: n,
        target,
        lastVisitedOn: seen?.last || null,
      });
    }
  }
  behind.sort(
    (a, b) =>
      a.visits - b.visits ||
      (a.lastVisitedOn ?? '').localeCompare(b.lastVisitedOn ?? '') ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const ordered = (m: Map<string, Group>) =>
    [...m.values()].sort(
      (a, b) => a.visited / (a.companies || 1) - b.visited / (b.companies || 1) || b.companies - a.companies,
    );
  return {
    year,
    defaultTarget,
    totals,
    byOfficer: ordered(byOfficer),
    byPark: ordered(byPark),
    behind: behind.slice(0, BEHIND_LIMIT),
    behindTotal: behind.length,
  };
}

export async function setDefaultVisitTarget(deps: Deps, ctx: RequestContext, target: number) {
  const tenantId = tenantOf(ctx.actor!);
  await deps.database.transaction(async (trx) => {
    const before = await defaultVisitTarget(trx, tenantId);
    await trx
      .updateTable('tenantSettings')
      .set({ yearlyVisitTarget: target, updatedAt: iso(ctx.now) })
      .where('tenantId', '=', tenantId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'visit-plan',
      before: { yearlyVisitTarget: before },
      after: { yearlyVisitTarget: target },
    });
  });
  return { yearlyVisitTarget: target };
}

/** A company's own target; null goes back to the tenant's default. */
export async function setEnterpriseVisitTarget(
  deps: Deps,
  ctx: RequestContext,
  enterpriseId: string,
  target: number | null,
) {
  const tenantId = tenantOf(ctx.actor!);
  await deps.database.transaction(async (trx) => {
    const e = await trx
      .selectFrom('enterprises')
      .select(['id', 'yearlyVisitTarget'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', enterpriseId)
      .executeTakeFirst();
    if (!e) throw notFound('enterprise', enterpriseId, 'visit-target');
    // A planning figure, not part of the company's record: its version stays, so an open form is not made stale.
    await trx
      .updateTable('enterprises')
      .set({ yearlyVisitTarget: target })
      .where('tenantId', '=', tenantId)
      .where('id', '=', enterpriseId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'visit-target',
      entityType: 'enterprise',
      entityId: enterpriseId,
      before: { yearlyVisitTarget: e.yearlyVisitTarget },
      after: { yearlyVisitTarget: target },
    });
  });
  return { yearlyVisitTarget: target };
}
