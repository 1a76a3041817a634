import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { hashPassword } from '../../lib/password.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { presentUser } from './users.presenter.js';
import { usersPolicy } from './users.policy.js';
import type { TCreateUserRequest, TListUsersRequest, TUpdateUserRequest } from './users.schemas.js';

type UserAction = (typeof usersPolicy.actions)[number];

async function loadUser(db: Executor, actor: Actor, id: string, action: UserAction) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where(usersPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('user', id, action);
  return row;
}

async function assertDepartment(db: Executor, tenantId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const d = await db
    .selectFrom('departments')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!d)
    throw new AppError('validation', {
      errors: [{ field: 'departmentId', message: 'unknown department', code: 'unknown' }],
    });
}

const SORTS = {
  username: 'username',
  displayName: 'displayName',
  createdAt: 'createdAt',
  lastLoginAt: 'lastLoginAt',
} as const;

export async function findUsers(db: Executor, actor: Actor, q: TListUsersRequest) {
  let query = db.selectFrom('users').where(usersPolicy.where(actor, 'list'));
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', like), eb('displayName', 'like', `%${q.q}%`)]));
  }
  if (q.role) query = query.where('role', '=', q.role);
  if (q.departmentId) query = query.where('departmentId', '=', q.departmentId);
  if (q.disabled !== undefined) query = query.where('disabled', '=', q.disabled ? 1 : 0);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sort = q.sort ?? 'username';
  const desc = sort.startsWith('-');
  const rows = await query
    .selectAll()
    .orderBy(SORTS[sort.replace('-', '') as keyof typeof SORTS], desc ? 'desc' : 'asc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map((u) => presentUser(u)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getUser(db: Executor, actor: Actor, id: string) {
  return presentUser(await loadUser(db, actor, id, 'read'));
}

export async function createUser(deps: Deps, ctx: RequestContext, input: TCreateUserRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const passwordHash = await hashPassword(input.password, deps.config.scryptCost);
  return deps.database.transaction(async (trx) => {
    await assertDepartment(trx, tenantId, input.departmentId);
    const now = iso(ctx.now);
    const row = {
      id: newId(),
      tenantId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      departmentId: input.departmentId ?? null,
      departmentHead: input.departmentHead ? 1 : 0,
      enterpriseId: input.enterpriseId ?? null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('users').values(row).execute();
    const created = await trx.selectFrom('users').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      after: presentUser(created),
    });
    return presentUser(created);
  });
}

/** Applies a change under the optimistic lock, audits it, and returns the new state. */
async function changeUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  action: UserAction,
  o: { version?: number; set: Record<string, unknown>; endSessions?: boolean; auditAction: string },
) {
  const actor = ctx.actor!;
  return deps.database.transaction(async (trx) => {
    const before = await loadUser(trx, actor, id, action);
    let q = trx
      .updateTable('users')
      .set((eb) => ({ ...o.set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (o.version !== undefined) q = q.where('version', '=', o.version);
    const res = await q.executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'user', id);
    if (o.endSessions) await deleteUserSessions(trx, id);
    const after = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: o.auditAction,
      entityType: 'user',
      entityId: id,
      before: presentUser(before),
      after: presentUser(after),
    });
    return presentUser(after, { now: ctx.now });
  });
}

export async function updateUser(deps: Deps, ctx: RequestContext, id: string, input: TUpdateUserRequest) {
  const { version, departmentHead, ...rest } = input;
  if (rest.departmentId !== undefined)
    await assertDepartment(deps.database.db, tenantOf(ctx.actor!), rest.departmentId);
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (departmentHead !== undefined) set.departmentHead = departmentHead ? 1 : 0;
  // A role change can narrow what the user may see: end their sessions so it takes effect now.
  return changeUser(deps, ctx, id, 'update', {
    version,
    set,
    endSessions: rest.role !== undefined,
    auditAction: 'update',
  });
}

export async function disableUser(deps: Deps, ctx: RequestContext, id: string, disabled: boolean) {
  if (disabled && id === ctx.actor!.userId) {
    throw new AppError('unprocessable', {
      errors: [{ field: 'id', message: ctx.locale === 'en' ? 'You cannot disable yourself.' : '不能停用自己的账号。' }],
    });
  }
  return changeUser(deps, ctx, id, 'disable', {
    set: { disabled: disabled ? 1 : 0 },
    endSessions: disabled,
    auditAction: disabled ? 'disable' : 'enable',
  });
}

export async function unlockUser(deps: Deps, ctx: RequestContext, id: string) {
  return changeUser(deps, ctx, id, 'update', { set: { lockedUntil: null, failedLogins: 0 }, auditAction: 'unlock' });
}

export async function resetPassword(deps: Deps, ctx: RequestContext, id: string, password: string) {
  const passwordHash = await hashPassword(password, deps.config.scryptCost);
  await changeUser(deps, ctx, id, 'resetPassword', {
    auditAction: 'reset-password',
    set: { passwordHash, passwordChangedAt: iso(ctx.now), lockedUntil: null, failedLogins: 0 },
    endSessions: true,
  });
}
