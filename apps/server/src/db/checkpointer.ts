import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's WAL checkpoints in a worker thread of their own, so that no connection of the server's thread runs one.
 *
 * By default the connection that commits past 1,000 WAL pages copies them into the database file before its commit
 * returns; better-sqlite3 runs that synchronously, on the event loop. After a million-row import the WAL holds the
 * whole load (GBs): its commit took 17–20 s, every request waiting, and the next small write of the main connection
 * would have done the same. With a checkpointer the database's connections stop checkpointing on their own
 * (`wal_autocheckpoint = 0`) and this worker's connection copies committed pages in the background instead (PASSIVE:
 * it never waits for a lock, and readers and writers go on meanwhile).
 *
 * The worker is plain JavaScript, eval'd, with better-sqlite3 resolved from here: it needs no TypeScript loader.
 */

/**
 * How often the worker checkpoints. A PASSIVE checkpoint with nothing to copy reads the WAL index and returns (a few
 * µs); one after a commit copies what the commit wrote.
 */
const POLL_MS = 200;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.file);
db.pragma('wal_autocheckpoint = 0');
function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // The file is locked by another process's checkpoint, or gone: the next poll tries again.
  }
}
const timer = setInterval(checkpoint, workerData.pollMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    // What was committed since the last poll: a process that ends right after its import (the CLI) must not leave
    // the copy to the next write of another process's connection.
    checkpoint();
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpointer {
  /** Checkpoints once more and ends the worker. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, pollMs: POLL_MS },
  });
  // A checkpoint that failed is retried at the next poll; a worker that died leaves the WAL to the next open.
  worker.on('error', (err) => console.error(`sqlite checkpointer: ${err.message}`));
  worker.unref();
  const exited = once(worker, 'exit');
  return {
    // Unreferenced, the worker does not keep the process alive; while this thread waits for it to end, it must.
    async stop() {
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
