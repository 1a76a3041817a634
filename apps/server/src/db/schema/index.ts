import type { AttachmentsTable } from './attachments.js';
import type { AuditEventsTable } from './audit-events.js';
import type { ChainNodesTable } from './chain-nodes.js';
import type { DepartmentsTable } from './departments.js';
import type { EnterpriseSearchTable, EnterpriseSearchTenantsTable } from './enterprise-search.js';
import type {
  EnterpriseChainNodesTable,
  EnterpriseContactsTable,
  EnterpriseFiguresTable,
  EnterpriseFormerNamesTable,
  EnterpriseQualificationsTable,
  EnterprisesTable,
  EnterpriseTagsTable,
} from './enterprises.js';
import type { ImportErrorsTable, ImportJobsTable } from './imports.js';
import type { IncubateesTable } from './incubatees.js';
import type { JobRunsTable } from './job-runs.js';
import type { NeedCategoriesTable } from './need-categories.js';
import type {
  ApprovalsTable,
  LeadActivitiesTable,
  LeadCapitalTable,
  LeadContactsTable,
  LeadsTable,
  LeadStageMovesTable,
  NotificationsTable,
  SavedFiltersTable,
  TripMeetingsTable,
  TripMembersTable,
  TripsTable,
} from './pipeline.js';
import type {
  ApiKeysTable,
  HolidaysTable,
  NeedDepartmentsTable,
  NeedEventsTable,
  NeedsTable,
  SurveyTemplatesTable,
  VisitDepartmentsTable,
  VisitsTable,
  VisitVisitorsTable,
  WebhookDeliveriesTable,
} from './needs.js';
import type {
  BuildingsTable,
  FloorsTable,
  LeasesTable,
  LeaseUnitsTable,
  ParcelsTable,
  ParksTable,
  UnitsTable,
  UnitReservationsTable,
} from './property.js';
import type { RentalNoticesTable, RentalNoticeUnitsTable } from './rental-notices.js';
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
  chainNodes: ChainNodesTable;
  enterprises: EnterprisesTable;
  enterpriseFormerNames: EnterpriseFormerNamesTable;
  enterpriseContacts: EnterpriseContactsTable;
  enterpriseTags: EnterpriseTagsTable;
  enterpriseQualifications: EnterpriseQualificationsTable;
  enterpriseChainNodes: EnterpriseChainNodesTable;
  enterpriseFigures: EnterpriseFiguresTable;
  enterpriseSearch: EnterpriseSearchTable;
  enterpriseSearchTenants: EnterpriseSearchTenantsTable;
  importJobs: ImportJobsTable;
  importErrors: ImportErrorsTable;
  trips: TripsTable;
  tripMembers: TripMembersTable;
  tripMeetings: TripMeetingsTable;
  leads: LeadsTable;
  leadContacts: LeadContactsTable;
  leadCapital: LeadCapitalTable;
  leadStageMoves: LeadStageMovesTable;
  leadActivities: LeadActivitiesTable;
  approvals: ApprovalsTable;
  notifications: NotificationsTable;
  savedFilters: SavedFiltersTable;
  surveyTemplates: SurveyTemplatesTable;
  visits: VisitsTable;
  visitVisitors: VisitVisitorsTable;
  visitDepartments: VisitDepartmentsTable;
  needs: NeedsTable;
  needDepartments: NeedDepartmentsTable;
  needEvents: NeedEventsTable;
  holidays: HolidaysTable;
  webhookDeliveries: WebhookDeliveriesTable;
  apiKeys: ApiKeysTable;
  parks: ParksTable;
  buildings: BuildingsTable;
  floors: FloorsTable;
  units: UnitsTable;
  parcels: ParcelsTable;
  leases: LeasesTable;
  leaseUnits: LeaseUnitsTable;
  unitReservations: UnitReservationsTable;
  incubatees: IncubateesTable;
  rentalNotices: RentalNoticesTable;
  rentalNoticeUnits: RentalNoticeUnitsTable;
}

export type {
  AttachmentsTable,
  AuditEventsTable,
  ChainNodesTable,
  EnterprisesTable,
  DepartmentsTable,
  JobRunsTable,
  NeedCategoriesTable,
  SessionsTable,
  TenantSettingsTable,
  TenantsTable,
  UsersTable,
};
