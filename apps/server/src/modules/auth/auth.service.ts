import type { Executor } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { parseJson } from '../../lib/json.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/password.js';
import { addMinutes, iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { presentUser, type UserRow } from '../users/users.presenter.js';
import { createSession, deleteSession, deleteUserSessions } from './sessions.repository.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';
import type { TLoginRequest } from './auth.schemas.js';

async function tenantAndSettings(db: Executor, tenantId: string | null) {
  if (!tenantId) return { tenant: null, required: [] as string[] };
  const tenant = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  const s = await db
    .selectFrom('tenantSettings')
    .select('totpRequiredRoles')
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  return { tenant: tenant ?? null, required: parseJson<string[]>(s?.totpRequiredRoles, []) };
}

export async function getSessionUser(db: Executor, userId: string, now: Date) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const { tenant, required } = await tenantAndSettings(db, user.tenantId);
  return presentUser(user, { tenant, now, totpEnrolmentRequired: !user.totpEnabled && required.includes(user.role) });
}

/** Password, lockout and TOTP checks; every attempt, good or bad, is audited. */
export async function login(
  deps: Deps,
  ctx: RequestContext,
  input: TLoginRequest & { userAgent: string | null; previousSessionId?: string },
) {
  const { database, config } = deps;
  const db = database.db;
  const now = ctx.now;
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const fail = async (
    outcome: 'failed' | 'refused',
    detail: string,
    executor: Executor = db,
    u: UserRow | undefined = user,
  ) =>
    recordAudit(executor, ctx, {
      action: 'login',
      entityType: 'user',
      entityId: u?.id ?? null,
      outcome,
      detail,
      tenantId: u?.tenantId ?? null,
      actorUserId: u?.id ?? null,
      actorUsername: input.username,
      actorRole: u?.role ?? null,
    });
  const lockError = (until: string) =>
    new AppError('account-locked', {
      params: { minutes: Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60_000)) },
      extra: { lockedUntil: until },
    });
  const badCredentials = () =>
    new AppError('invalid-credentials', { params: { max: config.lockout.threshold, minutes: config.lockout.minutes } });

  if (!user) {
    await verifyPassword(input.password, await dummyPasswordHash(config.scryptCost));
    await fail('failed', 'unknown-user');
    throw badCredentials();
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await fail('refused', 'locked');
    throw lockError(user.lockedUntil);
  }

  const recordFailure = async (detail: string): Promise<AppError> => {
    // A lock whose window has passed starts the count again.
    const expired = user.lockedUntil !== null;
    const failures = (expired ? 0 : user.failedLogins) + 1;
    const lockedUntil = failures >= config.lockout.threshold ? iso(addMinutes(now, config.lockout.minutes)) : null;
    await database.transaction(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failedLogins: lockedUntil ? 0 : failures, lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await fail('failed', lockedUntil ? `${detail}; account locked` : detail, trx);
    });
    return lockedUntil ? lockError(lockedUntil) : badCredentials();
  };

  if (!(await verifyPassword(input.password, user.passwordHash))) throw await recordFailure('wrong-password');
  const { tenant, required } = await tenantAndSettings(db, user.tenantId);
  if (user.disabled || tenant?.disabled) {
    await fail('refused', user.disabled ? 'user-disabled' : 'tenant-disabled');
    throw new AppError('account-disabled');
  }
  let totpCounter = user.totpLastCounter;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AppError('totp-required');
    const counter = verifyTotp(user.totpSecret, input.totp, now);
    if (counter === null || (user.totpLastCounter !== null && counter <= user.totpLastCounter)) {
      const err = await recordFailure('wrong-totp');
      throw err.code === 'account-locked' ? err : new AppError('totp-invalid');
    }
    totpCounter = counter;
  }

  return database.transaction(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: iso(now), totpLastCounter: totpCounter })
      .where('id', '=', user.id)
      .execute();
    if (input.previousSessionId) await deleteSession(trx, input.previousSessionId);
    const session = await createSession(trx, {
      userId: user.id,
      tenantId: user.tenantId,
      now,
      absoluteHours: config.session.absoluteHours,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(trx, ctx, {
      action: 'login',
      entityType: 'user',
      entityId: user.id,
      tenantId: user.tenantId,
      actorUserId: user.id,
      actorUsername: user.username,
      actorRole: user.role,
    });
    const fresh = { ...user, lastLoginAt: iso(now), failedLogins: 0, lockedUntil: null };
    return {
      session,
      user: presentUser(fresh, {
        tenant,
        now,
        totpEnrolmentRequired: !user.totpEnabled && required.includes(user.role),
      }),
    };
  });
}

export async function logout(deps: Deps, ctx: RequestContext, sessionId: string) {
  await deps.database.transaction(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, ctx, { action: 'logout', entityType: 'user', entityId: ctx.actor?.userId });
  });
}

export async function updateMe(deps: Deps, ctx: RequestContext, input: { locale?: string; displayName?: string }) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['locale', 'displayName'])
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('users')
      .set((eb) => ({ ...input, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'update-profile',
      entityType: 'user',
      entityId: actor.userId,
      before,
      after: input,
    });
  });
  return getSessionUser(deps.database.db, actor.userId, ctx.now);
}

/** Ends every session of the user, including this one, and opens a fresh one. */
export async function changePassword(
  deps: Deps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; userAgent: string | null },
) {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation', {
      errors: [
        {
          field: 'currentPassword',
          message: ctx.locale === 'en' ? 'The current password is wrong.' : '当前密码不正确。',
        },
      ],
    });
  }
  const hash = await hashPassword(input.newPassword, deps.config.scryptCost);
  return deps.database.transaction(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        passwordHash: hash,
        passwordChangedAt: iso(ctx.now),
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', actor.userId)
      .execute();
    await deleteUserSessions(trx, actor.userId);
    await recordAudit(trx, ctx, { action: 'change-password', entityType: 'user', entityId: actor.userId });
    return createSession(trx, {
      userId: actor.userId,
      tenantId: actor.tenantId,
      now: ctx.now,
      absoluteHours: deps.config.session.absoluteHours,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
  });
}

export async function setupTotp(deps: Deps, ctx: RequestContext) {
  const actor = ctx.actor!;
  const secret = newTotpSecret();
  await deps.database.transaction(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totpPendingSecret: secret, updatedAt: iso(ctx.now) })
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, ctx, { action: 'totp-setup', entityType: 'user', entityId: actor.userId });
  });
  return { secret, otpauthUrl: totpUri(secret, actor.username) };
}

export async function enableTotp(deps: Deps, ctx: RequestContext, code: string) {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const counter = user.totpPendingSecret ? verifyTotp(user.totpPendingSecret, code, ctx.now) : null;
  if (counter === null) throw new AppError('totp-invalid');
  await deps.database.transaction(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabled: 1,
        totpLastCounter: counter,
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'totp-enable',
      entityType: 'user',
      entityId: actor.userId,
      before: { totpEnabled: !!user.totpEnabled },
      after: { totpEnabled: true },
    });
  });
  return getSessionUser(db, actor.userId, ctx.now);
}

export async function disableTotp(deps: Deps, ctx: RequestContext, password: string) {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const { required } = await tenantAndSettings(db, user.tenantId);
  if (required.includes(user.role))
    throw new AppError('forbidden', { refused: { entityType: 'user', entityId: user.id, action: 'totp-disable' } });
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError('validation', {
      errors: [{ field: 'password', message: ctx.locale === 'en' ? 'The password is wrong.' : '密码不正确。' }],
    });
  }
  await deps.database.transaction(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabled: 0,
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'totp-disable',
      entityType: 'user',
      entityId: actor.userId,
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
  return getSessionUser(db, actor.userId, ctx.now);
}
