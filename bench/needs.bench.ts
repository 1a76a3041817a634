/**
 * Visits and needs at scale, on SQLite and (when it answers) PostgreSQL: one tenant with BENCH_NEEDS needs (default
 * 200,000) over two years, a tenth as many companies and a quarter as many visits (needs-seed.ts), then the needs
 * list, record, analysis and visit coverage under load as a department handler, its head, an admin and a service
 * officer see them: the real app in this process on a loopback port, autocannon in a worker thread, each scenario
 * after its own GET /api/health run (no fixed thresholds). A request that alone takes more than a tenth of the run is
 * sent one at a time instead (10 connections of it would finish a handful, each queued behind the others), and one
 * that takes longer than the run is reported from that one request. Env: BENCH_NEEDS, BENCH_SECONDS
 * (default 5), BENCH_DB=sqlite|postgres, BENCH_EXPLAIN=1 (every query of each scenario, timed alone, with its plan).
 */
import os from 'node:os';
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { Database } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import type { Actor, RequestContext } from '../apps/server/src/lib/actor.js';
import { hashPassword } from '../apps/server/src/lib/password.js';
import { getNeedReports } from '../apps/server/src/modules/need-reports/need-reports.service.js';
import { ZListNeedsRequest } from '../apps/server/src/modules/needs/needs.schemas.js';
import { findNeeds, getNeed } from '../apps/server/src/modules/needs/needs.service.js';
import { visitCoverage } from '../apps/server/src/modules/visits/visits.coverage.js';
import {
  BENCH_PASSWORD,
  createBenchDatabase,
  loginCookie,
  measure,
  postgresReachable,
  type Measurement,
} from './lib.js';
import { seedNeedsTenant, type NeedsTenant } from './needs-seed.js';
import { percentile } from './timing.js';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 200_000);
const SIZES = {
  needs: NEEDS,
  enterprises: Math.round(NEEDS / 10),
  visits: Math.round(NEEDS / 4),
  officers: 16,
  officerCompanies: 500,
};
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const BASELINE_SECONDS = 2;
const CONNECTIONS = 10;

type Who = 'handler' | 'head' | 'admin' | 'service';

interface NeedsScenario {
  who: Who;
  name: string;
  path: string;
  /** The same call in this process, for its query plans (BENCH_EXPLAIN=1). */
  call: (db: Database, ctx: RequestContext) => Promise<unknown>;
}

interface Row extends Measurement {
  who: Who;
  /** What one answer held: the list's total, the timeline's length, the report's needs … */
  size: string;
  baseline: Measurement;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A 2-character piece of company names that about half a percent of the companies share (the brand's). */
function nameFragment(names: readonly string[]): { fragment: string; companies: number } {
  const seen = new Set<string>();
  for (const name of names.slice(0, 2000)) {
    for (let i = 0; i + 2 <= name.length; i++) seen.add(name.slice(i, i + 2));
  }
  const target = names.length / 200;
  let best = { fragment: '', companies: 0, off: Infinity };
  for (const fragment of seen) {
    if (!/^\p{Script=Han}{2}$/u.test(fragment)) continue;
    const companies = names.filter((n) => n.includes(fragment)).length;
    const off = Math.abs(Math.log(companies / target));
    if (off < best.off) best = { fragment, companies, off };
  }
  return { fragment: best.fragment, companies: best.companies };
}

function scenarios(t: NeedsTenant, fragment: string): NeedsScenario[] {
  /** GET /api/needs with this query, as `who`; the name shows the query undecoded. */
  const list = (who: Who, query: Record<string, string>, note?: string): NeedsScenario => {
    const shown = Object.entries(query).map(([k, v]) => `${k}=${v}`);
    return {
      who,
      name: `GET /api/needs?${shown.join('&')}${note ? ` (${note})` : ''}`,
      path: `/api/needs?${new URLSearchParams(query).toString()}`,
      call: (db, ctx) => findNeeds(db.db, ctx, ZListNeedsRequest.parse(query)),
    };
  };
  // The web's 诉求 page sends queue=mine unless its URL says view=all (needs-api.ts: needQuery); the API has no `view`
  // parameter, so "view=all" is the list without a queue.
  const queue = 'queue: the web default';
  return [
    list('handler', { queue: 'mine' }, queue),
    list('handler', { pageSize: '20' }, 'view=all'),
    list('handler', { page: '50', pageSize: '20' }, 'view=all, page 50'),
    list('head', { overdue: '1' }),
    list('head', { queue: 'mine' }, queue),
    list('admin', { status: 'in_progress' }, 'view=all'),
    list('admin', { q: fragment }, 'view=all, a company name fragment'),
    {
      who: 'admin',
      name: `GET /api/needs/:id (a closed need, ${t.sampleNeedEvents} events)`,
      path: `/api/needs/${t.sampleNeedId}`,
      call: (db, ctx) => getNeed(db.db, ctx, t.sampleNeedId),
    },
    {
      who: 'admin',
      name: 'GET /api/need-reports (12 months, the default)',
      path: '/api/need-reports',
      call: (db, ctx) => getNeedReports(db.db, ctx.actor!, {}, ctx),
    },
    {
      who: 'admin',
      name: 'GET /api/visits/coverage (this year)',
      path: '/api/visits/coverage',
      call: (db, ctx) => visitCoverage(db.db, ctx, {}),
    },
    list('service', { queue: 'mine' }, queue),
    list('service', { pageSize: '20' }, 'view=all'),
  ];
}

/** What one answer holds, to put beside the figures. */
function sizeOf(body: Record<string, unknown>): string {
  if (typeof body.total === 'number') return `total ${body.total}`;
  if (Array.isArray(body.timeline)) return `${body.timeline.length} events`;
  const totals = body.totals as Record<string, number> | undefined;
  if (totals && 'submitted' in totals) return `${totals.submitted} needs, ${totals.open} open`;
  if (totals && 'companies' in totals) return `${totals.companies} companies, ${totals.visits} visits`;
  return '';
}

async function actors(database: Database, t: NeedsTenant): Promise<Record<Who, Actor>> {
  const usernames: Record<Who, string> = {
    handler: t.handlerUsername,
    head: t.headUsername,
    admin: t.adminUsername,
    service: t.officerUsername,
  };
  const out = {} as Record<Who, Actor>;
  for (const [who, username] of Object.entries(usernames) as [Who, string][]) {
    const u = await database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    out[who] = {
      userId: u.id,
      username: u.username,
      role: u.role as Actor['role'],
      tenantId: u.tenantId,
      departmentId: u.departmentId,
      departmentHead: !!u.departmentHead,
      enterpriseId: u.enterpriseId,
    };
  }
  return out;
}

interface Result {
  kind: string;
  version: string;
  tenant: NeedsTenant;
  settleSeconds: number;
  fragment: { fragment: string; companies: number };
  rows: Row[];
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<Result> {
  const log = (line: string) => console.log(`[${kind}] ${line}`);
  const bench = await createBenchDatabase(kind);
  const database = Database.open(bench.options);
  try {
    await migrateToLatest(database);
    const version =
      kind === 'postgres'
        ? (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]!.v
        : String(database.sqlite!.prepare('select sqlite_version() as v').pluck().get());
    const passwordHash = await hashPassword(BENCH_PASSWORD, 1024);
    const t0 = performance.now();
    const tenant = await seedNeedsTenant(database, { ...SIZES, now: new Date(), passwordHash, log });
    const t1 = performance.now();
    // PostgreSQL some minutes after a load: autovacuum has set the visibility map and refreshed the statistics.
    // SQLite is left as the app leaves it (nothing runs ANALYZE there).
    if (kind === 'postgres') await sql`vacuum analyze`.execute(database.db);
    const settleSeconds = (performance.now() - t1) / 1000;
    log(
      `seeded in ${((t1 - t0) / 1000).toFixed(1)} s` +
        (kind === 'postgres' ? ` (+ vacuum analyze ${settleSeconds.toFixed(1)} s)` : '') +
        `: ${JSON.stringify(tenant.counts)}`,
    );
    const fragment = nameFragment(tenant.companyNames);
    log(`search fragment ${fragment.fragment}: in ${fragment.companies} company names; load average ${load()}`);

    const config = loadConfig(
      { KAIMEN_DATA_DIR: bench.dataDir, KAIMEN_LOG_LEVEL: 'silent', NODE_ENV: 'production', KAIMEN_JOBS: 'false' },
      { loginRatePerMinute: 1_000_000, scryptCost: 1024 },
    );
    const app = await buildApp(config, { database, logger: false, webRoot: null });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    try {
      const who = await actors(database, tenant);
      const cookies = {} as Record<Who, string>;
      for (const [w, a] of Object.entries(who) as [Who, Actor][]) {
        cookies[w] = await loginCookie(baseUrl, a.username, BENCH_PASSWORD);
      }
      const list = scenarios(tenant, fragment.fragment);
      if (process.env.BENCH_EXPLAIN) {
        for (const s of list) {
          const ctx: RequestContext = {
            actor: who[s.who],
            ip: null,
            requestId: null,
            locale: 'zh-CN',
            now: new Date(),
          };
          const plans = await plansWithTimes(database, (traced) => s.call(traced, ctx));
          log(`plans of ${s.who} ${s.name}:\n  ${plans.join('\n  ')}`);
        }
      }
      const health = { name: 'GET /api/health', path: '/api/health', connections: CONNECTIONS };
      const rows: Row[] = [];
      for (const s of list) {
        const headers = { cookie: cookies[s.who] };
        // Whatever an earlier scenario left queued (SQLite answers one request at a time) is answered first.
        await drain(baseUrl);
        const baseline = await measure(baseUrl, health, BASELINE_SECONDS, 0);
        // One request alone: what it answers, and whether 10 connections of it would finish anything in the run.
        const t = performance.now();
        const res = await get(`${baseUrl}${s.path}`, headers);
        if (res.status !== 200) throw new Error(`${s.who} GET ${s.path}: ${res.status} ${await res.text()}`);
        const size = sizeOf((await res.json()) as Record<string, unknown>);
        const single = performance.now() - t;
        const m: Measurement =
          single > SECONDS * 1000
            ? oneRequest(s.name, single)
            : single * CONNECTIONS > SECONDS * 1000
              ? await oneAtATime(baseUrl, s.name, s.path, headers)
              : await measure(
                  baseUrl,
                  { name: s.name, path: s.path, headers, connections: CONNECTIONS },
                  SECONDS,
                  WARMUP_SECONDS,
                );
        log(
          `${s.who} ${s.name} [${size}]: ${m.rps.toFixed(m.rps < 10 ? 2 : 0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms ` +
            `(health just before: ${baseline.rps.toFixed(0)} req/s)${m.bad ? `, ${m.bad} non-2xx/errors` : ''}`,
        );
        rows.push({ ...m, who: s.who, size, baseline });
      }
      return { kind, version, tenant, settleSeconds, fragment, rows };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await bench.drop();
  }
}

/** A request slower than the run, reported from its one answer. */
const oneRequest = (scenario: string, ms: number): Measurement => {
  const p = Math.round(ms);
  return { scenario, connections: 1, requests: 1, rps: 1000 / ms, p50: p, p99: p, bad: 0 };
};

/** fetch, once more when a kept-alive connection the server had just closed fails (after a long pause). */
async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch {
    return fetch(url, { headers });
  }
}

/** Until the server is idle again: three health checks in a row answered within 20 ms (at most a minute). */
async function drain(baseUrl: string) {
  const until = performance.now() + 60_000;
  for (let quick = 0; quick < 3 && performance.now() < until;) {
    const t = performance.now();
    await (await get(`${baseUrl}/api/health`)).text();
    quick = performance.now() - t < 20 ? quick + 1 : 0;
  }
}

/**
 * Requests one after the other for BENCH_SECONDS (at least 3): for a request so slow that 10 connections of it would
 * finish a handful in the run, all of them queued behind one another. p50 and p99 of those few.
 */
async function oneAtATime(baseUrl: string, name: string, path: string, headers: Record<string, string>) {
  const times: number[] = [];
  let bad = 0;
  const start = performance.now();
  while (times.length < 3 || performance.now() - start < SECONDS * 1000) {
    const t = performance.now();
    const res = await get(`${baseUrl}${path}`, headers);
    await res.text();
    times.push(performance.now() - t);
    if (res.status !== 200) bad++;
  }
  times.sort((a, b) => a - b);
  const rps = times.length / ((performance.now() - start) / 1000);
  const p = (q: number) => Math.round(percentile(times, q));
  return {
    scenario: name,
    connections: 1,
    requests: times.length,
    rps,
    p50: p(50),
    p99: p(99),
    bad,
  } satisfies Measurement;
}

/** Keeps the operation node of every query (as explain.ts does). */
class Capture implements KyselyPlugin {
  nodes: RootOperationNode[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push(args.node);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * Every query one call runs, each run again alone and timed, with its plan: EXPLAIN QUERY PLAN on SQLite, EXPLAIN
 * (ANALYZE, BUFFERS) on PostgreSQL (bench/explain.ts, plus the time).
 */
async function plansWithTimes(database: Database, run: (traced: Database) => Promise<unknown>) {
  const t0 = performance.now();
  const capture = new Capture();
  const traced = Object.assign(Object.create(Object.getPrototypeOf(database) as object) as Database, database, {
    db: database.db.withPlugin(capture),
  });
  await run(traced);
  const out = [`(the whole call: ${(performance.now() - t0).toFixed(1)} ms)`];
  for (const node of capture.nodes) {
    const compiled = database.db.getExecutor().compileQuery(node, { queryId: 'explain' });
    const t = performance.now();
    const { rows: result } = await database.db.executeQuery(CompiledQuery.raw(compiled.sql, [...compiled.parameters]));
    const ms = performance.now() - t;
    const prefix = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const { rows } = await database.db.executeQuery(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    const lines = rows.map((r) => Object.values(r as Record<string, unknown>).join(' | '));
    out.push(
      `${ms.toFixed(1)} ms, ${result.length} rows: ${compiled.sql.replace(/\s+/g, ' ')}\n    ${lines.join('\n    ')}`,
    );
  }
  return out;
}

const ratio = (x: number) => `${x.toFixed(x < 0.1 ? 3 : 2)}×`;

function report(r: Result): string {
  const c = r.tenant.counts;
  const s = r.tenant.seconds;
  const open = (c['status submitted'] ?? 0) + (c['status accepted'] ?? 0) + (c['status in_progress'] ?? 0);
  const lines = [
    `### ${r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version}`,
    '',
    `Seeded ${c.enterprises} companies, ${c.visits} visits, ${c.needs} needs (${c.events} events, ` +
      `${c.supporting} supporting departments; ${open} open, ${c['open past due']} of them past due; 住建 leads ` +
      `${c.housingLead}, supports ${c.housingSupporting}) in ${(s.setup + s.enterprises + s.visits + s.needs).toFixed(0)} s ` +
      `(companies ${s.enterprises.toFixed(0)} s, visits ${s.visits.toFixed(0)} s, needs ${s.needs.toFixed(0)} s` +
      `${r.kind === 'postgres' ? `, then vacuum analyze ${r.settleSeconds.toFixed(0)} s` : ''}). ` +
      `Search fragment 「${r.fragment.fragment}」: in ${r.fragment.companies} company names.`,
    '',
    '| who | request | answer | conns | req/s | p50 ms | p99 ms | health req/s (just before) | req/s vs health |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (x) =>
        `| ${x.who} | ${x.scenario} | ${x.size} | ${x.connections === 1 ? (x.requests === 1 ? 'one request' : '1, one after another') : x.connections} | ${x.rps < 10 ? x.rps.toFixed(2) : x.rps.toFixed(0)} | ${x.p50} | ${x.p99} | ` +
        `${x.baseline.rps.toFixed(0)} | ${ratio(x.rps / x.baseline.rps)} |`,
    ),
  ];
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
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; ${new Date().toISOString()}; ` +
      `${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up; load average ${load()}`,
  );
  const started = Date.now();
  const results: Result[] = [];
  for (const kind of kinds) results.push(await benchDatabase(kind));
  console.log(`\n${results.map(report).join('\n\n')}\n`);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; load average after: ${load()}`);
  if (results.some((r) => r.rows.some((x) => x.bad > 0 || x.baseline.bad > 0))) {
    console.error('Some requests did not answer 2xx: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

await main();
