import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url));
const alias = { '@kaimen/shared': shared };

/** PostgreSQL on 127.0.0.1:5432 answers? Without it the PostgreSQL run is skipped, except under CI where that fails. */
function postgresReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 5432 });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export default defineConfig(async () => {
  const pg = await postgresReachable();
  if (!pg && process.env.CI) throw new Error('CI is set but PostgreSQL does not answer on 127.0.0.1:5432');
  if (!pg) console.warn('\n[kaimen] PostgreSQL is not reachable on 127.0.0.1:5432: its test run is skipped.\n');
  const server = (kind: 'sqlite' | 'postgres') => ({
    resolve: { alias },
    test: {
      name: `server-${kind}`,
      include: ['apps/server/src/**/*.test.ts'],
      env: { KAIMEN_TEST_DB: kind },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
  return {
    test: {
      projects: [
        { resolve: { alias }, test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
        'apps/web/vitest.config.ts',
        server('sqlite'),
        ...(pg ? [server('postgres')] : []),
      ],
    },
  };
});
