import { once } from 'node:events';
import { startWorker } from '../../../lib/start-worker.js';
import { ftsTextsOf, type FillText } from './fts-text.js';

/** Companies from which a fill tokenizes in a worker thread; below, starting one costs more than it saves. */
export const FILL_WORKER_FROM = 20_000;

export interface FtsTexts {
  /** The FTS5 texts of these rows (ftsTextsOf), in order. Calls are answered in the order they were made. */
  of(rows: readonly FillText[]): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Where a fill tokenizes: on this thread, or, for `rows` at or over FILL_WORKER_FROM, in a worker thread, so that
 * SQLite's inserts on this thread and the tokenizing of the next batch run at once (on two cores: tokenizing was 15 s
 * of the 60 s fill of a million companies).
 */
export function ftsTextsFor(rows: number): FtsTexts {
  if (rows < FILL_WORKER_FROM) return { of: async (batch) => ftsTextsOf(batch), close: async () => {} };
  const worker = startWorker(import.meta.url, './fill-worker', {});
  const waiting: { resolve(texts: string[]): void; reject(err: Error): void }[] = [];
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (texts: string[]) => waiting.shift()?.resolve(texts));
  worker.on('error', fail);
  const exited = once(worker, 'exit');
  exited.then(([code]) => fail(new Error(`the search fill's worker stopped (exit code ${code})`)), fail);
  return {
    of(batch) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(batch);
      });
    },
    async close() {
      fail(new Error("the search fill's worker stopped (closed)"));
      await worker.terminate();
    },
  };
}
