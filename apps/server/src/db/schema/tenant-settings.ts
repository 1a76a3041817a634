export interface TenantSettingsTable {
  tenantId: string;
  /** JSON array of roles that must use TOTP. */
  totpRequiredRoles: string;
  updatedAt: string;
  version: number;
}
