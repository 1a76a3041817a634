import { definePolicy } from '../../lib/policy.js';

export const auditPolicy = definePolicy(
  'audit',
  {},
  {
    list: { admin: 'tenant', leader: 'tenant', super_admin: 'platform' },
  },
);
