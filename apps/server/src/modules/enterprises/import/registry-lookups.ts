import type { Dialect, Executor } from '../../../db/database.js';
import { chunks } from '../search/documents.js';
import { chainCodeOf } from './chain-codes.js';
import { fillSearchIndex, indexEnterprises } from '../search/enterprise-search.js';

/** The tenant's chain nodes, found by code or by either name (see chainCodeOf), and their ids by code. */
export async function chainNodeLookup(db: Executor, tenantId: string) {
  const nodes = await db
    .selectFrom('chainNodes')
    .select(['id', 'code', 'nameZh', 'nameEn'])
    .where('tenantId', '=', tenantId)
    .execute();
  return { nodes, codeOf: chainCodeOf(nodes), ids: new Map(nodes.map((n) => [n.code, n.id])) };
}

/** How many companies the tenant has registered. */
export async function registeredCount(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * USCC → id of the companies among `usccs` that the tenant has registered. `registeredBefore` is the tenant's count
 * when the import began: a tenant that had none needs no lookup at all, since the import's own rows never count as
 * existing (a USCC twice in the file is refused as a duplicate before this). That spares a first import of a million
 * rows a million index probes — on PostgreSQL far more: the planner, with statistics from before the import, reads
 * every company the transaction has written so far for each batch (measured: 14.7 of 55 s at 200,000 rows).
 */
export async function existingByUscc(
  db: Executor,
  tenantId: string,
  usccs: readonly string[],
  registeredBefore: number,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (registeredBefore === 0) return found;
  for (const part of chunks(usccs)) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['uscc', 'id'])
      .where('tenantId', '=', tenantId)
      .where('uscc', 'in', part)
      .execute();
    for (const r of rows) found.set(r.uscc, r.id);
  }
  return found;
}

/** Past this many written rows, refilling the tenant's index beats indexing row by row (1–2.5 ms a row). */
const FILL_AT = 5_000;
/** However large the tenant: indexing this many rows one by one costs more than a refill of a million. */
const FILL_ALWAYS_AT = 50_000;

/**
 * Keeps the search index right after a bulk write: a small import indexes its own rows; a large one (a tenth of the
 * tenant or more, or 50,000 rows) refills the tenant's index once, which is what makes a million-row import finish in
 * time.
 */
export function searchIndexUpkeep(tenantId: string, before: number) {
  let ids: string[] | null = [];
  let written = 0;
  return {
    written(more: readonly string[]) {
      written += more.length;
      if (ids && written >= FILL_AT && (written * 10 >= before || written >= FILL_ALWAYS_AT)) ids = null;
      else ids?.push(...more);
    },
    async finish(trx: Executor, dialect: Dialect) {
      if (ids === null) await fillSearchIndex(trx, dialect, tenantId);
      else for (const part of chunks(ids)) await indexEnterprises(trx, dialect, tenantId, part);
    },
  };
}
