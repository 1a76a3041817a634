import type { TEnterpriseInput } from '@kaimen/shared';
import { bulkInsert, type BulkTable, type BulkTarget } from '../../db/bulk-insert.js';
import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/** One generated company to write: its id, its (clean) input and what the generator leaves to the caller. */
export interface BulkEnterprise {
  id: string;
  input: TEnterpriseInput;
  assignedOfficerId?: string | null;
  /** ISO time; `now` unless given. */
  createdAt?: string;
}

export interface BulkOptions {
  tenantId: string;
  now: string;
  /** The tenant's chain nodes, code → id (see chainNodeIds). */
  nodeIds: ReadonlyMap<string, string>;
}

const text = (name: string) => ({ name, type: 'text' as const });
const int = (name: string) => ({ name, type: 'integer' as const });
const big = (name: string) => ({ name, type: 'bigint' as const });
const KEY = [text('tenant_id'), text('enterprise_id')];

/** The tables, parents first; columns in the order the rows below give their values. */
const TABLES = {
  enterprises: {
    name: 'enterprises',
    columns: [
      ...['tenant_id', 'id', 'uscc', 'name', 'legal_representative'].map(text),
      big('registered_capital'),
      ...['founded_on', 'address', 'park', 'industry_code', 'business_scope', 'size'].map(text),
      ...['assigned_officer_id', 'website', 'notes', 'created_at', 'updated_at'].map(text),
      int('version'),
    ],
  },
  formerNames: { name: 'enterprise_former_names', columns: [...KEY, text('name')] },
  contacts: {
    name: 'enterprise_contacts',
    columns: [...KEY, ...['id', 'name', 'title', 'mobile', 'email'].map(text), int('is_primary'), int('sort')],
  },
  tags: { name: 'enterprise_tags', columns: [...KEY, text('tag')] },
  qualifications: {
    name: 'enterprise_qualifications',
    columns: [...KEY, ...['code', 'obtained_on', 'expires_on', 'certificate_no'].map(text)],
  },
  chainNodes: { name: 'enterprise_chain_nodes', columns: [...KEY, text('chain_node_id')] },
  figures: {
    name: 'enterprise_figures',
    columns: [...KEY, int('year'), int('employees'), big('revenue'), big('rnd_spend'), big('tax_paid')],
  },
} satisfies Record<string, BulkTable>;

/**
 * Writes companies and their child rows (former names, contacts, tags, qualifications, chain nodes, figures) with
 * bulkInsert (one prepared statement on SQLite, arrays on PostgreSQL): what enterprises.writer.ts does for one record,
 * for thousands at once. The input must be clean (ZEnterpriseInput's output, or the generator's, which is the same) and
 * the chain codes the tenant's. The search index is left alone: the caller fills it once at the end
 * (fillSearchIndex), as bulk loads must.
 *
 * Every company goes in before the first child row. PostgreSQL plans a foreign-key check when a session first needs
 * it and keeps the plan: made against a nearly empty `enterprises` table, it scans the table for every child row
 * (seconds for the demo's 2,000 companies, against 0.1 s). So the first call on a fresh database should bring a few
 * thousand companies at least.
 */
export async function insertEnterprisesBulk(
  target: BulkTarget,
  o: BulkOptions,
  list: readonly BulkEnterprise[],
): Promise<void> {
  const t = o.tenantId;
  const rows = Object.fromEntries(Object.keys(TABLES).map((k) => [k, [] as unknown[][]])) as Record<
    keyof typeof TABLES,
    unknown[][]
  >;
  for (const { id, input: e, assignedOfficerId, createdAt } of list) {
    const at = createdAt ?? o.now;
    rows.enterprises.push([
      t, id, e.uscc, e.name, e.legalRepresentative ?? null, e.registeredCapital ?? null, e.foundedOn ?? null,
      e.address ?? null, e.park ?? null, e.industryCode ?? null, e.businessScope ?? null, e.size ?? null,
      assignedOfficerId ?? null, e.website ?? null, e.notes ?? null, at, at, 1,
    ]); // prettier-ignore
    for (const name of new Set(e.formerNames)) rows.formerNames.push([t, id, name]);
    e.contacts?.forEach((c, i) => {
      rows.contacts.push([t, id, newId(), c.name, c.title ?? null, c.mobile ?? null, c.email ?? null, +(i === 0), i]);
    });
    for (const tag of new Set(e.tags)) rows.tags.push([t, id, tag]);
    for (const q of e.qualifications ?? []) {
      rows.qualifications.push([t, id, q.code, q.obtainedOn ?? null, q.expiresOn ?? null, q.certificateNo ?? null]);
    }
    for (const code of new Set(e.chainNodeCodes)) {
      const nodeId = o.nodeIds.get(code);
      if (!nodeId) throw new Error(`unknown chain node ${code}`);
      rows.chainNodes.push([t, id, nodeId]);
    }
    for (const f of e.figures ?? []) {
      rows.figures.push([t, id, f.year, f.employees ?? null, f.revenue ?? null, f.rndSpend ?? null, f.taxPaid ?? null]);
    }
  }
  for (const [table, def] of Object.entries(TABLES)) await bulkInsert(target, def, rows[table as keyof typeof TABLES]);
}

/** The tenant's chain nodes, code → id, for insertEnterprisesBulk. */
export async function chainNodeIds(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('chainNodes').select(['id', 'code']).where('tenantId', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
