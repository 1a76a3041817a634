import type { Database, Executor } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import type { JobDefinition } from '../jobs/job-runner.js';

/**
 * Outgoing webhooks of a department (a WeCom or DingTalk group robot): each message is a row queued inside the
 * transaction of the change it reports, then POSTed by the delivery job, retried with back-off, and kept as a log.
 * The body is the robots' text message (`msgtype: text`), which both accept, with Kaimen's own facts beside it.
 */

/** Seconds to wait before attempt n+1 after n failures: 30 s, 2 min, 8 min, 32 min, ~2 h; then it has failed. */
export const RETRY_DELAYS_S = [30, 120, 480, 1920, 7680] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;
const TIMEOUT_MS = 10_000;
/** How long a sender owns a claimed row; another instance takes it over after this. */
const CLAIM_MS = 60_000;
const BATCH = 50;

export interface WebhookMessage {
  tenantId: string;
  departmentId: string | null;
  url: string;
  event: string;
  /** What the robot shows in the group. */
  content: string;
  data: Record<string, unknown>;
}

export async function enqueueWebhook(db: Executor, m: WebhookMessage, now: Date): Promise<string> {
  const id = newId();
  await db
    .insertInto('webhookDeliveries')
    .values({
      tenantId: m.tenantId,
      id,
      departmentId: m.departmentId,
      url: m.url,
      event: m.event,
      payload: JSON.stringify({ msgtype: 'text', text: { content: m.content }, kaimen: { event: m.event, ...m.data } }),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: iso(now),
      claimedUntil: null,
      lastStatus: null,
      lastError: null,
      createdAt: iso(now),
      deliveredAt: null,
    })
    .execute();
  return id;
}

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** A robot answers 200 with `{"errcode":0}`; another errcode is a failure too (bad key, rate limited). */
async function outcomeOf(res: { status: number; text(): Promise<string> }): Promise<string | null> {
  const body = (await res.text().catch(() => '')).slice(0, 500);
  if (res.status < 200 || res.status >= 300) return `HTTP ${res.status}${body ? `: ${body}` : ''}`;
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) return `errcode ${parsed.errcode}: ${body}`;
  } catch {
    // not JSON: a 2xx is success
  }
  return null;
}

/** `TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)`: fetch puts the network's reason in `cause`. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : null;
  return `${err.name}: ${err.message}${cause && cause !== err.message ? ` (${cause})` : ''}`.slice(0, 500);
}

/**
 * Sends what is due at `now`: each row is claimed first (a conditional update), so two instances never send the same
 * message twice at the same time. Returns how many were sent, retried later and given up.
 */
export async function deliverDueWebhooks(
  database: Database,
  now: Date,
  fetchImpl: Fetch = fetch as unknown as Fetch,
): Promise<{ delivered: number; retrying: number; failed: number }> {
  const stamp = iso(now);
  const due = await database.db
    .selectFrom('webhookDeliveries')
    .select(['tenantId', 'id', 'url', 'payload', 'attempts'])
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', stamp)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', stamp)]))
    .orderBy('nextAttemptAt')
    .limit(BATCH)
    .execute();
  const result = { delivered: 0, retrying: 0, failed: 0 };
  for (const row of due) {
    // Still as read: while this batch was being sent, another sender may have tried the row (and set its next attempt).
    // Writes go through transactions, so that on SQLite they wait for an import's writer without stopping the process.
    const claimed = await database.transaction((trx) =>
      trx
        .updateTable('webhookDeliveries')
        .set({ claimedUntil: iso(new Date(now.getTime() + CLAIM_MS)) })
        .where('tenantId', '=', row.tenantId)
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .where('nextAttemptAt', '<=', stamp)
        .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', stamp)]))
        .executeTakeFirst(),
    );
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    let error: string | null;
    let status: number | null = null;
    try {
      const res = await fetchImpl(row.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Kaimen-Webhook/1' },
        body: row.payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      error = await outcomeOf(res);
    } catch (err) {
      error = errorText(err);
    }
    const attempts = row.attempts + 1;
    const done = error === null;
    const gaveUp = !done && attempts >= MAX_ATTEMPTS;
    await database.transaction((trx) =>
      trx
        .updateTable('webhookDeliveries')
        .set({
          attempts,
          status: done ? 'delivered' : gaveUp ? 'failed' : 'pending',
          lastStatus: status,
          lastError: error,
          deliveredAt: done ? iso(now) : null,
          nextAttemptAt: done || gaveUp ? null : iso(new Date(now.getTime() + RETRY_DELAYS_S[attempts - 1]! * 1000)),
          claimedUntil: null,
        })
        .where('tenantId', '=', row.tenantId)
        .where('id', '=', row.id)
        .execute(),
    );
    if (done) result.delivered++;
    else if (gaveUp) result.failed++;
    else result.retrying++;
  }
  return result;
}

export const webhookDeliveryJob: JobDefinition = {
  name: 'webhook-delivery',
  everyMs: 30_000,
  run: async (deps: Deps, now) => {
    await deliverDueWebhooks(deps.database, now);
  },
};
