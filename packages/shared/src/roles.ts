/** Roles of DESIGN.md §2. `super_admin` is the platform operator and belongs to no tenant. */
export const TENANT_ROLES = [
  'admin',
  'leader',
  'investment',
  'service',
  'department',
  'property',
  'enterprise',
] as const;
export const ROLES = [...TENANT_ROLES, 'super_admin'] as const;

export type TenantRole = (typeof TENANT_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  leader: { zh: '领导', en: 'Leader' },
  investment: { zh: '招商专员', en: 'Investment officer' },
  service: { zh: '企业服务专员', en: 'Service officer' },
  department: { zh: '职能部门经办人', en: 'Department handler' },
  property: { zh: '载体管理员', en: 'Property manager' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  super_admin: { zh: '平台运营方', en: 'Platform operator' },
};

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
