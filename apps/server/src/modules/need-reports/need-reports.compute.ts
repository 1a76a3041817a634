import { median } from '../lead-reports/lead-reports.compute.js';
import { isOverdue } from '../needs/needs.service.js';
import type { TNeedDepartmentFigures, TNeedReports } from './need-reports.schemas.js';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** How many groups the "top open problems" tables keep. */
export const TOP_OPEN = 10;

/** The month of an instant in China time (UTC+8, no daylight saving), as YYYY-MM. */
export const chinaMonth = (instant: string) =>
  new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 7);

/** A need submitted in the period, with what the period's figures read of it. */
export interface PeriodNeed {
  categoryCode: string;
  leadDepartmentId: string;
  submittedAt: string;
  resolvedAt: string | null;
  resolvedLate: number | null;
  dueAt: string;
  satisfaction: string | null;
}

/** A need with a department now, whenever it was submitted. */
export interface OpenNeed {
  leadDepartmentId: string;
  status: string;
  acceptBy: string;
  dueAt: string;
  escalatedAt: string | null;
}

export interface Named {
  nameZh: string;
  nameEn: string;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const rate = (part: number, whole: number) => (whole ? round(part / whole, 4) : null);

/** Answered by its due time: the flag the resolve step sets, or (a row without it) the two instants compared. */
const onTime = (n: PeriodNeed) => (n.resolvedLate === null ? n.resolvedAt! <= n.dueAt : Number(n.resolvedLate) === 0);

/** Resolution, timeliness and satisfaction of a group of the period's needs. */
function performance(needs: readonly PeriodNeed[]) {
  const resolved = needs.filter((n) => n.resolvedAt !== null);
  const resolvedOnTime = resolved.filter(onTime).length;
  const satisfaction = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const n of needs) {
    if (n.satisfaction && n.satisfaction in satisfaction) satisfaction[n.satisfaction as keyof typeof satisfaction]++;
  }
  const rated = satisfaction.satisfied + satisfaction.basically + satisfaction.unsatisfied;
  const days = median(resolved.map((n) => (Date.parse(n.resolvedAt!) - Date.parse(n.submittedAt)) / DAY_MS));
  return {
    total: needs.length,
    resolved: resolved.length,
    resolvedOnTime,
    onTimeRate: rate(resolvedOnTime, resolved.length),
    medianDays: days === null ? null : round(days, 1),
    satisfaction,
    satisfactionRate: rate(satisfaction.satisfied + satisfaction.basically, rated),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface NeedFiguresInput {
  months: readonly string[];
  /** The tenant's categories in their order. */
  categories: readonly ({ code: string } & Named)[];
  departments: ReadonlyMap<string, Named>;
  period: readonly PeriodNeed[];
  open: readonly OpenNeed[];
  now: Date;
}

/** Totals, the category × month heatmap and the department table. */
export function needFigures(i: NeedFiguresInput): Pick<TNeedReports, 'totals' | 'heatmap' | 'departments'> {
  const overdue = (rows: readonly OpenNeed[]) => rows.filter((n) => isOverdue(n, i.now)).length;

  const counts = new Map<string, number>();
  for (const n of i.period) {
    const key = `${n.categoryCode}\u0000${chinaMonth(n.submittedAt)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A category since removed from the dictionary still shows, under its code.
  const categories = i.categories.map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn }));
  for (const code of new Set(i.period.map((n) => n.categoryCode))) {
    if (!categories.some((c) => c.code === code)) categories.push({ code, nameZh: code, nameEn: code });
  }
  const cells = categories.flatMap((c) =>
    i.months.flatMap((month) => {
      const count = counts.get(`${c.code}\u0000${month}`) ?? 0;
      return count ? [{ category: c.code, month, count }] : [];
    }),
  );

  const byDepartment = groupBy(i.period, (n) => n.leadDepartmentId);
  const openByDepartment = groupBy(i.open, (n) => n.leadDepartmentId);
  const departments: TNeedDepartmentFigures[] = [...new Set([...byDepartment.keys(), ...openByDepartment.keys()])]
    .map((departmentId) => {
      const name = i.departments.get(departmentId) ?? { nameZh: departmentId, nameEn: departmentId };
      const open = openByDepartment.get(departmentId) ?? [];
      return {
        departmentId,
        nameZh: name.nameZh,
        nameEn: name.nameEn,
        ...performance(byDepartment.get(departmentId) ?? []),
        open: open.length,
        overdue: overdue(open),
      };
    })
    .sort((a, b) => b.total - a.total || b.open - a.open || a.nameZh.localeCompare(b.nameZh, 'zh-CN'));

  const all = performance(i.period);
  return {
    totals: {
      submitted: all.total,
      resolved: all.resolved,
      onTimeRate: all.onTimeRate,
      satisfactionRate: all.satisfactionRate,
      open: i.open.length,
      overdue: overdue(i.open),
    },
    heatmap: { months: [...i.months], categories, cells },
    departments,
  };
}

/** The largest groups first; ties by the group's name, then by the category's place in the dictionary. */
export function topGroups<T extends { category: string; count: number }>(
  groups: readonly T[],
  nameOf: (g: T) => string,
  categoryOrder: readonly string[],
): T[] {
  const place = (code: string) => {
    const i = categoryOrder.indexOf(code);
    return i < 0 ? categoryOrder.length : i;
  };
  return [...groups]
    .sort(
      (a, b) =>
        b.count - a.count || nameOf(a).localeCompare(nameOf(b), 'zh-CN') || place(a.category) - place(b.category),
    )
    .slice(0, TOP_OPEN);
}

/** Open needs per (park, category): a blank park is no park. */
export function parkGroups(
  rows: readonly { park: string | null; categoryCode: string; count: number | string | bigint }[],
) {
  const counts = new Map<string, { park: string | null; category: string; count: number }>();
  for (const r of rows) {
    const park = r.park?.trim() || null;
    const key = `${park ?? ''}\u0000${r.categoryCode}`;
    const g = counts.get(key) ?? { park, category: r.categoryCode, count: 0 };
    g.count += Number(r.count);
    counts.set(key, g);
  }
  return [...counts.values()];
}
