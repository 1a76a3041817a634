import { NEED_STATUSES_WITH_DEPARTMENT, type Locale } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/audit.repository.js';
import { reportRange } from '../lead-reports/lead-reports.service.js';
import { needsPolicy } from '../needs/needs.policy.js';
import { needFigures, parkGroups, topGroups } from './need-reports.compute.js';
import type { TNeedReports, TNeedReportsRequest } from './need-reports.schemas.js';
import { needReportWorkbook } from './need-reports.workbook.js';

/** With a department now (what open and overdue count): a returned need waits for its sender instead. */
const OPEN = [...NEED_STATUSES_WITH_DEPARTMENT];

/**
 * GET /api/need-reports. The heatmap and the department figures cover the needs submitted in the range (China time),
 * as they stand now; open, overdue and the top open problems are the tenant's needs open now, whenever submitted (an
 * old open need is the one that matters most). Narrow selects reduced in TypeScript: China-time months and medians
 * read the same there on both databases, and a tenant's needs of a year are a few thousand short rows.
 */
export async function getNeedReports(
  db: Executor,
  actor: Actor,
  q: TNeedReportsRequest,
  o: { now: Date; locale: Locale },
): Promise<TNeedReports> {
  const range = reportRange(q, o.now, o.locale);
  const scope = needsPolicy.where(actor, 'analysis', 'needs');
  const tenantId = tenantOf(actor);

  const [period, open, byPark, byNode, categories, departments, nodes] = await Promise.all([
    db
      .selectFrom('needs')
      .select([
        'categoryCode',
        'leadDepartmentId',
        'submittedAt',
        'resolvedAt',
        'resolvedLate',
        'dueAt',
        'satisfaction',
      ])
      .where(scope)
      .where('needs.submittedAt', '>=', range.fromAt)
      .where('needs.submittedAt', '<', range.toAt)
      .execute(),
    db
      .selectFrom('needs')
      .select(['leadDepartmentId', 'status', 'acceptBy', 'dueAt', 'escalatedAt'])
      .where(scope)
      .where('needs.status', 'in', OPEN)
      .execute(),
    db
      .selectFrom('needs')
      .innerJoin('enterprises as e', (j) =>
        j.onRef('e.tenantId', '=', 'needs.tenantId').onRef('e.id', '=', 'needs.enterpriseId'),
      )
      .select((eb) => ['e.park', 'needs.categoryCode', eb.fn.countAll().as('count')])
      .where(scope)
      .where('needs.status', 'in', OPEN)
      .groupBy(['e.park', 'needs.categoryCode'])
      .execute(),
    db
      .selectFrom('needs')
      // A cross join with the join condition in the where: SQLite keeps the open needs as the outer loop (measured at
      // 200k needs: 27 ms, against 43 s when it chose the ~13,000 chain-node rows outside); PostgreSQL plans it as the
      // inner join it is.
      .crossJoin('enterpriseChainNodes as ecn')
      .whereRef('ecn.tenantId', '=', 'needs.tenantId')
      .whereRef('ecn.enterpriseId', '=', 'needs.enterpriseId')
      .select((eb) => ['ecn.chainNodeId', 'needs.categoryCode', eb.fn.countAll().as('count')])
      .where(scope)
      .where('needs.status', 'in', OPEN)
      .groupBy(['ecn.chainNodeId', 'needs.categoryCode'])
      .execute(),
    db
      .selectFrom('needCategories')
      .select(['code', 'nameZh', 'nameEn'])
      .where('tenantId', '=', tenantId)
      .orderBy('sort')
      .orderBy('code')
      .execute(),
    db.selectFrom('departments').select(['id', 'nameZh', 'nameEn']).where('tenantId', '=', tenantId).execute(),
    db.selectFrom('chainNodes').select(['id', 'nameZh', 'nameEn']).where('tenantId', '=', tenantId).execute(),
  ]);

  const figures = needFigures({
    months: range.months,
    categories,
    departments: new Map(departments.map((d) => [d.id, d])),
    period,
    open,
    now: o.now,
  });
  const order = figures.heatmap.categories.map((c) => c.code);
  const nodeNames = new Map(nodes.map((n) => [n.id, n]));
  const nodeGroups = byNode.map((g) => {
    const name = nodeNames.get(g.chainNodeId) ?? { nameZh: g.chainNodeId, nameEn: g.chainNodeId };
    return {
      chainNodeId: g.chainNodeId,
      nameZh: name.nameZh,
      nameEn: name.nameEn,
      category: g.categoryCode,
      count: Number(g.count),
    };
  });
  return {
    from: range.from,
    to: range.to,
    ...figures,
    // Companies without a park come after the named parks of the same size.
    topOpenByPark: topGroups(parkGroups(byPark), (g) => g.park ?? '\uffff', order),
    topOpenByChainNode: topGroups(nodeGroups, (g) => g.nameZh, order),
  };
}

/** `诉求分析-20250401-20260331.xlsx` (`need-report-…` in English). */
export const needReportFilename = (locale: Locale, r: Pick<TNeedReports, 'from' | 'to'>) =>
  `${locale === 'en' ? 'need-report' : '诉求分析'}-${r.from.replace(/-/g, '')}-${r.to.replace(/-/g, '')}.xlsx`;

/** GET /api/need-reports/export: the same tables as a workbook (small: built in memory), one audit event. */
export async function exportNeedReports(deps: Deps, ctx: RequestContext, q: TNeedReportsRequest) {
  const report = await getNeedReports(deps.database.db, ctx.actor!, q, ctx);
  const body = await needReportWorkbook(report, ctx.locale);
  await recordAudit(deps.database.db, ctx, {
    action: 'export',
    entityType: 'need-report',
    after: { from: report.from, to: report.to, needs: report.totals.submitted, open: report.totals.open },
  });
  return { body, filename: needReportFilename(ctx.locale, report), asciiFilename: needReportFilename('en', report) };
}
