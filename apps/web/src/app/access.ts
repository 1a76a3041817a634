import { ROLES, type Role } from '@kaimen/shared';

/** Which roles may open each screen; the menu and the route guards both read this. */
export const ACCESS = {
  home: ROLES,
  users: ['admin'],
  departments: ['admin'],
  dictionaries: ['admin'],
  security: ['admin'],
  audit: ['admin', 'leader'],
  tenants: ['super_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof ACCESS;

export const canSee = (screen: Screen, role: Role): boolean => (ACCESS[screen] as readonly Role[]).includes(role);

export const PATHS: Record<Screen, string> = {
  home: '/',
  users: '/admin/users',
  departments: '/admin/departments',
  dictionaries: '/admin/dictionaries',
  security: '/admin/security',
  audit: '/admin/audit',
  tenants: '/platform/tenants',
};
