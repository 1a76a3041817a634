import { bulkTarget } from '../../db/bulk-insert.js';
import { classifyDbError, type Database, type Executor } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ImportFileError, ImportMemoryError } from '../enterprises/import/check-in-worker.js';
import type { ImportBadRow, ImportProgress } from './import-kind.js';
import { importKind } from './imports.kinds.js';
import { importFilePath } from './imports.storage.js';

export type ImportPhase = 'check' | 'run';

/** Why a check or run ended without a result; the API words each in the user's language. */
export type ImportFailure =
  'no-header' | 'cancelled' | 'interrupted' | 'conflict' | 'unreadable' | 'too-large' | 'internal';

export interface ImportTask {
  tenantId: string;
  jobId: string;
  phase: ImportPhase;
  /** The request that started it: who, from where (the audit event of a run). */
  ctx: RequestContext;
}

class Cancelled extends Error {}

/** How often a running import writes its progress and heartbeat (PostgreSQL, where other instances may ask). */
const PERSIST_EVERY_MS = 2_000;
/** A job whose heartbeat is older than this was running in a process that has gone. */
export const STALE_AFTER_MS = 60_000;

/**
 * Runs the checks and runs of import jobs in this process, one at a time (on SQLite two writers would only wait for
 * each other), on a connection of their own so that requests go on meanwhile. Progress lives here while a job runs
 * and, on PostgreSQL, in the job row every few seconds; a run is one transaction that also sets the job `done`, so a
 * crash leaves the registry and the job as they were before it.
 */
export class ImportRunner {
  private readonly progress = new Map<string, ImportProgress & { phase: ImportPhase }>();
  private readonly cancelled = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly deps: Deps,
    private readonly log: { error(obj: object, msg: string): void },
  ) {}

  isActive(jobId: string): boolean {
    return this.progress.has(jobId);
  }

  progressOf(jobId: string) {
    return this.progress.get(jobId) ?? null;
  }

  /** The job row already says `checking` or `running`; this does the work, after any job before it. */
  enqueue(task: ImportTask): Promise<void> {
    this.progress.set(task.jobId, { phase: task.phase, bytes: 0, totalBytes: 0, rows: 0 });
    const run = this.queue.then(() => this.execute(task));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops a job of this process at its next batch; false when it does not run here. */
  cancel(jobId: string): boolean {
    if (!this.progress.has(jobId)) return false;
    this.cancelled.add(jobId);
    return true;
  }

  /** Stops every job (their transactions roll back) and waits for them to end. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of this.progress.keys()) this.cancelled.add(id);
    await this.queue;
  }

  private async execute(task: ImportTask): Promise<void> {
    const { database, config } = this.deps;
    const work = database.forLongWork();
    let lastPersist = 0;
    const onProgress = (p: ImportProgress) => {
      if (this.cancelled.has(task.jobId) || this.closed) throw new Cancelled();
      this.progress.set(task.jobId, { phase: task.phase, ...p });
      const now = Date.now();
      if (database.dialect === 'postgres' && now - lastPersist >= PERSIST_EVERY_MS) {
        lastPersist = now;
        void updateJob(database.db, task, {
          progressBytes: p.bytes,
          progressRows: p.rows,
          heartbeatAt: iso(config.now()),
        }).catch(() => undefined);
      }
    };
    try {
      if (this.cancelled.has(task.jobId) || this.closed) throw new Cancelled();
      await (task.phase === 'check'
        ? this.check(work.database, task, onProgress)
        : this.run(work.database, task, onProgress));
    } catch (err) {
      const failure: ImportFailure =
        err instanceof Cancelled
          ? this.closed
            ? 'interrupted'
            : 'cancelled'
          : err instanceof ImportFileError
            ? 'unreadable'
            : err instanceof ImportMemoryError
              ? 'too-large'
              : classifyDbError(err) === 'unique'
                ? 'conflict'
                : 'internal';
      if (failure === 'internal') this.log.error({ err, importId: task.jobId }, 'import failed');
      await updateJob(database.db, task, {
        status: 'failed',
        error: failure,
        finishedAt: iso(config.now()),
        heartbeatAt: null,
      }).catch((e: unknown) => this.log.error({ err: e, importId: task.jobId }, 'import status not saved'));
    } finally {
      this.progress.delete(task.jobId);
      this.cancelled.delete(task.jobId);
      await work.release();
    }
  }

  private async loadJob(db: Executor, task: ImportTask) {
    const job = await db
      .selectFrom('importJobs')
      .selectAll()
      .where('tenantId', '=', task.tenantId)
      .where('id', '=', task.jobId)
      .executeTakeFirstOrThrow();
    if (!job.storagePath) throw new ImportFileError('the uploaded file is no longer kept');
    const kind = importKind(job.kind);
    const options = kind.ZOptions.parse(JSON.parse(job.options));
    return { job, kind, options, file: importFilePath(this.deps.config, job.storagePath) };
  }

  private async check(work: Database, task: ImportTask, onProgress: (p: ImportProgress) => void) {
    const { job, kind, options, file } = await this.loadJob(work.db, task);
    await clearErrors(work.db, task);
    const result = await kind.process({
      target: bulkTarget(work, work.db),
      tenantId: task.tenantId,
      userId: job.createdBy,
      file,
      fileKind: job.fileKind,
      options,
      write: false,
      now: iso(this.deps.config.now()),
      onBadRows: (rows) => insertBadRows(work.db, task, rows),
      onProgress,
    });
    await updateJob(work.db, task, {
      ...(result.counts
        ? { status: 'checked', summary: JSON.stringify(result.counts), error: null }
        : { status: 'failed', error: 'no-header' }),
      ...(result.header ? { header: JSON.stringify(result.header) } : {}),
      progressBytes: job.fileSize,
      finishedAt: iso(this.deps.config.now()),
      heartbeatAt: null,
    });
  }

  private async run(work: Database, task: ImportTask, onProgress: (p: ImportProgress) => void) {
    const { job, kind, options, file } = await this.loadJob(work.db, task);
    await work.transaction(async (trx) => {
      await clearErrors(trx, task);
      const now = iso(this.deps.config.now());
      const result = await kind.process({
        target: bulkTarget(work, trx),
        tenantId: task.tenantId,
        userId: job.createdBy,
        file,
        fileKind: job.fileKind,
        options,
        write: true,
        now,
        onBadRows: (rows) => insertBadRows(trx, task, rows),
        onProgress,
      });
      if (!result.counts) {
        await updateJob(trx, task, { status: 'failed', error: 'no-header', finishedAt: now, heartbeatAt: null });
        return;
      }
      await recordAudit(
        trx,
        { ...task.ctx, now: this.deps.config.now() },
        {
          action: 'import',
          entityType: kind.entityType,
          entityId: null,
          after: { importId: job.id, fileName: job.fileName, options, counts: result.counts },
        },
      );
      await updateJob(trx, task, {
        status: 'done',
        summary: JSON.stringify(result.counts),
        header: result.header ? JSON.stringify(result.header) : job.header,
        error: null,
        progressBytes: job.fileSize,
        finishedAt: iso(this.deps.config.now()),
        heartbeatAt: null,
      });
    });
  }
}

type JobChanges = Partial<{
  status: 'checked' | 'done' | 'failed';
  summary: string;
  header: string | null;
  error: ImportFailure | null;
  progressBytes: number;
  progressRows: number;
  finishedAt: string;
  heartbeatAt: string | null;
}>;

async function updateJob(db: Executor, task: ImportTask, changes: JobChanges) {
  await db
    .updateTable('importJobs')
    .set(changes)
    .where('tenantId', '=', task.tenantId)
    .where('id', '=', task.jobId)
    .execute();
}

async function clearErrors(db: Executor, task: ImportTask) {
  await db
    .deleteFrom('importErrors')
    .where('tenantId', '=', task.tenantId)
    .where('importId', '=', task.jobId)
    .execute();
}

/** Dates in cells as ISO text, so the report shows what the file said. */
const cellJson = (cells: ImportBadRow['cells']) =>
  JSON.stringify(cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));

async function insertBadRows(db: Executor, task: ImportTask, rows: ImportBadRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('importErrors')
    .values(
      rows.map((r) => ({
        tenantId: task.tenantId,
        importId: task.jobId,
        rowNumber: r.rowNumber,
        errors: JSON.stringify(r.skippedExisting ? r.errors.map((e) => ({ ...e, skipped: true })) : r.errors),
        cells: cellJson(r.cells),
      })),
    )
    .execute();
}
