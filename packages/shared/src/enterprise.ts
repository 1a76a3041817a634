import { z } from 'zod';
import {
  INDUSTRY_CODES,
  INDUSTRY_GROUPS,
  QUALIFICATIONS,
  type DictionaryEntry,
  type Qualification,
} from './dictionaries.js';
import { foldFullWidth } from './text.js';
import { checkAmount } from './validators/amount.js';
import { checkDate } from './validators/date.js';
import { isValidMobile, normalizeMobile } from './validators/mobile.js';
import { isValidUscc, normalizeUscc } from './validators/uscc.js';

/**
 * The one enterprise input schema (DESIGN.md §4) used by the API, the import and
 * the web form. Values are cleaned on the way in: text trimmed and full-width
 * characters folded, USCC and mobile numbers normalised, amounts to whole yuan,
 * dates to YYYY-MM-DD. Every refusal carries a stable code (`params.code` on
 * custom issues; see enterpriseIssueCode) so messages can be localised.
 *
 * Optional fields keep `undefined` ("not given") apart from `null` ("cleared"), and
 * lists have no default, so the same schema serves creation and partial updates.
 */

export const ENTERPRISE_SIZES = [
  { code: 'micro', zh: '微型', en: 'Micro' },
  { code: 'small', zh: '小型', en: 'Small' },
  { code: 'medium', zh: '中型', en: 'Medium' },
  { code: 'large', zh: '大型', en: 'Large' },
] as const satisfies readonly DictionaryEntry[];
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number]['code'];

export const ENTERPRISE_LIMITS = {
  name: 200,
  formerNames: 20,
  legalRepresentative: 100,
  address: 500,
  park: 100,
  businessScope: 4000,
  website: 500,
  notes: 4000,
  tags: 30,
  tag: 30,
  qualifications: 20,
  certificateNo: 100,
  contacts: 50,
  contactName: 100,
  contactTitle: 100,
  email: 254,
  chainNodeCodes: 50,
  chainNodeCode: 100,
  figures: 200,
  officerId: 100,
  minYear: 1990,
  maxYear: 2100,
} as const;

export const ENTERPRISE_ISSUE_CODES = [
  'required',
  'invalid',
  'too-long',
  'too-many',
  'out-of-range',
  'uscc-invalid',
  'mobile-invalid',
  'email-invalid',
  'amount-invalid',
  'amount-currency',
  'amount-range',
  'date-invalid',
  'date-order',
  'industry-code-unknown',
  'qualification-unknown',
  'qualification-duplicate',
  'size-invalid',
  'year-invalid',
  'count-invalid',
  'figure-year-duplicate',
] as const;
export type EnterpriseIssueCode = (typeof ENTERPRISE_ISSUE_CODES)[number];

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const ENTERPRISE_ISSUE_MESSAGES: Record<EnterpriseIssueCode, Bilingual> = {
  required: { zh: '必填项为空', en: 'Required' },
  invalid: { zh: '格式不正确', en: 'Invalid value' },
  'too-long': { zh: '内容过长', en: 'Too long' },
  'too-many': { zh: '条目过多', en: 'Too many entries' },
  'out-of-range': { zh: '超出允许范围', en: 'Out of range' },
  'uscc-invalid': {
    zh: '统一社会信用代码无效（长度、字符或校验位错误）',
    en: 'Invalid unified social credit code (length, characters or check digit)',
  },
  'mobile-invalid': { zh: '手机号码无效', en: 'Invalid mobile number' },
  'email-invalid': { zh: '电子邮箱格式不正确', en: 'Invalid e-mail address' },
  'amount-invalid': { zh: '金额无法识别', en: 'Unreadable amount' },
  'amount-currency': {
    zh: '金额须以人民币计（外币无法换算）',
    en: 'Amounts must be in yuan (foreign currency cannot be converted)',
  },
  'amount-range': { zh: '金额超出范围', en: 'Amount out of range' },
  'date-invalid': { zh: '日期无法识别或不存在', en: 'Unreadable or impossible date' },
  'date-order': { zh: '到期日期早于取得日期', en: 'Expiry date is before the date obtained' },
  'industry-code-unknown': {
    zh: '未知的国民经济行业代码（GB/T 4754-2017）',
    en: 'Unknown industry code (GB/T 4754-2017)',
  },
  'qualification-unknown': { zh: '未知的企业资质', en: 'Unknown qualification' },
  'qualification-duplicate': { zh: '资质重复', en: 'Qualification listed twice' },
  'size-invalid': { zh: '企业规模应为微型、小型、中型或大型', en: 'Size must be micro, small, medium or large' },
  'year-invalid': { zh: '年份无效（1990–2100）', en: 'Invalid year (1990–2100)' },
  'count-invalid': { zh: '人数应为非负整数', en: 'Must be a whole number, not negative' },
  'figure-year-duplicate': { zh: '同一年份的数据重复', en: 'Figures given twice for the same year' },
};

export const ENTERPRISE_FIELD_LABELS = {
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  name: { zh: '企业名称', en: 'Company name' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  registeredCapital: { zh: '注册资本', en: 'Registered capital' },
  foundedOn: { zh: '成立日期', en: 'Founded on' },
  address: { zh: '地址', en: 'Address' },
  park: { zh: '所属园区', en: 'Park' },
  industryCode: { zh: '行业代码', en: 'Industry code' },
  businessScope: { zh: '经营范围', en: 'Business scope' },
  size: { zh: '企业规模', en: 'Size' },
  website: { zh: '网站', en: 'Website' },
  notes: { zh: '备注', en: 'Notes' },
  tags: { zh: '标签', en: 'Tags' },
  qualifications: { zh: '企业资质', en: 'Qualifications' },
  'qualifications.code': { zh: '资质', en: 'Qualification' },
  'qualifications.obtainedOn': { zh: '资质取得日期', en: 'Qualification obtained on' },
  'qualifications.expiresOn': { zh: '资质到期日期', en: 'Qualification expires on' },
  'qualifications.certificateNo': { zh: '证书编号', en: 'Certificate number' },
  contacts: { zh: '联系人', en: 'Contacts' },
  'contacts.name': { zh: '联系人姓名', en: 'Contact name' },
  'contacts.title': { zh: '职务', en: 'Title' },
  'contacts.mobile': { zh: '手机号码', en: 'Mobile number' },
  'contacts.email': { zh: '电子邮箱', en: 'E-mail' },
  chainNodeCodes: { zh: '产业链环节', en: 'Chain nodes' },
  figures: { zh: '年度数据', en: 'Yearly figures' },
  'figures.year': { zh: '年份', en: 'Year' },
  'figures.employees': { zh: '从业人数', en: 'Employees' },
  'figures.revenue': { zh: '营业收入', en: 'Revenue' },
  'figures.rndSpend': { zh: '研发投入', en: 'R&D spend' },
  'figures.taxPaid': { zh: '纳税额', en: 'Tax paid' },
  assignedOfficerId: { zh: '服务专员', en: 'Service officer' },
} as const satisfies Record<string, Bilingual>;
/** A field of the input, nested ones as `list.field` (no indexes). */
export type EnterpriseField = keyof typeof ENTERPRISE_FIELD_LABELS;

// ---------------------------------------------------------------------------
// Building blocks

type Ctx = z.core.$RefinementCtx;

/** Message of an invalid_type issue for a missing value (see enterpriseIssueCode). */
const REQUIRED_MESSAGE = 'Required';
export const typeError = (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null ? REQUIRED_MESSAGE : ENTERPRISE_ISSUE_MESSAGES.invalid.en;

export function fail(ctx: Ctx, code: EnterpriseIssueCode, path?: PropertyKey[]): typeof z.NEVER {
  ctx.addIssue({
    code: 'custom',
    message: ENTERPRISE_ISSUE_MESSAGES[code].en,
    params: { code },
    ...(path ? { path } : {}),
  });
  return z.NEVER;
}

/** Folds full-width characters, trims, and (for one-line fields) collapses runs of blanks. */
export function cleanText(value: string, options: { fold?: boolean; multiline?: boolean } = {}): string {
  const s = options.fold === false ? value : foldFullWidth(value);
  if (options.multiline) return (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s).trim();
  return (NEEDS_COLLAPSE.test(s) ? s.replace(/[\s\u00a0]+/g, ' ') : s).trim();
}
/** Two blanks in a row, or a blank other than a plain space: what the collapse changes (\s covers U+00A0). */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

/** Optional text: blank becomes null, `undefined` stays "not given". */
export function optionalText(max: number, options: { fold?: boolean; multiline?: boolean } = {}) {
  return z
    .string({ error: typeError })
    .nullish()
    .transform((v, ctx): string | null | undefined => {
      if (v === undefined || v === null) return v;
      const s = cleanText(v, options);
      if (s === '') return null;
      if (s.length > max) return fail(ctx, 'too-long');
      return s;
    });
}

export function requiredText(max: number) {
  return z.string({ error: typeError }).transform((v, ctx): string => {
    const s = cleanText(v);
    if (s === '') return fail(ctx, 'required');
    if (s.length > max) return fail(ctx, 'too-long');
    return s;
  });
}

/** A list of short texts: cleaned, blanks dropped, duplicates dropped. */
export function textList(maxItems: number, maxLength: number) {
  return z
    .array(z.string({ error: typeError }), { error: typeError })
    .optional()
    .transform((list, ctx): string[] | undefined => {
      if (list === undefined) return undefined;
      const out: string[] = [];
      list.forEach((item, i) => {
        const s = cleanText(item);
        if (s === '' || out.includes(s)) return;
        if (s.length > maxLength) fail(ctx, 'too-long', [i]);
        out.push(s);
      });
      if (out.length > maxItems) fail(ctx, 'too-many');
      return out;
    });
}

/** Amount in whole yuan, not negative; accepts `500万元`, `1.2亿`, numbers. */
export function amountField() {
  return z
    .union([z.number(), z.string()], { error: typeError })
    .nullish()
    .transform((v, ctx): number | null | undefined => {
      if (v === undefined) return undefined;
      const r = checkAmount(v);
      if (!r.ok) return fail(ctx, r.reason);
      if (r.value !== null && r.value < 0) return fail(ctx, 'amount-invalid');
      return r.value;
    });
}

export function dateField() {
  return z
    .string({ error: typeError })
    .nullish()
    .transform((v, ctx): string | null | undefined => {
      if (v === undefined) return undefined;
      const r = checkDate(v);
      if (!r.ok) return fail(ctx, r.reason);
      return r.value;
    });
}

const COUNT_BLANKS = new Set(['', '-', '--', '—', '/', '无']);
/** Head count: whole number ≥ 0, `1,200`, `35人`. */
export function parseCount(input: string | number | null | undefined): number | null | 'invalid' {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isSafeInteger(input) && input >= 0 ? input : 'invalid';
  const s = foldFullWidth(input)
    .replace(/[\s,]+/g, '')
    .replace(/[人名位]$/, '');
  if (COUNT_BLANKS.has(s)) return null;
  if (!/^\d+(?:\.0+)?$/.test(s)) return 'invalid';
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 'invalid';
}

export function countField() {
  return z
    .union([z.number(), z.string()], { error: typeError })
    .nullish()
    .transform((v, ctx): number | null | undefined => {
      if (v === undefined) return undefined;
      const n = parseCount(v);
      if (n === 'invalid') return fail(ctx, 'count-invalid');
      return n;
    });
}

// ---------------------------------------------------------------------------
// Dictionaries

const INDUSTRY_CODE_SET = new Set<string>([...INDUSTRY_CODES, ...INDUSTRY_GROUPS].map((e) => e.code));
const INDUSTRY_BY_NAME = new Map<string, string>(
  [...INDUSTRY_CODES, ...INDUSTRY_GROUPS].map((e) => [cleanText(e.zh), e.code]),
);

/**
 * A GB/T 4754 code as offices write it: `7340`, `M7340` (with the section letter),
 * `7340 医学研究和试验发展`, or the class name alone. Returns the digits (or the
 * cleaned input when nothing fits; the schema then refuses it).
 */
export function normalizeIndustryCode(input: string): string {
  const s = cleanText(input);
  const m = /^[A-Ta-t]?\s*(\d{2,4})(?![\d])/.exec(s);
  if (m?.[1]) return m[1];
  return INDUSTRY_BY_NAME.get(s) ?? s;
}

export function isKnownIndustryCode(code: string): boolean {
  return INDUSTRY_CODE_SET.has(code);
}

/** Other names offices use for the qualifications of DESIGN.md §3. */
export const QUALIFICATION_ALIASES: Record<Qualification, readonly string[]> = {
  high_tech: ['高新技术企业', '国家高新技术企业', '高新企业', '高企', '高新'],
  specialized: ['专精特新', '专精特新企业', '专精特新中小企业', '专精特新小巨人', '小巨人', '专精特新"小巨人"企业'],
  tech_sme: ['科技型中小企业', '科技型企业', '科小', '科技中小企业'],
  incubatee: ['孵化企业', '在孵企业', '入孵企业'],
  above_scale: ['规上企业', '规上', '规模以上企业', '规模以上', '规上工业企业'],
};

const QUALIFICATION_BY_NAME = new Map<string, Qualification>();
for (const q of QUALIFICATIONS) {
  for (const name of [q.code, q.zh, q.en, ...QUALIFICATION_ALIASES[q.code]]) {
    QUALIFICATION_BY_NAME.set(qualificationKey(name), q.code);
  }
}
function qualificationKey(s: string): string {
  return foldFullWidth(s)
    .toLowerCase()
    .replace(/[\s"'“”‘’「」『』《》<>()（）-]/g, '')
    .replace(/&/g, 'and');
}

/** The qualification code for a code, a zh/en label or a common alias; undefined if unknown. */
export function qualificationCode(input: string): Qualification | undefined {
  return QUALIFICATION_BY_NAME.get(qualificationKey(input));
}

const SIZE_BY_NAME = new Map<string, EnterpriseSize>();
for (const s of ENTERPRISE_SIZES) {
  for (const name of [s.code, s.zh, `${s.zh}企业`, s.en]) SIZE_BY_NAME.set(name.toLowerCase(), s.code);
}
SIZE_BY_NAME.set('微', 'micro').set('小', 'small').set('中', 'medium').set('大', 'large');

// ---------------------------------------------------------------------------
// The schema

export const ZUscc = z.string({ error: typeError }).transform((v, ctx): string => {
  const u = normalizeUscc(v);
  if (u === '') return fail(ctx, 'required');
  if (!isValidUscc(u)) return fail(ctx, 'uscc-invalid');
  return u;
});

const ZIndustryCode = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined || v === null) return v;
    const code = normalizeIndustryCode(v);
    if (code === '') return null;
    if (!INDUSTRY_CODE_SET.has(code)) return fail(ctx, 'industry-code-unknown');
    return code;
  });

const ZSize = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): EnterpriseSize | null | undefined => {
    if (v === undefined || v === null) return v;
    const s = cleanText(v).toLowerCase();
    if (s === '') return null;
    return SIZE_BY_NAME.get(s) ?? fail(ctx, 'size-invalid');
  });

const ZQualification = z
  .object({
    code: z.string({ error: typeError }).transform((v, ctx): Qualification => {
      if (cleanText(v) === '') return fail(ctx, 'required');
      return qualificationCode(v) ?? fail(ctx, 'qualification-unknown');
    }),
    obtainedOn: dateField(),
    expiresOn: dateField(),
    certificateNo: optionalText(ENTERPRISE_LIMITS.certificateNo),
  })
  .superRefine((q, ctx) => {
    if (q.obtainedOn && q.expiresOn && q.expiresOn < q.obtainedOn) fail(ctx, 'date-order', ['expiresOn']);
  });

export const ZMobile = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined || v === null) return v;
    if (cleanText(v) === '') return null;
    const m = normalizeMobile(v).trim();
    if (!isValidMobile(m)) return fail(ctx, 'mobile-invalid');
    return m;
  });

const EMAIL = z.email();
export const ZEmail = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined || v === null) return v;
    const s = cleanText(v).replace(/\s/g, '');
    if (s === '') return null;
    if (s.length > ENTERPRISE_LIMITS.email || !EMAIL.safeParse(s).success) return fail(ctx, 'email-invalid');
    return s;
  });

export const ZContact = z.object({
  name: requiredText(ENTERPRISE_LIMITS.contactName),
  title: optionalText(ENTERPRISE_LIMITS.contactTitle),
  mobile: ZMobile,
  email: ZEmail,
});

const ZYear = z.union([z.number(), z.string()], { error: typeError }).transform((v, ctx): number => {
  const s = typeof v === 'number' ? String(v) : cleanText(v).replace(/年度?$/, '');
  if (s === '') return fail(ctx, 'required');
  const n = Number(s);
  if (!/^\d{4}$/.test(s) || n < ENTERPRISE_LIMITS.minYear || n > ENTERPRISE_LIMITS.maxYear) {
    return fail(ctx, 'year-invalid');
  }
  return n;
});

const ZFigure = z.object({
  year: ZYear,
  employees: countField(),
  revenue: amountField(),
  rndSpend: amountField(),
  taxPaid: amountField(),
});

export const ZEnterpriseInput = z.object({
  uscc: ZUscc,
  name: requiredText(ENTERPRISE_LIMITS.name),
  legalRepresentative: optionalText(ENTERPRISE_LIMITS.legalRepresentative),
  /** Whole yuan. */
  registeredCapital: amountField(),
  /** YYYY-MM-DD. */
  foundedOn: dateField(),
  address: optionalText(ENTERPRISE_LIMITS.address),
  park: optionalText(ENTERPRISE_LIMITS.park),
  /** A code of INDUSTRY_CODES or one of their groups (INDUSTRY_GROUPS). */
  industryCode: ZIndustryCode,
  businessScope: optionalText(ENTERPRISE_LIMITS.businessScope, { fold: false, multiline: true }),
  size: ZSize,
  website: optionalText(ENTERPRISE_LIMITS.website),
  notes: optionalText(ENTERPRISE_LIMITS.notes, { fold: false, multiline: true }),
  formerNames: textList(ENTERPRISE_LIMITS.formerNames, ENTERPRISE_LIMITS.name),
  tags: textList(ENTERPRISE_LIMITS.tags, ENTERPRISE_LIMITS.tag),
  qualifications: z
    .array(ZQualification, { error: typeError })
    .max(ENTERPRISE_LIMITS.qualifications)
    .optional()
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list?.forEach((q, i) => {
        if (seen.has(q.code)) fail(ctx, 'qualification-duplicate', [i, 'code']);
        seen.add(q.code);
      });
    }),
  contacts: z.array(ZContact, { error: typeError }).max(ENTERPRISE_LIMITS.contacts).optional(),
  /** Codes of the tenant's chain nodes (checked against the tree by the service). */
  chainNodeCodes: textList(ENTERPRISE_LIMITS.chainNodeCodes, ENTERPRISE_LIMITS.chainNodeCode),
  figures: z
    .array(ZFigure, { error: typeError })
    .max(ENTERPRISE_LIMITS.figures)
    .optional()
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list?.forEach((f, i) => {
        if (seen.has(f.year)) fail(ctx, 'figure-year-duplicate', [i, 'year']);
        seen.add(f.year);
      });
    }),
  assignedOfficerId: optionalText(ENTERPRISE_LIMITS.officerId),
});

/** What the schema gives: cleaned values (see the notes above ZEnterpriseInput). */
export type TEnterpriseInput = z.output<typeof ZEnterpriseInput>;
/** What the schema takes (the web form's values, the API body). */
export type TEnterpriseInputRaw = z.input<typeof ZEnterpriseInput>;

// ---------------------------------------------------------------------------
// Issues → stable codes

const ISSUE_CODE_SET = new Set<string>(ENTERPRISE_ISSUE_CODES);

/** The stable code of any issue the schema raises. */
export function enterpriseIssueCode(issue: z.core.$ZodIssue): EnterpriseIssueCode {
  switch (issue.code) {
    case 'custom': {
      const code: unknown = issue.params?.['code'];
      return typeof code === 'string' && ISSUE_CODE_SET.has(code) ? (code as EnterpriseIssueCode) : 'invalid';
    }
    case 'invalid_type':
      return issue.message === REQUIRED_MESSAGE ? 'required' : 'invalid';
    case 'too_big':
      return issue.origin === 'array' ? 'too-many' : issue.origin === 'string' ? 'too-long' : 'out-of-range';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'required' : 'out-of-range';
    default:
      return 'invalid';
  }
}

export interface EnterpriseIssue {
  /** Full path, with list indexes: `['contacts', 0, 'mobile']`. */
  path: PropertyKey[];
  /** The path without indexes, a key of ENTERPRISE_FIELD_LABELS when known: `contacts.mobile`. */
  field: string;
  code: EnterpriseIssueCode;
  message: Bilingual;
}

/** Dotted field of a path, list indexes dropped. */
export function enterpriseFieldOf(path: readonly PropertyKey[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

/** The issues of a failed ZEnterpriseInput parse, with codes, fields and both messages. */
export function enterpriseIssues(error: z.ZodError): EnterpriseIssue[] {
  return error.issues.map((issue) => {
    const code = enterpriseIssueCode(issue);
    return {
      path: [...issue.path],
      field: enterpriseFieldOf(issue.path),
      code,
      message: ENTERPRISE_ISSUE_MESSAGES[code],
    };
  });
}
