import { definePolicy } from '../../lib/policy.js';

/**
 * Property (DESIGN.md §2): the property manager (and the admin) keeps the inventory, the parcels and the leases.
 * Investment officers and leaders read all of it (and hold units for their leads); service officers read the
 * inventory to answer a company's space need. An enterprise user sees its own company's leases and nothing else;
 * department handlers see none of it.
 */
const read = { admin: 'tenant', leader: 'tenant', investment: 'tenant', property: 'tenant' } as const;
const write = { admin: 'tenant', property: 'tenant' } as const;

/** Parks, buildings, floors and units. */
export const inventoryPolicy = definePolicy(
  'property-unit',
  {},
  {
    read: { ...read, service: 'tenant' },
    write,
    /** Holding a unit for a lead (意向): who works the pipeline, and the property manager. */
    reserve: { admin: 'tenant', property: 'tenant', investment: 'tenant' },
  },
);

export const parcelsPolicy = definePolicy('parcel', {}, { read, write });

export const leasesPolicy = definePolicy(
  'lease',
  { enterprise: 'enterprise_id' },
  {
    list: { ...read, enterprise: 'own-enterprise' },
    read: { ...read, enterprise: 'own-enterprise' },
    create: write,
    update: write,
    terminate: write,
  },
);

/**
 * The incubator: kept by the property manager; leaders, investment and service officers read it (incubatees are the
 * companies they look after); an enterprise user reads its own company's record only.
 */
export const incubatorPolicy = definePolicy(
  'incubatee',
  { enterprise: 'enterprise_id' },
  {
    list: { ...read, service: 'tenant', enterprise: 'own-enterprise' },
    read: { ...read, service: 'tenant', enterprise: 'own-enterprise' },
    create: write,
    update: write,
    graduate: write,
    leave: write,
  },
);

/**
 * Rental notices (招租公告): the property manager (and the admin) writes and publishes them; leaders, investment and
 * service officers read them (to send a company a notice that fits its need). Enterprise users and departments see
 * none: the public reads the published ones on the portal.
 */
export const rentalNoticesPolicy = definePolicy(
  'rental-notice',
  {},
  {
    read: { ...read, service: 'tenant' },
    write,
  },
);
