import {
  ENTERPRISE_FIELD_LABELS,
  ENTERPRISE_ISSUE_MESSAGES,
  ZEnterpriseInput,
  checkAmount,
  checkDate,
  enterpriseFieldOf,
  enterpriseIssueCode,
  isValidUscc,
  normalizeUscc,
  qualificationCode,
  type Bilingual,
  type EnterpriseIssueCode,
  type TEnterpriseInput,
  type TEnterpriseInputRaw,
} from '@kaimen/shared';
import { z } from 'zod';
import { cellText, describeHeader, type HeaderMatch, type ImportField } from './header.js';
import type { Cell } from './read-rows.js';

/**
 * The shared schema, compiled to one generated function (same results, issues included): an import parses up to a
 * million rows, and the compiled parser takes about half the time. Server only: the browser's CSP forbids eval.
 */
const ZCompiledEnterpriseInput = z.compile(ZEnterpriseInput);

/** Reasons of the import beyond the schema's. `exists` is given by the database stage. */
export type ImportReason =
  EnterpriseIssueCode | 'duplicate-in-file' | 'figure-year-missing' | 'chain-node-unknown' | 'exists';

export const IMPORT_REASON_MESSAGES: Record<Exclude<ImportReason, EnterpriseIssueCode>, Bilingual> = {
  'duplicate-in-file': { zh: '与文件中前面的行统一社会信用代码重复', en: 'Same USCC as an earlier row of the file' },
  'figure-year-missing': {
    zh: '年度数据缺少年份（请增加“年份”列，或在列名中写明年份）',
    en: 'Yearly figure without a year (add a Year column or put the year in the header)',
  },
  'chain-node-unknown': {
    zh: '未知的产业链环节（请填写产业链图谱中的环节名称或代码）',
    en: 'Unknown chain node (use a node name or code of the industry chain)',
  },
  exists: { zh: '该企业已存在（已跳过）', en: 'The company already exists (skipped)' },
};

export function reasonMessage(reason: ImportReason): Bilingual {
  return reason in IMPORT_REASON_MESSAGES
    ? IMPORT_REASON_MESSAGES[reason as keyof typeof IMPORT_REASON_MESSAGES]
    : ENTERPRISE_ISSUE_MESSAGES[reason as EnterpriseIssueCode];
}

export interface RowError {
  /** Header text of the column ('' when the value came from the defaults). */
  column: string;
  /** 0-based column index, null for a default. */
  columnIndex: number | null;
  /** Field, nested as `contacts.mobile`; see ENTERPRISE_FIELD_LABELS. */
  field: string;
  reason: ImportReason;
  message: Bilingual;
}

export type RowResult =
  | { ok: true; value: TEnterpriseInput; uscc: string; skipped?: undefined; errors?: undefined }
  | {
      ok: false;
      skipped?: undefined;
      errors: RowError[];
      /** The row's USCC when that cell is valid (in-file duplicates count it). */
      uscc?: string;
    }
  /** Nothing in any mapped column, or the header row repeated: neither imported nor an error. */
  | { ok: false; skipped: 'blank' | 'header'; errors: []; uscc?: undefined };

/** Values for fields a row leaves blank: the park of the whole file, a tag for the import … */
export interface ImportDefaults {
  park?: string;
  size?: string;
  industryCode?: string;
  assignedOfficerId?: string | null;
  /** Added to every row's tags. */
  tags?: string[];
  /** Added to every row's chain nodes. */
  chainNodeCodes?: string[];
  /** Year of figure columns that name none, when the file has no year column. */
  figuresYear?: number;
}

/** Splits cells that hold several values: tags, qualifications, former names, chain nodes. */
export const MULTI_VALUE_SEPARATORS = /[、，,;；/／|｜\n]+/;

interface PlannedColumn {
  index: number;
  field: ImportField;
  header: string;
  year?: number;
  scale: number;
  foreignCurrency: boolean;
}

/** The mapping prepared once per file: per-column year and unit read from the header. */
export interface ColumnPlan {
  readonly columns: readonly PlannedColumn[];
  readonly headers: readonly string[];
  readonly headerKey: string;
}

const plans = new WeakMap<HeaderMatch, ColumnPlan>();

export function planColumns(header: HeaderMatch): ColumnPlan {
  let plan = plans.get(header);
  if (!plan) {
    const columns: PlannedColumn[] = Object.entries(header.mapping)
      .map(([i, field]) => {
        const index = Number(i);
        const text = header.headers[index] ?? '';
        const info = describeHeader(text);
        return {
          index,
          field,
          header: text,
          ...(info.year !== undefined ? { year: info.year } : {}),
          scale: info.scale ?? 1,
          foreignCurrency: info.foreignCurrency ?? false,
        };
      })
      .sort((a, b) => a.index - b.index);
    plan = { columns, headers: header.headers, headerKey: rowKey(header.headers) };
    plans.set(header, plan);
  }
  return plan;
}

const SCALARS = [
  'uscc',
  'name',
  'legalRepresentative',
  'address',
  'park',
  'industryCode',
  'businessScope',
  'size',
  'website',
  'notes',
] as const;
const SCALAR_SET = new Set<string>(SCALARS);
const LISTS = new Set<string>(['formerNames', 'tags', 'chainNodeCodes', 'qualifications']);
type FigureMetric = 'employees' | 'revenue' | 'rndSpend' | 'taxPaid';

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Texts of a row joined, trailing empty cells left out: to recognise a repeated header row. */
function rowKey(cells: readonly Cell[]): string {
  const texts = cells.map(cellText);
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return texts.join('\u0000');
}

/**
 * One data row → a validated enterprise input, or every problem of the row with
 * its column, field and reason. A row with nothing in any mapped column is
 * skipped as blank; a repeat of the header row is skipped as well.
 */
export function toEnterpriseInput(
  cells: readonly Cell[],
  mapping: HeaderMatch | ColumnPlan,
  defaults: ImportDefaults = {},
): RowResult {
  const plan = 'columns' in mapping ? mapping : planColumns(mapping);
  if (plan.columns.every((c) => isBlank(cells[c.index]))) return { ok: false, skipped: 'blank', errors: [] };
  const firstColumn = plan.columns[0];
  if (firstColumn && cellText(cells[firstColumn.index]) === firstColumn.header && rowKey(cells) === plan.headerKey) {
    return { ok: false, skipped: 'header', errors: [] };
  }

  const errors: RowError[] = [];
  const raw: Record<string, unknown> = {};
  /** Where each value came from, by schema path (`name`, `tags.2`, `figures.0.revenue`). */
  const source = new Map<string, PlannedColumn>();
  const lists: Record<string, { value: string; column: PlannedColumn }[]> = {};
  const contact: Record<string, string> = {};
  const contactColumns: Partial<Record<string, PlannedColumn>> = {};
  const figures = new Map<
    number,
    {
      values: Partial<Record<FigureMetric, number | string>>;
      columns: Partial<Record<FigureMetric | 'year', PlannedColumn>>;
    }
  >();
  const figureCells: { column: PlannedColumn; metric: FigureMetric; cell: Cell }[] = [];
  let rowYear: { year: number; column: PlannedColumn } | undefined;

  const error = (column: PlannedColumn | null, field: string, reason: ImportReason) =>
    errors.push({
      column: column?.header ?? '',
      columnIndex: column?.index ?? null,
      field,
      reason,
      message: reasonMessage(reason),
    });

  for (const column of plan.columns) {
    const cell = cells[column.index] ?? null;
    if (isBlank(cell)) continue;
    const field = column.field;
    if (SCALAR_SET.has(field)) {
      if (raw[field] !== undefined) continue; // an earlier column of the same field wins
      raw[field] = cellText(cell);
      source.set(field, column);
    } else if (field === 'registeredCapital') {
      if (raw[field] !== undefined) continue;
      const amount = amountOf(cell, column);
      if (typeof amount === 'string') error(column, field, amount);
      else raw[field] = amount;
      source.set(field, column);
    } else if (field === 'foundedOn') {
      if (raw[field] !== undefined) continue;
      const d = checkDate(cell);
      if (!d.ok) error(column, field, d.reason);
      else raw[field] = d.value;
      source.set(field, column);
    } else if (LISTS.has(field)) {
      const items = (lists[field] ??= []);
      for (const part of cellText(cell).split(MULTI_VALUE_SEPARATORS)) {
        if (part.trim() !== '') items.push({ value: part, column });
      }
    } else if (field.startsWith('contacts.')) {
      const sub = field.slice('contacts.'.length);
      if (contact[sub] !== undefined) continue;
      contact[sub] = cellText(cell);
      contactColumns[sub] = column;
    } else if (field === 'figures.year') {
      if (rowYear) continue;
      const year = yearOf(cell);
      if (year === undefined) error(column, field, 'year-invalid');
      else rowYear = { year, column };
    } else {
      figureCells.push({ column, metric: field.slice('figures.'.length) as FigureMetric, cell });
    }
  }

  // Yearly figures: the year comes from the column header, else the row's year column, else the defaults.
  for (const { column, metric, cell } of figureCells) {
    const year = column.year ?? rowYear?.year ?? defaults.figuresYear;
    if (year === undefined) {
      error(column, column.field, 'figure-year-missing');
      continue;
    }
    let entry = figures.get(year);
    if (!entry) {
      entry = { values: {}, columns: column.year === undefined && rowYear ? { year: rowYear.column } : {} };
      figures.set(year, entry);
    }
    if (entry.values[metric] !== undefined) continue;
    if (metric === 'employees') {
      entry.values[metric] = typeof cell === 'number' ? cell : cellText(cell);
    } else {
      const amount = amountOf(cell, column);
      if (typeof amount === 'string') {
        error(column, column.field, amount);
        continue;
      }
      if (amount === null) continue;
      entry.values[metric] = amount;
    }
    entry.columns[metric] = column;
  }

  // Defaults fill what the row leaves blank; list defaults are added.
  for (const key of ['park', 'size', 'industryCode'] as const) {
    if (raw[key] === undefined && defaults[key] !== undefined) raw[key] = defaults[key];
  }
  if (defaults.assignedOfficerId !== undefined) raw['assignedOfficerId'] = defaults.assignedOfficerId;

  for (const field of LISTS) {
    const items = lists[field] ?? [];
    const extra = field === 'tags' ? defaults.tags : field === 'chainNodeCodes' ? defaults.chainNodeCodes : undefined;
    if (!items.length && !extra?.length) continue;
    if (field === 'qualifications') {
      // One entry per qualification: `高企、高新技术企业` names one.
      const seen = new Set<string>();
      const kept = items.filter((it) => {
        const key = qualificationCode(it.value) ?? it.value.trim();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      raw[field] = kept.map((it) => ({ code: it.value }));
      kept.forEach((it, i) => source.set(`${field}.${i}.code`, it.column));
    } else {
      raw[field] = [...items.map((it) => it.value), ...(extra ?? [])];
      items.forEach((it, i) => source.set(`${field}.${i}`, it.column));
    }
  }

  if (Object.keys(contact).length) {
    // A phone number with no contact name is taken to be the legal representative's.
    if (contact['name'] === undefined && typeof raw['legalRepresentative'] === 'string') {
      contact['name'] = raw['legalRepresentative'];
      contactColumns['name'] = source.get('legalRepresentative');
    }
    raw['contacts'] = [contact];
    // A missing name is reported at the name column, or at the column that made the contact.
    const first =
      contactColumns['name'] ??
      plan.columns.find((c) => c.field === 'contacts.name') ??
      Object.values(contactColumns)[0];
    for (const sub of ['name', 'title', 'mobile', 'email']) {
      const column = contactColumns[sub] ?? (sub === 'name' ? first : undefined);
      if (column) source.set(`contacts.0.${sub}`, column);
    }
  }

  // A year whose cells were all blank ('-') gives no figure.
  for (const [year, f] of figures) if (Object.keys(f.values).length === 0) figures.delete(year);
  if (figures.size) {
    const list = [...figures.entries()].sort(([a], [b]) => b - a);
    raw['figures'] = list.map(([year, f]) => ({ year, ...f.values }));
    list.forEach(([, f], i) => {
      for (const [metric, column] of Object.entries(f.columns))
        if (column) source.set(`figures.${i}.${metric}`, column);
    });
  }

  const parsed = ZCompiledEnterpriseInput.safeParse(raw as TEnterpriseInputRaw);
  const normalized = typeof raw['uscc'] === 'string' ? normalizeUscc(raw['uscc']) : '';
  const uscc = normalized && isValidUscc(normalized) ? normalized : undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field = enterpriseFieldOf(issue.path);
      // A value that is missing has no source: name the column mapped to its field.
      const column = findSource(source, path) ?? plan.columns.find((c) => c.field === field) ?? null;
      error(column, field, enterpriseIssueCode(issue));
    }
  }
  if (errors.length) return uscc ? { ok: false, errors, uscc } : { ok: false, errors };
  if (!parsed.success) throw new Error('unreachable');
  return { ok: true, value: parsed.data, uscc: parsed.data.uscc };
}

/** The column behind a schema path, trying the full path and then its parents. */
function findSource(source: Map<string, PlannedColumn>, path: string[]): PlannedColumn | undefined {
  for (let n = path.length; n > 0; n--) {
    const column = source.get(path.slice(0, n).join('.'));
    if (column) return column;
  }
  return undefined;
}

function amountOf(
  cell: Cell,
  column: PlannedColumn,
): number | null | 'amount-invalid' | 'amount-currency' | 'amount-range' {
  if (cell instanceof Date) return 'amount-invalid';
  if (column.foreignCurrency) return 'amount-currency';
  const r = checkAmount(cell, { defaultUnit: column.scale });
  if (!r.ok) return r.reason;
  if (r.value !== null && r.value < 0) return 'amount-invalid';
  return r.value;
}

function yearOf(cell: Cell): number | undefined {
  const s = cellText(cell).replace(/\s|年度?$/g, '');
  if (!/^\d{4}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1990 && n <= 2100 ? n : undefined;
}

/** Label of a field for reports ('contacts.mobile' → 手机号码 / Mobile number). */
export function fieldLabel(field: string): Bilingual {
  return (ENTERPRISE_FIELD_LABELS as Record<string, Bilingual>)[field] ?? { zh: field, en: field };
}
