import type { Generated } from 'kysely';

export interface TenantSettingsTable {
  tenantId: string;
  /** JSON array of roles that must use TOTP. */
  totpRequiredRoles: string;
  /** Whole yuan: a lead at or above it needs a leader's approval to move past 签约. */
  leadApprovalThreshold: Generated<number>;
  /** JSON { firstContactDays, screeningDays, staleDays }. */
  followUpRules: Generated<string>;
  /** Visits a year each company should have unless its own target says otherwise. */
  yearlyVisitTarget: Generated<number>;
  /** The last need number handed out. */
  needSeq: Generated<number>;
  updatedAt: string;
  version: number;
}
