/**
 * (c) GET /api/enterprises?q=… under load (autocannon, in a worker thread), beside two bare Fastify routes in the same
 * process serving the same 20 companies: one loads them from the database as the endpoint does after its search
 * (rows by id, then their tags, qualifications, chain nodes and officers), one sends the endpoint's JSON as a
 * constant. Each run in turn, in the same run of the bench, so load from elsewhere moves all of them.
 */
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Database } from '../apps/server/src/db/database.js';
import { loadSummaries, type EnterpriseRow } from '../apps/server/src/modules/enterprises/enterprises.repository.js';
import { BENCH_PASSWORD, loginCookie, measure, type Measurement } from './lib.js';

export interface EndpointRow {
  term: string;
  endpoint: Measurement;
  bareDb: Measurement;
  bareStatic: Measurement;
}

const CONNECTIONS = 10;

async function listen(app: { listen(o: { port: number; host: string }): Promise<string> }) {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

export async function benchEndpoint(
  database: Database,
  o: { dataDir: string; tenantId: string; adminUsername: string; terms: readonly string[]; seconds: number },
  log: (line: string) => void,
): Promise<EndpointRow[]> {
  const config = loadConfig(
    { KAIMEN_DATA_DIR: o.dataDir, KAIMEN_LOG_LEVEL: 'silent', NODE_ENV: 'production', KAIMEN_JOBS: 'false' },
    { loginRatePerMinute: 1_000_000, scryptCost: 1024 },
  );
  const app = await buildApp(config, { database, logger: false, webRoot: null });
  const appUrl = await listen(app);
  const cookie = await loginCookie(appUrl, o.adminUsername, BENCH_PASSWORD);

  // The bare routes: the endpoint's answer for each term, worked out once.
  const answers = new Map<string, { ids: string[]; body: string; total: number; totalCapped: boolean }>();
  for (const term of o.terms) {
    const res = await fetch(`${appUrl}/api/enterprises?q=${encodeURIComponent(term)}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /api/enterprises?q=${term}: ${res.status} ${await res.text()}`);
    const body = await res.text();
    const parsed = JSON.parse(body) as { items: { id: string }[]; total: number; totalCapped: boolean };
    answers.set(term, { ids: parsed.items.map((i) => i.id), body, ...parsed });
  }
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { term: string } }>('/db/:term', async (req) => {
    const a = answers.get(req.params.term)!;
    const rows = await database.db
      .selectFrom('enterprises')
      .selectAll()
      .where('tenantId', '=', o.tenantId)
      .where('id', 'in', a.ids.length ? a.ids : ['-'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = a.ids.map((id) => byId.get(id)).filter((r): r is EnterpriseRow => !!r);
    const items = await loadSummaries(database.db, o.tenantId, ordered);
    return { items, total: a.total, totalCapped: a.totalCapped, page: 1, pageSize: 20, nextCursor: null };
  });
  bare.get<{ Params: { term: string } }>('/static/:term', async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(answers.get(req.params.term)!.body),
  );
  const bareUrl = await listen(bare);

  const out: EndpointRow[] = [];
  try {
    for (const term of o.terms) {
      const t = encodeURIComponent(term);
      const run = (name: string, url: string, path: string, headers?: Record<string, string>) =>
        measure(url, { name, path, connections: CONNECTIONS, ...(headers ? { headers } : {}) }, o.seconds, 1);
      const bareDb = await run(`bare route, same 20 rows from the database (${term})`, bareUrl, `/db/${t}`);
      const endpoint = await run(`GET /api/enterprises?q=${term}`, appUrl, `/api/enterprises?q=${t}`, { cookie });
      const bareStatic = await run(`bare route, the same JSON as a constant (${term})`, bareUrl, `/static/${t}`);
      for (const m of [bareDb, endpoint, bareStatic]) {
        log(
          `${m.scenario}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.bad ? `, ${m.bad} bad` : ''}`,
        );
      }
      out.push({ term, endpoint, bareDb, bareStatic });
    }
  } finally {
    await bare.close();
    await app.close();
  }
  return out;
}
