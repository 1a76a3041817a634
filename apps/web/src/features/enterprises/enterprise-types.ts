import type { EnterpriseSize } from '@kaimen/shared';
import type { Id } from '../../api/types';

/** A row of GET /api/enterprises. Money in yuan, dates as 'YYYY-MM-DD'. */
export interface EnterpriseSummary {
  id: Id;
  uscc: string;
  name: string;
  industryCode: string | null;
  park: string | null;
  size: EnterpriseSize | null;
  registeredCapital: number | null;
  foundedOn: string | null;
  assignedOfficer: { id: Id; displayName: string } | null;
  tags: string[];
  /** Qualification codes (QUALIFICATIONS). */
  qualifications: string[];
  /** Chain node codes. */
  chainNodes: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnterpriseContact {
  id: Id;
  name: string;
  title: string | null;
  /** Masked as 138****1234 when personalDataMasked. */
  mobile: string | null;
  email: string | null;
  isPrimary: boolean;
}

export interface QualificationDetail {
  code: string;
  obtainedOn: string | null;
  expiresOn: string | null;
  certificateNo: string | null;
}

export interface YearFigures {
  year: number;
  employees: number | null;
  revenue: number | null;
  rndSpend: number | null;
  taxPaid: number | null;
}

export interface EnterpriseDetail extends EnterpriseSummary {
  legalRepresentative: string | null;
  address: string | null;
  propertyUnitId: Id | null;
  businessScope: string | null;
  website: string | null;
  notes: string | null;
  formerNames: { name: string; untilOn: string | null }[];
  contacts: EnterpriseContact[];
  qualificationDetails: QualificationDetail[];
  figures: YearFigures[];
  /** Contacts' phones and e-mails are masked for this user. */
  personalDataMasked: boolean;
}

export interface EnterprisePage {
  items: EnterpriseSummary[];
  total: number;
  /** More match than `total`: the server stopped counting at its cap. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  nextCursor: string | null;
}

export const ENTERPRISE_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];
