import type { Locale } from '@kaimen/shared';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import { AppError } from '../../lib/app-error.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/audit.repository.js';
import { leadsPolicy } from '../leads/leads.policy.js';
import { monthsOf, pipelineFigures } from './lead-reports.compute.js';
import { MAX_REPORT_MONTHS, type TLeadReports, type TLeadReportsRequest } from './lead-reports.schemas.js';
import { reportWorkbook } from './lead-reports.workbook.js';

/** The offices work in China time (UTC+8, no daylight saving): days and months of the report are China's. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaDay = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const chinaMonth = (instant: string) => new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 7);
/** The instant a China day starts, as the ISO text timestamps are stored in. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** `to` (today unless given) and `from` (the first day of the month eleven months earlier unless given): 12 months. */
export function reportRange(q: Pick<TLeadReportsRequest, 'from' | 'to'>, now: Date, locale: Locale) {
  const to = q.to ?? chinaDay(now);
  let from = q.from;
  if (!from) {
    const start = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() - 11);
    from = start.toISOString().slice(0, 10);
  }
  const months = from <= to ? monthsOf(from, to) : [];
  if (months.length === 0 || months.length > MAX_REPORT_MONTHS) {
    const message =
      locale === 'en'
        ? `The start must not be after the end, and the range at most ${MAX_REPORT_MONTHS} months`
        : `开始日期不能晚于结束日期，期间最长 ${MAX_REPORT_MONTHS} 个月`;
    throw new AppError('validation', { errors: [{ field: 'from', message, code: 'range-invalid' }] });
  }
  return { from, to, months, fromAt: dayStart(from), toAt: dayStart(nextDay(to)) };
}

type LeadsWhere = (eb: ExpressionBuilder<DB, 'leads'>) => Expression<SqlBool>;

/** The leads the actor's reports cover, narrowed by owner and channel. */
function leadsWhere(actor: Actor, q: TLeadReportsRequest): LeadsWhere {
  const scope = leadsPolicy.where(actor, 'reports', 'leads');
  return (eb) => {
    const conds: Expression<SqlBool>[] = [scope(eb)];
    if (q.owner) conds.push(eb('leads.ownerId', '=', q.owner));
    if (q.channel) conds.push(eb('leads.sourceChannel', '=', q.channel));
    return eb.and(conds);
  };
}

/**
 * GET /api/pipeline/reports. The funnel and the conversion tables cover the leads created in the range, as they stand
 * now; the months count investment signed by the date of each lead's first move to 签约 and capital by its arrival
 * date, whenever the lead was created. Narrow selects, reduced in TypeScript: a median and China-time months read
 * the same there on both databases, and ten thousand leads with their moves are a few hundred kilobytes.
 */
export async function getLeadReports(
  db: Executor,
  actor: Actor,
  q: TLeadReportsRequest,
  o: { now: Date; locale: Locale },
): Promise<TLeadReports> {
  const tenantId = tenantOf(actor);
  const range = reportRange(q, o.now, o.locale);
  const where = leadsWhere(actor, q);
  const created: LeadsWhere = (eb) =>
    eb.and([where(eb), eb('leads.createdAt', '>=', range.fromAt), eb('leads.createdAt', '<', range.toAt)]);

  const [leads, moves, signed, capital] = await Promise.all([
    db.selectFrom('leads').select(['id', 'stage', 'sourceChannel', 'ownerId']).where(created).execute(),
    db
      .selectFrom('leadStageMoves as m')
      .innerJoin('leads', (j) => j.onRef('leads.tenantId', '=', 'm.tenantId').onRef('leads.id', '=', 'm.leadId'))
      .select(['m.leadId', 'm.toStage', 'm.at'])
      .where(created)
      .orderBy('m.leadId')
      .orderBy('m.at')
      .orderBy('m.id')
      .execute(),
    // Each lead once, at its first move to 签约 (a lead moved back and signed again is not signed twice).
    db
      .selectFrom('leadStageMoves as m')
      .innerJoin('leads', (j) => j.onRef('leads.tenantId', '=', 'm.tenantId').onRef('leads.id', '=', 'm.leadId'))
      .select((eb) => [eb.fn.min('m.at').as('at'), 'leads.plannedInvestment'])
      .where(where)
      .where('m.toStage', '=', 'signed')
      .groupBy(['m.leadId', 'leads.plannedInvestment'])
      .having((eb) => eb.and([eb(eb.fn.min('m.at'), '>=', range.fromAt), eb(eb.fn.min('m.at'), '<', range.toAt)]))
      .execute(),
    db
      .selectFrom('leadCapital as c')
      .innerJoin('leads', (j) => j.onRef('leads.tenantId', '=', 'c.tenantId').onRef('leads.id', '=', 'c.leadId'))
      .select([sql<string>`substr(c.arrived_on, 1, 7)`.as('month'), (eb) => eb.fn.sum<number>('c.amount').as('amount')])
      .where(where)
      .where('c.arrivedOn', '>=', range.from)
      .where('c.arrivedOn', '<=', range.to)
      .groupBy(sql`substr(c.arrived_on, 1, 7)`)
      .execute(),
  ]);

  const ownerIds = [...new Set(leads.map((l) => l.ownerId))];
  const owners = ownerIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'displayName'])
        .where('tenantId', '=', tenantId)
        .where('id', 'in', ownerIds)
        .execute()
    : [];

  const byMonth = new Map(
    range.months.map((month) => [month, { month, signedCount: 0, signedInvestment: 0, arrivedCapital: 0 }]),
  );
  for (const s of signed) {
    const row = byMonth.get(chinaMonth(s.at as string));
    if (!row) continue;
    row.signedCount += 1;
    row.signedInvestment += Number(s.plannedInvestment ?? 0);
  }
  for (const c of capital) {
    const row = byMonth.get(c.month);
    if (row) row.arrivedCapital += Number(c.amount);
  }

  return {
    from: range.from,
    to: range.to,
    owner: q.owner ?? null,
    channel: q.channel ?? null,
    ...pipelineFigures(leads, moves, new Map(owners.map((u) => [u.id, u.displayName]))),
    byMonth: [...byMonth.values()],
  };
}

/** `招商分析-20250401-20260331.xlsx` (`pipeline-report-…` in English). */
export const reportFilename = (locale: Locale, r: Pick<TLeadReports, 'from' | 'to'>) =>
  `${locale === 'en' ? 'pipeline-report' : '招商分析'}-${r.from.replace(/-/g, '')}-${r.to.replace(/-/g, '')}.xlsx`;

/** GET /api/pipeline/reports/export: the same tables as a workbook (small: built in memory), one audit event. */
export async function exportLeadReports(deps: Deps, ctx: RequestContext, q: TLeadReportsRequest) {
  const report = await getLeadReports(deps.database.db, ctx.actor!, q, ctx);
  const body = await reportWorkbook(report, ctx.locale);
  await recordAudit(deps.database.db, ctx, {
    action: 'export',
    entityType: 'lead-report',
    after: {
      from: report.from,
      to: report.to,
      owner: report.owner,
      channel: report.channel,
      leads: report.funnel.total,
    },
  });
  return { body, filename: reportFilename(ctx.locale, report), asciiFilename: reportFilename('en', report) };
}
