import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';

export interface JobDefinition {
  name: string;
  everyMs: number;
  run: (deps: Deps, now: Date) => Promise<void>;
}

/**
 * Runs `fn` for every active tenant, each on its own: one tenant's failure stops no other, and the run fails at the end
 * naming every tenant that failed (the job_runs row keeps the message).
 */
export async function forEachTenant(
  deps: Deps,
  what: string,
  fn: (tenantId: string) => Promise<unknown>,
): Promise<void> {
  const tenants = await deps.database.db.selectFrom('tenants').select('id').where('disabled', '=', 0).execute();
  const failures: string[] = [];
  for (const t of tenants) {
    try {
      await fn(t.id);
    } catch (err) {
      failures.push(`${t.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failures.length) throw new Error(`${what} failed for ${failures.join('; ')}`);
}

export interface JobRunnerOptions {
  /** How often `start()` looks for due jobs; a job runs at most this late into its slot. */
  tickMs?: number;
  log?: { error(obj: object, msg: string): void };
}

export type JobOutcome = { job: string; slot: string; outcome: 'ok' | 'failed' | 'taken' };

const MAX_ERROR_LENGTH = 2000;

/** The slot a tick belongs to: every instance computes the same key for the same period. */
export const slotOf = (now: Date, everyMs: number): string =>
  iso(new Date(Math.floor(now.getTime() / everyMs) * everyMs));

/**
 * Runs periodic jobs exactly once per slot across every instance sharing the database:
 * the unique (job, slot) row in job_runs is the claim, and only the instance whose insert took runs the job.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobDefinition>();
  /** The last slot this instance tried per job, so a slot already lost costs no further insert. */
  private readonly attempted = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<JobOutcome[]> | null = null;
  private readonly tickMs: number;
  private readonly log: NonNullable<JobRunnerOptions['log']>;

  constructor(
    private readonly deps: Deps,
    readonly instance: string,
    options: JobRunnerOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 15_000;
    this.log = options.log ?? { error: (obj, msg) => console.error(msg, obj) };
  }

  register(job: JobDefinition): this {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
    this.jobs.set(job.name, job);
    return this;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // A tick still running (a slow job) makes the next one wait for its own turn.
      if (!this.running) void this.tick(this.deps.config.now());
    }, this.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs every job whose current slot this instance has not tried yet; never throws. */
  tick(now: Date): Promise<JobOutcome[]> {
    const run = this.runDue(now).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runDue(now: Date): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of this.jobs.values()) {
      const slot = slotOf(now, job.everyMs);
      if (this.attempted.get(job.name) === slot) continue;
      try {
        const outcome = await this.runOnce(job, slot, now);
        this.attempted.set(job.name, slot);
        outcomes.push({ job: job.name, slot, outcome });
      } catch (err) {
        // The claim or its bookkeeping failed (database away): try the slot again next tick.
        this.log.error({ err, job: job.name, slot }, 'job run could not be recorded');
      }
    }
    return outcomes;
  }

  private async runOnce(job: JobDefinition, slot: string, now: Date): Promise<JobOutcome['outcome']> {
    const { database } = this.deps;
    // In a transaction, so that on SQLite the claim waits for an import's writer without stopping the process.
    const claim = await database.transaction((trx) =>
      trx
        .insertInto('jobRuns')
        .values({
          job: job.name,
          slot,
          instance: this.instance,
          startedAt: iso(now),
          finishedAt: null,
          status: 'running',
          error: null,
        })
        .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
        .returning('id')
        .executeTakeFirst(),
    );
    if (!claim) return 'taken';

    let error: string | null = null;
    try {
      await job.run(this.deps, now);
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH) || 'failed';
      this.log.error({ err, job: job.name, slot }, 'job failed');
    }
    await database.transaction((trx) =>
      trx
        .updateTable('jobRuns')
        .set({ finishedAt: iso(this.deps.config.now()), status: error === null ? 'ok' : 'failed', error })
        .where('id', '=', claim.id)
        .execute(),
    );
    return error === null ? 'ok' : 'failed';
  }
}
