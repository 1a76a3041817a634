import {
  cleanText,
  enterpriseIssueCode,
  FIELD_ISSUE_MESSAGES,
  LEAD_FIELD_LABELS,
  LEAD_STAGES,
  normalizeCompanyName,
  STAGES_PAST_SIGNED,
  ZLeadInput,
  type Bilingual,
  type LeadStage,
  type TLeadInput,
} from '@kaimen/shared';
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import { cellText, normalizeHeader, type HeaderMatch } from '../../enterprises/import/header.js';
import { type Cell, type RawRow } from '../../enterprises/import/read-rows.js';
import { inspectSheet, openSheet, SCAN_ROWS, toHeader, type Sheet } from '../../enterprises/import/sheet.js';
import { chainNodeLookup } from '../../enterprises/import/registry-lookups.js';
import { MULTI_VALUE_SEPARATORS } from '../../enterprises/import/validate-row.js';
import type {
  ImportBadRow,
  ImportCounts,
  ImportKind,
  ImportRowError,
  ProcessInput,
} from '../../imports/import-kind.js';

/**
 * Leads from an office's existing pipeline spreadsheet (issue 4): the same job machinery as enterprises (upload, check,
 * run in one transaction, bad rows with row, column and reason, the report). A row lands at the stage the sheet gives,
 * dated by its 登记日期 when there is one. The approval gate holds here too: a row past 签约 at or above the threshold
 * is refused for an officer (an admin's import, or the operator's command line, brings such history in). A row whose company is already a lead (same USCC or normalised
 * name) is skipped or updated as chosen; one whose USCC is a registered company is linked to it.
 */

export const LEAD_IMPORT_FIELDS = [
  'companyName',
  'uscc',
  'sourceChannel',
  'stage',
  'chainNodeCode',
  'owner',
  'plannedInvestment',
  'spaceUnitType',
  'spaceArea',
  'spaceRequirements',
  'expectedJobs',
  'expectedAnnualTax',
  'nextFollowUpOn',
  'notes',
  'lostReason',
  'createdOn',
  'contacts.name',
  'contacts.title',
  'contacts.mobile',
  'contacts.email',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

const ALIASES: Record<LeadImportField, readonly string[]> = {
  companyName: [
    '企业名称',
    '公司名称',
    '项目名称',
    '项目',
    '企业',
    '公司',
    '单位名称',
    '客户名称',
    'Company',
    'Company name',
    'Project',
  ],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'USCC', 'Credit code'],
  sourceChannel: [
    '招商渠道',
    '来源渠道',
    '线索来源',
    '来源',
    '招商方式',
    '招商手段',
    'Channel',
    'Source',
    'Source channel',
  ],
  stage: ['阶段', '项目阶段', '当前阶段', '进展阶段', '项目状态', '状态', 'Stage', 'Status'],
  chainNodeCode: ['产业链环节', '产业链', '所属环节', '产业方向', 'Chain node', 'Chain'],
  owner: ['负责人', '招商负责人', '跟进人', '责任人', '招商专员', '对接人', 'Owner'],
  plannedInvestment: [
    '计划投资',
    '计划投资额',
    '投资额',
    '投资总额',
    '拟投资',
    '拟投资额',
    'Planned investment',
    'Investment',
  ],
  spaceUnitType: ['载体类型', '场地类型', '用房类型', 'Unit type'],
  spaceArea: ['面积需求', '需求面积', '场地面积', '用地面积', '面积', 'Area', 'Space'],
  spaceRequirements: ['场地要求', '特殊要求', '载体要求', 'Requirements'],
  expectedJobs: ['预计就业', '就业人数', '预计用工', '预计就业人数', 'Expected jobs', 'Jobs'],
  expectedAnnualTax: ['预计年税收', '预计税收', '年税收', 'Expected tax', 'Expected annual tax'],
  nextFollowUpOn: ['下次跟进', '下次跟进日期', '跟进日期', 'Next follow-up'],
  notes: ['备注', '项目简介', '进展情况', '项目进展', '说明', 'Notes', 'Remarks'],
  lostReason: ['流失原因', '未落地原因', 'Lost reason'],
  createdOn: ['登记日期', '录入日期', '获取日期', '线索日期', '对接日期', 'Created on', 'Date'],
  'contacts.name': ['联系人', '联系人姓名', 'Contact', 'Contact name'],
  'contacts.title': ['职务', '联系人职务', '职位', 'Title'],
  'contacts.mobile': ['联系电话', '手机', '手机号码', '手机号', '联系方式', '电话', 'Mobile', 'Phone'],
  'contacts.email': ['邮箱', '电子邮箱', 'Email', 'E-mail'],
};

const FIELD_BY_KEY = new Map<string, LeadImportField>();
for (const f of LEAD_IMPORT_FIELDS) for (const a of ALIASES[f]) FIELD_BY_KEY.set(normalizeHeader(a), f);
const fieldFor = (text: string) => FIELD_BY_KEY.get(normalizeHeader(text));

const LABELS: Record<LeadImportField, Bilingual> = {
  ...LEAD_FIELD_LABELS,
  stage: { zh: '阶段', en: 'Stage' },
  owner: { zh: '负责人', en: 'Owner' },
  lostReason: { zh: '流失原因', en: 'Lost reason' },
  createdOn: { zh: '登记日期', en: 'Created on' },
  'contacts.name': { zh: '联系人姓名', en: 'Contact name' },
  'contacts.title': { zh: '职务', en: 'Title' },
  'contacts.mobile': { zh: '手机号码', en: 'Mobile number' },
  'contacts.email': { zh: '电子邮箱', en: 'E-mail' },
};

const REASONS: Record<string, Bilingual> = {
  ...FIELD_ISSUE_MESSAGES,
  'stage-invalid': { zh: '未知的项目阶段', en: 'Unknown stage' },
  'owner-unknown': { zh: '负责人不是本单位的招商专员', en: 'The owner is not an investment officer of this office' },
  'chain-node-unknown': { zh: '未知的产业链环节', en: 'Unknown chain node' },
  'lost-reason-required': { zh: '流失的项目须填写流失原因', en: 'A lost project needs a reason' },
  'approval-required': {
    zh: '计划投资达到审批线的项目在签约之后的阶段须经领导审批：请以“签约”导入后提交审批，或由管理员导入',
    en: 'A project at or above the approval threshold past 签约 needs a leader’s approval: import it at 签约 and ask, or have an admin import it',
  },
  'duplicate-in-file': { zh: '与文件中前面的行是同一企业', en: 'The same company as an earlier row of the file' },
  exists: { zh: '该企业已是招商线索（已跳过）', en: 'The company is already a lead (skipped)' },
};

export const ZLeadImportOptions = z.object({
  headerRowNumber: z.number().int().min(1).max(1000).optional(),
  mapping: z.record(z.string().regex(/^\d{1,4}$/), z.enum(LEAD_IMPORT_FIELDS).nullable()).optional(),
  existing: z.enum(['skip', 'update']).default('skip'),
});
export type LeadImportOptions = z.infer<typeof ZLeadImportOptions>;

const BATCH = 500;

const headerOptions = (o: Partial<LeadImportOptions>) => ({
  scanRows: SCAN_ROWS,
  fieldFor,
  ...(o.headerRowNumber !== undefined ? { headerRowNumber: o.headerRowNumber } : {}),
  ...(o.mapping ? { mapping: o.mapping as Record<number, never> } : {}),
});

const stageByKey = new Map<string, LeadStage>();
for (const s of LEAD_STAGES) for (const k of [s.code, s.zh, s.en]) stageByKey.set(cleanText(k).toLowerCase(), s.code);

/** An amount cell under a header in 万元 / 亿元 holds bare numbers in that unit. */
function scaled(cell: Cell, header: string): Cell {
  if (typeof cell !== 'number' && !(typeof cell === 'string' && /^\s*[\d,.]+\s*$/.test(cell))) return cell;
  const scale = /亿元/.test(header) ? 1e8 : /万元|\(万|（万/.test(header) ? 1e4 : 1;
  if (scale === 1) return cell;
  const n = typeof cell === 'number' ? cell : Number(cell.replace(/,/g, ''));
  return Number.isFinite(n) ? Math.round(n * scale) : cell;
}

const asText = (cell: Cell): string | undefined => {
  const s = cellText(cell);
  return s === '' ? undefined : s;
};

interface Lookups {
  owners: Map<string, string>;
  codeOf: (text: string) => string | undefined;
  /** Rows past 签约 at or above it need an admin's import (or the operator's command line): officers ask a leader. */
  approvalThreshold: number;
  mayImportPastGate: boolean;
}

type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'bad'; errors: ImportRowError[] }
  | {
      kind: 'good';
      input: TLeadInput;
      ownerId: string | null;
      stage: LeadStage;
      lostReason: string | null;
      createdOn: string | null;
    };

/** One row: the mapped cells through the shared lead schema, plus what only an import has (stage, owner by name). */
function checkRow(cells: Cell[], header: HeaderMatch, lookups: Lookups): RowOutcome {
  const columnOf = new Map<string, number>();
  const raw: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  let any = false;
  for (const [index, f] of Object.entries(header.mapping)) {
    const field = f as LeadImportField;
    const i = Number(index);
    if (!columnOf.has(field)) columnOf.set(field, i);
    const cell = cells[i] ?? null;
    if (cellText(cell) === '') continue;
    any = true;
    if (field.startsWith('contacts.')) contact[field.slice(9)] = asText(cell);
    else if (field === 'plannedInvestment' || field === 'expectedAnnualTax')
      raw[field] = scaled(cell, header.headers[i] ?? '');
    else if (field === 'spaceRequirements') raw[field] = cellText(cell).split(MULTI_VALUE_SEPARATORS).filter(Boolean);
    else if (field === 'spaceArea' || field === 'expectedJobs')
      raw[field] = typeof cell === 'number' ? cell : asText(cell);
    else if (cell instanceof Date) raw[field] = cellText(cell);
    else
      raw[field] =
        typeof cell === 'number' && field !== 'nextFollowUpOn' && field !== 'createdOn' ? String(cell) : cell;
  }
  if (!any) return { kind: 'blank' };
  const errors: ImportRowError[] = [];
  const err = (field: string, reason: string) => {
    const top = field.split('.')[0]!;
    const index = columnOf.get(field as LeadImportField) ?? columnOf.get(top as LeadImportField) ?? null;
    errors.push({
      column: index === null ? '' : (header.headers[index] ?? ''),
      columnIndex: index,
      field,
      reason,
      message: REASONS[reason] ?? REASONS.invalid!,
    });
  };
  const { stage: stageText, owner, lostReason, createdOn, chainNodeCode, ...rest } = raw;
  let stage: LeadStage = 'lead';
  if (stageText !== undefined) {
    const s = stageByKey.get(cleanText(String(stageText)).toLowerCase());
    if (s) stage = s;
    else err('stage', 'stage-invalid');
  }
  let ownerId: string | null = null;
  if (owner !== undefined) {
    ownerId = lookups.owners.get(cleanText(String(owner)).toLowerCase()) ?? null;
    if (!ownerId) err('owner', 'owner-unknown');
  }
  let nodeCode: string | undefined;
  if (chainNodeCode !== undefined) {
    nodeCode = lookups.codeOf(String(chainNodeCode));
    if (!nodeCode) err('chainNodeCode', 'chain-node-unknown');
  }
  const lost = lostReason === undefined ? null : cleanText(String(lostReason));
  if (stage === 'lost' && !lost) err('lostReason', 'lost-reason-required');
  let created: string | null = null;
  if (createdOn !== undefined) {
    const d = ZLeadInput.shape.nextFollowUpOn.safeParse(createdOn);
    if (d.success && d.data) created = d.data;
    else err('createdOn', 'date-invalid');
  }
  const parsed = ZLeadInput.safeParse({
    sourceChannel: '',
    ...rest,
    ...(nodeCode ? { chainNodeCode: nodeCode } : {}),
    ...(Object.keys(contact).length ? { contacts: [contact] } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.filter((p) => typeof p === 'string').join('.');
      const custom = issue.code === 'custom' ? (issue.params?.['code'] as string | undefined) : undefined;
      err(field, custom && REASONS[custom] ? custom : enterpriseIssueCode(issue));
    }
  }
  if (
    parsed.success &&
    !lookups.mayImportPastGate &&
    STAGES_PAST_SIGNED.includes(stage) &&
    (parsed.data.plannedInvestment ?? 0) >= lookups.approvalThreshold
  ) {
    err('stage', 'approval-required');
  }
  if (errors.length || !parsed.success) return { kind: 'bad', errors };
  return { kind: 'good', input: parsed.data, ownerId, stage, lostReason: lost, createdOn: created };
}

async function loadLookups(db: Executor, tenantId: string, userId: string | null): Promise<Lookups> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'displayName'])
    .where('tenantId', '=', tenantId)
    .where('role', 'in', ['admin', 'investment'])
    .where('disabled', '=', 0)
    .orderBy('createdAt')
    .orderBy('username')
    .execute();
  const owners = new Map<string, string>();
  for (const u of users) for (const k of [u.username, u.displayName]) owners.set(cleanText(k).toLowerCase(), u.id);
  const nodes = await chainNodeLookup(db, tenantId);
  const settings = await db
    .selectFrom('tenantSettings')
    .select('leadApprovalThreshold')
    .where('tenantId', '=', tenantId)
    .executeTakeFirstOrThrow();
  const importer = userId
    ? await db
        .selectFrom('users')
        .select('role')
        .where('tenantId', '=', tenantId)
        .where('id', '=', userId)
        .executeTakeFirst()
    : null;
  return {
    owners,
    codeOf: nodes.codeOf,
    approvalThreshold: Number(settings.leadApprovalThreshold),
    // The command line is the platform operator's; in the web, only an admin.
    mayImportPastGate: userId === null || importer?.role === 'admin',
  };
}

/** The tenant's leads by USCC and by normalised name; its companies by USCC. */
async function existing(db: Executor, tenantId: string, rows: { uscc: string | null; norm: string }[]) {
  const usccs = [...new Set(rows.map((r) => r.uscc).filter((u): u is string => !!u)), '-'];
  const norms = [...new Set(rows.map((r) => r.norm)), '-'];
  const [leads, companies] = await Promise.all([
    db
      .selectFrom('leads')
      .select(['id', 'uscc', 'normalizedName'])
      .where('tenantId', '=', tenantId)
      .where((eb) => eb.or([eb('uscc', 'in', usccs), eb('normalizedName', 'in', norms)]))
      .execute(),
    db
      .selectFrom('enterprises')
      .select(['id', 'uscc'])
      .where('tenantId', '=', tenantId)
      .where('uscc', 'in', usccs)
      .execute(),
  ]);
  const leadBy = new Map<string, string>();
  for (const l of leads) {
    if (l.uscc) leadBy.set(`u:${l.uscc}`, l.id);
    leadBy.set(`n:${l.normalizedName}`, l.id);
  }
  return {
    lead: (r: { uscc: string | null; norm: string }) =>
      (r.uscc && leadBy.get(`u:${r.uscc}`)) || leadBy.get(`n:${r.norm}`),
    company: new Map(companies.map((c) => [c.uscc, c.id])),
  };
}

interface Good {
  rowNumber: number;
  cells: Cell[];
  input: TLeadInput;
  ownerId: string | null;
  stage: LeadStage;
  lostReason: string | null;
  createdOn: string | null;
  norm: string;
}

async function processLeadFile(o: ProcessInput<LeadImportOptions>) {
  const scan = Math.max(SCAN_ROWS, o.options.headerRowNumber ?? 0);
  const sheet = await openSheet(o.file, o.fileKind, scan, headerOptions(o.options));
  if (!sheet) return { header: null, counts: null };
  try {
    return await processLeadSheet(o, sheet);
  } finally {
    await sheet.close();
  }
}

async function processLeadSheet(o: ProcessInput<LeadImportOptions>, sheet: Sheet) {
  const db = o.target.trx;
  const { header } = sheet;
  const lookups = await loadLookups(db, o.tenantId, o.userId ?? null);
  const counts: ImportCounts = { rows: 0, blank: 0, invalid: 0, new: 0, existing: 0, created: 0, updated: 0 };
  const seen = new Set<string>();
  // The importing user owns the rows that name no owner (from the command line: the tenant's first admin or officer).
  const fallbackOwner = o.userId ?? [...lookups.owners.values()][0] ?? null;

  const flush = async (rows: RawRow[]) => {
    const bad: ImportBadRow[] = [];
    const good: Good[] = [];
    for (const row of rows) {
      const r = checkRow(row.cells, header, lookups);
      if (r.kind === 'blank') {
        counts.blank++;
        continue;
      }
      if (r.kind === 'bad') {
        bad.push({ rowNumber: row.rowNumber, errors: r.errors, cells: row.cells });
        continue;
      }
      const norm = normalizeCompanyName(r.input.companyName);
      const keys = [`n:${norm}`, ...(r.input.uscc ? [`u:${r.input.uscc}`] : [])];
      if (keys.some((k) => seen.has(k))) {
        const index = Number(
          Object.entries(header.mapping).find(([, f]) => (f as string) === 'companyName')?.[0] ?? -1,
        );
        bad.push({
          rowNumber: row.rowNumber,
          cells: row.cells,
          errors: [
            {
              column: header.headers[index] ?? '',
              columnIndex: index >= 0 ? index : null,
              field: 'companyName',
              reason: 'duplicate-in-file',
              message: REASONS['duplicate-in-file']!,
            },
          ],
        });
        continue;
      }
      for (const k of keys) seen.add(k);
      good.push({ ...row, ...r, norm });
    }
    const found = await existing(
      db,
      o.tenantId,
      good.map((g) => ({ uscc: g.input.uscc ?? null, norm: g.norm })),
    );
    const create: (Good & { id: string; enterpriseId: string | null })[] = [];
    const update: (Good & { id: string })[] = [];
    for (const g of good) {
      const leadId = found.lead({ uscc: g.input.uscc ?? null, norm: g.norm });
      if (!leadId) {
        counts.new++;
        create.push({ ...g, id: newId(), enterpriseId: (g.input.uscc && found.company.get(g.input.uscc)) || null });
      } else {
        counts.existing++;
        if (o.options.existing === 'update') update.push({ ...g, id: leadId });
        else {
          const index = Number(
            Object.entries(header.mapping).find(([, f]) => (f as string) === 'companyName')?.[0] ?? -1,
          );
          bad.push({
            rowNumber: g.rowNumber,
            cells: g.cells,
            skippedExisting: true,
            errors: [
              {
                column: header.headers[index] ?? '',
                columnIndex: index >= 0 ? index : null,
                field: 'companyName',
                reason: 'exists',
                message: REASONS.exists!,
              },
            ],
          });
        }
      }
    }
    counts.invalid += bad.filter((b) => !b.skippedExisting).length;
    if (o.write) {
      await insertLeads(db, o.tenantId, create, fallbackOwner, o.now);
      await updateLeads(db, o.tenantId, update, o.now);
      counts.created += create.length;
      counts.updated += update.length;
    }
    if (bad.length) await o.onBadRows(bad.sort((a, b) => a.rowNumber - b.rowNumber));
  };

  for await (const rows of sheet.batches(BATCH)) {
    counts.rows += rows.length;
    await flush(rows);
  }
  return { header: toHeader(header, []), counts };
}

async function insertLeads(
  db: Executor,
  tenantId: string,
  rows: (Good & { id: string; enterpriseId: string | null })[],
  fallbackOwner: string | null,
  now: string,
) {
  for (const r of rows) {
    const at = r.createdOn ? `${r.createdOn}T00:00:00.000Z` : now;
    const i = r.input;
    await db
      .insertInto('leads')
      .values({
        tenantId,
        id: r.id,
        companyName: i.companyName,
        normalizedName: r.norm,
        uscc: i.uscc ?? null,
        sourceChannel: i.sourceChannel,
        chainNodeId: null,
        ownerId: r.ownerId ?? fallbackOwner!,
        stage: r.stage,
        stageEnteredAt: at,
        plannedInvestment: i.plannedInvestment ?? null,
        spaceUnitType: i.spaceUnitType ?? null,
        spaceArea: i.spaceArea ?? null,
        spaceRequirements: JSON.stringify(i.spaceRequirements ?? []),
        spaceNotes: null,
        expectedJobs: i.expectedJobs ?? null,
        expectedAnnualTax: i.expectedAnnualTax ?? null,
        nextFollowUpOn: i.nextFollowUpOn ?? null,
        lastActivityAt: null,
        notes: i.notes ?? null,
        lostReason: r.stage === 'lost' ? r.lostReason : null,
        enterpriseId: r.enterpriseId,
        tripId: null,
        tripMeetingId: null,
        overdueKind: null,
        overdueSince: null,
        createdBy: fallbackOwner!,
        createdAt: at,
        updatedAt: now,
        version: 1,
      })
      .execute();
    if (i.chainNodeCode) {
      await db
        .updateTable('leads')
        .set((eb) => ({
          chainNodeId: eb
            .selectFrom('chainNodes')
            .select('id')
            .where('tenantId', '=', tenantId)
            .where('code', '=', i.chainNodeCode!),
        }))
        .where('tenantId', '=', tenantId)
        .where('id', '=', r.id)
        .execute();
    }
    const moves: { from: string | null; to: string }[] = [{ from: null, to: 'lead' }];
    if (r.stage !== 'lead') moves.push({ from: 'lead', to: r.stage });
    await db
      .insertInto('leadStageMoves')
      .values(
        moves.map((m, n) => ({
          tenantId,
          leadId: r.id,
          id: newId(),
          fromStage: m.from,
          toStage: m.to,
          at,
          byUserId: fallbackOwner!,
          comment: n === 0 ? '导入 / imported' : null,
          approvalId: null,
        })),
      )
      .execute();
    if (i.contacts?.length) {
      await db
        .insertInto('leadContacts')
        .values(
          i.contacts.map((c, n) => ({
            tenantId,
            leadId: r.id,
            id: newId(),
            name: c.name,
            title: c.title ?? null,
            mobile: c.mobile ?? null,
            email: c.email ?? null,
            sort: n,
          })),
        )
        .execute();
    }
  }
}

/** Filled cells overwrite, blank ones keep; the stage is not changed by an update (moves keep their history). */
async function updateLeads(db: Executor, tenantId: string, rows: (Good & { id: string })[], now: string) {
  for (const r of rows) {
    const i = r.input;
    const set: Record<string, unknown> = {};
    for (const f of [
      'uscc',
      'sourceChannel',
      'plannedInvestment',
      'spaceUnitType',
      'spaceArea',
      'expectedJobs',
      'expectedAnnualTax',
      'nextFollowUpOn',
      'notes',
    ] as const) {
      if (i[f] !== undefined && i[f] !== null) set[f] = i[f];
    }
    if (r.ownerId) set.ownerId = r.ownerId;
    if (i.spaceRequirements?.length) set.spaceRequirements = JSON.stringify(i.spaceRequirements);
    await db
      .updateTable('leads')
      .set((eb) => ({ ...set, updatedAt: now, version: eb('version', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', r.id)
      .execute();
    if (i.contacts?.length) {
      await db.deleteFrom('leadContacts').where('tenantId', '=', tenantId).where('leadId', '=', r.id).execute();
      await db
        .insertInto('leadContacts')
        .values(
          i.contacts.map((c, n) => ({
            tenantId,
            leadId: r.id,
            id: newId(),
            name: c.name,
            title: c.title ?? null,
            mobile: c.mobile ?? null,
            email: c.email ?? null,
            sort: n,
          })),
        )
        .execute();
    }
  }
}

export const leadImportKind: ImportKind<LeadImportOptions> = {
  kind: 'leads',
  entityType: 'lead',
  roles: ['admin', 'investment'],
  ZOptions: ZLeadImportOptions as z.ZodType<LeadImportOptions>,
  fields: LEAD_IMPORT_FIELDS.map((field) => ({ field, label: LABELS[field] })),
  inspect: (file, fileKind, options) => inspectSheet(file, fileKind, headerOptions(options)),
  process: processLeadFile,
};
