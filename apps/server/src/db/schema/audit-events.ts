import type { Generated } from 'kysely';

export interface AuditEventsTable {
  id: Generated<number>;
  tenantId: string | null;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  /** JSON snapshots of the record around a write. */
  before: string | null;
  after: string | null;
  detail: string | null;
}
