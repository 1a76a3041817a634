import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { COUNT_CAP, keysetAfter } from '../../lib/paging.js';
import { chainNodeWithDescendants } from '../chain/chain.service.js';
import { enterprisesPolicy } from './enterprises.policy.js';
import type { EnterpriseRow } from './enterprises.repository.js';
import type { TListEnterprisesRequest } from './enterprises.schemas.js';

/**
 * How a list page with one filter on a child table (tag, qualification, chain node) is found, when nothing else narrows
 * it (the actor sees the whole tenant). Measured at 1M companies (docs/PERFORMANCE.md):
 *  - the capped total counts the child table's index alone (up to 10,001 entries), where counting companies that
 *    have such a child row tested every company of the tenant (SQLite: seconds; PostgreSQL merged the whole tenant);
 *  - a page walks the companies in sort order testing each for the child row, which is quick when many match (a
 *    few dozen rows per page), and reads the whole tenant when few do: so when the total is small, the page is
 *    gathered from the child rows instead and sorted (SQLite has no statistics to choose so itself).
 */

/** At most this many matches are gathered and sorted; more, and walking the sort order finds a page sooner. */
export const GATHER_MAX = 4_000;

type ChildTable = 'enterpriseTags' | 'enterpriseQualifications' | 'enterpriseChainNodes';

export interface ChildFilter {
  table: ChildTable;
  column: 'tag' | 'code' | 'chainNodeId';
  values: string[];
}

type ListFilters = Omit<TListEnterprisesRequest, 'page' | 'pageSize'>;

/** Anything beyond the tenant narrows the list: a filter, or a scope such as a service officer's own companies. */
export function narrowsTenant(actor: Actor, q: ListFilters): boolean {
  if (enterprisesPolicy.scope(actor, 'list') !== 'tenant') return true;
  return !!(q.park || q.size || q.assignedOfficerId || q.industryCode || q.tag || q.qualification || q.chainNode);
}

/** The list's one child-table filter, if that and the tenant are all that narrow it; otherwise null. */
export async function soleChildFilter(db: Executor, actor: Actor, q: ListFilters): Promise<ChildFilter | null> {
  if (enterprisesPolicy.scope(actor, 'list') !== 'tenant') return null;
  if (q.park || q.size || q.assignedOfficerId || q.industryCode) return null;
  const filters: ChildFilter[] = [];
  if (q.tag) filters.push({ table: 'enterpriseTags', column: 'tag', values: [q.tag] });
  if (q.qualification) filters.push({ table: 'enterpriseQualifications', column: 'code', values: [q.qualification] });
  if (q.chainNode) {
    const values = await chainNodeWithDescendants(db, actor.tenantId!, q.chainNode);
    filters.push({ table: 'enterpriseChainNodes', column: 'chainNodeId', values: values.length ? values : ['-'] });
  }
  return filters.length === 1 ? filters[0]! : null;
}

/** Companies with a matching child row, counted from the child table's index (a company once, up to the cap). */
export async function countChildMatches(db: Executor, tenantId: string, f: ChildFilter, cap = COUNT_CAP) {
  const rows = () =>
    db
      .selectFrom(`${f.table} as c` as 'enterpriseChainNodes as c')
      .where('c.tenantId', '=', tenantId)
      .where(`c.${f.column}` as 'c.chainNodeId', 'in', f.values);
  const capped = (n: number) => ({ total: Math.min(n, cap), totalCapped: n > cap });
  if (f.values.length === 1) {
    // In the child index's own order, which PostgreSQL then reads alone (without it, it scans the table: 2× slower).
    const ids = rows()
      .select('c.enterpriseId')
      .orderBy('c.tenantId')
      .orderBy(`c.${f.column}` as 'c.chainNodeId')
      .orderBy('c.enterpriseId')
      .limit(cap + 1);
    const { n } = await db
      .selectFrom(ids.as('ids'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return capped(Number(n));
  }
  // Several values (a chain node and its children) may name a company twice. Distinct companies up to the cap cost a
  // read of every child row in company order (30 ms for `cro` at 1M): first look at a tenth more rows than the cap,
  // value by value. Fewer rows than that: they are all, and their distinct count is exact; more distinct companies
  // than the cap: capped. Only a set where many companies hold several of the values needs the full read.
  const limit = Math.ceil((cap + 1) * 1.1);
  const some = await db
    .selectFrom(rows().select('c.enterpriseId').limit(limit).as('ids'))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('enterpriseId').distinct().as('d')])
    .executeTakeFirstOrThrow();
  if (Number(some.n) < limit || Number(some.d) > cap) return capped(Number(some.d));
  const ids = rows()
    .select('c.enterpriseId')
    .distinct()
    .orderBy('c.enterpriseId')
    .limit(cap + 1);
  const { n } = await db
    .selectFrom(ids.as('ids'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return capped(Number(n));
}

type SortColumn = 'name' | 'createdAt' | 'updatedAt';

/**
 * One page gathered from the child rows: each matching company's sort key, sorted, then the page's rows by id. The
 * matches are materialized first: SQLite keeps a CROSS JOIN's order (child rows outer), and PostgreSQL would otherwise
 * take the page's limit as a reason to walk the sort order (240 ms for a tag on 2,000 of 1M companies). It costs
 * about 10 µs a match on either database: 20–35 ms for 2,000.
 */
export async function gatherPage(
  db: Executor,
  tenantId: string,
  f: ChildFilter,
  sort: { col: SortColumn; desc: boolean; after: [string, string] | null; limit: number },
): Promise<EnterpriseRow[]> {
  const dir = sort.desc ? 'desc' : 'asc';
  let matches = db
    .selectFrom(`${f.table} as c` as 'enterpriseChainNodes as c')
    .crossJoin('enterprises as e')
    .select(['e.id', `e.${sort.col} as key` as 'e.name as key'])
    .where('c.tenantId', '=', tenantId)
    .where(`c.${f.column}` as 'c.chainNodeId', 'in', f.values)
    .whereRef('e.tenantId', '=', 'c.tenantId')
    .whereRef('e.id', '=', 'c.enterpriseId');
  if (sort.after)
    matches = matches.where(keysetAfter(`e.${sort.col}`, 'e.id', sort.desc, sort.after[0], sort.after[1]));
  if (f.values.length > 1) matches = matches.distinct();
  const page = await db
    .with(
      (cte) => cte('matches').materialized(),
      () => matches,
    )
    .selectFrom('matches')
    .select(['id', 'key'])
    .orderBy('key', dir)
    .orderBy('id', dir)
    .limit(sort.limit)
    .execute();
  return rowsInOrder(
    db,
    tenantId,
    page.map((k) => k.id),
  );
}

/**
 * A page's rows by id, in the order given. Pages are found by their keys alone (id and sort column, which the indexes
 * hold), so that a walk through the sort order reads a wide table row for the page's rows only: PostgreSQL otherwise
 * fetches every row it walks past (700 rows for 20 of a filter on 3 % of the companies: 11 ms against 4).
 */
export async function rowsInOrder(db: Executor, tenantId: string, ids: readonly string[]): Promise<EnterpriseRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('enterprises')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is EnterpriseRow => !!r);
}
