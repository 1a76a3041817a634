/**
 * Throughput and latency of the request paths every user pays for, on SQLite and (when it answers)
 * PostgreSQL: the real app in this process on a loopback port, autocannon in a worker thread.
 * Each scenario is reported relative to GET /api/health on the same database in the same run;
 * there are no fixed thresholds. Usage: `npm run bench` (env BENCH_SECONDS, BENCH_DB=sqlite|postgres).
 */
import os from 'node:os';
import {
  BENCH_PASSWORD,
  createBenchDatabase,
  loginCookie,
  measure,
  postgresReachable,
  startApp,
  type Measurement,
  type Scenario,
} from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const BASELINE_SECONDS = 2;
const CONNECTIONS = 10;
/** Each login holds a libuv thread for one scrypt; more connections than threads only queue. */
const LOGIN_CONNECTIONS = 4;
const SEED = { scryptCost: 2 ** 15, users: 2_000, auditEvents: 100_000 };

interface Row extends Measurement {
  /** The /api/health run just before this scenario; null for the health row itself. */
  baseline: Measurement | null;
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<Row[]> {
  const db = await createBenchDatabase(kind);
  try {
    const t0 = Date.now();
    const app = await startApp(db, SEED);
    console.log(`[${kind}] migrated and seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    try {
      const cookie = await loginCookie(app.baseUrl, app.seeded.adminUsername, BENCH_PASSWORD);
      const auth = { cookie };
      const scenarios: Scenario[] = [
        { name: 'GET /api/health', path: '/api/health', connections: CONNECTIONS },
        { name: 'GET /api/auth/me', path: '/api/auth/me', headers: auth, connections: CONNECTIONS },
        {
          name: `GET /api/users?pageSize=50 (${SEED.users} users)`,
          path: '/api/users?pageSize=50',
          headers: auth,
          connections: CONNECTIONS,
        },
        {
          name: `GET /api/audit?pageSize=50 (${SEED.auditEvents / 1000}k events)`,
          path: '/api/audit?pageSize=50',
          headers: auth,
          connections: CONNECTIONS,
        },
        {
          name: 'POST /api/auth/login (scrypt N=2^15)',
          method: 'POST',
          path: '/api/auth/login',
          body: JSON.stringify({ username: app.seeded.loginUsername, password: BENCH_PASSWORD }),
          connections: LOGIN_CONNECTIONS,
        },
      ];
      // The machine may be shared: each scenario gets its own health run just before it, and is
      // reported relative to that, so a load spike elsewhere moves both numbers together.
      const health = scenarios[0]!;
      const results: Row[] = [];
      for (const s of scenarios) {
        const baseline = s === health ? null : await measure(app.baseUrl, health, BASELINE_SECONDS, 0);
        const m = await measure(app.baseUrl, s, SECONDS, WARMUP_SECONDS);
        console.log(
          `[${kind}] ${m.scenario}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms` +
            (baseline ? ` (health just before: ${baseline.rps.toFixed(0)} req/s, p50 ${baseline.p50} ms)` : '') +
            (m.bad ? `, ${m.bad} non-2xx/errors` : ''),
        );
        results.push({ ...m, baseline });
      }
      return results;
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}

const fmtRatio = (x: number) => `${x.toFixed(x < 0.1 ? 3 : 2)}×`;

function table(kind: string, rows: Row[]): string {
  const lines = [
    `| ${kind}: scenario | conns | req/s | p50 ms | p99 ms | health req/s (just before) | req/s vs health | p50 over health |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const b = r.baseline ?? r;
    const self = r.baseline === null;
    lines.push(
      `| ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ` +
        `${self ? '—' : b.rps.toFixed(0)} | ${self ? '1×' : fmtRatio(r.rps / b.rps)} | ` +
        `${self ? '—' : `+${(r.p50 - b.p50).toFixed(0)} ms`} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const only = process.env.BENCH_DB;
  const kinds: ('sqlite' | 'postgres')[] = [];
  if (!only || only === 'sqlite') kinds.push('sqlite');
  if (!only || only === 'postgres') {
    if (await postgresReachable()) kinds.push('postgres');
    else console.log('PostgreSQL does not answer on 127.0.0.1:5432: skipping it.');
  }
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ` +
      `${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up\n`,
  );
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()}`);
  if (os.loadavg()[0]! > os.cpus().length / 2) {
    console.warn('The machine is busy: other processes share the CPUs and every number below will be low and noisy.');
  }
  const started = Date.now();
  const tables: string[] = [];
  let failed = false;
  for (const kind of kinds) {
    const rows = await benchDatabase(kind);
    if (rows.some((r) => r.bad > 0 || (r.baseline?.bad ?? 0) > 0)) failed = true;
    tables.push(table(kind, rows));
  }
  console.log(`\n${tables.join('\n\n')}\n`);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; load average after: ${load()}`);
  // Non-2xx answers mean the numbers measure an error path, not the scenario.
  if (failed) {
    console.error('Some requests did not answer 2xx: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

await main();
