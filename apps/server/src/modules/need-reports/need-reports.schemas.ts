import { z } from 'zod';

export const ZNeedReportsRequest = z.object({
  /** First day, China time; the first day of the month eleven months before `to` when left out. */
  from: z.iso.date().optional(),
  /** Last day, China time, included; today when left out. */
  to: z.iso.date().optional(),
});
export type TNeedReportsRequest = z.infer<typeof ZNeedReportsRequest>;

/** Shares are 0–1 with four decimals; null when there is nothing to divide by (no need resolved, none rated). */
const ZRate = z.number().nullable();

const ZSatisfaction = z.object({ satisfied: z.number(), basically: z.number(), unsatisfied: z.number() });

const ZNamed = { nameZh: z.string(), nameEn: z.string() };

export const ZNeedDepartmentFigures = z.object({
  departmentId: z.string(),
  ...ZNamed,
  /** Needs of the period led by the department, as they stand now. */
  total: z.number(),
  resolved: z.number(),
  resolvedOnTime: z.number(),
  onTimeRate: ZRate,
  /** Median calendar days from submission to the answer (one decimal); null: none resolved. */
  medianDays: z.number().nullable(),
  satisfaction: ZSatisfaction,
  /** (satisfied + basically) ÷ rated. */
  satisfactionRate: ZRate,
  /** Now, whenever submitted: with the department, and of those red (escalated or past a deadline). */
  open: z.number(),
  overdue: z.number(),
});
export type TNeedDepartmentFigures = z.infer<typeof ZNeedDepartmentFigures>;

export const ZNeedReportsResponse = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    submitted: z.number(),
    resolved: z.number(),
    onTimeRate: ZRate,
    satisfactionRate: ZRate,
    open: z.number(),
    overdue: z.number(),
  }),
  /** Needs of the period by category and month of submission (China time); cells with a count only. */
  heatmap: z.object({
    months: z.array(z.string()),
    categories: z.array(z.object({ code: z.string(), ...ZNamed })),
    cells: z.array(z.object({ category: z.string(), month: z.string(), count: z.number() })),
  }),
  departments: z.array(ZNeedDepartmentFigures),
  /** The ten largest (park, category) groups of the needs open now; park null: the company has none recorded. */
  topOpenByPark: z.array(z.object({ park: z.string().nullable(), category: z.string(), count: z.number() })),
  /** The same per chain node; a company on several nodes counts on each. */
  topOpenByChainNode: z.array(
    z.object({ chainNodeId: z.string(), ...ZNamed, category: z.string(), count: z.number() }),
  ),
});
export type TNeedReports = z.infer<typeof ZNeedReportsResponse>;
