import type { Executor } from '../../db/database.js';
import { newToken, sha256 } from '../../lib/ids.js';
import { addMinutes, iso } from '../../lib/time.js';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** A fresh 256-bit token at every login; only its hash is stored. */
export async function createSession(
  db: Executor,
  o: {
    userId: string;
    tenantId: string | null;
    now: Date;
    absoluteHours: number;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = iso(addMinutes(o.now, o.absoluteHours * 60));
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      userId: o.userId,
      tenantId: o.tenantId,
      csrfToken,
      createdAt: iso(o.now),
      lastSeenAt: iso(o.now),
      expiresAt,
      ip: o.ip,
      userAgent: o.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export function findSessionWithUser(db: Executor, token: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('tenants', 'tenants.id', 'users.tenantId')
    .leftJoin('tenantSettings', 'tenantSettings.tenantId', 'users.tenantId')
    .select([
      'tenantSettings.totpRequiredRoles',
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'users.id as userId',
      'users.username',
      'users.role',
      'users.tenantId',
      'users.departmentId',
      'users.departmentHead',
      'users.enterpriseId',
      'users.locale',
      'users.disabled',
      'users.totpEnabled',
      'tenants.disabled as tenantDisabled',
    ])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: iso(now) })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user: disablement, password change or reset. */
export async function deleteUserSessions(db: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date, idleMinutes: number): Promise<number> {
  const res = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', iso(now)), eb('lastSeenAt', '<=', iso(addMinutes(now, -idleMinutes)))]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
