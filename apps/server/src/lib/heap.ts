import v8 from 'node:v8';

/**
 * How much a V8 heap may grow past what its last full collection kept, in percent, before the next one. V8's own rule
 * lets a heap grow up to 4× its live size, more the faster a thread allocates. A 1M-row import on PostgreSQL, whose
 * threads allocate fast once the server keeps no indexes during the load, peaked anywhere between 393 and 543 MB of
 * RSS for the same run; with 50 % at 347–353 MB in four runs, in the same time. (On SQLite, whose import peaked at
 * 397–486 MB without it, one run took 8 % longer with it: there it is left to V8.)
 */
const HEAP_GROWING_PERCENT = 50;

let holders = 0;

/**
 * Runs `work` with every thread's heap growth bounded (V8 flags are the process's, workers included), and restores
 * V8's own rule once no such work runs.
 */
export async function withBoundedHeapGrowth<T>(work: () => Promise<T>): Promise<T> {
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--holders === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
