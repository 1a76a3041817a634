/**
 * The enterprise registry at scale, on SQLite and (when it answers) PostgreSQL: BENCH_ROWS generated companies
 * (default 1,000,000) in one tenant and a tenth of that in a neighbour, loaded in bulk, then
 *  (a) search first pages and capped totals in the database (search-scenarios.ts),
 *  (b) list pages deep and filtered through findEnterprises (list-scenarios.ts),
 *  (c) the search endpoint under load beside bare Fastify routes serving the same rows (endpoint-scenarios.ts).
 * No thresholds: the figures go into docs/PERFORMANCE.md. Env: BENCH_ROWS, BENCH_RUNS (default 200),
 * BENCH_SECONDS (default 5), BENCH_DB=sqlite|postgres, BENCH_EXPLAIN=1 (query plans of the list scenarios).
 */
import os from 'node:os';
import { Database } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { hashPassword } from '../apps/server/src/lib/password.js';
import { benchEndpoint, type EndpointRow } from './endpoint-scenarios.js';
import { createRegistryTenant, loadRegistry, settle, type LoadTimes } from './enterprise-load.js';
import { explainList } from './explain.js';
import { BENCH_PASSWORD, createBenchDatabase, postgresReachable } from './lib.js';
import { adminActor, benchList, listScenarios, type ListRow } from './list-scenarios.js';
import { benchSearch, CAP, type SearchRow } from './search-scenarios.js';
import { markdownTable, ms } from './timing.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Common (its count skipped on PostgreSQL: see search-postgres.ts), mid-frequency (counted), rare. */
const ENDPOINT_TERMS = ['生物', '疫苗', '类器官'];

interface Result {
  kind: string;
  load: LoadTimes[];
  search: SearchRow[];
  list: ListRow[];
  endpoint: EndpointRow[];
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<Result> {
  const log = (line: string) => console.log(`[${kind}] ${line}`);
  const bench = await createBenchDatabase(kind);
  const database = Database.open(bench.options);
  try {
    await migrateToLatest(database);
    const passwordHash = await hashPassword(BENCH_PASSWORD, 1024);
    const main = await createRegistryTenant(database, { slug: 'bench', officers: 100, passwordHash });
    const neighbour = await createRegistryTenant(database, { slug: 'neighbour', officers: 10, passwordHash });
    const times = [
      await loadRegistry(database, main, { seed: 'bench', count: ROWS, log }),
      await loadRegistry(database, neighbour, { seed: 'neighbour', count: Math.round(ROWS / 10), log }),
    ];
    await settle(database);
    for (const [t, l] of [main, neighbour].map((t, i) => [t, times[i]!] as const)) {
      log(
        `${t.slug}: ${l.rows} companies written in ${l.writeSeconds.toFixed(0)} s, indexed in ${l.indexSeconds.toFixed(0)} s`,
      );
    }
    log(`load average ${load()}`);
    const search = await benchSearch(database, main.id, RUNS, log);
    const actor = adminActor(main.id, main.adminId);
    const scenarios = listScenarios(main.officerIds[0]!);
    if (process.env.BENCH_EXPLAIN) await explainList(database, actor, scenarios, log);
    const list = await benchList(database, actor, scenarios, Math.ceil(RUNS / 2), log);
    log(`load average ${load()}`);
    const endpoint = await benchEndpoint(
      database,
      {
        dataDir: bench.dataDir,
        tenantId: main.id,
        adminUsername: main.adminUsername,
        terms: ENDPOINT_TERMS,
        seconds: SECONDS,
      },
      log,
    );
    return { kind, load: times, search, list, endpoint };
  } finally {
    await database.close();
    await bench.drop();
  }
}

function report(r: Result): string {
  const search = markdownTable(
    ['term', 'kind', `hits (cap ${CAP})`, 'page p50 ms', 'page p95 ms', 'count p50 ms', 'count p95 ms'],
    r.search.map((s) => [
      s.term, s.kind, `${s.total}${s.capped ? '+' : ''}`, ms(s.page.p50), ms(s.page.p95), ms(s.count.p50), ms(s.count.p95),
    ]), // prettier-ignore
  );
  const list = markdownTable(
    ['list page of 20 (+ capped total)', 'where', 'total', 'p50 ms', 'p95 ms'],
    r.list.map((l) => [
      l.scenario,
      l.at ? `keyset at ${l.at * 100} %` : 'first page',
      l.total,
      ms(l.timing.p50),
      ms(l.timing.p95),
    ]),
  );
  const endpoint = markdownTable(
    [
      'term',
      'endpoint req/s',
      'bare route (db) req/s',
      'ratio',
      'bare route (constant) req/s',
      'ratio',
      'endpoint p50 / p99 ms',
    ],
    r.endpoint.map((e) => [
      e.term, e.endpoint.rps.toFixed(0), e.bareDb.rps.toFixed(0), `${((100 * e.endpoint.rps) / e.bareDb.rps).toFixed(0)} %`,
      e.bareStatic.rps.toFixed(0), `${((100 * e.endpoint.rps) / e.bareStatic.rps).toFixed(0)} %`, `${e.endpoint.p50} / ${e.endpoint.p99}`,
    ]), // prettier-ignore
  );
  const loads = r.load.map(
    (l) => `${l.rows} rows: written ${l.writeSeconds.toFixed(0)} s, indexed ${l.indexSeconds.toFixed(0)} s`,
  );
  return `### ${r.kind}\n\nLoad: ${loads.join('; ')}.\n\n${search}\n\n${list}\n\n${endpoint}`;
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
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${ROWS} companies; load average ${load()}`,
  );
  const started = Date.now();
  const results: Result[] = [];
  for (const kind of kinds) results.push(await benchDatabase(kind));
  console.log(`\n${results.map(report).join('\n\n')}\n`);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; load average after: ${load()}`);
  const bad = results.some((r) => r.endpoint.some((e) => e.endpoint.bad + e.bareDb.bad + e.bareStatic.bad > 0));
  if (bad) {
    console.error('Some requests did not answer 2xx: the endpoint numbers above are not valid.');
    process.exitCode = 1;
  }
}

await main();
