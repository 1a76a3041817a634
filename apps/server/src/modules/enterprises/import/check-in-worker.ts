import { startWorker } from '../../../lib/start-worker.js';
import type { ChainNodeNames } from './chain-codes.js';
import type { CheckedRow, CheckOptions } from './check-rows.js';
import type { HeaderMatch } from './header.js';
import type { ImportFileKind } from './read-rows.js';

/**
 * An import's pure part (read, find the header, validate, de-duplicate: check-rows.ts; chain nodes by code or name) in a worker thread of its own,
 * so that it runs on the second core while this thread writes, and so that its memory is bounded apart from the
 * server's. Parsing and validating is most of an import's JavaScript (about 60 µs a row against about 10 µs to receive
 * a checked row here), and on SQLite the writes run on this thread: a million-row import no longer takes turns.
 */

/** What the worker is asked to do (workerData): plain data, cloned into the worker. */
export interface CheckJob {
  file: string;
  fileKind: ImportFileKind;
  /** Without `fieldFor`: a function does not cross into a worker. */
  options: Omit<CheckOptions, 'fieldFor'>;
  /** Rows per message. */
  batch: number;
  /** The tenant's chain nodes: a row naming another is a bad row (resolveChainNodes). */
  chainNodes: ChainNodeNames[];
  /** Send the cells of good rows too (bad rows always carry theirs, for the report); else they arrive empty. */
  goodRowCells: boolean;
  /** The worker's V8 heap cap, MB (CHECK_WORKER_HEAP_MB unless told). */
  heapMb?: number;
}

export type FromChecker =
  | { kind: 'header'; header: HeaderMatch | null }
  /** `bytes`: of the file read so far. */
  | { kind: 'rows'; rows: CheckedRow[]; bytes: number }
  | { kind: 'end'; bytes: number }
  | { kind: 'error'; fileError: boolean; message: string; stack: string | undefined };

/** "Taken one batch": the worker may post another. */
export type ToChecker = 'more';

/** Batches the worker may post before this thread has taken them: one being written, one ready. */
export const CREDIT = 2;

/**
 * The worker's V8 heap cap. The in-file duplicate set of a million rows is about 66 MB and ExcelJS keeps an xlsx's
 * shared strings; beyond this, the import fails with a clear reason instead of taking the server's memory.
 */
export const CHECK_WORKER_HEAP_MB = 384;
/**
 * The worker's young generation (MB): a row's cells and values die young. With V8's default, a 1M import's worker
 * collected garbage for 10 of its 45 s, and its rows stage waits on the worker; with 32 MB the stage took 34.7 s
 * against 38.5 and the import's peak stayed under 400 MB (64 MB: 4.4 s of collection, but a 535 MB peak).
 */
const CHECK_WORKER_YOUNG_MB = 32;

/** A file that cannot be read (a broken xlsx, a truncated zip): what the user must fix, not a fault of ours. */
export class ImportFileError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the file cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImportFileError';
  }
}

/** Checking the file took more memory than an import's worker may have (a huge xlsx shared-string table …). */
export class ImportMemoryError extends Error {
  constructor(
    readonly heapMb: number,
    override readonly cause: unknown,
  ) {
    super(`checking the file needs more than the ${heapMb} MB an import may use`);
    this.name = 'ImportMemoryError';
  }
}

/** Rows of a reader, with its failures as ImportFileError. */
export async function* guardRead<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  const it = rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await it.next();
      } catch (err) {
        throw new ImportFileError(err);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await it.return?.();
  }
}

export interface CheckedBatches {
  /** null: no header found among the first rows. */
  header: HeaderMatch | null;
  /** Checked rows, a batch at a time, with the bytes of the file read when each was sent. */
  batches: AsyncGenerator<{ rows: CheckedRow[]; bytes: number }>;
  /** Ends the worker (after the last batch, or to give up early); call it in any case. */
  close(): Promise<void>;
}

const heapOf = (job: CheckJob) => job.heapMb ?? CHECK_WORKER_HEAP_MB;

/** checkRows of a file, run in a worker thread (see above). */
export async function checkInWorker(job: CheckJob): Promise<CheckedBatches> {
  const worker = startWorker(import.meta.url, './check-worker', {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: heapOf(job), maxYoungGenerationSizeMb: CHECK_WORKER_YOUNG_MB },
  });
  const queue: FromChecker[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: FromChecker) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure =
      (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ImportMemoryError(heapOf(job), err)
        : err;
    notify();
  });
  // The worker waits for messages until terminated: any exit that was not ours is a failure.
  worker.on('exit', (code) => {
    failure ??= new Error(`the import's check worker stopped (exit code ${code})`);
    notify();
  });

  const next = async (): Promise<FromChecker> => {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.kind === 'error') {
          const err = m.fileError ? new ImportFileError(new Error(m.message)) : new Error(m.message);
          if (m.stack && !m.fileError) err.stack = m.stack;
          throw err;
        }
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  let first: FromChecker;
  try {
    first = await next();
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  const header = first.kind === 'header' ? first.header : null;

  async function* batches(): AsyncGenerator<{ rows: CheckedRow[]; bytes: number }> {
    if (!header) return;
    for (;;) {
      const m = await next();
      // Its heap (up to CHECK_WORKER_HEAP_MB, mostly garbage by now) goes back before the index builds and the search
      // fill, which need memory of their own: at 1M rows the fill's peak RSS fell from 607 to 403 MB.
      if (m.kind === 'end') return void (await worker.terminate());
      if (m.kind === 'rows') {
        worker.postMessage('more' satisfies ToChecker);
        yield { rows: m.rows, bytes: m.bytes };
      }
    }
  }
  return { header, batches: batches(), close: async () => void (await worker.terminate()) };
}
