/**
 * The property module at scale (issue 6), on SQLite and (when it answers) PostgreSQL: one tenant with BENCH_UNITS units
 * (default 50,000) in ~200-unit buildings of five parks, ~60 % let today to the registry's companies, with past and
 * upcoming leases, leads holding ~1 % of the units, a parcel per 25 units and a rental notice per 250
 * (property-seed.ts). Then space matching, a building's 租控表, the unit and lease lists, the occupancy dashboard, the
 * parcel map and the portal feed under load, as the property manager and an investment officer see them — measured as
 * needs.bench.ts measures (the app in this process on a loopback port, autocannon in a worker, each scenario after its
 * own GET /api/health run, a request slower than a tenth of the run sent one at a time; no fixed thresholds) — and
 * writing leases of free units, one after another, each a unit of its own. Env: BENCH_UNITS, BENCH_SECONDS (default 5),
 * BENCH_DB=sqlite|postgres, BENCH_EXPLAIN=1 (the plan of every query of each read scenario, via explain.ts),
 * BENCH_SQLITE_ANALYZE=1 (SQLite measured after an ANALYZE, which the app never runs), BENCH_SKIP=map,occupancy
 * (leaves out the read scenarios whose name contains one of these).
 */
import os from 'node:os';
import { officeDate } from '@kaimen/shared';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { Database } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import type { Actor, RequestContext } from '../apps/server/src/lib/actor.js';
import { hashPassword } from '../apps/server/src/lib/password.js';
import { getBuilding, findUnits } from '../apps/server/src/modules/property/inventory.service.js';
import { findLeases } from '../apps/server/src/modules/property/leases.service.js';
import { getOccupancy, getPropertyMap } from '../apps/server/src/modules/property/occupancy.service.js';
import { matchForLead, matchUnits, ZSpaceNeedQuery } from '../apps/server/src/modules/property/property.matching.js';
import { ZListLeasesRequest, ZListUnitsRequest } from '../apps/server/src/modules/property/property.schemas.js';
import { ZPublishedFeedRequest } from '../apps/server/src/modules/property/rental-notices.schemas.js';
import { findPublishedRentalNotices } from '../apps/server/src/modules/property/rental-notices.service.js';
import { explainQueries } from './explain.js';
import {
  BENCH_PASSWORD,
  createBenchDatabase,
  loginCookie,
  measure,
  postgresReachable,
  type Measurement,
} from './lib.js';
import { seedPropertyTenant, type PropertyTenant } from './property-seed.js';
import { percentile } from './timing.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 50_000);
const SIZES = {
  units: UNITS,
  unitsPerBuilding: 200,
  enterprises: Math.round(UNITS * 0.32),
  lessees: Math.round(UNITS * 0.3),
  leads: Math.max(50, Math.round(UNITS / 25)),
  parcels: Math.max(20, Math.round(UNITS / 25)),
  notices: Math.max(10, Math.round(UNITS / 250)),
};
const ANALYZE = !!process.env.BENCH_SQLITE_ANALYZE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const BASELINE_SECONDS = 2;
const CONNECTIONS = 10;
/** Leases written one after another: at most this many, and for at most BENCH_SECONDS. */
const MAX_WRITES = 500;

type Who = 'property' | 'investment';

interface PropertyScenario {
  who: Who;
  name: string;
  path: string;
  /** The same call in this process, for its query plans (BENCH_EXPLAIN=1). */
  call: (db: Database, ctx: RequestContext) => Promise<unknown>;
}

interface Row extends Measurement {
  who: Who;
  /** What one answer held (the list's total, the units of the building …) and its size in kB. */
  size: string;
  baseline: Measurement;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A 2-character piece of company names that about half a percent of the companies share (as needs.bench.ts picks). */
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

function scenarios(t: PropertyTenant, fragment: string): PropertyScenario[] {
  const shown = (query: Record<string, string>) =>
    Object.entries(query)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  const qs = (query: Record<string, string>) => new URLSearchParams(query).toString();
  const matches = (query: Record<string, string>, note: string): PropertyScenario => ({
    who: 'investment',
    name: `GET /api/units/matches?${shown(query)} (${note})`,
    path: `/api/units/matches?${qs(query)}`,
    call: (db, ctx) => matchUnits(db.db, ctx, ZSpaceNeedQuery.parse(query)),
  });
  const units = (query: Record<string, string>, note?: string): PropertyScenario => ({
    who: 'property',
    name: `GET /api/units?${shown(query)}${note ? ` (${note})` : ''}`,
    path: `/api/units?${qs(query)}`,
    call: (db, ctx) => findUnits(db.db, ctx, ZListUnitsRequest.parse(query)),
  });
  const leases = (query: Record<string, string>, note?: string): PropertyScenario => ({
    who: 'property',
    name: `GET /api/leases${Object.keys(query).length ? `?${shown(query)}` : ''}${note ? ` (${note})` : ''}`,
    path: `/api/leases?${qs(query)}`,
    call: (db, ctx) => findLeases(db.db, ctx, ZListLeasesRequest.parse(query)),
  });
  const deepPage = Math.max(1, Math.floor((t.counts.units! * 0.9) / 20));
  return [
    matches({ type: 'gmp', area: '3000', requirements: 'gmp_ready,lab_exhaust' }, 'GMP 3,000 m²'),
    matches({ type: 'office', area: '500', tolerance: '0.3' }, 'a loose office need'),
    {
      who: 'investment',
      name: 'GET /api/leads/:id/space-matches (GMP 3,000 m², gmp_ready + lab_exhaust)',
      path: `/api/leads/${t.gmpLeadId}/space-matches`,
      call: (db, ctx) => matchForLead(db.db, ctx, t.gmpLeadId),
    },
    {
      who: 'property',
      name: `GET /api/buildings/:id (the 租控表 of the largest building, ${t.bigBuilding.units} units)`,
      path: `/api/buildings/${t.bigBuilding.id}`,
      call: (db, ctx) => getBuilding(db.db, ctx, t.bigBuilding.id),
    },
    units({ type: 'lab', status: 'vacant' }),
    units({ page: String(deepPage), pageSize: '20' }, '90 % down the list'),
    leases({}),
    leases({ status: 'active' }),
    leases({ q: fragment }, 'a company name fragment'),
    {
      who: 'property',
      name: 'GET /api/property/occupancy',
      path: '/api/property/occupancy',
      call: (db, ctx) => getOccupancy(db.db, ctx, {}),
    },
    {
      who: 'property',
      name: 'GET /api/property/map',
      path: '/api/property/map',
      call: (db, ctx) => getPropertyMap(db.db, ctx, {}),
    },
    {
      who: 'property',
      name: 'GET /api/rental-notices/published',
      path: '/api/rental-notices/published',
      call: (db, ctx) => findPublishedRentalNotices(db.db, ctx, ZPublishedFeedRequest.parse({})),
    },
  ];
}

/** What one answer holds, to put beside the figures. */
function sizeOf(body: Record<string, unknown>, bytes: number): string {
  const kB = `${Math.round(bytes / 1024)} kB`;
  const parcels = body.parcels as { total?: number; length?: number } | undefined;
  if (body.need) {
    const areas = (body.items as { unit: { area: number } }[]).map((i) => i.unit.area);
    const span = areas.length ? `, shown ${Math.min(...areas)}–${Math.max(...areas)} m²` : '';
    return `total ${String(body.total)}${span}, ${parcels?.total ?? 0} parcels; ${kB}`;
  }
  if (Array.isArray(body.floors) && Array.isArray(body.units)) {
    return `${body.units.length} units, ${body.floors.length} floors; ${kB}`;
  }
  if (typeof body.total === 'number') return `total ${body.total}; ${kB}`;
  const total = body.total as { units?: number } | undefined;
  const buildings = body.buildings as unknown[] | undefined;
  if (total?.units !== undefined) return `${total.units} units, ${buildings?.length ?? 0} buildings; ${kB}`;
  if (Array.isArray(parcels)) return `${parcels.length} parcels, ${buildings?.length ?? 0} buildings; ${kB}`;
  return kB;
}

async function actors(database: Database, t: PropertyTenant): Promise<Record<Who, Actor>> {
  const usernames: Record<Who, string> = { property: t.propertyUsername, investment: t.investmentUsername };
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

interface Writes extends Measurement {
  /** The same unit leased again for overlapping dates: the status the overlap check answered (409 expected). */
  overlapStatus: number;
  baseline: Measurement;
}

interface Result {
  kind: string;
  version: string;
  tenant: PropertyTenant;
  settleSeconds: number;
  fragment: { fragment: string; companies: number };
  rows: Row[];
  writes: Writes;
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
    const tenant = await seedPropertyTenant(database, { ...SIZES, now: new Date(), passwordHash, log });
    const t1 = performance.now();
    // As needs.bench.ts: PostgreSQL as autovacuum leaves it some minutes after a load; SQLite without statistics.
    if (kind === 'postgres') await sql`vacuum analyze`.execute(database.db);
    // BENCH_SQLITE_ANALYZE=1: SQLite with statistics, which the app never gathers (to see what they would change).
    if (kind === 'sqlite' && ANALYZE) database.sqlite!.exec('analyze');
    const settleSeconds = (performance.now() - t1) / 1000;
    log(
      `seeded in ${((t1 - t0) / 1000).toFixed(1)} s` +
        (kind === 'postgres' ? ` (+ vacuum analyze ${settleSeconds.toFixed(1)} s)` : '') +
        `: ${JSON.stringify(tenant.counts)}`,
    );
    const fragment = nameFragment(tenant.companyNames.slice(0, SIZES.lessees));
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
      const skip = (process.env.BENCH_SKIP ?? '').split(',').filter(Boolean);
      const list = scenarios(tenant, fragment.fragment).filter((s) => !skip.some((k) => s.name.includes(k)));
      if (process.env.BENCH_EXPLAIN) {
        for (const s of list) {
          const ctx: RequestContext = {
            actor: who[s.who],
            ip: null,
            requestId: null,
            locale: 'zh-CN',
            now: new Date(),
          };
          const t = performance.now();
          await s.call(database, ctx);
          const ms = performance.now() - t;
          const plans = await explainQueries(database, (traced) => s.call(traced, ctx));
          log(`plans of ${s.who} ${s.name} (the whole call: ${ms.toFixed(1)} ms):\n  ${plans.join('\n  ')}`);
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
        const text = await res.text();
        if (res.status !== 200) throw new Error(`${s.who} GET ${s.path}: ${res.status} ${text}`);
        const single = performance.now() - t;
        const size = sizeOf(JSON.parse(text) as Record<string, unknown>, Buffer.byteLength(text));
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
      await drain(baseUrl);
      const baseline = await measure(baseUrl, health, BASELINE_SECONDS, 0);
      const writes = { ...(await writeLeases(baseUrl, cookies.property, tenant)), baseline };
      log(
        `property POST /api/leases: ${writes.requests} leases one after another, ${writes.rps.toFixed(1)} a second, ` +
          `p50 ${writes.p50} ms, p99 ${writes.p99} ms; the same unit again: ${writes.overlapStatus} ` +
          `(health just before: ${baseline.rps.toFixed(0)} req/s)${writes.bad ? `, ${writes.bad} not 201` : ''}`,
      );
      return { kind, version, tenant, settleSeconds, fragment, rows, writes };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await bench.drop();
  }
}

/**
 * POST /api/leases one after another for BENCH_SECONDS (at least 3, at most MAX_WRITES): each a free unit of its own
 * (no lease from today on), from next month for three years, to one of the lessees. Then the first unit once more for
 * overlapping dates, which the check in the transaction must refuse.
 */
async function writeLeases(baseUrl: string, cookie: string, t: PropertyTenant) {
  const me = (await (await get(`${baseUrl}/api/auth/me`, { cookie })).json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
  const today = officeDate(new Date());
  const day = (offset: number) => new Date(Date.parse(today) + offset * 86_400_000).toISOString().slice(0, 10);
  const body = (k: number, unitId: string) =>
    JSON.stringify({
      enterpriseId: t.companyIds[k % t.companyIds.length],
      unitIds: [unitId],
      startsOn: day(30),
      endsOn: day(30 + 3 * 365 - 1),
      monthlyRent: 20_000,
      deposit: 60_000,
    });
  const post = (payload: string) => fetch(`${baseUrl}/api/leases`, { method: 'POST', headers, body: payload });
  const times: number[] = [];
  let bad = 0;
  const start = performance.now();
  const limit = Math.min(MAX_WRITES, t.freeUnitIds.length);
  while (times.length < limit && (times.length < 3 || performance.now() - start < SECONDS * 1000)) {
    const k = times.length;
    const s = performance.now();
    const res = await post(body(k, t.freeUnitIds[k]!));
    await res.text();
    times.push(performance.now() - s);
    if (res.status !== 201) bad++;
  }
  const rps = times.length / ((performance.now() - start) / 1000);
  const again = await post(body(1, t.freeUnitIds[0]!));
  await again.text();
  times.sort((a, b) => a - b);
  const p = (q: number) => Math.round(percentile(times, q));
  return {
    scenario: 'POST /api/leases (a free unit each, one after another)',
    connections: 1,
    requests: times.length,
    rps,
    p50: p(50),
    p99: p(99),
    bad,
    overlapStatus: again.status,
  };
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

/** Requests one after the other for BENCH_SECONDS (at least 3), as needs.bench.ts sends its slow ones. */
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

const ratio = (x: number) => `${x.toFixed(x < 0.1 ? 3 : 2)}×`;
const rpsText = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function report(r: Result): string {
  const c = r.tenant.counts;
  const s = r.tenant.seconds;
  const w = r.writes;
  const conns = (x: Measurement) =>
    x.connections === 1 ? (x.requests === 1 ? 'one request' : '1, one after another') : String(x.connections);
  const lines = [
    `### ${r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version}${r.kind === 'sqlite' && ANALYZE ? ' (after ANALYZE)' : ''}`,
    '',
    `Seeded ${c.units} units (${c.buildings} buildings, ${c.floors} floors; ` +
      `${['office', 'lab', 'gmp', 'standard_plant', 'warehouse'].map((t) => `${t} ${c[`type ${t}`] ?? 0}`).join(', ')}), ` +
      `${c.leasedToday} let today; ${c.leases} leases (${c.active} active, ${c.upcoming} upcoming, ${c.expired} expired, ` +
      `${c.terminated} terminated; ${c.leaseUnits} lease_units) to ${c.enterprises} companies (${c.lessees} hold ` +
      `today's leases); ${c.leads} leads, ${c.reserved} units held (${c.reservationRows} reservation rows); ` +
      `${c.parcels} parcels; ${c.notices} rental notices (${c['notices published'] ?? 0} published) in ` +
      `${(s.setup + s.enterprises + s.property).toFixed(0)} s (companies ${s.enterprises.toFixed(0)} s, ` +
      `property ${s.property.toFixed(0)} s${r.kind === 'postgres' || ANALYZE ? `, then ${r.kind === 'postgres' ? 'vacuum analyze' : 'ANALYZE'} ${r.settleSeconds.toFixed(0)} s` : ''}). ` +
      `Search fragment 「${r.fragment.fragment}」: in ${r.fragment.companies} company names.`,
    '',
    '| who | request | answer | conns | req/s | p50 ms | p99 ms | health req/s (just before) | req/s vs health |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (x) =>
        `| ${x.who} | ${x.scenario} | ${x.size} | ${conns(x)} | ${rpsText(x.rps)} | ${x.p50} | ${x.p99} | ` +
        `${x.baseline.rps.toFixed(0)} | ${ratio(x.rps / x.baseline.rps)} |`,
    ),
    `| property | ${w.scenario} | ${w.requests} leases; the same unit again: ${w.overlapStatus} | ${conns(w)} | ` +
      `${rpsText(w.rps)} | ${w.p50} | ${w.p99} | ${w.baseline.rps.toFixed(0)} | ${ratio(w.rps / w.baseline.rps)} |`,
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
  const invalid = results.some(
    (r) =>
      r.rows.some((x) => x.bad > 0 || x.baseline.bad > 0) ||
      r.writes.bad > 0 ||
      r.writes.baseline.bad > 0 ||
      r.writes.overlapStatus !== 409,
  );
  if (invalid) {
    console.error('Some requests did not answer as expected (2xx; 409 for the overlap): the numbers are not valid.');
    process.exitCode = 1;
  }
}

await main();
