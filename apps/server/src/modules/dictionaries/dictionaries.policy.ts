import { TENANT_ROLES, type TenantRole } from '@kaimen/shared';
import { definePolicy, type Scope } from '../../lib/policy.js';

const everyone = Object.fromEntries(TENANT_ROLES.map((r) => [r, 'tenant'])) as Record<TenantRole, Scope>;

export const needCategoriesPolicy = definePolicy(
  'need-category',
  {},
  {
    list: everyone,
    update: { admin: 'tenant' },
  },
);
