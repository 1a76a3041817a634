import type { Database, Executor } from '../../../db/database.js';
import { tenantOf, type Actor } from '../../../lib/actor.js';
import { keysetAfter } from '../../../lib/paging.js';
import { enterprisesPolicy } from '../enterprises.policy.js';
import { loadSummaries, maskContact, type EnterpriseRow } from '../enterprises.repository.js';
import { listCondition, SORT_COLUMNS } from '../enterprises.service.js';
import { searchEnterprises, type ExtraWhere } from '../search/enterprise-search.js';
import type { ExportRecord } from './export-columns.js';
import type { TExportFilters } from './export.schemas.js';

/** Rows read and written per round trip: small enough to keep memory flat, large enough to keep queries few. */
export const EXPORT_BATCH = 500;

/**
 * A search exports at most this many hits, in rank order: the hit ids are found first (ids only, ~40 bytes each) and
 * the rows read in batches. It is the list's "10,000+" count cap, so what the list calls capped the export is too.
 */
export const SEARCH_EXPORT_CAP = 10_000;

export interface ExportRowsOptions {
  /** `policy`: contacts masked row by row unless the actor may seePersonalData; `unmasked`: an operator's export. */
  personalData: 'policy' | 'unmasked';
  batchSize?: number;
  /** SEARCH_EXPORT_CAP unless told (tests). */
  searchCap?: number;
}

export interface ExportRows {
  /** A search with more hits than SEARCH_EXPORT_CAP: the file holds the first ones. */
  truncated: boolean;
  batches: AsyncGenerator<ExportRecord[]>;
}

/**
 * The rows of the list the actor sees with these filters, in the list's order, batch by batch (keyset, so memory does
 * not grow with the tenant). The first batch is read before returning, so a failing query is still an API error and
 * not a broken download.
 */
export async function openExportRows(
  database: Database,
  actor: Actor,
  filters: TExportFilters,
  o: ExportRowsOptions,
): Promise<ExportRows> {
  const db = database.db;
  const tenantId = tenantOf(actor);
  const size = o.batchSize ?? EXPORT_BATCH;
  const where = await listCondition(db, actor, filters, 'export');
  let truncated = false;
  let rows: AsyncGenerator<EnterpriseRow[]>;
  if (filters.q) {
    const cap = o.searchCap ?? SEARCH_EXPORT_CAP;
    const found = await searchEnterprises(db, database.dialect, {
      tenantId,
      q: filters.q,
      limit: cap + 1,
      extraWhere: where,
      count: false,
    });
    truncated = found.ids.length > cap;
    rows = rowsByIds(db, where, found.ids.slice(0, cap), size);
  } else {
    rows = rowsByKeyset(db, where, filters.sort ?? 'name', size);
  }
  const unmasked = (row: EnterpriseRow) =>
    o.personalData === 'unmasked' || enterprisesPolicy.canAccess(actor, 'seePersonalData', row);
  const first = await rows.next();
  async function* batches(): AsyncGenerator<ExportRecord[]> {
    try {
      if (first.done) return;
      yield await toRecords(db, tenantId, first.value, unmasked);
      for await (const batch of rows) yield await toRecords(db, tenantId, batch, unmasked);
    } finally {
      await rows.return(undefined);
    }
  }
  return { truncated, batches: batches() };
}

async function* rowsByKeyset(
  db: Executor,
  where: ExtraWhere,
  sort: NonNullable<TExportFilters['sort']>,
  size: number,
): AsyncGenerator<EnterpriseRow[]> {
  const desc = sort.startsWith('-');
  const col = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  let after: { value: string; id: string } | null = null;
  for (;;) {
    let query = db.selectFrom('enterprises').selectAll().where(where);
    // A row-value comparison: a range of the (tenant, col, id) index, where the OR form rescans it from the start.
    if (after) query = query.where(keysetAfter(`enterprises.${col}`, 'enterprises.id', desc, after.value, after.id));
    const rows = await query
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(size)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { value: last[col], id: last.id };
  }
}

/** Search hits in rank order; the scope is applied again, in case a row left it since the search. */
async function* rowsByIds(db: Executor, where: ExtraWhere, ids: string[], size: number) {
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    const rows = await db.selectFrom('enterprises').selectAll().where(where).where('id', 'in', chunk).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = chunk.map((id) => byId.get(id)).filter((r): r is EnterpriseRow => !!r);
    if (ordered.length) yield ordered;
  }
}

/** A batch with its child rows: one query per child table, as loadSummaries does for a page. */
async function toRecords(
  db: Executor,
  tenantId: string,
  rows: EnterpriseRow[],
  unmasked: (row: EnterpriseRow) => boolean,
): Promise<ExportRecord[]> {
  const ids = rows.map((r) => r.id);
  const [summaries, formerNames, contacts, figures] = await Promise.all([
    loadSummaries(db, tenantId, rows),
    db
      .selectFrom('enterpriseFormerNames')
      .select(['enterpriseId', 'name'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', ids)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('enterpriseContacts')
      .select(['enterpriseId', 'name', 'title', 'mobile', 'email'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', ids)
      .orderBy('isPrimary', 'desc')
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('enterpriseFigures')
      .select(['enterpriseId', 'year', 'employees', 'revenue', 'rndSpend', 'taxPaid'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', ids)
      .orderBy('year', 'desc')
      .execute(),
  ]);
  const names = new Map<string, string[]>();
  for (const f of formerNames) names.set(f.enterpriseId, [...(names.get(f.enterpriseId) ?? []), f.name]);
  // Ordered primary first and newest year first: the first row per company is the one exported.
  const contact = new Map<string, (typeof contacts)[number]>();
  for (const c of contacts) if (!contact.has(c.enterpriseId)) contact.set(c.enterpriseId, c);
  const latest = new Map<string, (typeof figures)[number]>();
  for (const f of figures) if (!latest.has(f.enterpriseId)) latest.set(f.enterpriseId, f);

  return rows.map((row, i) => {
    const s = summaries[i]!;
    const show = unmasked(row);
    const c = contact.get(row.id);
    const f = latest.get(row.id);
    return {
      uscc: row.uscc,
      name: row.name,
      formerNames: names.get(row.id) ?? [],
      legalRepresentative: row.legalRepresentative,
      registeredCapital: row.registeredCapital,
      foundedOn: row.foundedOn,
      address: row.address,
      park: row.park,
      industryCode: row.industryCode,
      chainNodeCodes: s.chainNodes,
      size: row.size,
      qualifications: s.qualifications,
      tags: s.tags,
      officer: s.assignedOfficer?.displayName ?? null,
      contact: c ? maskContact({ name: c.name, title: c.title, mobile: c.mobile, email: c.email }, show) : null,
      figures: f
        ? { year: f.year, employees: f.employees, revenue: f.revenue, rndSpend: f.rndSpend, taxPaid: f.taxPaid }
        : null,
      personalDataMasked: !show,
    };
  });
}
