import { foldFullWidth } from '@kaimen/shared';
import type { Dialect, Executor } from '../../../db/database.js';
import { chunks } from '../search/documents.js';
import { fillSearchIndex, indexEnterprises } from '../search/enterprise-search.js';

/** The tenant's chain nodes, found by code or by either name (files say 临床前研究 as often as cro-preclinical). */
export async function chainNodeLookup(db: Executor, tenantId: string) {
  const nodes = await db
    .selectFrom('chainNodes')
    .select(['id', 'code', 'nameZh', 'nameEn'])
    .where('tenantId', '=', tenantId)
    .execute();
  const key = (s: string) => foldFullWidth(s).trim().toLowerCase();
  const byKey = new Map<string, string>();
  for (const n of nodes) for (const k of [n.nameEn, n.nameZh, n.code]) byKey.set(key(k), n.code);
  return {
    codeOf: (text: string): string | undefined => byKey.get(key(text)),
    ids: new Map(nodes.map((n) => [n.code, n.id])),
  };
}

/** USCC → id of the companies among `usccs` that the tenant has registered. */
export async function existingByUscc(db: Executor, tenantId: string, usccs: readonly string[]) {
  const found = new Map<string, string>();
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
export async function searchIndexUpkeep(db: Executor, tenantId: string) {
  const before = Number(
    (
      await db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenantId', '=', tenantId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
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
