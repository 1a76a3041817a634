import { TENANT_ROLES, type TenantRole } from '@kaimen/shared';
import { definePolicy, type Scope } from '../../lib/policy.js';

const everyone = Object.fromEntries(TENANT_ROLES.map((r) => [r, 'tenant'])) as Record<TenantRole, Scope>;

/** The chain is the office's shared map: everyone reads it, the admin edits it. */
export const chainPolicy = definePolicy(
  'chain-node',
  {},
  {
    list: everyone,
    create: { admin: 'tenant' },
    update: { admin: 'tenant' },
    delete: { admin: 'tenant' },
  },
);
