import {
  ENTERPRISE_SIZES,
  INDUSTRY_CODES,
  INDUSTRY_GROUPS,
  QUALIFICATIONS,
  type Bilingual,
  type DictionaryEntry,
  type Locale,
} from '@kaimen/shared';

/** One company as a row of the export: contacts already masked as the reader may see them. */
export interface ExportRecord {
  uscc: string;
  name: string;
  formerNames: string[];
  legalRepresentative: string | null;
  /** Whole yuan. */
  registeredCapital: number | null;
  foundedOn: string | null;
  address: string | null;
  park: string | null;
  industryCode: string | null;
  chainNodeCodes: string[];
  size: string | null;
  qualifications: string[];
  tags: string[];
  officer: string | null;
  /** The primary contact (the first one when none is marked). */
  contact: { name: string; title: string | null; mobile: string | null; email: string | null } | null;
  /** The latest year's figures. */
  figures: {
    year: number;
    employees: number | null;
    revenue: number | null;
    rndSpend: number | null;
    taxPaid: number | null;
  } | null;
  personalDataMasked: boolean;
}

export type ExportCell = string | number | null;

export interface ExportColumn {
  key: string;
  header: Bilingual;
  /** Excel column width, in characters. */
  width: number;
  value: (r: ExportRecord, locale: Locale) => ExportCell;
}

const labels = (entries: readonly DictionaryEntry[]) => new Map(entries.map((e) => [e.code, e]));
const SIZES = labels(ENTERPRISE_SIZES);
const QUALIFICATION_LABELS = labels(QUALIFICATIONS);
const INDUSTRIES = labels([...INDUSTRY_CODES, ...INDUSTRY_GROUPS]);

const labelOf = (map: Map<string, DictionaryEntry>, code: string, locale: Locale) => {
  const e = map.get(code);
  return e ? (locale === 'en' ? (e.en ?? e.zh) : e.zh) : code;
};
/** Separators the importer splits multi-value cells on (validate-row.ts MULTI_VALUE_SEPARATORS). */
const join = (values: string[], locale: Locale) => (values.length ? values.join(locale === 'en' ? '; ' : '、') : null);

/**
 * The columns, in order. Every header but two is a name the importer knows (import/header.ts COLUMN_ALIASES), and
 * values are written the way it reads them (sizes and qualifications by label, chain nodes by code, amounts in yuan),
 * so an unmasked export imports again; 行业名称 and 服务专员 are for reading and the importer passes over them.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    key: 'uscc',
    header: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    width: 22,
    value: (r) => r.uscc,
  },
  { key: 'name', header: { zh: '企业名称', en: 'Company name' }, width: 36, value: (r) => r.name },
  {
    key: 'formerNames',
    header: { zh: '曾用名', en: 'Former names' },
    width: 24,
    value: (r, l) => join(r.formerNames, l),
  },
  {
    key: 'legalRepresentative',
    header: { zh: '法定代表人', en: 'Legal representative' },
    width: 12,
    value: (r) => r.legalRepresentative,
  },
  {
    key: 'registeredCapital',
    header: { zh: '注册资本（元）', en: 'Registered capital (yuan)' },
    width: 16,
    value: (r) => r.registeredCapital,
  },
  { key: 'foundedOn', header: { zh: '成立日期', en: 'Founded on' }, width: 12, value: (r) => r.foundedOn },
  { key: 'address', header: { zh: '地址', en: 'Address' }, width: 36, value: (r) => r.address },
  { key: 'park', header: { zh: '所属园区', en: 'Park' }, width: 14, value: (r) => r.park },
  { key: 'industryCode', header: { zh: '行业代码', en: 'Industry code' }, width: 10, value: (r) => r.industryCode },
  {
    key: 'industryName',
    header: { zh: '行业名称', en: 'Industry name' },
    width: 24,
    value: (r, l) => (r.industryCode ? labelOf(INDUSTRIES, r.industryCode, l) : null),
  },
  {
    key: 'chainNodes',
    header: { zh: '产业链环节', en: 'Chain nodes' },
    width: 20,
    value: (r, l) => join(r.chainNodeCodes, l),
  },
  {
    key: 'size',
    header: { zh: '企业规模', en: 'Size' },
    width: 10,
    value: (r, l) => (r.size ? labelOf(SIZES, r.size, l) : null),
  },
  {
    key: 'qualifications',
    header: { zh: '企业资质', en: 'Qualifications' },
    width: 24,
    value: (r, l) =>
      join(
        r.qualifications.map((q) => labelOf(QUALIFICATION_LABELS, q, l)),
        l,
      ),
  },
  { key: 'tags', header: { zh: '标签', en: 'Tags' }, width: 20, value: (r, l) => join(r.tags, l) },
  { key: 'officer', header: { zh: '服务专员', en: 'Service officer' }, width: 12, value: (r) => r.officer },
  {
    key: 'contactName',
    header: { zh: '联系人', en: 'Contact name' },
    width: 12,
    value: (r) => r.contact?.name ?? null,
  },
  {
    key: 'contactTitle',
    header: { zh: '联系人职务', en: 'Title' },
    width: 12,
    value: (r) => r.contact?.title ?? null,
  },
  {
    key: 'contactMobile',
    header: { zh: '联系人手机', en: 'Mobile' },
    width: 14,
    value: (r) => r.contact?.mobile ?? null,
  },
  {
    key: 'contactEmail',
    header: { zh: '联系人邮箱', en: 'Email' },
    width: 24,
    value: (r) => r.contact?.email ?? null,
  },
  { key: 'year', header: { zh: '年份', en: 'Year' }, width: 8, value: (r) => r.figures?.year ?? null },
  {
    key: 'employees',
    header: { zh: '从业人数', en: 'Employees' },
    width: 10,
    value: (r) => r.figures?.employees ?? null,
  },
  {
    key: 'revenue',
    header: { zh: '营业收入（元）', en: 'Revenue (yuan)' },
    width: 16,
    value: (r) => r.figures?.revenue ?? null,
  },
  {
    key: 'rndSpend',
    header: { zh: '研发投入（元）', en: 'R&D spend (yuan)' },
    width: 16,
    value: (r) => r.figures?.rndSpend ?? null,
  },
  {
    key: 'taxPaid',
    header: { zh: '纳税额（元）', en: 'Tax paid (yuan)' },
    width: 16,
    value: (r) => r.figures?.taxPaid ?? null,
  },
];

export const headersOf = (locale: Locale): string[] =>
  EXPORT_COLUMNS.map((c) => (locale === 'en' ? c.header.en : c.header.zh));

export const cellsOf = (r: ExportRecord, locale: Locale): ExportCell[] => EXPORT_COLUMNS.map((c) => c.value(r, locale));
