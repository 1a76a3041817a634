export interface EnterprisesTable {
  tenantId: string;
  id: string;
  /** GB 32100-2015 code, normalised and check-digit verified; unique per tenant. */
  uscc: string;
  name: string;
  legalRepresentative: string | null;
  /** Whole yuan. */
  registeredCapital: number | null;
  foundedOn: string | null;
  address: string | null;
  park: string | null;
  propertyUnitId: string | null;
  /** GB/T 4754-2017 code. */
  industryCode: string | null;
  businessScope: string | null;
  /** micro | small | medium | large */
  size: string | null;
  assignedOfficerId: string | null;
  /** Visits a year this company should have; null takes the tenant's default. */
  yearlyVisitTarget: number | null;
  website: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnterpriseFormerNamesTable {
  tenantId: string;
  enterpriseId: string;
  name: string;
  untilOn: string | null;
}

/** Personal data: masked for roles that may not see it. */
export interface EnterpriseContactsTable {
  tenantId: string;
  enterpriseId: string;
  id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  isPrimary: number;
  sort: number;
}

export interface EnterpriseTagsTable {
  tenantId: string;
  enterpriseId: string;
  tag: string;
}

export interface EnterpriseQualificationsTable {
  tenantId: string;
  enterpriseId: string;
  code: string;
  obtainedOn: string | null;
  expiresOn: string | null;
  certificateNo: string | null;
}

export interface EnterpriseChainNodesTable {
  tenantId: string;
  enterpriseId: string;
  chainNodeId: string;
}

export interface EnterpriseFiguresTable {
  tenantId: string;
  enterpriseId: string;
  year: number;
  employees: number | null;
  revenue: number | null;
  rndSpend: number | null;
  taxPaid: number | null;
}
