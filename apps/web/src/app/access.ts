import { ROLES, type Role } from '@kaimen/shared';
import type { Id, User } from '../api/types';

/** Which roles may open each screen; the menu and the route guards both read this. */
export const ACCESS = {
  home: ROLES,
  enterprises: ['admin', 'leader', 'investment', 'property', 'service'],
  // An enterprise user opens its own record (the server answers 404 for any other).
  enterprise: ['admin', 'leader', 'investment', 'property', 'service', 'enterprise'],
  myEnterprise: ['enterprise'],
  // Imports create and update any company of the tenant (the server's ImportKind.roles).
  enterpriseImport: ['admin', 'investment'],
  importJob: ['admin', 'investment', 'property'],
  // The pipeline (DESIGN.md §2): investment officers work it, leaders read it and decide approvals.
  leads: ['admin', 'leader', 'investment'],
  lead: ['admin', 'leader', 'investment'],
  leadImport: ['admin', 'investment'],
  trips: ['admin', 'leader', 'investment'],
  trip: ['admin', 'leader', 'investment'],
  leadReports: ['admin', 'leader', 'investment'],
  // Visits (DESIGN.md §2): service officers record them, leaders read them; the server narrows an officer's list.
  visits: ['admin', 'leader', 'service'],
  visit: ['admin', 'leader', 'service'],
  visitCoverage: ['admin', 'leader', 'service'],
  // Needs (DESIGN.md §2): the server shows each role only the needs it may see (a handler its department's).
  needs: ['admin', 'leader', 'service', 'department', 'enterprise'],
  need: ['admin', 'leader', 'service', 'department', 'enterprise'],
  // Aggregates only (no personal data): whoever plans the service work reads them.
  needAnalysis: ['admin', 'leader', 'service'],
  // Property (DESIGN.md §2): the property manager keeps it; investment and leaders read it, service reads the inventory.
  buildings: ['admin', 'leader', 'investment', 'property', 'service'],
  building: ['admin', 'leader', 'investment', 'property', 'service'],
  // An enterprise user sees its own company's leases only (the server narrows the list).
  leases: ['admin', 'leader', 'investment', 'property', 'enterprise'],
  // The dashboard and the map show units and parcels together: who reads both (the server's parcel readers).
  occupancy: ['admin', 'leader', 'investment', 'property'],
  parcelMap: ['admin', 'leader', 'investment', 'property'],
  // The land parcels: the server's parcel readers (service officers read units only).
  parcels: ['admin', 'leader', 'investment', 'property'],
  // The incubator: service officers read it too (incubatees are companies they look after); a company its own record.
  incubator: ['admin', 'leader', 'investment', 'property', 'service', 'enterprise'],
  // Rental notices: written by the property manager, read by who sends companies to space; the public reads the portal.
  rentalNotices: ['admin', 'leader', 'investment', 'property', 'service'],
  // Finding space for a need: who reads the inventory (land shows only for the readers of parcels).
  findSpace: ['admin', 'leader', 'investment', 'property', 'service'],
  // Units and parcels imports: who keeps the inventory (the server's unit and parcel ImportKind.roles).
  unitImport: ['admin', 'property'],
  parcelImport: ['admin', 'property'],
  chain: ['admin'],
  users: ['admin'],
  departments: ['admin'],
  dictionaries: ['admin'],
  security: ['admin'],
  pipelineSettings: ['admin'],
  apiKeys: ['admin'],
  webhooks: ['admin'],
  calendar: ['admin'],
  surveys: ['admin'],
  audit: ['admin', 'leader'],
  tenants: ['super_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof ACCESS;

export const canSee = (screen: Screen, role: Role): boolean => (ACCESS[screen] as readonly Role[]).includes(role);

export const PATHS: Record<Screen, string> = {
  home: '/',
  enterprises: '/enterprises',
  enterprise: '/enterprises/:id',
  myEnterprise: '/my-enterprise',
  enterpriseImport: '/enterprises/import',
  importJob: '/imports/:id',
  leads: '/leads',
  lead: '/leads/:id',
  leadImport: '/leads/import',
  trips: '/trips',
  trip: '/trips/:id',
  leadReports: '/pipeline/reports',
  visits: '/visits',
  visit: '/visits/:id',
  visitCoverage: '/visits/coverage',
  needs: '/needs',
  need: '/needs/:id',
  needAnalysis: '/needs/analysis',
  buildings: '/property',
  building: '/property/buildings/:id',
  leases: '/property/leases',
  occupancy: '/property/occupancy',
  parcelMap: '/property/map',
  parcels: '/property/parcels',
  incubator: '/property/incubator',
  rentalNotices: '/property/notices',
  findSpace: '/property/find',
  unitImport: '/property/import/units',
  parcelImport: '/property/import/parcels',
  chain: '/admin/chain',
  users: '/admin/users',
  departments: '/admin/departments',
  dictionaries: '/admin/dictionaries',
  security: '/admin/security',
  pipelineSettings: '/admin/pipeline',
  apiKeys: '/admin/api-keys',
  webhooks: '/admin/webhooks',
  calendar: '/admin/calendar',
  surveys: '/admin/surveys',
  audit: '/admin/audit',
  tenants: '/platform/tenants',
};

/** Registry actions by role, as the server's enterprise policy grants them (it re-checks every call). */
const ENTERPRISE_WRITERS = {
  create: ['admin', 'investment', 'service'],
  update: ['admin', 'investment', 'service', 'enterprise'],
  delete: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type EnterpriseAction = keyof typeof ENTERPRISE_WRITERS;

const sameId = (a: Id | null | undefined, b: Id | null | undefined): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);

/**
 * Whether the user may do `action` (to `record`, when given): service officers
 * change only the companies assigned to them, an enterprise user only its own.
 */
export function canEnterprise(
  user: Pick<User, 'id' | 'role' | 'enterpriseId'>,
  action: EnterpriseAction,
  record?: { id: Id; assignedOfficer: { id: Id } | null },
): boolean {
  if (!(ENTERPRISE_WRITERS[action] as readonly Role[]).includes(user.role)) return false;
  if (action !== 'update' || !record) return true;
  if (user.role === 'service') return sameId(record.assignedOfficer?.id, user.id);
  if (user.role === 'enterprise') return sameId(user.enterpriseId, record.id);
  return true;
}

/** Who may download the filtered registry, as the server's `export` rule says: an enterprise user may not. */
const ENTERPRISE_EXPORTERS: readonly Role[] = ['admin', 'leader', 'investment', 'property', 'service'];
export const canExportEnterprises = (role: Role): boolean => ENTERPRISE_EXPORTERS.includes(role);

/** Only admins and leaders may list users, so only they get the officer filter. */
export const canPickOfficer = (role: Role): boolean => role === 'admin' || role === 'leader';

export const enterprisePath = (id: Id): string => `/enterprises/${encodeURIComponent(String(id))}`;

export const importPath = (id: Id): string => `/imports/${encodeURIComponent(String(id))}`;

export const leadPath = (id: Id): string => `/leads/${encodeURIComponent(String(id))}`;

export const tripPath = (id: Id): string => `/trips/${encodeURIComponent(String(id))}`;
