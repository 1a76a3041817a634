import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { Database, type DatabaseOptions } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** Which database this test run uses: vitest runs the suite once per kind (see vitest.config.ts). */
export const DB_KIND = (process.env.KAIMEN_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_ADMIN_URL = process.env.KAIMEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_PASSWORD = 'Kaimen-test-2026';

/** A controllable clock: tests move time instead of waiting. */
export class TestClock {
  constructor(public t = new Date('2026-03-02T01:00:00.000Z')) {}
  now = (): Date => new Date(this.t);
  advanceMinutes(m: number) {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
}

export interface TestDatabase {
  options: DatabaseOptions;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the run's kind: an SQLite file, or a PostgreSQL database of its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-test-'));
  if (DB_KIND === 'sqlite') {
    return {
      options: { kind: 'sqlite', file: path.join(dataDir, 'kaimen.sqlite') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `kaimen_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    options: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // pool.end() returns before the server has closed its backends: wait so the forced drop kills none.
      for (let i = 0; i < 40; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestHarness {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(testDb: TestDatabase, clock: TestClock, overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { KAIMEN_DATA_DIR: testDb.dataDir, KAIMEN_LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    { database: testDb.options, scryptCost: 1024, now: clock.now, ...overrides },
  );
}

/** An in-process app on a fresh, migrated database. */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestHarness> {
  const clock = new TestClock();
  const testDb = await createTestDatabase();
  const config = testConfig(testDb, clock, overrides);
  const database = Database.open(testDb.options);
  await migrateToLatest(database);
  const app = await buildApp(config, { database, webRoot: null, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    testDb,
    close: async () => {
      await app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

/** A logged-in client: keeps the session cookie and sends the CSRF token on unsafe methods. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string | null = null,
    public csrfToken: string | null = null,
  ) {}

  async inject(o: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(o.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    const unsafe = !['GET', 'HEAD', 'OPTIONS', undefined].includes(o.method as string);
    if (unsafe && this.csrfToken && o.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ ...o, headers });
    const set = res.cookies.find((c) => c.name === 'kaimen_sid');
    if (set) this.cookie = set.value ? `kaimen_sid=${set.value}` : null;
    return res;
  }

  get = (url: string, headers: Record<string, string> = {}) => this.inject({ method: 'GET', url, headers });
  post = (url: string, payload?: unknown) =>
    this.inject({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown) =>
    this.inject({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  put = (url: string, payload?: unknown) =>
    this.inject({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  delete = (url: string) => this.inject({ method: 'DELETE', url });
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD, totp?: string) {
  const client = new Client(app);
  const res = await client.post('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  client.csrfToken = res.json().csrfToken;
  return client;
}

export type FilePart = { name: string; content: Buffer; type?: string };

/** A multipart/form-data body: fields first, then the file, as a browser's FormData sends them. */
export function multipart(fields: Record<string, string>, file?: FilePart) {
  const boundary = `----kaimen-${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
