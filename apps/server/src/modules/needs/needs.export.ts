import {
  findEntry,
  label,
  maskPersonal,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_URGENCIES,
  SATISFACTION,
  type DictionaryEntry,
  type Locale,
} from '@kaimen/shared';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { officeDayStamp } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/deps.js';
import { addReportSheet, textIn, type ReportColumn } from '../../lib/report-sheet.js';
import { recordAudit } from '../audit/audit.repository.js';
import { needsPolicy } from './needs.policy.js';
import { ZListNeedsRequest, type TNeedSummary } from './needs.schemas.js';
import { findNeeds } from './needs.service.js';

/** An office handles thousands of needs a year: the export is built in memory, up to this many rows. */
export const NEED_EXPORT_CAP = 20_000;
const BATCH = 500;

export const ZExportNeedsRequest = ZListNeedsRequest.omit({ page: true, pageSize: true });
export type TExportNeedsRequest = z.infer<typeof ZExportNeedsRequest>;

const dict = (list: readonly DictionaryEntry[], code: string | null, locale: Locale) => {
  if (!code) return null;
  const e = findEntry(list, code);
  return e ? label(e, locale) : code;
};
const day = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

interface Row extends TNeedSummary {
  contact: string | null;
}
type Col = ReportColumn & {
  cell: (n: Row, locale: Locale, category: (code: string) => string) => string | number | null;
};

const COLUMNS: Col[] = [
  { header: { zh: '编号', en: 'Number' }, width: 16, cell: (n) => n.reference },
  { header: { zh: '诉求标题', en: 'Title' }, width: 30, cell: (n) => n.title },
  { header: { zh: '企业', en: 'Company' }, width: 32, cell: (n) => n.enterprise?.name ?? null },
  { header: { zh: '类别', en: 'Category' }, width: 14, cell: (n, _l, category) => category(n.categoryCode) },
  { header: { zh: '来源', en: 'Source' }, width: 12, cell: (n, l) => dict(NEED_SOURCES, n.source, l) },
  { header: { zh: '紧急程度', en: 'Urgency' }, width: 10, cell: (n, l) => dict(NEED_URGENCIES, n.urgency, l) },
  {
    header: { zh: '牵头部门', en: 'Lead department' },
    width: 20,
    cell: (n, l) => (n.leadDepartment ? (l === 'en' ? n.leadDepartment.nameEn : n.leadDepartment.nameZh) : null),
  },
  { header: { zh: '状态', en: 'Status' }, width: 12, cell: (n, l) => dict(NEED_STATUSES, n.status, l) },
  { header: { zh: '提交时间', en: 'Submitted' }, width: 18, cell: (n) => day(n.submittedAt) },
  { header: { zh: '办结期限', en: 'Due' }, width: 12, cell: (n) => n.dueOn },
  {
    header: { zh: '超期/督办', en: 'Overdue / escalated' },
    width: 12,
    cell: (n, l) => (n.overdue ? textIn({ zh: '是', en: 'Yes' }, l) : null),
  },
  { header: { zh: '企业评价', en: 'Rating' }, width: 12, cell: (n, l) => dict(SATISFACTION, n.satisfaction, l) },
  { header: { zh: '重新办理次数', en: 'Reopened' }, width: 10, format: '#,##0', cell: (n) => n.reopenedCount },
  { header: { zh: '服务专员', en: 'Service officer' }, width: 12, cell: (n) => n.officer?.name ?? null },
  { header: { zh: '联系人', en: 'Contact' }, width: 26, cell: (n) => n.contact },
];

/**
 * GET /api/needs/export: the needs the list shows with these filters, in its order, as one sheet headed in the
 * reader's language; the contact's phone masked unless the role may see it; one audit event.
 */
export async function exportNeeds(deps: Deps, ctx: RequestContext, q: TExportNeedsRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const db = deps.database.db;
  const items: TNeedSummary[] = [];
  let matched = 0;
  for (let page = 1; items.length < NEED_EXPORT_CAP; page++) {
    const res = await findNeeds(db, ctx, { ...q, page, pageSize: BATCH });
    items.push(...res.items);
    matched = res.total;
    if (res.items.length < BATCH || items.length >= res.total) break;
  }
  const rows = items.slice(0, NEED_EXPORT_CAP);
  const unmasked = needsPolicy.allows(actor, 'seePersonalData');
  const contacts = new Map<string, { contactName: string | null; contactPhone: string | null }>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const found = await db
      .selectFrom('needs')
      .select(['id', 'contactName', 'contactPhone'])
      .where('tenantId', '=', tenantId)
      .where(
        'id',
        'in',
        rows.slice(i, i + BATCH).map((r) => r.id),
      )
      .execute();
    for (const c of found) contacts.set(c.id, c);
  }
  const categories = await db
    .selectFrom('needCategories')
    .select(['code', 'nameZh', 'nameEn'])
    .where('tenantId', '=', tenantId)
    .execute();
  const categoryName = new Map(categories.map((c) => [c.code, ctx.locale === 'en' ? c.nameEn : c.nameZh]));
  const category = (code: string) => categoryName.get(code) ?? code;
  let withPhone = 0;
  const full: Row[] = rows.map((n) => {
    const c = contacts.get(n.id);
    const phone = c?.contactPhone ? (unmasked ? c.contactPhone : maskPersonal(c.contactPhone)) : null;
    if (c?.contactPhone) withPhone++;
    return { ...n, contact: [c?.contactName, phone].filter(Boolean).join(' ') || null };
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  addReportSheet(
    workbook,
    textIn({ zh: '企业诉求', en: 'Needs' }, ctx.locale),
    COLUMNS,
    full.map((n) => COLUMNS.map((c) => c.cell(n, ctx.locale, category))),
    ctx.locale,
  );
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const truncated = matched > NEED_EXPORT_CAP;
  await recordAudit(db, ctx, {
    action: 'export',
    entityType: 'need',
    entityId: null,
    after: { format: 'xlsx', filters: q, rows: full.length, unmaskedRows: unmasked ? withPhone : 0, truncated },
    detail: unmasked && withPhone > 0 ? 'unmasked' : 'masked',
  });
  const stamp = officeDayStamp(ctx.now);
  return { body, truncated, filename: `企业诉求-${stamp}.xlsx`, asciiFilename: `needs-${stamp}.xlsx` };
}
