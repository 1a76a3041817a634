/**
 * `npm run bench`: every `*.bench.ts` here, one after the other, each in a process of its own (a fresh heap, and no
 * load of one left over for the next). BENCH_ONLY=search runs only the files whose name contains `search`
 * (comma-separated for several: BENCH_ONLY=login,search). Other BENCH_* variables pass through to the files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches BENCH_ONLY=${process.env.BENCH_ONLY}`);
  process.exit(1);
}
let failed = false;
for (const file of files) {
  console.log(`\n=== ${file} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${file} failed (${r.status ?? r.signal})`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
