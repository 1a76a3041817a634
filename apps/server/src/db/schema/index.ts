import type { AttachmentsTable } from './attachments.js';
import type { AuditEventsTable } from './audit-events.js';
import type { DepartmentsTable } from './departments.js';
import type { JobRunsTable } from './job-runs.js';
import type { NeedCategoriesTable } from './need-categories.js';
import type { SessionsTable } from './sessions.js';
import type { TenantSettingsTable } from './tenant-settings.js';
import type { TenantsTable } from './tenants.js';
import type { UsersTable } from './users.js';

export interface DB {
  tenants: TenantsTable;
  tenantSettings: TenantSettingsTable;
  users: UsersTable;
  departments: DepartmentsTable;
  needCategories: NeedCategoriesTable;
  sessions: SessionsTable;
  auditEvents: AuditEventsTable;
  attachments: AttachmentsTable;
  jobRuns: JobRunsTable;
}

export type {
  AttachmentsTable,
  AuditEventsTable,
  DepartmentsTable,
  JobRunsTable,
  NeedCategoriesTable,
  SessionsTable,
  TenantSettingsTable,
  TenantsTable,
  UsersTable,
};
