import { z } from 'zod';
import { LEAD_SOURCE_CHANNELS, LEAD_STAGES, UNIT_TYPES, type DictionaryEntry, type LeadStage } from './dictionaries.js';
import {
  amountField,
  cleanText,
  countField,
  dateField,
  ENTERPRISE_ISSUE_MESSAGES,
  optionalText,
  requiredText,
  textList,
  typeError,
  ZContact,
  type Bilingual,
} from './enterprise.js';
import { isValidUscc, normalizeUscc } from './validators/uscc.js';

/**
 * The one lead input schema (DESIGN.md §4, issue 4) for the API, the lead import and the web form, built from the same
 * blocks as the enterprise schema: text cleaned and folded, amounts to whole yuan (`5亿` → 500,000,000), dates to
 * YYYY-MM-DD, contacts' mobile numbers normalised. A lead's company may not exist locally yet, so its USCC is optional,
 * but checked when given.
 */

export const LEAD_ACTIVITY_KINDS = [
  { code: 'call', zh: '电话', en: 'Call' },
  { code: 'meeting', zh: '会面', en: 'Meeting' },
  { code: 'site_visit', zh: '实地考察', en: 'Site visit' },
  { code: 'email', zh: '邮件', en: 'E-mail' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly DictionaryEntry[];
export type LeadActivityKindCode = (typeof LEAD_ACTIVITY_KINDS)[number]['code'];

/** What a biotech project asks of its space; the property module's unit attributes use the same codes. */
export const SPACE_REQUIREMENTS = [
  { code: 'gmp_ready', zh: 'GMP 条件', en: 'GMP-ready' },
  { code: 'lab_exhaust', zh: '实验室排风', en: 'Lab exhaust' },
  { code: 'lab_water', zh: '实验室给排水', en: 'Lab water and drainage' },
  { code: 'floor_load', zh: '高楼面荷载', en: 'High floor load' },
  { code: 'clean_room', zh: '洁净车间', en: 'Clean room' },
  { code: 'env_permit', zh: '环评许可', en: 'Environmental permit' },
] as const satisfies readonly DictionaryEntry[];
export type SpaceRequirement = (typeof SPACE_REQUIREMENTS)[number]['code'];

export const LEAD_LIMITS = {
  companyName: 200,
  notes: 4000,
  spaceNotes: 1000,
  contacts: 20,
  capital: 200,
  lostReason: 500,
  comment: 1000,
  participants: 30,
  participant: 100,
  subject: 200,
  chainNodeCode: 100,
  maxArea: 10_000_000,
} as const;

export const LEAD_ISSUE_CODES = [
  'channel-invalid',
  'unit-type-invalid',
  'area-invalid',
  'requirement-invalid',
] as const;
export type LeadIssueCode = (typeof LEAD_ISSUE_CODES)[number];

export const LEAD_ISSUE_MESSAGES: Record<LeadIssueCode, Bilingual> = {
  'channel-invalid': { zh: '未知的招商渠道', en: 'Unknown source channel' },
  'unit-type-invalid': { zh: '未知的载体类型', en: 'Unknown unit type' },
  'area-invalid': { zh: '面积应为正数（平方米）', en: 'Area must be a positive number of m²' },
  'requirement-invalid': { zh: '未知的场地要求', en: 'Unknown space requirement' },
};

/** Every stable issue code a shared schema raises, with its two messages (the API's error handler reads this). */
export const FIELD_ISSUE_MESSAGES: Record<string, Bilingual> = { ...ENTERPRISE_ISSUE_MESSAGES, ...LEAD_ISSUE_MESSAGES };

export const LEAD_FIELD_LABELS = {
  companyName: { zh: '企业名称', en: 'Company' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  sourceChannel: { zh: '招商渠道', en: 'Source channel' },
  chainNodeCode: { zh: '产业链环节', en: 'Chain node' },
  ownerId: { zh: '负责人', en: 'Owner' },
  plannedInvestment: { zh: '计划投资', en: 'Planned investment' },
  spaceUnitType: { zh: '载体类型', en: 'Unit type' },
  spaceArea: { zh: '面积需求（㎡）', en: 'Space needed (m²)' },
  spaceRequirements: { zh: '场地要求', en: 'Space requirements' },
  spaceNotes: { zh: '其他场地要求', en: 'Other space requirements' },
  expectedJobs: { zh: '预计就业', en: 'Expected jobs' },
  expectedAnnualTax: { zh: '预计年税收', en: 'Expected annual tax' },
  nextFollowUpOn: { zh: '下次跟进', en: 'Next follow-up' },
  notes: { zh: '备注', en: 'Notes' },
  contacts: { zh: '联系人', en: 'Contacts' },
  capital: { zh: '实际到资', en: 'Capital arrived' },
  'capital.arrivedOn': { zh: '到资日期', en: 'Arrived on' },
  'capital.amount': { zh: '到资金额', en: 'Amount' },
} as const satisfies Record<string, Bilingual>;

type Ctx = z.core.$RefinementCtx;
function fail(ctx: Ctx, code: LeadIssueCode | 'uscc-invalid' | 'required', path?: PropertyKey[]): typeof z.NEVER {
  ctx.addIssue({
    code: 'custom',
    message: FIELD_ISSUE_MESSAGES[code]!.en,
    params: { code },
    ...(path ? { path } : {}),
  });
  return z.NEVER;
}

/** A code of `list`, matched by code or by either label (an import's cells hold 产业招商 as often as industry). */
function dictionaryLookup<L extends readonly DictionaryEntry[]>(list: L) {
  const byKey = new Map<string, L[number]['code']>();
  for (const e of list) {
    for (const k of [e.code, e.zh, e.en]) {
      if (!k) continue;
      // 投资招商（基金招商） is also written 投资招商 or 基金招商.
      for (const part of [k, ...cleanText(k).split(/[()]/)]) {
        const key = cleanText(part).toLowerCase();
        if (key && !byKey.has(key)) byKey.set(key, e.code);
      }
    }
  }
  return (v: string): L[number]['code'] | undefined => byKey.get(cleanText(v).toLowerCase());
}
export const leadChannelCode = dictionaryLookup(LEAD_SOURCE_CHANNELS);
const unitTypeCode = dictionaryLookup(UNIT_TYPES);
const requirementCode = dictionaryLookup(SPACE_REQUIREMENTS);

/** Optional USCC: blank is "none"; anything else must be a valid code. */
const ZOptionalUscc = z
  .string({ error: typeError })
  .nullish()
  .transform((v, ctx): string | null | undefined => {
    if (v === undefined || v === null) return v;
    const s = normalizeUscc(v);
    if (s === '') return null;
    return isValidUscc(s) ? s : fail(ctx, 'uscc-invalid');
  });

/** m², positive: `3000`, `3,000㎡`, `3000平方米`, `3000 m2`. */
const ZArea = z
  .union([z.number(), z.string()], { error: typeError })
  .nullish()
  .transform((v, ctx): number | null | undefined => {
    if (v === undefined || v === null) return v;
    const s =
      typeof v === 'number'
        ? String(v)
        : cleanText(v)
            .replace(/[,\s]/g, '')
            .replace(/(㎡|平方米|平米|m2|m²|sqm)$/i, '');
    if (s === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0 || n > LEAD_LIMITS.maxArea || !/^\d+(\.\d+)?$/.test(s)) {
      return fail(ctx, 'area-invalid');
    }
    return Math.round(n * 100) / 100;
  });

const ZCapital = z.object({
  arrivedOn: dateField().transform((v, ctx): string => v ?? fail(ctx, 'required')),
  amount: amountField().transform((v, ctx): number => (v === null || v === undefined ? fail(ctx, 'required') : v)),
  note: optionalText(200),
});

export const ZLeadInput = z.object({
  companyName: requiredText(LEAD_LIMITS.companyName),
  uscc: ZOptionalUscc,
  sourceChannel: z
    .string({ error: typeError })
    .transform((v, ctx) => leadChannelCode(v) ?? fail(ctx, cleanText(v) ? 'channel-invalid' : 'required')),
  /** A code of the tenant's chain tree (the service checks it). */
  chainNodeCode: optionalText(LEAD_LIMITS.chainNodeCode),
  /** An investment officer of the tenant; the creator when left out. */
  ownerId: optionalText(100),
  plannedInvestment: amountField(),
  spaceUnitType: z
    .string({ error: typeError })
    .nullish()
    .transform((v, ctx) => {
      if (v === undefined || v === null || cleanText(v) === '') return v === undefined ? undefined : null;
      return unitTypeCode(v) ?? fail(ctx, 'unit-type-invalid');
    }),
  spaceArea: ZArea,
  spaceRequirements: z
    .array(z.string({ error: typeError }), { error: typeError })
    .max(SPACE_REQUIREMENTS.length * 2)
    .optional()
    .transform((list, ctx) => {
      if (list === undefined) return undefined;
      const codes = list.map((r, i) => requirementCode(r) ?? fail(ctx, 'requirement-invalid', [i]));
      return [...new Set(codes)];
    }),
  spaceNotes: optionalText(LEAD_LIMITS.spaceNotes, { fold: false, multiline: true }),
  expectedJobs: countField(),
  expectedAnnualTax: amountField(),
  nextFollowUpOn: dateField(),
  notes: optionalText(LEAD_LIMITS.notes, { fold: false, multiline: true }),
  contacts: z.array(ZContact, { error: typeError }).max(LEAD_LIMITS.contacts).optional(),
  capital: z.array(ZCapital, { error: typeError }).max(LEAD_LIMITS.capital).optional(),
});
export type TLeadInput = z.output<typeof ZLeadInput>;
export type TLeadInputRaw = z.input<typeof ZLeadInput>;

export const ZLeadStage = z.enum(LEAD_STAGES.map((s) => s.code) as [LeadStage, ...LeadStage[]]);

/** A stage move: `lost` needs a reason; the comment goes on the history. */
export const ZLeadMoveInput = z
  .object({
    to: ZLeadStage,
    comment: optionalText(LEAD_LIMITS.comment, { fold: false, multiline: true }),
    lostReason: optionalText(LEAD_LIMITS.lostReason, { fold: false, multiline: true }),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'lost' && !v.lostReason) fail(ctx, 'required', ['lostReason']);
  });
export type TLeadMoveInput = z.output<typeof ZLeadMoveInput>;

export const ZLeadActivityInput = z.object({
  kind: z.enum(LEAD_ACTIVITY_KINDS.map((k) => k.code) as [LeadActivityKindCode, ...LeadActivityKindCode[]]),
  occurredOn: dateField().transform((v, ctx): string => v ?? fail(ctx, 'required')),
  subject: optionalText(LEAD_LIMITS.subject),
  participants: textList(LEAD_LIMITS.participants, LEAD_LIMITS.participant),
  notes: optionalText(LEAD_LIMITS.notes, { fold: false, multiline: true }),
  /** Sets the lead's next follow-up date when given. */
  nextFollowUpOn: dateField(),
});
export type TLeadActivityInput = z.output<typeof ZLeadActivityInput>;

/**
 * What duplicate detection compares: the name folded, lower-cased, without brackets, blanks and the legal-form
 * suffix, so 苏州某某生物科技有限公司 and 苏州某某生物科技（有限公司） match.
 */
export function normalizeCompanyName(name: string): string {
  return cleanText(name)
    .toLowerCase()
    .replace(/[()（）[\]【】\s·.,，、-]/g, '')
    .replace(/(股份有限公司|有限责任公司|有限公司|集团|公司|co\.?ltd|coltd|inc|ltd|llc|gmbh)$/g, '');
}

/** Stages past 签约 (the approval gate is on entering them). */
export const STAGES_PAST_SIGNED: readonly LeadStage[] = ['registered', 'construction', 'operating'];
