import type { Executor } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { iso } from '../../lib/time.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome?: 'ok' | 'refused' | 'failed';
  before?: unknown;
  after?: unknown;
  detail?: string;
  /** For events without a logged-in actor (login attempts), name who was tried. */
  tenantId?: string | null;
  actorUsername?: string | null;
  actorUserId?: string | null;
  actorRole?: string | null;
}

const SECRET_KEYS = new Set(['passwordHash', 'totpSecret', 'totpPendingSecret', 'password', 'csrfToken']);

/** Snapshots never carry secrets. */
function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v: unknown) => (SECRET_KEYS.has(k) ? '[redacted]' : v));
}

/** Append-only: nothing in the code base updates or deletes audit rows. */
export async function recordAudit(db: Executor, ctx: RequestContext, e: AuditInput): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      tenantId: e.tenantId !== undefined ? e.tenantId : (ctx.actor?.tenantId ?? null),
      at: iso(ctx.now),
      actorUserId: e.actorUserId !== undefined ? e.actorUserId : (ctx.actor?.userId ?? null),
      actorUsername: e.actorUsername !== undefined ? e.actorUsername : (ctx.actor?.username ?? null),
      actorRole: e.actorRole !== undefined ? e.actorRole : (ctx.actor?.role ?? null),
      ip: ctx.ip,
      requestId: ctx.requestId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      outcome: e.outcome ?? 'ok',
      before: redact(e.before),
      after: redact(e.after),
      detail: e.detail ?? null,
    })
    .execute();
}
