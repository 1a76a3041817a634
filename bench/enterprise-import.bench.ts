/**
 * Enterprise import at scale (issue: 1M csv rows validated and committed, search index included, in under 90 s on
 * either database with peak memory under 500 MB; xlsx within 3× of csv). Generated files (the deterministic
 * generator: 24 columns, three years of figures, contacts, qualifications, chain nodes) are imported into a fresh tenant
 * of a fresh database, each run in a process of its own. Beside each import, in the same run: the time to only parse
 * the same file (papaparse / ExcelJS reader), the floor any import of it stands on.
 *
 * BENCH_IMPORT_ROWS (default 1,000,000), BENCH_DB=sqlite|postgres, BENCH_IMPORT_FILES=csv|xlsx (both unless told; writing
 * a million rows as xlsx alone takes about 7 minutes), BENCH_IMPORT_HEAP_MB (the import process's V8 old-space cap).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRows } from '../apps/server/src/modules/enterprises/import/read-rows.js';
import { writeEnterpriseFiles } from './enterprise-files.js';
import { createBenchDatabase, postgresReachable } from './lib.js';
import { markdownTable } from './timing.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { Database } from '../apps/server/src/db/database.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const only = process.env.BENCH_DB;
const fileKinds = (['csv', 'xlsx'] as const).filter(
  (k) => !process.env.BENCH_IMPORT_FILES || process.env.BENCH_IMPORT_FILES.split(',').includes(k),
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-import-bench-'));

/** Seconds spent reading and writing rows, building table indexes, filling the search index, committing. */
function split(stages: Record<string, number>, total: number): string {
  const end = stages['end'] ?? total;
  const search = stages['search'] ?? end;
  const indexes = stages['indexes'] ?? search;
  return [indexes, search - indexes, end - search, total - end].map((x) => x.toFixed(1)).join(' · ');
}

async function parseOnly(file: string, kind: 'csv' | 'xlsx'): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  for await (const _ of readRows(file, kind)) n++;
  if (n < ROWS) throw new Error(`${file}: ${n} rows read`);
  return (performance.now() - t0) / 1000;
}

try {
  console.log(`writing ${ROWS.toLocaleString()} generated companies as ${fileKinds.join(' and ')} …`);
  const files = await writeEnterpriseFiles(dir, ROWS, fileKinds);
  const sizes = { csv: 0, xlsx: 0 };
  const parse = { csv: 0, xlsx: 0 };
  for (const k of fileKinds) {
    sizes[k] = fs.statSync(files[k]).size;
    parse[k] = await parseOnly(files[k], k);
  }
  const kinds = (['sqlite', 'postgres'] as const).filter((k) => !only || only === k);
  const table: (string | number)[][] = [];
  for (const kind of kinds) {
    if (kind === 'postgres' && !(await postgresReachable())) {
      console.warn('PostgreSQL not reachable: skipped');
      continue;
    }
    for (const fileKind of fileKinds) {
      const db = await createBenchDatabase(kind);
      try {
        const database = Database.open(db.options);
        await migrateToLatest(database);
        await database.close();
        const r = spawnSync(
          process.execPath,
          [
            // What the import holds, apart from what the collector has not yet taken back (see PERFORMANCE.md).
            ...(process.env.BENCH_IMPORT_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_IMPORT_HEAP_MB}`] : []),
            '--import',
            'tsx',
            path.join(import.meta.dirname, 'import-one.ts'),
            fileKind,
            files[fileKind],
            JSON.stringify(db.options),
            `imp-${fileKind}`,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        if (r.status !== 0) throw new Error(`import-one failed: ${r.stderr}`);
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
          seconds: number;
          maxRssMb: number;
          maxHeapMb: number;
          stages: Record<string, number>;
          counts: { created: number; invalid: number };
          loopDelayMs: { p99: number; max: number };
          closeSeconds: number;
          peakByStage: Record<string, number>;
          stalls: Record<string, { count: number; maxMs: number; totalMs: number }>;
        };
        if (out.counts.created !== ROWS)
          throw new Error(`${out.counts.created} of ${ROWS} rows imported (${out.counts.invalid} bad)`);
        table.push([
          `${kind} ${fileKind}`,
          `${(sizes[fileKind] / 1048576).toFixed(0)} MB`,
          out.counts.created.toLocaleString(),
          out.seconds.toFixed(1),
          Math.round(ROWS / out.seconds).toLocaleString(),
          `${out.maxRssMb.toFixed(0)} (JS ${out.maxHeapMb.toFixed(0)})`,
          parse[fileKind].toFixed(1),
          split(out.stages, out.seconds),
          out.closeSeconds.toFixed(1),
          ['rows', 'indexes', 'search'].map((st) => out.peakByStage[st] ?? '—').join(' · '),
          `${out.loopDelayMs.p99.toFixed(0)} / ${out.loopDelayMs.max.toFixed(0)}`,
          Object.entries(out.stalls)
            .map(([st, x]) => `${st} ${x.count} (${(x.totalMs / 1000).toFixed(1)} s)`)
            .join(', ') || 'none',
        ]);
        console.log(table[table.length - 1]!.join('  '));
      } finally {
        await db.drop();
      }
    }
  }
  console.log(
    `\nimport of ${ROWS.toLocaleString()} companies, ${new Date().toISOString()}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log(
    markdownTable(
      [
        'database, file',
        'file size',
        'rows imported',
        'seconds',
        'rows/s',
        'peak RSS MB (JS heap)',
        'parse only, s (same run)',
        'rows · indexes · search index · commit, s',
        'checkpoint after, s',
        'peak RSS by stage, MB',
        'event-loop delay p99 / max, ms',
        'stalls over 250 ms (their sum)',
      ],
      table,
    ),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
