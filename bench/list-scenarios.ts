/**
 * (b) The registry list through findEnterprises, as the API runs it for an admin: a page of 20 with its capped total,
 * first pages and keyset pages far into the list, unfiltered and with each one filter.
 */
import type { Actor } from '../apps/server/src/lib/actor.js';
import type { Database } from '../apps/server/src/db/database.js';
import { encodeCursor } from '../apps/server/src/lib/paging.js';
import { chainNodeWithDescendants } from '../apps/server/src/modules/chain/chain.service.js';
import type { TListEnterprisesRequest } from '../apps/server/src/modules/enterprises/enterprises.schemas.js';
import { findEnterprises } from '../apps/server/src/modules/enterprises/enterprises.service.js';
import { timeRuns, type Timing } from './timing.js';

export type ListQuery = Omit<TListEnterprisesRequest, 'page' | 'pageSize'>;

export interface ListScenario {
  name: string;
  query: ListQuery;
  /** Open the page at this share of the (filtered) list through a keyset cursor; 0: the first page. */
  at: number;
}

export function listScenarios(officerId: string): ListScenario[] {
  const filters: [string, ListQuery][] = [
    ['park 二期', { park: '二期' }],
    ['size large', { size: 'large' }],
    ['industry 7340', { industryCode: '7340' }],
    ['industry group 27', { industryCode: '27' }],
    ['qualification high_tech', { qualification: 'high_tech' }],
    ['qualification specialized', { qualification: 'specialized' }],
    ['tag 招商引进', { tag: '招商引进' }],
    ['tag 独角兽 (rare)', { tag: '独角兽' }],
    ['chain node cro (+3 children)', { chainNode: 'cro' }],
    ['assigned officer', { assignedOfficerId: officerId }],
  ];
  return [
    { name: 'by name', query: {}, at: 0 },
    { name: 'by name', query: {}, at: 0.9 },
    { name: 'newest first', query: { sort: '-createdAt' }, at: 0.9 },
    { name: 'last changed first', query: { sort: '-updatedAt' }, at: 0 },
    ...filters.flatMap(([name, query]) => [
      { name, query, at: 0 },
      { name, query, at: 0.9 },
    ]),
  ];
}

export function adminActor(tenantId: string, userId: string): Actor {
  return {
    userId,
    username: 'bench-admin',
    role: 'admin',
    tenantId,
    departmentId: null,
    departmentHead: false,
    enterpriseId: null,
  };
}

const CHILD = {
  tag: ['enterpriseTags', 'tag'],
  qualification: ['enterpriseQualifications', 'code'],
  chainNode: ['enterpriseChainNodes', 'chainNodeId'],
} as const;

/** The keyset cursor of the row at `share` of the filtered list in its sort order (worked out once, off the clock). */
async function cursorAt(database: Database, tenantId: string, q: ListQuery, share: number): Promise<string | null> {
  const db = database.db;
  const sort = q.sort ?? 'name';
  const col = sort.replace('-', '') as 'name' | 'createdAt' | 'updatedAt';
  let base = db.selectFrom('enterprises').where('enterprises.tenantId', '=', tenantId);
  if (q.park) base = base.where('park', '=', q.park);
  if (q.size) base = base.where('size', '=', q.size);
  if (q.assignedOfficerId) base = base.where('assignedOfficerId', '=', q.assignedOfficerId);
  if (q.industryCode) base = base.where('industryCode', 'like', `${q.industryCode}%`);
  for (const key of ['tag', 'qualification', 'chainNode'] as const) {
    const value = q[key];
    if (!value) continue;
    const [table, column] = CHILD[key];
    const values = key === 'chainNode' ? await chainNodeWithDescendants(db, tenantId, value) : [value];
    base = base.where('id', 'in', (eb) =>
      eb
        .selectFrom(table)
        .select('enterpriseId')
        .where('tenantId', '=', tenantId)
        .where(column as 'tag', 'in', values),
    );
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const row = await base
    .select(['id', col])
    .orderBy(col, dir)
    .orderBy('id', dir)
    .offset(Math.floor(Number(n) * share))
    .limit(1)
    .executeTakeFirst();
  return row ? encodeCursor(row[col], row.id) : null;
}

export interface ListRow {
  scenario: string;
  at: number;
  total: string;
  timing: Timing;
}

export async function benchList(
  database: Database,
  actor: Actor,
  scenarios: readonly ListScenario[],
  runs: number,
  log: (line: string) => void,
): Promise<ListRow[]> {
  const out: ListRow[] = [];
  for (const s of scenarios) {
    const cursor = s.at > 0 ? await cursorAt(database, actor.tenantId!, s.query, s.at) : null;
    const q: TListEnterprisesRequest = { ...s.query, ...(cursor ? { cursor } : {}), page: 1, pageSize: 20 };
    const t0 = performance.now();
    const first = await findEnterprises(database, actor, q);
    // A slow scenario gets fewer runs: its p95 is clear long before 100 runs of half a second.
    const n = performance.now() - t0 > 200 ? Math.max(10, Math.floor(runs / 10)) : runs;
    const timing = await timeRuns(() => findEnterprises(database, actor, q), n, Math.min(3, n));
    const total = `${first.total}${first.totalCapped ? '+' : ''}`;
    log(
      `list ${s.name}${s.at ? ` at ${s.at * 100} %` : ''}: ${first.items.length} rows of ${total}; ` +
        `p50 ${timing.p50.toFixed(2)} p95 ${timing.p95.toFixed(2)} ms (${n} runs)`,
    );
    out.push({ scenario: s.name, at: s.at, total, timing });
  }
  return out;
}
