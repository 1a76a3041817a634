import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { Database, type DatabaseOptions } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { hashPassword } from '../apps/server/src/lib/password.js';
import { iso } from '../apps/server/src/lib/time.js';
import { provisionTenant } from '../apps/server/src/modules/tenants/tenants.service.js';

export const PG_ADMIN_URL = process.env.KAIMEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_PASSWORD = 'Kaimen-bench-2026';

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  options: DatabaseOptions;
  dataDir: string;
  drop(): Promise<void>;
}

/** PostgreSQL answers on the admin URL's host and port? */
export function postgresReachable(url = PG_ADMIN_URL): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** A fresh SQLite file in a temp dir, or a PostgreSQL database of our own (`kaimen_bench_<random>`). */
export async function createBenchDatabase(kind: 'sqlite' | 'postgres'): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-bench-'));
  const rmDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    return { kind, options: { kind, file: path.join(dataDir, 'kaimen.sqlite') }, dataDir, drop: async () => rmDir() };
  }
  const name = `kaimen_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    options: { kind, url: url.toString(), poolSize: 10 },
    dataDir,
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      rmDir();
    },
  };
}

export interface Seeded {
  tenantId: string;
  adminUsername: string;
  /** A seeded user whose hash has the production scrypt cost, for the login scenario. */
  loginUsername: string;
}

const ROLES = ['leader', 'investment', 'service', 'property'] as const;
const ACTIONS = ['create', 'update', 'login', 'disable', 'reset-password'] as const;
const ENTITIES = ['user', 'department', 'enterprise', 'need', 'settings'] as const;

/** Rows in batches, all inside one transaction. */
async function insertBatched<T extends 'users' | 'auditEvents'>(
  database: Database,
  table: T,
  count: number,
  batch: number,
  row: (i: number) => Record<string, unknown>,
) {
  await database.transaction(async (trx) => {
    for (let start = 0; start < count; start += batch) {
      const rows = Array.from({ length: Math.min(batch, count - start) }, (_, k) => row(start + k));
      await trx
        .insertInto(table)
        .values(rows as any)
        .execute();
    }
  });
}

/**
 * One tenant (`bench`) with its admin, `users` more users and `auditEvents` audit events, plus a
 * smaller neighbour tenant so the tenant filter has something to filter out.
 * All users share one precomputed hash with the real cost, so seeding stays fast.
 */
export async function seed(
  database: Database,
  o: { scryptCost: number; users: number; auditEvents: number },
): Promise<Seeded> {
  const passwordHash = await hashPassword(BENCH_PASSWORD, o.scryptCost);
  const start = new Date('2026-01-05T00:00:00.000Z');
  const tenants: { slug: string; users: number; events: number; id?: string }[] = [
    { slug: 'bench', users: o.users, events: o.auditEvents },
    { slug: 'neighbour', users: Math.round(o.users / 10), events: Math.round(o.auditEvents / 10) },
  ];
  for (const t of tenants) {
    const { tenant } = await database.transaction((trx) =>
      provisionTenant(trx, {
        slug: t.slug,
        name: `园区 ${t.slug}`,
        now: start,
        admin: { username: `${t.slug}-admin`, displayName: `${t.slug} 管理员`, passwordHash },
      }),
    );
    t.id = tenant.id;
    const now = iso(start);
    await insertBatched(database, 'users', t.users, 500, (i) => ({
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      username: `${t.slug}-u${String(i).padStart(5, '0')}`,
      displayName: `${t.slug} 用户 ${i}`,
      passwordHash,
      role: ROLES[i % ROLES.length],
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
  }
  // Interleave tenants in time so the neighbour's rows sit among ours, as in a shared database.
  const total = tenants.reduce((n, t) => n + t.events, 0);
  const every = Math.round(total / tenants[1]!.events);
  const stepMs = Math.floor((60 * 86_400_000) / total);
  await insertBatched(database, 'auditEvents', total, 1000, (i) => {
    const t = i % every === 0 ? tenants[1]! : tenants[0]!;
    const action = ACTIONS[i % ACTIONS.length]!;
    const entityType = ENTITIES[i % ENTITIES.length]!;
    return {
      tenantId: t.id,
      at: iso(new Date(start.getTime() + i * stepMs)),
      actorUserId: null,
      actorUsername: `${t.slug}-u${String(i % t.users).padStart(5, '0')}`,
      actorRole: 'leader',
      ip: '10.0.0.1',
      requestId: crypto.randomUUID(),
      action,
      entityType,
      entityId: crypto.randomUUID(),
      outcome: 'ok',
      before: action === 'update' ? JSON.stringify({ name: 'before', version: 1 }) : null,
      after: action === 'create' || action === 'update' ? JSON.stringify({ name: 'after', version: 2 }) : null,
      detail: null,
    };
  });
  return { tenantId: tenants[0]!.id!, adminUsername: 'bench-admin', loginUsername: 'bench-u00001' };
}

export interface RunningApp {
  baseUrl: string;
  database: Database;
  close(): Promise<void>;
}

/** The real app, in this process, on a free loopback port; logger off, no web root. */
export async function startApp(db: BenchDatabase, seedOptions: Parameters<typeof seed>[1]) {
  const config = loadConfig(
    { KAIMEN_DATA_DIR: db.dataDir, KAIMEN_LOG_LEVEL: 'silent', NODE_ENV: 'production', KAIMEN_JOBS: 'false' },
    // The login route's limiter would otherwise turn the login scenario into a 429 benchmark.
    { database: db.options, loginRatePerMinute: 1_000_000, scryptCost: seedOptions.scryptCost },
  );
  const database = Database.open(db.options);
  await migrateToLatest(database);
  const seeded = await seed(database, seedOptions);
  const app = await buildApp(config, { database, logger: false, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    seeded,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Logs in over HTTP and returns the session cookie header value. */
export async function loginCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const sid = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('kaimen_sid='));
  if (!sid) throw new Error('login: no session cookie');
  return sid;
}

export interface Scenario {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
}

export interface Measurement {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

/**
 * One autocannon run. Load is generated in a worker thread so it does not share the event loop with
 * the server under test; a short warm-up first (JIT, prepared statements, pool connections).
 */
export async function measure(baseUrl: string, s: Scenario, seconds: number, warmupSeconds: number) {
  const opts = {
    url: `${baseUrl}${s.path}`,
    method: s.method ?? 'GET',
    headers: { ...(s.body ? { 'content-type': 'application/json' } : {}), ...s.headers },
    ...(s.body ? { body: s.body } : {}),
    connections: s.connections,
    workers: 1,
    timeout: 30,
  };
  if (warmupSeconds > 0) await autocannon({ ...opts, duration: warmupSeconds });
  const r = await autocannon({ ...opts, duration: seconds });
  const requests = r.latency.totalCount ?? r['2xx'] + r.non2xx;
  return {
    scenario: s.name,
    connections: s.connections,
    requests,
    rps: requests / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.non2xx + r.errors + r.timeouts,
  } satisfies Measurement;
}
