export interface DepartmentsTable {
  tenantId: string;
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  /** Optional outgoing webhook (WeCom / DingTalk robot) used by later modules. */
  webhookUrl: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
