/**
 * BENCH_EXPLAIN=1: the plan of every query one call of a list scenario runs, as the database reports it (EXPLAIN
 * QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL), to find out why a scenario is slow.
 */
import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Database } from '../apps/server/src/db/database.js';
import type { Actor } from '../apps/server/src/lib/actor.js';
import { findEnterprises } from '../apps/server/src/modules/enterprises/enterprises.service.js';
import type { ListScenario } from './list-scenarios.js';

/** Keeps the operation node of every query, after the app's own plugins (snake_case names). */
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

export async function explainQueries(database: Database, run: (traced: Database) => Promise<unknown>) {
  const capture = new Capture();
  // The same Database, its queries seen on their way out.
  const traced = Object.assign(Object.create(Object.getPrototypeOf(database) as object) as Database, database, {
    db: database.db.withPlugin(capture),
  });
  await run(traced);
  const plans: string[] = [];
  for (const node of capture.nodes) {
    const compiled = database.db.getExecutor().compileQuery(node, { queryId: 'explain' });
    const prefix = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const { rows } = await database.db.executeQuery(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    const lines = rows.map((r) => Object.values(r as Record<string, unknown>).join(' | '));
    plans.push(`${compiled.sql.replace(/\s+/g, ' ')}\n    ${lines.join('\n    ')}`);
  }
  return plans;
}

export async function explainList(
  database: Database,
  actor: Actor,
  scenarios: readonly ListScenario[],
  log: (line: string) => void,
): Promise<void> {
  for (const s of scenarios.filter((x) => x.at === 0)) {
    const plans = await explainQueries(database, (traced) =>
      findEnterprises(traced, actor, { ...s.query, page: 1, pageSize: 20 }),
    );
    log(`plans of list ${s.name}:\n  ${plans.join('\n  ')}`);
  }
}
