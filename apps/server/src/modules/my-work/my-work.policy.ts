import { definePolicy } from '../../lib/policy.js';

/** Everyone of a tenant has a 工作台; what fills it is decided per section by the sections' own policies. */
export const myWorkPolicy = definePolicy(
  'my-work',
  {},
  {
    read: {
      admin: 'self',
      leader: 'self',
      investment: 'self',
      service: 'self',
      department: 'self',
      property: 'self',
      enterprise: 'self',
    },
  },
);
