import {
  enterpriseIssueCode,
  FIELD_ISSUE_MESSAGES,
  label,
  ZLeadInput,
  type Locale,
  type SpaceRequirement,
} from '@kaimen/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeadDetail } from './lead-types';
import type { LeadBody } from './leads-api';

/** What the lead form holds: the body's field names, dates as Dayjs, amounts as typed text ("5亿", "800万"). */
export interface LeadFormValues {
  companyName?: string;
  uscc?: string;
  sourceChannel?: string;
  chainNodeCode?: string | null;
  ownerId?: string | null;
  plannedInvestment?: string;
  spaceUnitType?: string | null;
  spaceArea?: number | null;
  spaceRequirements?: string[];
  spaceNotes?: string;
  expectedJobs?: number | null;
  expectedAnnualTax?: string;
  nextFollowUpOn?: Dayjs | null;
  notes?: string;
  contacts?: { name?: string; title?: string; mobile?: string; email?: string }[];
  capital?: { arrivedOn?: Dayjs | null; amount?: string; note?: string }[];
}

/** Yuan as the office types them: 5亿 and 800万 in Chinese, the plain number otherwise; the parser reads both. */
export function amountText(yuan: number | null, locale: Locale): string | undefined {
  if (yuan === null) return undefined;
  if (locale === 'en') return String(yuan);
  if (yuan >= 100_000_000 && yuan % 1_000_000 === 0) return `${yuan / 100_000_000}亿`;
  return yuan % 100 === 0 ? `${yuan / 10_000}万` : String(yuan);
}

const day = (value: string | null) => (value ? dayjs(value) : null);

export function toFormValues(l: LeadDetail, locale: Locale): LeadFormValues {
  return {
    companyName: l.companyName,
    uscc: l.uscc ?? undefined,
    sourceChannel: l.sourceChannel,
    chainNodeCode: l.chainNode?.code ?? null,
    ownerId: l.owner ? String(l.owner.id) : null,
    plannedInvestment: amountText(l.plannedInvestment, locale),
    spaceUnitType: l.spaceUnitType,
    spaceArea: l.spaceArea,
    spaceRequirements: l.spaceRequirements,
    spaceNotes: l.spaceNotes ?? undefined,
    expectedJobs: l.expectedJobs,
    expectedAnnualTax: amountText(l.expectedAnnualTax, locale),
    nextFollowUpOn: day(l.nextFollowUpOn),
    notes: l.notes ?? undefined,
    contacts: l.contacts.map((c) => ({
      name: c.name,
      title: c.title ?? undefined,
      mobile: c.mobile ?? undefined,
      email: c.email ?? undefined,
    })),
    capital: l.capital.map((c) => ({
      arrivedOn: day(c.arrivedOn),
      amount: amountText(c.amount, locale),
      note: c.note ?? undefined,
    })),
  };
}

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);

/**
 * The request body. A new lead leaves out what is blank; an edit sends `null` for a cleared field (`clearWith`), and
 * never sends contacts that came masked (they would overwrite the real ones).
 */
export function toBody(v: LeadFormValues, o: { clearWith: null | undefined; includeContacts: boolean }): LeadBody {
  const or = <T>(value: T | undefined | null) => (value === undefined || value === null ? o.clearWith : value);
  return {
    companyName: v.companyName ?? '',
    uscc: or(text(v.uscc)),
    sourceChannel: v.sourceChannel ?? '',
    chainNodeCode: or(v.chainNodeCode),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    plannedInvestment: or(text(v.plannedInvestment)),
    spaceUnitType: or(v.spaceUnitType),
    spaceArea: or(v.spaceArea),
    spaceRequirements: (v.spaceRequirements ?? []) as SpaceRequirement[],
    spaceNotes: or(text(v.spaceNotes)),
    expectedJobs: or(v.expectedJobs),
    expectedAnnualTax: or(text(v.expectedAnnualTax)),
    nextFollowUpOn: or(v.nextFollowUpOn?.format('YYYY-MM-DD')),
    notes: or(text(v.notes)),
    ...(o.includeContacts
      ? {
          contacts: (v.contacts ?? []).map((c) => ({
            name: c.name ?? '',
            title: text(c.title) ?? null,
            mobile: text(c.mobile) ?? null,
            email: text(c.email) ?? null,
          })),
        }
      : {}),
    capital: (v.capital ?? []).map((c) => ({
      arrivedOn: c.arrivedOn?.format('YYYY-MM-DD') ?? '',
      amount: c.amount ?? '',
      note: text(c.note) ?? null,
    })),
  };
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Checks the body with the shared ZLeadInput (the API's own schema); issues come back on their form fields. */
export function validateLead(body: LeadBody, locale: Locale): FieldIssue[] {
  const parsed = ZLeadInput.safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const custom = issue.code === 'custom' ? issue.params?.['code'] : undefined;
    const message =
      (typeof custom === 'string' ? FIELD_ISSUE_MESSAGES[custom] : undefined) ??
      FIELD_ISSUE_MESSAGES[enterpriseIssueCode(issue)];
    return {
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: message ? label(message, locale) : issue.message,
    };
  });
}
