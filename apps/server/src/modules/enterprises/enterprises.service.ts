import { INDUSTRY_CODES, INDUSTRY_GROUPS, type TEnterpriseInput } from '@kaimen/shared';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { indexEnterprises, removeFromIndex, searchEnterprises, type ExtraWhere } from './search/enterprise-search.js';
import { resolveReferences, scalarsOf, writeChildren } from './enterprises.writer.js';
import { cappedCount, decodeCursor, encodeCursor, keysetAfter } from '../../lib/paging.js';
import { chainNodeWithDescendants } from '../chain/chain.service.js';
import {
  countChildMatches,
  GATHER_MAX,
  gatherPage,
  narrowsTenant,
  rowsInOrder,
  soleChildFilter,
} from './enterprises.list-plan.js';
import { enterprisesPolicy, type EnterpriseAction } from './enterprises.policy.js';
import { loadDetail, loadSummaries, type EnterpriseRow } from './enterprises.repository.js';
import type { TListEnterprisesRequest } from './enterprises.schemas.js';

/** A GB/T 4754 code and every shipped code below it: '27' → 27, 2710 … 2780. */
function industryCodesUnder(code: string): string[] {
  const codes = [...INDUSTRY_GROUPS, ...INDUSTRY_CODES].map((e) => e.code).filter((c) => c.startsWith(code));
  return codes.length ? codes : [code];
}

/** The list's sort keys and their columns (the export keeps the same order). */
export const SORT_COLUMNS = { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;

export async function loadEnterprise(
  db: Executor,
  actor: Actor,
  id: string,
  action: EnterpriseAction,
): Promise<EnterpriseRow> {
  const row = await db
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', id)
    .where(enterprisesPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('enterprise', id, action);
  return row;
}

/**
 * The list's filters as one condition on `enterprises`, each an indexed predicate, with the policy
 * scope always first. The same condition narrows a search, so search and filters combine; the export
 * passes its own action so its scope is the one its policy grants.
 */
export async function listCondition(
  db: Executor,
  actor: Actor,
  q: Omit<TListEnterprisesRequest, 'page' | 'pageSize'>,
  action: EnterpriseAction = 'list',
): Promise<ExtraWhere> {
  const tenantId = tenantOf(actor);
  const nodeIds = q.chainNode ? await chainNodeWithDescendants(db, tenantId, q.chainNode) : [];
  const scope = enterprisesPolicy.where(actor, action, 'enterprises');
  return (eb) => {
    const conds: Expression<SqlBool>[] = [scope(eb)];
    if (q.park) conds.push(eb('enterprises.park', '=', q.park));
    if (q.size) conds.push(eb('enterprises.size', '=', q.size));
    if (q.assignedOfficerId) conds.push(eb('enterprises.assignedOfficerId', '=', q.assignedOfficerId));
    // A class is one value; a division or group its known codes (the schema admits no others): both use the index.
    if (q.industryCode) conds.push(eb('enterprises.industryCode', 'in', industryCodesUnder(q.industryCode)));
    // A child row of this enterprise (same tenant) whose column has one of the values.
    const hasChild = (
      table: 'enterpriseTags' | 'enterpriseQualifications' | 'enterpriseChainNodes',
      column: string,
      values: string[],
    ) =>
      eb.exists(
        eb
          .selectFrom(`${table} as c` as 'enterpriseTags as c')
          .select('c.tenantId')
          .where('c.tenantId', '=', tenantId)
          .whereRef('c.enterpriseId', '=', 'enterprises.id')
          .where(sql.ref(`c.${column}`), 'in', values.length ? values : ['-']),
      );
    if (q.tag) conds.push(hasChild('enterpriseTags', 'tag', [q.tag]));
    if (q.qualification) conds.push(hasChild('enterpriseQualifications', 'code', [q.qualification]));
    if (q.chainNode) conds.push(hasChild('enterpriseChainNodes', 'chain_node_id', nodeIds));
    return eb.and(conds);
  };
}

/** A search page: ranked ids from the text index, narrowed by the same filters and scope as the list. */
async function searchPage(
  database: Database,
  actor: Actor,
  q: TListEnterprisesRequest & { q: string },
  where: ExtraWhere,
) {
  const tenantId = tenantOf(actor);
  const db = database.db;
  const found = await searchEnterprises(db, database.dialect, {
    tenantId,
    q: q.q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    // The index is the tenant's already: joining each hit to its company only to test the tenant made the capped
    // count of a common term 10,001 joins (SQLite: 80 ms a request at 1M companies).
    ...(narrowsTenant(actor, q) ? { extraWhere: where } : {}),
  });
  const rows = found.ids.length
    ? await db
        .selectFrom('enterprises')
        .selectAll()
        .where('tenantId', '=', tenantId)
        .where('id', 'in', found.ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = found.ids.map((id) => byId.get(id)).filter((r): r is EnterpriseRow => !!r);
  return {
    items: await loadSummaries(db, tenantId, ordered),
    total: found.total ?? 0,
    totalCapped: found.totalCapped,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: null,
  };
}

/** A page of the registry: keyset pagination by (sort column, id) when a cursor is given, so deep pages stay fast. */
export async function findEnterprises(database: Database, actor: Actor, q: TListEnterprisesRequest) {
  const db = database.db;
  const tenantId = tenantOf(actor);
  const where = await listCondition(db, actor, q);
  if (q.q) return searchPage(database, actor, { ...q, q: q.q }, where);
  const base = db.selectFrom('enterprises').where(where);
  const sort = q.sort ?? 'name';
  const desc = sort.startsWith('-');
  const col = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const after = q.cursor ? (decodeCursor(q.cursor) as [string, string]) : null;
  const child = await soleChildFilter(db, actor, q);
  // The count goes first: on PostgreSQL it then runs beside the page, on a connection of its own. A child filter's
  // count also chooses how the page is found.
  const counting = child ? countChildMatches(db, tenantId, child) : cappedCount(db, base);
  counting.catch(() => undefined); // awaited below; a failure of the page first must not leave it unhandled
  const counted = child ? await counting : null;
  let rows: EnterpriseRow[];
  if (child && counted && !counted.totalCapped && counted.total <= GATHER_MAX && (after || q.page === 1)) {
    rows = await gatherPage(db, tenantId, child, { col, desc, after, limit: q.pageSize + 1 });
  } else {
    let page = base.select(['id', col]);
    if (after) page = page.where(keysetAfter(col, 'id', desc, after[0], after[1]));
    else page = page.offset((q.page - 1) * q.pageSize);
    const keys = await page
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(q.pageSize + 1)
      .execute();
    rows = await rowsInOrder(
      db,
      tenantId,
      keys.map((k) => k.id),
    );
  }
  const more = rows.length > q.pageSize;
  const pageRows = rows.slice(0, q.pageSize);
  const last = pageRows[pageRows.length - 1];
  const [{ total, totalCapped }, items] = await Promise.all([counting, loadSummaries(db, tenantId, pageRows)]);
  return {
    items,
    total,
    totalCapped,
    page: q.cursor ? 1 : q.page,
    pageSize: q.pageSize,
    nextCursor: more && last ? encodeCursor(last[col], last.id) : null,
  };
}

export async function getEnterprise(db: Executor, actor: Actor, id: string) {
  const row = await loadEnterprise(db, actor, id, 'read');
  return loadDetail(db, row, { unmasked: enterprisesPolicy.canAccess(actor, 'seePersonalData', row) });
}

/** The record as the audit log keeps it: everything, unmasked (the audit log is read by admins and leaders only). */
const snapshot = async (db: Executor, row: EnterpriseRow) => loadDetail(db, row, { unmasked: true });

export async function createEnterprise(deps: Deps, ctx: RequestContext, input: TEnterpriseInput) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    const nodeIds = await resolveReferences(trx, tenantId, input);
    const now = iso(ctx.now);
    const id = newId();
    await trx
      .insertInto('enterprises')
      .values({
        tenantId,
        id,
        ...(scalarsOf(input) as { uscc: string; name: string }),
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeChildren(trx, tenantId, id, input, nodeIds);
    await indexEnterprises(trx, deps.database.dialect, tenantId, [id]);
    const row = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const after = await snapshot(trx, row);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'enterprise', entityId: id, after });
    return loadDetail(trx, row, { unmasked: enterprisesPolicy.canAccess(actor, 'seePersonalData', row) });
  });
}

export async function updateEnterprise(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: Partial<TEnterpriseInput> & { version: number },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  const { version, ...changes } = input;
  return deps.database.transaction(async (trx) => {
    const beforeRow = await loadEnterprise(trx, actor, id, 'update');
    const before = await snapshot(trx, beforeRow);
    const nodeIds = await resolveReferences(trx, tenantId, changes);
    const res = await trx
      .updateTable('enterprises')
      .set((eb) => ({ ...scalarsOf(changes), updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'enterprise', id);
    await writeChildren(trx, tenantId, id, changes, nodeIds);
    await indexEnterprises(trx, deps.database.dialect, tenantId, [id]);
    const row = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'enterprise',
      entityId: id,
      before,
      after: await snapshot(trx, row),
    });
    return loadDetail(trx, row, { unmasked: enterprisesPolicy.canAccess(actor, 'seePersonalData', row) });
  });
}

export async function deleteEnterprise(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const row = await loadEnterprise(trx, actor, id, 'delete');
    const landed = await trx
      .selectFrom('leads')
      .select('id')
      .where('tenantId', '=', row.tenantId)
      .where('enterpriseId', '=', id)
      .executeTakeFirst();
    if (landed) {
      throw new AppError('conflict', {
        detail: {
          'zh-CN': '该企业关联着招商项目（落地企业），不能删除。',
          en: 'An investment lead landed on this company: it cannot be deleted.',
        },
      });
    }
    const before = await snapshot(trx, row);
    await removeFromIndex(trx, deps.database.dialect, row.tenantId, [id]);
    await trx.deleteFrom('enterprises').where('tenantId', '=', row.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'enterprise', entityId: id, before });
  });
}
