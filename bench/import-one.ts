/**
 * One import measured in a process of its own (so its peak memory is its own): `tsx import-one.ts <kind> <file>
 * <dialect> <db-json>`. Runs what an import job's run does — validate every row, look up existing companies, write the
 * good rows and fill the search index, all in one transaction — and prints one JSON line.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bulkTarget } from '../apps/server/src/db/bulk-insert.js';
import { Database, type DatabaseOptions } from '../apps/server/src/db/database.js';
import { processEnterpriseFile } from '../apps/server/src/modules/enterprises/import/process-file.js';
import { provisionTenant } from '../apps/server/src/modules/tenants/tenants.service.js';

const [fileKind, file, optionsJson, slug] = process.argv.slice(2) as ['csv' | 'xlsx', string, string, string];
const database = Database.open(JSON.parse(optionsJson) as DatabaseOptions);
const { tenant } = await database.transaction((trx) =>
  provisionTenant(trx, {
    slug,
    name: `基准 ${slug}`,
    now: new Date(),
    admin: { username: `${slug}-admin`, displayName: slug, passwordHash: 'x' },
  }),
);
let stage = 'rows';
let peak = process.memoryUsage().rss;
let peakHeap = 0;
/** Peak RSS by stage (MB): which part of the import holds the memory. */
const peakByStage: Record<string, number> = {};
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
  peakByStage[stage] = Math.max(peakByStage[stage] ?? 0, Math.round(m.rss / 1048576));
}, 50);
// How long a request to this process would wait behind the import: the event loop's delay, sampled every 10 ms.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t0 = performance.now();
/** When each stage began, in seconds from the start: reading and writing rows, table indexes, search index. */
const stages: Record<string, number> = { rows: 0 };
/** The event loop's stalls over 250 ms, by the stage they fell in: how many, the longest, their sum (ms). */
const stalls: Record<string, { count: number; maxMs: number; totalMs: number }> = {};
let tick = performance.now();
const stallWatch = setInterval(() => {
  const now = performance.now();
  const late = now - tick - 50;
  tick = now;
  if (late < 250) return;
  const s = (stalls[stage] ??= { count: 0, maxMs: 0, totalMs: 0 });
  s.count++;
  s.maxMs = Math.max(s.maxMs, Math.round(late));
  s.totalMs += Math.round(late);
}, 50);
// What an import job does: a connection of its own for the long transaction.
const work = database.forLongWork().database;
const result = await work.transaction((trx) =>
  processEnterpriseFile({
    target: bulkTarget(work, trx),
    tenantId: tenant.id,
    file,
    fileKind,
    options: { existing: 'skip' },
    write: true,
    now: new Date().toISOString(),
    onBadRows: async () => {},
    onProgress: (p) => {
      const at = (performance.now() - t0) / 1000;
      if (p.stage && stages[p.stage] === undefined) {
        stage = p.stage;
        stages[stage] = at;
      }
      stages['end'] = at; // the last call comes once the search index is filled: what follows is the commit
    },
  }),
);
const seconds = (performance.now() - t0) / 1000;
loop.disable();
clearInterval(sampler);
clearInterval(stallWatch);
const maxRssMb = Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1048576;
if (work !== database) await work.close();
// On SQLite the checkpointer copies the committed WAL into the database file in the background (db/checkpointer.ts);
// closing waits for it. Not part of the import's time: the rows are committed and readable before.
const closing = performance.now();
await database.close();
const closeSeconds = (performance.now() - closing) / 1000;
const maxHeapMb = peakHeap / 1048576;
console.log(
  JSON.stringify({
    seconds,
    maxRssMb,
    maxHeapMb,
    stages,
    closeSeconds,
    stalls,
    peakByStage,
    counts: 'counts' in result ? result.counts : null,
    // Nanoseconds → ms.
    loopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  }),
);
