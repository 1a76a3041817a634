import { definePolicy } from '../../lib/policy.js';

/** The delivery log of the departments' robots: the admin who configures the webhooks reads it and sends again. */
export const webhookDeliveriesPolicy = definePolicy(
  'webhook-delivery',
  {},
  {
    list: { admin: 'tenant' },
    retry: { admin: 'tenant' },
  },
);
