import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { addMinutes, iso } from '../../lib/time.js';
import { createTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, type TestHarness } from '../../test/helper.js';
import { createSession, touchSession } from '../auth/sessions.repository.js';
import { JobRunner, slotOf } from './job-runner.js';
import { createJobRunner } from './jobs.js';

const quiet = { log: { error: () => undefined } };
const OTHER_APP = 'kaimen-test-other-instance';
const MINUTE = 60_000;

describe('job runner', () => {
  let h: TestHarness;
  let others: Database[];
  beforeEach(async () => {
    h = await buildTestApp();
    others = [];
  });
  afterEach(async () => {
    for (const d of others) await d.close();
    await otherBackendsGone();
    await h.close();
  });

  /** Another app instance: its own pool (or SQLite connection) on the same database. */
  const otherInstance = (): Deps => {
    const options = h.testDb.options;
    let database: Database;
    if (options.kind === 'postgres') {
      const url = new URL(options.url);
      url.searchParams.set('application_name', OTHER_APP);
      database = Database.open({ ...options, url: url.toString() });
    } else {
      database = Database.open(options);
    }
    others.push(database);
    return { database, config: h.config };
  };

  /** pg's pool.end() resolves before its backends exit; dropping the database under them would kill them mid-goodbye. */
  async function otherBackendsGone() {
    if (DB_KIND !== 'postgres') return;
    for (let i = 0; i < 100; i++) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where application_name = ${OTHER_APP}`.execute(h.database.db);
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const runs = () => h.database.db.selectFrom('jobRuns').selectAll().orderBy('slot').execute();

  it('runs a job once per slot across instances ticking at the same moment', async () => {
    const ranAt: string[] = [];
    const job = {
      name: 'count',
      everyMs: 10 * MINUTE,
      run: async (_deps: Deps, now: Date) => {
        ranAt.push(slotOf(now, 10 * MINUTE));
        await new Promise((r) => setTimeout(r, 20));
      },
    };
    const runners = [{ database: h.database, config: h.config }, otherInstance(), otherInstance()].map((deps, i) =>
      new JobRunner(deps, `instance-${i}`, quiet).register(job),
    );

    const start = new Date('2026-03-02T01:00:00.000Z');
    for (const minutes of [0, 3, 10, 25]) {
      const now = addMinutes(start, minutes);
      await Promise.all(runners.map((r) => r.tick(now)));
    }

    // 01:00 and 01:03 share a slot; 01:10 and 01:25 each start a new one.
    expect(ranAt).toEqual(['2026-03-02T01:00:00.000Z', '2026-03-02T01:10:00.000Z', '2026-03-02T01:20:00.000Z']);
    const rows = await runs();
    expect(rows.map((r) => [r.job, r.slot, r.status])).toEqual([
      ['count', '2026-03-02T01:00:00.000Z', 'ok'],
      ['count', '2026-03-02T01:10:00.000Z', 'ok'],
      ['count', '2026-03-02T01:20:00.000Z', 'ok'],
    ]);
    for (const r of rows) {
      expect(r.instance).toMatch(/^instance-\d$/);
      expect(r.finishedAt).not.toBeNull();
      expect(r.error).toBeNull();
    }
  });

  it('records a failing job as failed and keeps running the others and later slots', async () => {
    let okRuns = 0;
    let attempts = 0;
    const runner = new JobRunner({ database: h.database, config: h.config }, 'solo', quiet)
      .register({
        name: 'broken',
        everyMs: MINUTE,
        run: async () => {
          attempts += 1;
          throw new Error('upstream unavailable');
        },
      })
      .register({ name: 'healthy', everyMs: MINUTE, run: async () => void (okRuns += 1) });

    const now = h.clock.now();
    const first = await runner.tick(now);
    expect(first.map((o) => [o.job, o.outcome])).toEqual([
      ['broken', 'failed'],
      ['healthy', 'ok'],
    ]);
    await runner.tick(addMinutes(now, 1));
    expect(attempts).toBe(2);
    expect(okRuns).toBe(2);

    const rows = await runs();
    const broken = rows.filter((r) => r.job === 'broken');
    expect(broken).toHaveLength(2);
    for (const r of broken) {
      expect(r.status).toBe('failed');
      expect(r.error).toBe('upstream unavailable');
      expect(r.finishedAt).not.toBeNull();
    }
  });

  it('does not run a slot twice on one instance, and stop() waits for a running job', async () => {
    let finished = false;
    const runner = new JobRunner({ database: h.database, config: h.config }, 'solo', quiet).register({
      name: 'slow',
      everyMs: MINUTE,
      run: async () => {
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      },
    });
    const now = h.clock.now();
    const pending = runner.tick(now);
    await runner.stop();
    expect(finished).toBe(true);
    expect((await pending).map((o) => o.outcome)).toEqual(['ok']);
    expect(await runner.tick(now)).toEqual([]);
  });

  it('session-cleanup deletes exactly the expired and idle sessions', async () => {
    const tenant = await createTenant(h.database, 'jobs', h.clock.now());
    const db = h.database.db;
    const now = h.clock.now();
    const idle = h.config.session.idleMinutes;
    const session = async (userId: string, createdMinutesAgo: number, lastSeenMinutesAgo: number) => {
      const created = addMinutes(now, -createdMinutesAgo);
      await createSession(db, {
        userId,
        tenantId: tenant.id,
        now: created,
        absoluteHours: h.config.session.absoluteHours,
        ip: null,
        userAgent: null,
      });
      const row = await db
        .selectFrom('sessions')
        .select('id')
        .where('createdAt', '=', iso(created))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow();
      await touchSession(db, row.id, addMinutes(now, -lastSeenMinutesAgo));
      return row.id;
    };
    const u = tenant.users;
    const fresh = await session(u.admin.id, 5, 1);
    const nearlyIdle = await session(u.leader.id, 60, idle - 1);
    const idleOut = await session(u.service.id, 60, idle);
    const longIdle = await session(u.investment.id, 300, 200);
    const nearlyExpired = await session(u.property.id, 12 * 60 - 1, 0);
    const expired = await session(u.department.id, 12 * 60, 0);

    const runner = createJobRunner({ database: h.database, config: h.config }, 'test', quiet);
    expect(await runner.tick(now)).toContainEqual({
      job: 'session-cleanup',
      slot: slotOf(now, 10 * MINUTE),
      outcome: 'ok',
    });

    const left = (await db.selectFrom('sessions').select('id').execute()).map((s) => s.id).sort();
    expect(left).toEqual([fresh, nearlyIdle, nearlyExpired].sort());
    expect(left).not.toContain(idleOut);
    expect(left).not.toContain(longIdle);
    expect(left).not.toContain(expired);
  });
});
