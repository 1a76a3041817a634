/** A company in the incubator (孵化企业): incubating, graduated into a unit of its own, or left. */
export interface IncubateesTable {
  tenantId: string;
  id: string;
  enterpriseId: string;
  unitId: string | null;
  desk: string | null;
  entryDate: string;
  plannedExitDate: string | null;
  /** The mentor's name (创业导师). */
  mentor: string | null;
  /** INCUBATEE_STATUSES code. */
  status: string;
  graduatedOn: string | null;
  leftOn: string | null;
  graduationUnitId: string | null;
  graduationLeaseId: string | null;
  leftReason: string | null;
  notes: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
