import type { Executor } from '../../../db/database.js';
import { tokenizeForIndex } from './tokenizer.js';

/** What the index holds for one enterprise: its sort key and the tokens of its two searchable fields. */
export interface SearchDocument {
  enterpriseId: string;
  /** enterprises.name: results are ordered by it. */
  name: string;
  /** Name, former names and USCC. */
  nameTokens: string[];
  /** Business scope. */
  scopeTokens: string[];
}

export interface EnterpriseText {
  id: string;
  name: string;
  uscc: string;
  businessScope: string | null;
}

/** Rows per `in (…)` list and per insert: well below both databases' parameter limits. */
export const BATCH = 500;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The name field: the name, every former name and the USCC. The USCC also goes in from its 3rd character (the
 * administrative division) and from its 9th (the organisation code of GB 32100), so a search for either part of a
 * code, which is what people copy from old certificates, finds it too.
 */
export function buildDocument(e: EnterpriseText, formerNames: readonly string[]): SearchDocument {
  const uscc = e.uscc.trim();
  // One text, its parts apart: a newline separates runs, so no token spans two of them.
  const nameText = [e.name, ...formerNames, uscc, uscc.slice(2), uscc.slice(8)].join('\n');
  return {
    enterpriseId: e.id,
    name: e.name,
    nameTokens: tokenizeForIndex(nameText),
    scopeTokens: tokenizeForIndex(e.businessScope),
  };
}

/** Former names of these enterprises, by enterprise id. */
export async function formerNamesOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const byId = new Map<string, string[]>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('enterpriseFormerNames')
      .select(['enterpriseId', 'name'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', part)
      .orderBy('enterpriseId')
      .orderBy('name')
      .execute();
    groupNames(byId, rows);
  }
  return byId;
}

/** Former-name rows into lists by enterprise id. */
function groupNames(byId: Map<string, string[]>, rows: readonly { enterpriseId: string; name: string }[]) {
  for (const r of rows) {
    const list = byId.get(r.enterpriseId);
    if (list) list.push(r.name);
    else byId.set(r.enterpriseId, [r.name]);
  }
}

export async function documentsFor(db: Executor, tenantId: string, rows: readonly EnterpriseText[]) {
  if (rows.length === 0) return [];
  const former = await formerNamesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return toDocuments(rows, former);
}

export function toDocuments(rows: readonly EnterpriseText[], former: Map<string, string[]>): SearchDocument[] {
  return rows.map((r) => buildDocument(r, former.get(r.id) ?? []));
}

/** Documents of the enterprises that exist among `ids`, in no particular order. */
export async function loadDocuments(db: Executor, tenantId: string, ids: readonly string[]) {
  const docs: SearchDocument[] = [];
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['id', 'name', 'uscc', 'businessScope'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', part)
      .execute();
    docs.push(...(await documentsFor(db, tenantId, rows)));
  }
  return docs;
}

export interface TenantBatch {
  rows: EnterpriseText[];
  former: Map<string, string[]>;
}

/**
 * One batch of a tenant's enterprises and their former names after `after` (null: from the start), in primary-key
 * order (the cheapest on PostgreSQL), by keyset so memory stays bounded. SQLite's fill reads in (name, id) order, its
 * doc ids' order, with a statement of its own (search-sqlite.ts).
 */
export async function readTenantBatch(
  db: Executor,
  tenantId: string,
  after: EnterpriseText | null,
  size: number,
): Promise<TenantBatch> {
  let q = db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc', 'businessScope'])
    .where('tenantId', '=', tenantId)
    .orderBy('id')
    .limit(size);
  if (after) q = q.where('id', '>', after.id);
  const rows = await q.execute();
  const former = new Map<string, string[]>();
  if (rows.length === 0) return { rows, former };
  // The former names of the same id range, by the primary key: reading them by `in` lists of the batch's ids took a
  // 1M fill on PostgreSQL 20 s of reading against 4 s.
  let names = db
    .selectFrom('enterpriseFormerNames')
    .select(['enterpriseId', 'name'])
    .where('tenantId', '=', tenantId)
    .where('enterpriseId', '<=', rows[rows.length - 1]!.id)
    .orderBy('enterpriseId')
    .orderBy('name');
  if (after) names = names.where('enterpriseId', '>', after.id);
  groupNames(former, await names.execute());
  return { rows, former };
}
