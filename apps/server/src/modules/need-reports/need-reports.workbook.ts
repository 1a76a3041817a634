import type { Bilingual, Locale } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import {
  addReportSheet,
  COUNT_FORMAT,
  DAYS_FORMAT,
  PERCENT_FORMAT,
  textIn,
  type ReportColumn,
} from '../../lib/report-sheet.js';
import type { TNeedReports } from './need-reports.schemas.js';

const nameOf = (n: { nameZh: string; nameEn: string }, locale: Locale) => (locale === 'en' ? n.nameEn : n.nameZh);
export const NO_PARK: Bilingual = { zh: '未填写园区', en: 'No park recorded' };

/** The report as four sheets — heatmap, departments, parks, chain nodes — headed in the reader's language. */
export async function needReportWorkbook(r: TNeedReports, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  const total = textIn({ zh: '合计', en: 'Total' }, locale);
  const categoryName = new Map(r.heatmap.categories.map((c) => [c.code, nameOf(c, locale)]));
  const category = (code: string) => categoryName.get(code) ?? code;
  const CATEGORY: ReportColumn = { header: { zh: '诉求类别', en: 'Category' }, width: 18 };
  const OPEN: ReportColumn = { header: { zh: '未办结数', en: 'Open needs' }, width: 12, format: COUNT_FORMAT };

  const count = new Map(r.heatmap.cells.map((c) => [`${c.category}\u0000${c.month}`, c.count]));
  const cell = (code: string, month: string) => count.get(`${code}\u0000${month}`) ?? 0;
  addReportSheet(
    workbook,
    textIn({ zh: '热力图', en: 'Heatmap' }, locale),
    [
      CATEGORY,
      ...r.heatmap.months.map((m) => ({ header: { zh: m, en: m }, width: 10, format: COUNT_FORMAT })),
      { header: { zh: '合计', en: 'Total' }, width: 10, format: COUNT_FORMAT },
    ],
    [
      ...r.heatmap.categories.map((c) => {
        const row = r.heatmap.months.map((m) => cell(c.code, m));
        return [nameOf(c, locale), ...row, row.reduce((s, n) => s + n, 0)];
      }),
      [
        total,
        ...r.heatmap.months.map((m) => r.heatmap.categories.reduce((s, c) => s + cell(c.code, m), 0)),
        r.totals.submitted,
      ],
    ],
    locale,
    true,
  );

  const sum = (k: 'total' | 'resolved' | 'resolvedOnTime' | 'open' | 'overdue') =>
    r.departments.reduce((s, d) => s + d[k], 0);
  const rated = (k: 'satisfied' | 'basically' | 'unsatisfied') =>
    r.departments.reduce((s, d) => s + d.satisfaction[k], 0);
  addReportSheet(
    workbook,
    textIn({ zh: '部门绩效', en: 'Departments' }, locale),
    [
      { header: { zh: '牵头部门', en: 'Lead department' }, width: 24 },
      { header: { zh: '诉求数', en: 'Needs' }, width: 10, format: COUNT_FORMAT },
      { header: { zh: '已办结', en: 'Resolved' }, width: 10, format: COUNT_FORMAT },
      { header: { zh: '按时办结', en: 'Resolved on time' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '按时办结率', en: 'On-time rate' }, width: 12, format: PERCENT_FORMAT },
      { header: { zh: '办结中位天数', en: 'Median days to resolve' }, width: 14, format: DAYS_FORMAT },
      { header: { zh: '满意', en: 'Satisfied' }, width: 10, format: COUNT_FORMAT },
      { header: { zh: '基本满意', en: 'Basically satisfied' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '不满意', en: 'Not satisfied' }, width: 10, format: COUNT_FORMAT },
      { header: { zh: '满意率', en: 'Satisfaction rate' }, width: 12, format: PERCENT_FORMAT },
      { header: { zh: '当前未办结', en: 'Open now' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '当前超期', en: 'Overdue now' }, width: 12, format: COUNT_FORMAT },
    ],
    [
      ...r.departments.map((d) => [
        nameOf(d, locale),
        d.total,
        d.resolved,
        d.resolvedOnTime,
        d.onTimeRate,
        d.medianDays,
        d.satisfaction.satisfied,
        d.satisfaction.basically,
        d.satisfaction.unsatisfied,
        d.satisfactionRate,
        d.open,
        d.overdue,
      ]),
      [
        total,
        sum('total'),
        sum('resolved'),
        sum('resolvedOnTime'),
        r.totals.onTimeRate,
        null,
        rated('satisfied'),
        rated('basically'),
        rated('unsatisfied'),
        r.totals.satisfactionRate,
        sum('open'),
        sum('overdue'),
      ],
    ],
    locale,
    true,
  );

  addReportSheet(
    workbook,
    textIn({ zh: '园区问题', en: 'By park' }, locale),
    [{ header: { zh: '园区', en: 'Park' }, width: 24 }, CATEGORY, OPEN],
    r.topOpenByPark.map((g) => [g.park ?? textIn(NO_PARK, locale), category(g.category), g.count]),
    locale,
    true,
  );
  addReportSheet(
    workbook,
    textIn({ zh: '产业链问题', en: 'By chain node' }, locale),
    [{ header: { zh: '产业链环节', en: 'Chain node' }, width: 24 }, CATEGORY, OPEN],
    r.topOpenByChainNode.map((g) => [nameOf(g, locale), category(g.category), g.count]),
    locale,
    true,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
