import { foldFullWidth, type EnterpriseField } from '@kaimen/shared';
import type { Cell, RawRow } from './read-rows.js';

/** The fields a spreadsheet column can fill; nested ones name the row's one contact or its yearly figures. */
export const IMPORT_FIELDS = [
  'uscc',
  'name',
  'formerNames',
  'legalRepresentative',
  'registeredCapital',
  'foundedOn',
  'address',
  'park',
  'industryCode',
  'businessScope',
  'size',
  'website',
  'notes',
  'tags',
  'qualifications',
  'chainNodeCodes',
  'contacts.name',
  'contacts.title',
  'contacts.mobile',
  'contacts.email',
  'figures.year',
  'figures.employees',
  'figures.revenue',
  'figures.rndSpend',
  'figures.taxPaid',
] as const satisfies readonly EnterpriseField[];
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index (0-based, as in RawRow.cells) → field. */
export type ColumnMapping = Record<number, ImportField>;

/**
 * The names offices give the columns, Chinese and English. Matched after
 * normalizeHeader: case, full-width characters, blanks, brackets and what is in
 * them (units such as （万元）, notes such as （必填）), a year, and `*` marks do not matter.
 */
export const COLUMN_ALIASES: Record<ImportField, readonly string[]> = {
  uscc: [
    '统一社会信用代码',
    '社会信用代码',
    '信用代码',
    '统一信用代码',
    '统一代码',
    '统一社会信用代码/注册号',
    '社会统一信用代码',
    'USCC',
    'Unified social credit code',
    'Social credit code',
    'Credit code',
  ],
  name: [
    '企业名称',
    '公司名称',
    '单位名称',
    '名称',
    '企业全称',
    '企业',
    '公司',
    '单位',
    'Company name',
    'Company',
    'Enterprise name',
    'Name',
  ],
  formerNames: ['曾用名', '企业曾用名', '原名称', '原企业名称', 'Former names', 'Former name'],
  legalRepresentative: ['法定代表人', '法人', '法人代表', '法定代表人/负责人', '负责人', 'Legal representative'],
  registeredCapital: ['注册资本', '注册资金', '注册资本金', 'Registered capital'],
  foundedOn: [
    '成立日期',
    '成立时间',
    '注册日期',
    '注册时间',
    '成立年月',
    'Founded on',
    'Founded',
    'Date founded',
    'Establishment date',
  ],
  address: [
    '地址',
    '注册地址',
    '经营地址',
    '企业地址',
    '住所',
    '通讯地址',
    '办公地址',
    'Address',
    'Registered address',
  ],
  park: ['所属园区', '园区', '所在园区', '入驻园区', 'Park'],
  industryCode: [
    '行业代码',
    '国民经济行业代码',
    '行业',
    '所属行业',
    '国民经济行业分类',
    '行业分类',
    '行业类别',
    'Industry code',
    'Industry',
  ],
  businessScope: ['经营范围', '主营业务', 'Business scope'],
  size: ['企业规模', '规模', '企业类型规模', 'Size', 'Company size'],
  website: ['网站', '官网', '企业网址', '网址', '公司网站', 'Website'],
  notes: ['备注', '说明', 'Notes', 'Remarks'],
  tags: ['标签', '企业标签', 'Tags'],
  qualifications: ['资质', '企业资质', '资质认定', '企业认定', 'Qualifications'],
  chainNodeCodes: ['产业链环节', '产业链', '产业链节点', '链条环节', 'Chain nodes', 'Chain node'],
  'contacts.name': ['联系人', '联系人姓名', '企业联系人', 'Contact', 'Contact name'],
  'contacts.title': ['职务', '联系人职务', '职位', 'Title', 'Position'],
  'contacts.mobile': [
    '联系电话',
    '手机',
    '联系人手机',
    '手机号码',
    '手机号',
    '联系方式',
    '联系人电话',
    '联系手机',
    '电话',
    'Mobile',
    'Phone',
    'Mobile number',
  ],
  'contacts.email': ['邮箱', '电子邮箱', '电子邮件', '联系人邮箱', 'Email', 'E-mail'],
  'figures.year': ['年份', '年度', '统计年度', '数据年份', 'Year'],
  'figures.employees': ['从业人数', '员工人数', '年末从业人数', '职工人数', '从业人员', '员工数', '人数', 'Employees'],
  'figures.revenue': ['营业收入', '营收', '主营业务收入', '营业总收入', '销售收入', 'Revenue'],
  'figures.rndSpend': ['研发投入', '研发费用', '研发经费', '研发支出', 'R&D spend', 'R&D expenses'],
  'figures.taxPaid': ['纳税额', '税收', '实缴税金', '纳税总额', '实缴税收', '税收贡献', '缴税', 'Tax paid', 'Taxes'],
};

/** Columns offices add that carry nothing to import (row numbers): neither mapped nor reported. */
const IGNORED = new Set(['序号', '编号', '行号', 'no', 'no.', '#', 'index'].map((s) => normalizeHeader(s)));

const AMOUNT_FIELDS = new Set<ImportField>([
  'registeredCapital',
  'figures.revenue',
  'figures.rndSpend',
  'figures.taxPaid',
]);

export function isAmountField(field: ImportField): boolean {
  return AMOUNT_FIELDS.has(field);
}

/** Header text reduced to what identifies the column (see COLUMN_ALIASES). */
export function normalizeHeader(text: string): string {
  return foldFullWidth(text)
    .toLowerCase()
    .replace(/[([【〔［{][^)\]】〕］}]*[)\]】〕］}]?/g, '')
    .replace(/[\s\u00a0*:：.。_]+/g, '')
    .replace(/[/／](?:万元|亿元|千元|元|万|人|个)$/, '')
    .replace(/(?:万元|亿元|千元)$/, '');
}

export interface HeaderInfo {
  /** normalizeHeader of the text without the year. */
  key: string;
  /** A year written in the header: `2023年营业收入` → 2023. */
  year?: number;
  /** Multiplier for bare numbers in an amount column: 10,000 for （万元）. */
  scale?: number;
  /** The header names a foreign currency (万美元 …): amounts cannot be converted. */
  foreignCurrency?: boolean;
}

const YEAR_IN_HEADER = /((?:19|20)\d{2})\s*(?:年度|年)?/;

export function describeHeader(text: string): HeaderInfo {
  const folded = foldFullWidth(text);
  const info: HeaderInfo = { key: normalizeHeader(folded) };
  const y = YEAR_IN_HEADER.exec(folded);
  if (y?.[1]) {
    const without = folded.replace(YEAR_IN_HEADER, '');
    info.key = normalizeHeader(without);
    info.year = Number(y[1]);
    // `2023年末从业人数`: the 年 belongs to the name.
    if (!FIELD_BY_KEY.has(info.key) && FIELD_BY_KEY.has(normalizeHeader(`年${without}`))) {
      info.key = normalizeHeader(`年${without}`);
    }
  }
  if (/美元|美金|usd|港币|港元|hkd|欧元|eur|日元|jpy|英镑|gbp/i.test(folded)) info.foreignCurrency = true;
  else if (/亿元/.test(folded)) info.scale = 100_000_000;
  else if (/万元|万\)|\(万|\/万/.test(folded)) info.scale = 10_000;
  else if (/千元/.test(folded)) info.scale = 1_000;
  return info;
}

const FIELD_BY_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const alias of COLUMN_ALIASES[field]) {
    const key = normalizeHeader(alias);
    if (!FIELD_BY_KEY.has(key)) FIELD_BY_KEY.set(key, field);
  }
}

/** The field a header text names, if any. */
export function fieldForHeader(text: string): ImportField | undefined {
  return FIELD_BY_KEY.get(describeHeader(text).key);
}

export interface HeaderMatch {
  /** 1-based, as the user sees it in Excel. */
  headerRowNumber: number;
  /** Header text of every column (trimmed), '' where the header cell is empty. */
  headers: string[];
  mapping: ColumnMapping;
  /** Header texts that name no field (row-number columns left out). */
  unmapped: string[];
}

export interface FindHeaderOptions {
  /** Rows to scan from the top; default 20. */
  scanRows?: number;
  /** Take this row as the header instead of searching. */
  headerRowNumber?: number;
  /** Manual mapping over the automatic one: column index → field, or null to leave a column out. */
  mapping?: Record<number, ImportField | null>;
  /** Another kind's column names (leads …): the field a header text names. Default: the enterprise fields. */
  fieldFor?: (text: string) => string | undefined;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Maps one row's texts: the first column naming a field and every later one (used as fall-backs). */
function mapRow(
  headers: readonly string[],
  fieldFor: (text: string) => string | undefined = fieldForHeader,
): { mapping: ColumnMapping; unmapped: string[]; score: number } {
  const mapping: ColumnMapping = {};
  const unmapped: string[] = [];
  const fields = new Set<ImportField>();
  headers.forEach((text, i) => {
    if (text === '') return;
    const field = fieldFor(text) as ImportField | undefined;
    if (field) {
      mapping[i] = field;
      fields.add(field);
    } else if (!IGNORED.has(normalizeHeader(text))) {
      unmapped.push(text);
    }
  });
  return { mapping, unmapped, score: fields.size };
}

/**
 * Finds the header among the first rows: title rows (one non-empty cell, often
 * merged across the sheet) and blank rows are passed over, and the row naming the
 * most distinct fields wins (the first of equals). At least two fields must be
 * recognised; otherwise null, and the caller asks for a manual mapping (passing
 * `headerRowNumber` and `mapping`).
 */
export function findHeader(firstRows: readonly RawRow[], options: FindHeaderOptions = {}): HeaderMatch | null {
  let best: { row: RawRow; headers: string[]; result: ReturnType<typeof mapRow> } | null = null;
  if (options.headerRowNumber !== undefined) {
    const row = firstRows.find((r) => r.rowNumber === options.headerRowNumber);
    if (!row) return null;
    const headers = row.cells.map(cellText);
    best = { row, headers, result: mapRow(headers, options.fieldFor) };
  } else {
    for (const row of firstRows.slice(0, options.scanRows ?? 20)) {
      const headers = row.cells.map(cellText);
      if (headers.filter((h) => h !== '').length < 2) continue;
      const result = mapRow(headers, options.fieldFor);
      if (result.score >= 2 && (!best || result.score > best.result.score)) best = { row, headers, result };
    }
    if (!best) return null;
  }
  const mapping: ColumnMapping = { ...best.result.mapping };
  let unmapped = best.result.unmapped;
  if (options.mapping) {
    for (const [index, field] of Object.entries(options.mapping)) {
      const i = Number(index);
      if (field === null) delete mapping[i];
      else mapping[i] = field;
    }
    unmapped = best.headers.filter((h, i) => h !== '' && mapping[i] === undefined && !IGNORED.has(normalizeHeader(h)));
  }
  return { headerRowNumber: best.row.rowNumber, headers: best.headers, mapping, unmapped };
}
