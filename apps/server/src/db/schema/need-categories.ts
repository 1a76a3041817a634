export interface NeedCategoriesTable {
  tenantId: string;
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  defaultDepartmentCode: string;
  slaWorkingDays: number;
  sort: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
