/** A rental notice (招租公告) over one or more units: draft → published → withdrawn. */
export interface RentalNoticesTable {
  tenantId: string;
  id: string;
  title: string;
  /** Plain text with line breaks. */
  body: string;
  contactName: string | null;
  contactPhone: string | null;
  /** Yuan per m² per month; null: each unit's own asking rent. */
  askingRentPerSqm: number | null;
  /** RENTAL_NOTICE_STATUSES code. */
  status: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RentalNoticeUnitsTable {
  tenantId: string;
  noticeId: string;
  unitId: string;
}
