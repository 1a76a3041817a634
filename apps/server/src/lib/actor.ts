import type { Locale, Role } from '@kaimen/shared';

/** Who is acting: built from the session, never from the request body. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** null only for the platform operator. */
  tenantId: string | null;
  departmentId: string | null;
  departmentHead: boolean;
  enterpriseId: string | null;
}

/** What every service call needs besides its own options. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
  now: Date;
}

export function tenantOf(actor: Actor): string {
  if (!actor.tenantId) throw new Error('tenant-scoped operation without a tenant');
  return actor.tenantId;
}
