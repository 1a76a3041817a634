import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD, PLATFORM_OPERATOR } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'apps/server/dist/cli.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, exited: () => string | null, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`the server exited before it was ready (${exit})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
}

const PG_ADMIN_URL = process.env.KAIMEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** With KAIMEN_E2E_DB=postgres the server runs on a PostgreSQL database of this run's own. */
async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kaimen_e2e_${Date.now().toString(36)}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * Seeds the demo tenant into a fresh data directory and starts the built server
 * on a free port; the returned function stops it and removes the directory.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const file of [CLI, WEB_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kaimen-e2e-'));
  const pgDatabase = process.env.KAIMEN_E2E_DB === 'postgres' ? await createPostgresDatabase() : null;
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KAIMEN_DATA_DIR: dataDir,
    KAIMEN_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(pgDatabase ? { DATABASE_URL: pgDatabase.url } : {}),
  };

  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  cli('seed', '--demo');
  // The demo has no platform operator; the tenants spec needs one.
  cli('user', 'create', '--username', PLATFORM_OPERATOR, '--password', DEMO_PASSWORD, '--role', 'super_admin');

  const server = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(import.meta.dirname, 'server.log'));
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let exit: string | null = null;
  server.once('exit', (code, signal) => {
    exit = `code ${code}, signal ${signal}`;
  });

  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(`${url}/api/health`, () => exit);
  process.env.KAIMEN_E2E_URL = url;

  return async () => {
    if (!exit) {
      const stopped = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
      if (!exit) server.kill('SIGKILL');
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
    await pgDatabase?.drop();
  };
}
