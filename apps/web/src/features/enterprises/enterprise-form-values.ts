import dayjs, { type Dayjs } from 'dayjs';
import type { EnterpriseDetail } from './enterprise-types';
import type { EnterpriseBody } from './enterprises-api';

/** What the form holds: the body's field names, with dates as Dayjs and amounts as typed text ("500万元"). */
export interface EnterpriseFormValues {
  uscc?: string;
  name?: string;
  legalRepresentative?: string;
  registeredCapital?: string;
  foundedOn?: Dayjs | null;
  address?: string;
  park?: string;
  industryCode?: string | null;
  businessScope?: string;
  size?: string | null;
  website?: string;
  notes?: string;
  assignedOfficerId?: string | null;
  formerNames?: (string | undefined)[];
  tags?: string[];
  chainNodeCodes?: string[];
  qualifications?: {
    code?: string;
    obtainedOn?: Dayjs | null;
    expiresOn?: Dayjs | null;
    certificateNo?: string;
  }[];
  contacts?: { name?: string; title?: string; mobile?: string; email?: string }[];
  figures?: {
    year?: number | null;
    employees?: number | null;
    revenue?: string;
    rndSpend?: string;
    taxPaid?: string;
  }[];
}

const day = (value: string | null): Dayjs | null => (value ? dayjs(value) : null);
const amountText = (value: number | null): string | undefined => (value === null ? undefined : String(value));

export function toFormValues(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    uscc: e.uscc,
    name: e.name,
    legalRepresentative: e.legalRepresentative ?? undefined,
    registeredCapital: amountText(e.registeredCapital),
    foundedOn: day(e.foundedOn),
    address: e.address ?? undefined,
    park: e.park ?? undefined,
    industryCode: e.industryCode,
    businessScope: e.businessScope ?? undefined,
    size: e.size,
    website: e.website ?? undefined,
    notes: e.notes ?? undefined,
    assignedOfficerId: e.assignedOfficer ? String(e.assignedOfficer.id) : null,
    formerNames: e.formerNames.map((f) => f.name),
    tags: e.tags,
    chainNodeCodes: e.chainNodes,
    qualifications: e.qualificationDetails.map((q) => ({
      code: q.code,
      obtainedOn: day(q.obtainedOn),
      expiresOn: day(q.expiresOn),
      certificateNo: q.certificateNo ?? undefined,
    })),
    contacts: e.contacts.map((c) => ({
      name: c.name,
      title: c.title ?? undefined,
      mobile: c.mobile ?? undefined,
      email: c.email ?? undefined,
    })),
    figures: e.figures.map((f) => ({
      year: f.year,
      employees: f.employees,
      revenue: amountText(f.revenue),
      rndSpend: amountText(f.rndSpend),
      taxPaid: amountText(f.taxPaid),
    })),
  };
}

const text = (value: string | undefined | null): string | undefined => value?.trim() || undefined;
const date = (value: Dayjs | null | undefined): string | undefined => value?.format('YYYY-MM-DD');
/** Plain numbers go as numbers; text such as "500万元" or "3.5亿" goes as typed, for the shared parser. */
const amount = (value: string | undefined): number | string | undefined => {
  const s = text(value);
  return s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : s;
};
const num = (value: number | null | undefined): number | undefined => value ?? undefined;

export interface BodyOptions {
  /** On edit a field emptied is sent as null (cleared); on create it is left out. */
  clearWith: null | undefined;
  /** Masked contacts are never sent back: they would overwrite the real numbers. */
  includeContacts: boolean;
  /** Only users who may pick an officer send one; a service officer's new company is their own. */
  assignedOfficerId: string | null | undefined;
}

/**
 * The POST/PATCH body. List rows are kept as they are, even blank ones, so a
 * validation issue at contacts.1 still points at the form's second contact.
 */
export function toBody(v: EnterpriseFormValues, o: BodyOptions): EnterpriseBody {
  const scalar = <T>(value: T | undefined): T | null | undefined => (value === undefined ? o.clearWith : value);
  return {
    uscc: text(v.uscc) ?? '',
    name: text(v.name) ?? '',
    legalRepresentative: scalar(text(v.legalRepresentative)),
    registeredCapital: scalar(amount(v.registeredCapital)),
    foundedOn: scalar(date(v.foundedOn)),
    address: scalar(text(v.address)),
    park: scalar(text(v.park)),
    industryCode: scalar(v.industryCode ?? undefined),
    businessScope: scalar(text(v.businessScope)),
    size: scalar(v.size ?? undefined),
    website: scalar(text(v.website)),
    notes: scalar(text(v.notes)),
    ...(o.assignedOfficerId === undefined ? {} : { assignedOfficerId: o.assignedOfficerId }),
    formerNames: (v.formerNames ?? []).map((name) => text(name) ?? ''),
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    chainNodeCodes: v.chainNodeCodes ?? [],
    qualifications: (v.qualifications ?? []).map((q) => ({
      code: q.code ?? '',
      obtainedOn: date(q.obtainedOn),
      expiresOn: date(q.expiresOn),
      certificateNo: text(q.certificateNo),
    })),
    ...(o.includeContacts
      ? {
          contacts: (v.contacts ?? []).map((c) => ({
            name: text(c.name) ?? '',
            title: text(c.title),
            mobile: text(c.mobile),
            email: text(c.email),
          })),
        }
      : {}),
    figures: (v.figures ?? []).map((f) => ({
      // A blank year is sent as '' so the schema reports it as required.
      year: f.year ?? '',
      employees: num(f.employees),
      revenue: amount(f.revenue),
      rndSpend: amount(f.rndSpend),
      taxPaid: amount(f.taxPaid),
    })),
  };
}
