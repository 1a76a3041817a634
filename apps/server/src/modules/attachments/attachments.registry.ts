import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';

/**
 * Who may see and change the files of one kind of record. The owning module decides,
 * with its own policy, for the record the file hangs on; it must check the record's tenant.
 */
export interface AttachmentOwner {
  canRead(db: Executor, actor: Actor, entityId: string): Promise<boolean>;
  canWrite(db: Executor, actor: Actor, entityId: string): Promise<boolean>;
  /** Narrows the accepted file types for this kind of record (e.g. photos only); absent, every allowed type. */
  accepts?: { contentTypes: readonly string[]; label: string };
}

export type AttachmentAccess = 'read' | 'write';

const owners = new Map<string, AttachmentOwner>();

export const ENTITY_TYPE_PATTERN = /^[a-z][a-z0-9-]{1,49}$/;

/** Called once per record type at module load, e.g. `registerAttachmentOwner('enterprise', …)`. */
export function registerAttachmentOwner(entityType: string, owner: AttachmentOwner): void {
  if (!ENTITY_TYPE_PATTERN.test(entityType)) throw new Error(`invalid attachment owner type: ${entityType}`);
  if (owners.has(entityType)) throw new Error(`attachment owner ${entityType} registered twice`);
  owners.set(entityType, owner);
}

/** False for an unknown record type, an actor outside every tenant, or a refusal by the owner's rule. */
export async function ownerAllows(
  db: Executor,
  actor: Actor,
  entityType: string,
  entityId: string,
  access: AttachmentAccess,
): Promise<boolean> {
  const owner = owners.get(entityType);
  if (!owner || !actor.tenantId) return false;
  return access === 'read' ? owner.canRead(db, actor, entityId) : owner.canWrite(db, actor, entityId);
}

/** The narrower set of file types the owner accepts, if it declared one. */
export const ownerAccepts = (entityType: string) => owners.get(entityType)?.accepts;
