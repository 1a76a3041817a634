import { findEntry, label, LEASE_STATUSES, type Locale } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { officeDayStamp } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/deps.js';
import { addReportSheet, COUNT_FORMAT, textIn, type ReportCell, type ReportColumn } from '../../lib/report-sheet.js';
import type { RequestContext } from '../../lib/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findLeases } from './leases.service.js';
import { ZListLeasesRequest } from './property.schemas.js';

/** A park holds hundreds of leases, not millions: the export is built in memory, up to this many rows. */
export const LEASE_EXPORT_CAP = 20_000;
const BATCH = 200;

/** The list's filters and sort, without paging: the file is the whole filtered list, in the list's order. */
export const ZExportLeasesRequest = ZListLeasesRequest.omit({ page: true, pageSize: true });
export type TExportLeasesRequest = z.infer<typeof ZExportLeasesRequest>;

type Lease = Awaited<ReturnType<typeof findLeases>>['items'][number];
const MONEY = '#,##0.00';

const COLUMNS: (ReportColumn & { cell: (l: Lease, locale: Locale) => ReportCell })[] = [
  { header: { zh: '企业名称', en: 'Company' }, width: 34, cell: (l) => l.enterprise.name },
  {
    header: { zh: '楼宇', en: 'Building' },
    width: 20,
    cell: (l) => [...new Set(l.units.map((u) => u.buildingName))].join('、'),
  },
  { header: { zh: '单元', en: 'Units' }, width: 24, cell: (l) => l.units.map((u) => u.code).join('、') },
  {
    header: { zh: '面积（㎡）', en: 'Area (m²)' },
    width: 12,
    format: COUNT_FORMAT,
    cell: (l) => l.units.reduce((s, u) => s + u.area, 0),
  },
  { header: { zh: '起租日', en: 'Starts' }, width: 12, cell: (l) => l.startsOn },
  { header: { zh: '到期日', en: 'Ends' }, width: 12, cell: (l) => l.endsOn },
  { header: { zh: '终止日', en: 'Terminated on' }, width: 12, cell: (l) => l.terminatedOn },
  {
    header: { zh: '状态', en: 'Status' },
    width: 10,
    cell: (l, locale) => {
      const entry = findEntry(LEASE_STATUSES, l.status);
      return entry ? label(entry, locale) : l.status;
    },
  },
  { header: { zh: '月租金（元）', en: 'Monthly rent (yuan)' }, width: 14, format: MONEY, cell: (l) => l.monthlyRent },
  { header: { zh: '押金（元）', en: 'Deposit (yuan)' }, width: 14, format: MONEY, cell: (l) => l.deposit },
  { header: { zh: '免租期（月）', en: 'Rent-free months' }, width: 12, cell: (l) => l.rentFreeMonths },
  { header: { zh: '年递增（%）', en: 'Yearly increase (%)' }, width: 12, cell: (l) => l.escalationPercent },
  { header: { zh: '备注', en: 'Notes' }, width: 30, cell: (l) => l.notes },
];

export const leaseExportHeaders = (locale: Locale) => COLUMNS.map((c) => textIn(c.header, locale));

/** `租赁台账-20260302.xlsx` (`leases-…` in English), dated in China time. */
export const leaseExportFilename = (locale: Locale, now: Date) =>
  `${locale === 'en' ? 'leases' : '租赁台账'}-${officeDayStamp(now)}.xlsx`;

/**
 * GET /api/leases/export: the leases the list shows with these filters (a company its own), page by page through the
 * list's own query, as one sheet headed in the reader's language; one audit event.
 */
export async function exportLeases(deps: Deps, ctx: RequestContext, q: TExportLeasesRequest) {
  const db = deps.database.db;
  const leases: Lease[] = [];
  let matched = 0;
  for (let page = 1; leases.length < LEASE_EXPORT_CAP; page++) {
    const { items, total } = await findLeases(db, ctx, { ...q, page, pageSize: BATCH });
    leases.push(...items);
    matched = total;
    if (items.length < BATCH || leases.length >= total) break;
  }
  const rows = leases.slice(0, LEASE_EXPORT_CAP);
  const truncated = matched > LEASE_EXPORT_CAP;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  addReportSheet(
    workbook,
    textIn({ zh: '租赁台账', en: 'Leases' }, ctx.locale),
    COLUMNS,
    rows.map((l) => COLUMNS.map((c) => c.cell(l, ctx.locale))),
    ctx.locale,
  );
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(db, ctx, {
    action: 'export',
    entityType: 'lease',
    entityId: null,
    after: { format: 'xlsx', filters: q, rows: rows.length, truncated },
  });
  return {
    body,
    truncated,
    filename: leaseExportFilename(ctx.locale, ctx.now),
    asciiFilename: leaseExportFilename('en', ctx.now),
  };
}
