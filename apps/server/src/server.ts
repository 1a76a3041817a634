import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createJobRunner } from './modules/jobs/jobs.js';

/** Migrate, build, listen, run jobs; stop cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config, database = Database.open(config.database)): Promise<FastifyInstance> {
  await migrateToLatest(database);
  const app = await buildApp(config, { database });
  const runner = createJobRunner({ database, config }, `${os.hostname()}:${process.pid}`, { log: app.log });
  app.addHook('onClose', async () => {
    await runner.stop();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });
  if (config.jobs) runner.start();

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer(loadConfig()).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
