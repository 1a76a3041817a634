import { TENANT_ROLES, type TenantRole } from '@kaimen/shared';
import { definePolicy, type Scope } from '../../lib/policy.js';

const everyone = Object.fromEntries(TENANT_ROLES.map((r) => [r, 'tenant'])) as Record<TenantRole, Scope>;

/** Everyone in a tenant reads departments (they name who solves a need); only admins change them or see their webhooks. */
export const departmentsPolicy = definePolicy(
  'department',
  {},
  {
    list: everyone,
    read: everyone,
    create: { admin: 'tenant' },
    update: { admin: 'tenant' },
    delete: { admin: 'tenant' },
    /** A robot's webhook URL carries its key: only the admin who configures it sees it. */
    seeWebhook: { admin: 'tenant' },
  },
);
