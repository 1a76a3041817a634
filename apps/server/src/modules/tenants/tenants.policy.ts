import { definePolicy } from '../../lib/policy.js';

/** Tenants are the platform operator's business only. */
export const tenantsPolicy = definePolicy(
  'tenant',
  {},
  {
    list: { super_admin: 'platform' },
    create: { super_admin: 'platform' },
    update: { super_admin: 'platform' },
  },
);
