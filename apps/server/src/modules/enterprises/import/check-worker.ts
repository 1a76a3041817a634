/**
 * Worker-thread entry of checkInWorker (check-in-worker.ts): reads the file, finds the header, validates and
 * de-duplicates every row, and posts them to the importing thread a batch at a time, never more than CREDIT batches
 * ahead of what it has taken.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { chainCodeOf, resolveChainNodes } from './chain-codes.js';
import { checkRows, type CheckedRow } from './check-rows.js';
import {
  CREDIT,
  ImportFileError,
  guardRead,
  type CheckJob,
  type FromChecker,
  type ToChecker,
} from './check-in-worker.js';
import { readRowsFrom } from './read-rows.js';

const job = workerData as CheckJob;
const port = parentPort!;
const post = (m: FromChecker) => port.postMessage(m);

// Batches this worker may still post before the importing thread takes one ('more' gives one back).
let credit = CREDIT;
let wake: (() => void) | null = null;
port.on('message', (_m: ToChecker) => {
  credit++;
  const w = wake;
  wake = null;
  w?.();
});
const taken = () => (credit > 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));

async function run(): Promise<void> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  fs.createReadStream(job.file)
    .on('error', (e) => counter.destroy(e))
    .pipe(counter);
  const checked = await checkRows(guardRead(readRowsFrom(counter, job.fileKind)), job.options);
  post({ kind: 'header', header: checked.header });
  if (!checked.header) return;
  const header = checked.header;
  const codeOf = chainCodeOf(job.chainNodes);
  let batch: CheckedRow[] = [];
  const send = async () => {
    await taken();
    credit--;
    post({ kind: 'rows', rows: batch, bytes });
    batch = [];
  };
  for await (const checkedRow of checked.rows) {
    const row = resolveChainNodes(checkedRow, codeOf, header);
    // Half of what crosses to the other thread; most imports report no good row.
    if (row.result.ok && !job.goodRowCells) row.cells = [];
    batch.push(row);
    if (batch.length >= job.batch) await send();
  }
  if (batch.length) await send();
  post({ kind: 'end', bytes });
}

run().catch((err: unknown) => {
  post({
    kind: 'error',
    fileError: err instanceof ImportFileError,
    message: err instanceof ImportFileError ? String((err.cause as Error)?.message ?? err.cause) : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
});
