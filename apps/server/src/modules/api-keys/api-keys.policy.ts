import { definePolicy } from '../../lib/policy.js';

/** Open311 API keys let outside systems raise needs in the tenant's name: only its admins issue and revoke them. */
export const apiKeysPolicy = definePolicy(
  'api_key',
  {},
  {
    list: { admin: 'tenant' },
    create: { admin: 'tenant' },
    revoke: { admin: 'tenant' },
  },
);
