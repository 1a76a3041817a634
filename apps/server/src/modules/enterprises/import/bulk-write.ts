import type { TEnterpriseInput } from '@kaimen/shared';
import { bulkInsert, type BulkTable, type BulkTarget } from '../../../db/bulk-insert.js';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import { scalarsOf, writeChildren } from '../enterprises.writer.js';

/** A validated row on its way into the registry, with the id it gets (new) or has (existing). */
export interface ImportRecord {
  id: string;
  input: TEnterpriseInput;
}

const t = (name: string) => ({ name, type: 'text' as const });
const int = (name: string) => ({ name, type: 'integer' as const });
const big = (name: string) => ({ name, type: 'bigint' as const });
const KEY = [t('tenant_id'), t('enterprise_id')];

/** The tables a new company fills, columns in the order the rows below give their values. */
const TABLES = {
  enterprises: {
    name: 'enterprises',
    columns: [
      t('tenant_id'),
      t('id'),
      t('uscc'),
      t('name'),
      t('legal_representative'),
      big('registered_capital'),
      t('founded_on'),
      t('address'),
      t('park'),
      t('industry_code'),
      t('business_scope'),
      t('size'),
      t('website'),
      t('notes'),
      t('assigned_officer_id'),
      t('created_at'),
      t('updated_at'),
      int('version'),
    ],
  },
  formerNames: { name: 'enterprise_former_names', columns: [...KEY, t('name')] },
  tags: { name: 'enterprise_tags', columns: [...KEY, t('tag')] },
  qualifications: {
    name: 'enterprise_qualifications',
    columns: [...KEY, t('code'), t('obtained_on'), t('expires_on'), t('certificate_no')],
  },
  contacts: {
    name: 'enterprise_contacts',
    columns: [...KEY, t('id'), t('name'), t('title'), t('mobile'), t('email'), int('is_primary'), int('sort')],
  },
  chainNodes: { name: 'enterprise_chain_nodes', columns: [...KEY, t('chain_node_id')] },
  figures: {
    name: 'enterprise_figures',
    columns: [...KEY, int('year'), int('employees'), big('revenue'), big('rnd_spend'), big('tax_paid')],
  },
} satisfies Record<string, BulkTable>;

/** The tables a bulk load of companies writes (for deferIndexes). */
export const ENTERPRISE_TABLES = Object.values(TABLES).map((t) => t.name);

/**
 * Inserts new companies with all their child rows. The caller has checked that none exists (by USCC) and that every
 * chain node code is in `nodeIds`; the search index is the caller's too (bulk loads fill it once at the end).
 */
export async function insertEnterprises(
  target: BulkTarget,
  tenantId: string,
  records: readonly ImportRecord[],
  nodeIds: ReadonlyMap<string, string>,
  now: string,
): Promise<void> {
  const rows = Object.fromEntries(Object.keys(TABLES).map((k) => [k, [] as unknown[][]])) as Record<
    keyof typeof TABLES,
    unknown[][]
  >;
  for (const r of records) {
    const i = r.input;
    const key = [tenantId, r.id];
    rows.enterprises.push([
      tenantId,
      r.id,
      i.uscc,
      i.name,
      i.legalRepresentative ?? null,
      i.registeredCapital ?? null,
      i.foundedOn ?? null,
      i.address ?? null,
      i.park ?? null,
      i.industryCode ?? null,
      i.businessScope ?? null,
      i.size ?? null,
      i.website ?? null,
      i.notes ?? null,
      i.assignedOfficerId ?? null,
      now,
      now,
      1,
    ]);
    for (const name of new Set(i.formerNames ?? [])) rows.formerNames.push([...key, name]);
    for (const tag of new Set(i.tags ?? [])) rows.tags.push([...key, tag]);
    for (const q of new Map((i.qualifications ?? []).map((q) => [q.code, q])).values()) {
      rows.qualifications.push([...key, q.code, q.obtainedOn ?? null, q.expiresOn ?? null, q.certificateNo ?? null]);
    }
    (i.contacts ?? []).forEach((c, n) =>
      rows.contacts.push([
        ...key,
        newId(),
        c.name,
        c.title ?? null,
        c.mobile ?? null,
        c.email ?? null,
        n === 0 ? 1 : 0,
        n,
      ]),
    );
    for (const code of new Set(i.chainNodeCodes ?? [])) rows.chainNodes.push([...key, nodeIds.get(code)!]);
    for (const f of new Map((i.figures ?? []).map((f) => [f.year, f])).values()) {
      rows.figures.push([
        ...key,
        f.year,
        f.employees ?? null,
        f.revenue ?? null,
        f.rndSpend ?? null,
        f.taxPaid ?? null,
      ]);
    }
  }
  // Parents first: the child tables' foreign keys point at enterprises.
  for (const [table, def] of Object.entries(TABLES)) {
    await bulkInsert(target, def, rows[table as keyof typeof TABLES]);
  }
}

/**
 * Updates existing companies from their rows: the fields a row fills replace the stored ones, blank cells keep them;
 * a child set the row names (its tags, its contact …) replaces the stored set, as an edit in the form would.
 */
export async function updateEnterprises(
  db: Executor,
  tenantId: string,
  records: readonly ImportRecord[],
  nodeIds: ReadonlyMap<string, string>,
  now: string,
): Promise<void> {
  for (const r of records) {
    const { uscc: _uscc, ...changes } = r.input;
    await db
      .updateTable('enterprises')
      .set((eb) => ({ ...scalarsOf(changes), updatedAt: now, version: eb('version', '+', 1) }))
      .where('tenantId', '=', tenantId)
      .where('id', '=', r.id)
      .execute();
    await writeChildren(db, tenantId, r.id, changes, nodeIds as Map<string, string>);
  }
}
