import type { Locale, Role } from '@kaimen/shared';

/** Ids are opaque to the client: kept exactly as the server sends them. */
export type Id = string | number;

export interface TenantRef {
  id: Id;
  slug: string;
  name: string;
}

export interface User {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  departmentId: Id | null;
  enterpriseId: Id | null;
  departmentHead?: boolean;
  /** `null` until the user picks a language. */
  locale: Locale | null;
  totpEnabled: boolean;
  totpEnrolmentRequired: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  tenant: TenantRef | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** More than `total` match: the server stopped counting at a cap. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface Department {
  id: Id;
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  /** Only an admin reads it (it carries the robot's key). */
  webhookUrl?: string | null;
  version: number;
}

export interface NeedCategory {
  id: Id;
  code: string;
  nameZh: string;
  nameEn: string;
  defaultDepartmentCode: string;
  slaWorkingDays: number;
  version: number;
}

export interface DictionaryEntry {
  code: string;
  zh: string;
  en?: string;
  [extra: string]: unknown;
}

export interface DictionariesResponse {
  static: Record<string, DictionaryEntry[] | unknown>;
  needCategories: NeedCategory[];
}

export interface SecuritySettings {
  totpRequiredRoles: Role[];
  version: number;
}

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export interface AuditEvent {
  id: Id;
  at: string;
  actorUsername: string | null;
  actorRole: Role | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export interface Tenant {
  id: Id;
  slug: string;
  name: string;
  disabled: boolean;
  createdAt: string;
  version: number;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}
