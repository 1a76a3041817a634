import { definePolicy } from '../../lib/policy.js';

export const settingsPolicy = definePolicy(
  'settings',
  {},
  {
    read: { admin: 'tenant' },
    update: { admin: 'tenant' },
  },
);
