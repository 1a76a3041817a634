import {
  findEntry,
  label,
  LEAD_SOURCE_CHANNELS,
  LEAD_STAGES,
  maskPersonal,
  UNIT_TYPES,
  type Bilingual,
  type DictionaryEntry,
  type Locale,
} from '@kaimen/shared';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { officeDayStamp } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/audit.repository.js';
import { leadsPolicy } from './leads.policy.js';
import { ZListLeadsRequest } from './leads.schemas.js';
import { findLeads } from './leads.service.js';

/** An office holds thousands of leads, not millions: the export is built in memory, up to this many rows. */
export const LEAD_EXPORT_CAP = 20_000;
const BATCH = 500;

/** The list's filters and sort, without paging: the file is the whole filtered list, in the list's order. */
export const ZExportLeadsRequest = ZListLeadsRequest.omit({ page: true, pageSize: true });
export type TExportLeadsRequest = z.infer<typeof ZExportLeadsRequest>;

type Summary = Awaited<ReturnType<typeof findLeads>>['items'][number];
interface Contact {
  leadId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
}
type Cell = string | number | null;
interface Column {
  header: Bilingual;
  width: number;
  format?: string;
  cell: (lead: Summary, contacts: Contact[], locale: Locale) => Cell;
}

const WAN = '#,##0.00';
const COUNT = '#,##0';
const dict = (list: readonly DictionaryEntry[], code: string | null, locale: Locale) => {
  if (!code) return null;
  const entry = findEntry(list, code);
  return entry ? label(entry, locale) : code;
};
/** Yuan to 万元, as the office reports money. */
const wan = (yuan: number | null) => (yuan === null ? null : Math.round(yuan / 100) / 100);

export const OVERDUE_LABELS: Record<string, Bilingual> = {
  first_contact: { zh: '首次响应超期', en: 'First contact overdue' },
  screening: { zh: '初筛超期', en: 'Screening overdue' },
  stale: { zh: '跟进超期', en: 'Follow-up overdue' },
};

const contactText = (c: Contact) => [c.name, c.title, c.mobile, c.email].filter(Boolean).join(' ');

const COLUMNS: Column[] = [
  { header: { zh: '企业名称', en: 'Company' }, width: 34, cell: (l) => l.companyName },
  { header: { zh: '统一社会信用代码', en: 'USCC' }, width: 22, cell: (l) => l.uscc },
  {
    header: { zh: '招商渠道', en: 'Source channel' },
    width: 16,
    cell: (l, _c, loc) => dict(LEAD_SOURCE_CHANNELS, l.sourceChannel, loc),
  },
  {
    header: { zh: '产业链环节', en: 'Chain node' },
    width: 18,
    cell: (l, _c, loc) =>
      l.chainNode ? (loc === 'en' ? l.chainNode.nameEn || l.chainNode.nameZh : l.chainNode.nameZh) : null,
  },
  { header: { zh: '阶段', en: 'Stage' }, width: 12, cell: (l, _c, loc) => dict(LEAD_STAGES, l.stage, loc) },
  { header: { zh: '负责人', en: 'Owner' }, width: 12, cell: (l) => l.owner?.displayName ?? null },
  {
    header: { zh: '计划投资（万元）', en: 'Planned investment (10k yuan)' },
    width: 16,
    format: WAN,
    cell: (l) => wan(l.plannedInvestment),
  },
  {
    header: { zh: '实际到资（万元）', en: 'Capital arrived (10k yuan)' },
    width: 16,
    format: WAN,
    cell: (l) => wan(l.capitalArrived),
  },
  {
    header: { zh: '载体类型', en: 'Unit type' },
    width: 12,
    cell: (l, _c, loc) => dict(UNIT_TYPES, l.spaceUnitType, loc),
  },
  { header: { zh: '面积需求（㎡）', en: 'Space needed (m²)' }, width: 14, format: COUNT, cell: (l) => l.spaceArea },
  { header: { zh: '预计就业', en: 'Expected jobs' }, width: 10, format: COUNT, cell: (l) => l.expectedJobs },
  {
    header: { zh: '预计年税收（万元）', en: 'Expected annual tax (10k yuan)' },
    width: 16,
    format: WAN,
    cell: (l) => wan(l.expectedAnnualTax),
  },
  { header: { zh: '下次跟进', en: 'Next follow-up' }, width: 12, cell: (l) => l.nextFollowUpOn },
  {
    header: { zh: '逾期', en: 'Overdue' },
    width: 14,
    cell: (l, _c, loc) => {
      if (!l.overdueKind) return null;
      const kind = OVERDUE_LABELS[l.overdueKind];
      return kind ? (loc === 'en' ? kind.en : kind.zh) : l.overdueKind;
    },
  },
  {
    header: { zh: '联系人', en: 'Contacts' },
    width: 40,
    cell: (_l, contacts) => contacts.map(contactText).join('；') || null,
  },
  { header: { zh: '阶段开始', en: 'In stage since' }, width: 20, cell: (l) => l.stageEnteredAt },
  { header: { zh: '创建时间', en: 'Created' }, width: 20, cell: (l) => l.createdAt },
  { header: { zh: '更新时间', en: 'Updated' }, width: 20, cell: (l) => l.updatedAt },
];

export const leadExportHeaders = (locale: Locale) => COLUMNS.map((c) => (locale === 'en' ? c.header.en : c.header.zh));

/** The filtered list, page by page through the list's own query (same scope, filters and order). */
async function filteredLeads(db: Executor, actor: Actor, q: TExportLeadsRequest) {
  const out: Summary[] = [];
  let matched = 0;
  for (let page = 1; out.length < LEAD_EXPORT_CAP; page++) {
    const { items, total } = await findLeads(db, actor, { ...q, page, pageSize: BATCH });
    out.push(...items);
    matched = total;
    if (items.length < BATCH || out.length >= total) break;
  }
  return { items: out.slice(0, LEAD_EXPORT_CAP), truncated: matched > LEAD_EXPORT_CAP };
}

async function contactsOf(db: Executor, tenantId: string, ids: string[]) {
  const byLead = new Map<string, Contact[]>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .selectFrom('leadContacts')
      .select(['leadId', 'name', 'title', 'mobile', 'email'])
      .where('tenantId', '=', tenantId)
      .where('leadId', 'in', ids.slice(i, i + BATCH))
      .orderBy('leadId')
      .orderBy('sort')
      .execute();
    for (const r of rows) byLead.set(r.leadId, [...(byLead.get(r.leadId) ?? []), r]);
  }
  return byLead;
}

/** `招商项目-20260302.xlsx` (`leads-…` in English), dated in China time. */
export function leadExportFilename(locale: Locale, now: Date): string {
  const day = officeDayStamp(now);
  return `${locale === 'en' ? 'leads' : '招商项目'}-${day}.xlsx`;
}

/**
 * GET /api/leads/export: the leads the list shows with these filters, as one sheet headed in the reader's language;
 * contacts' phones and e-mails masked unless the role may see them (as on the record page); one audit event.
 */
export async function exportLeads(deps: Deps, ctx: RequestContext, q: TExportLeadsRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const db = deps.database.db;
  const { items: leads, truncated } = await filteredLeads(db, actor, q);
  const unmasked = leadsPolicy.canAccess(actor, 'seePersonalData', { tenantId });
  const contacts = await contactsOf(
    db,
    tenantId,
    leads.map((l) => l.id),
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  const sheet = workbook.addWorksheet(ctx.locale === 'en' ? 'Leads' : '招商项目', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c, i) => ({ header: leadExportHeaders(ctx.locale)[i], width: c.width }));
  sheet.getRow(1).font = { bold: true };
  let contactRows = 0;
  for (const lead of leads) {
    const own = (contacts.get(lead.id) ?? []).map((c) =>
      unmasked ? c : { ...c, mobile: maskPersonal(c.mobile), email: maskPersonal(c.email) },
    );
    if (own.length) contactRows++;
    sheet.addRow(COLUMNS.map((c) => c.cell(lead, own, ctx.locale)));
  }
  COLUMNS.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 1).eachCell((cell, n) => n > 1 && (cell.numFmt = c.format!));
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());

  await recordAudit(db, ctx, {
    action: 'export',
    entityType: 'lead',
    entityId: null,
    after: {
      format: 'xlsx',
      filters: q,
      rows: leads.length,
      unmaskedRows: unmasked ? contactRows : 0,
      truncated,
    },
    detail: unmasked && contactRows > 0 ? 'unmasked' : 'masked',
  });
  return {
    body,
    truncated,
    filename: leadExportFilename(ctx.locale, ctx.now),
    asciiFilename: leadExportFilename('en', ctx.now),
  };
}
