import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId, newToken, sha256 } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { apiKeysPolicy } from './api-keys.policy.js';
import type { TApiKey, TCreateApiKeyRequest } from './api-keys.schemas.js';

/** What identifies our keys in a log or a leaked file (like `ghp_`), and how much of a key the admin page shows. */
const KEY_MARK = 'km_';
const PREFIX_LENGTH = 8;

type Action = (typeof apiKeysPolicy.actions)[number];

function keysQuery(db: Executor, actor: Actor, action: Action) {
  return db
    .selectFrom('apiKeys')
    .leftJoin('users', 'users.id', 'apiKeys.createdBy')
    .select([
      'apiKeys.tenantId',
      'apiKeys.id',
      'apiKeys.name',
      'apiKeys.keyPrefix',
      'apiKeys.createdAt',
      'apiKeys.createdBy',
      'users.displayName as createdByName',
      'apiKeys.lastUsedAt',
      'apiKeys.revokedAt',
    ])
    .where(apiKeysPolicy.where(actor, action, 'apiKeys'));
}

type KeyRow = Awaited<ReturnType<ReturnType<typeof keysQuery>['executeTakeFirstOrThrow']>>;

const present = (r: KeyRow): TApiKey => ({
  id: r.id,
  name: r.name,
  keyPrefix: r.keyPrefix,
  createdAt: r.createdAt,
  createdBy: r.createdByName ? { id: r.createdBy, name: r.createdByName } : null,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
});

async function load(db: Executor, actor: Actor, id: string, action: Action) {
  const row = await keysQuery(db, actor, action).where('apiKeys.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('api_key', id, action);
  return row;
}

/** The tenant's keys, active first, newest first. */
export async function findApiKeys(db: Executor, actor: Actor) {
  const rows = await keysQuery(db, actor, 'list')
    .orderBy((eb) => eb.case().when('apiKeys.revokedAt', 'is', null).then(0).else(1).end())
    .orderBy('apiKeys.createdAt', 'desc')
    .orderBy('apiKeys.id', 'desc')
    .execute();
  const items = rows.map(present);
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** A new key: only its hash is stored, so the answer is the one time anyone sees it. */
export async function issueApiKey(deps: Deps, ctx: RequestContext, input: TCreateApiKeyRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const key = KEY_MARK + newToken();
  return deps.database.transaction(async (trx) => {
    const row = {
      tenantId,
      id: newId(),
      name: input.name,
      keyHash: sha256(key),
      keyPrefix: key.slice(0, PREFIX_LENGTH),
      createdBy: actor.userId,
      createdAt: iso(ctx.now),
      lastUsedAt: null,
      revokedAt: null,
    };
    await trx.insertInto('apiKeys').values(row).execute();
    const { keyHash: _hash, ...after } = row;
    await recordAudit(trx, ctx, { action: 'create', entityType: 'api_key', entityId: row.id, after });
    return { ...present(await load(trx, actor, row.id, 'create')), key };
  });
}

/** Revoking is for good (a leaked key cannot come back); revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const before = await load(trx, actor, id, 'revoke');
    if (before.revokedAt) return;
    const revokedAt = iso(ctx.now);
    await trx
      .updateTable('apiKeys')
      .set({ revokedAt })
      .where('tenantId', '=', before.tenantId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'revoke',
      entityType: 'api_key',
      entityId: id,
      before,
      after: { ...before, revokedAt },
    });
  });
}

export type ApiKeyCheck =
  { ok: true; tenantId: string; id: string; name: string } | { ok: false; reason: 'missing' | 'unknown' | 'revoked' };

/** Which tenant a presented key speaks for; the key is compared by its hash only. */
export async function checkApiKey(db: Executor, key: string | undefined): Promise<ApiKeyCheck> {
  if (!key) return { ok: false, reason: 'missing' };
  const row = await db
    .selectFrom('apiKeys')
    .select(['tenantId', 'id', 'name', 'revokedAt'])
    .where('keyHash', '=', sha256(key))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  return { ok: true, tenantId: row.tenantId, id: row.id, name: row.name };
}

/** Shows the admin which keys are still in use. */
export async function markApiKeyUsed(db: Executor, tenantId: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('apiKeys')
    .set({ lastUsedAt: iso(now) })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
