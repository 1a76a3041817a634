import type { Generated } from 'kysely';

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  disabled: Generated<number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}
