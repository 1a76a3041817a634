// Runs the browser specs against the server on SQLite, then on PostgreSQL when it answers
// on 127.0.0.1:5432 (with CI set, an unreachable PostgreSQL fails the run instead).
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const extra = process.argv.slice(2);
const run = (db) => {
  console.log(`\n== browser tests on ${db}`);
  const r = spawnSync('npx', ['playwright', 'test', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, KAIMEN_E2E_DB: db },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const reachable = () =>
  new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port: 5432 });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });

run('sqlite');
if (await reachable()) run('postgres');
else if (process.env.CI) {
  console.error('CI is set but PostgreSQL does not answer on 127.0.0.1:5432');
  process.exit(1);
} else console.warn('PostgreSQL is not reachable: browser tests on PostgreSQL skipped');
