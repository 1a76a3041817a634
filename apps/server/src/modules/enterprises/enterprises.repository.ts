import { maskPhone, maskPersonal } from '@kaimen/shared';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { EnterprisesTable } from '../../db/schema/index.js';

export type EnterpriseRow = Selectable<EnterprisesTable>;

const groupBy = <T extends { enterpriseId: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.enterpriseId, [...(m.get(r.enterpriseId) ?? []), r]);
  return m;
};

/** Tags, qualification codes, chain node codes and officer names for a page of rows: one query each, not one per row. */
export async function loadSummaries(db: Executor, tenantId: string, rows: EnterpriseRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tags, quals, nodes, officers] = await Promise.all([
    db
      .selectFrom('enterpriseTags')
      .select(['enterpriseId', 'tag'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', ids)
      // In primary-key order: ordered by tag alone, SQLite walks the tenant's whole tag index to skip a sort.
      .orderBy('enterpriseId')
      .orderBy('tag')
      .execute(),
    db
      .selectFrom('enterpriseQualifications')
      .select(['enterpriseId', 'code'])
      .where('tenantId', '=', tenantId)
      .where('enterpriseId', 'in', ids)
      .orderBy('enterpriseId')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('enterpriseChainNodes as ecn')
      .innerJoin('chainNodes as cn', (j) =>
        j.onRef('cn.tenantId', '=', 'ecn.tenantId').onRef('cn.id', '=', 'ecn.chainNodeId'),
      )
      .select(['ecn.enterpriseId', 'cn.code'])
      .where('ecn.tenantId', '=', tenantId)
      .where('ecn.enterpriseId', 'in', ids)
      .orderBy('cn.sort')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('id', 'in', [...new Set(rows.map((r) => r.assignedOfficerId).filter((x): x is string => !!x)), '-'])
      .execute(),
  ]);
  const [t, q, n] = [groupBy(tags), groupBy(quals), groupBy(nodes)];
  const officer = new Map(officers.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    industryCode: r.industryCode,
    park: r.park,
    size: r.size,
    registeredCapital: r.registeredCapital,
    foundedOn: r.foundedOn,
    assignedOfficer: r.assignedOfficerId ? (officer.get(r.assignedOfficerId) ?? null) : null,
    tags: (t.get(r.id) ?? []).map((x) => x.tag),
    qualifications: (q.get(r.id) ?? []).map((x) => x.code),
    chainNodes: (n.get(r.id) ?? []).map((x) => x.code),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

/** A contact's phone and e-mail masked (`138****1234`) unless `unmasked`: the record page and the export alike. */
export function maskContact<C extends { mobile: string | null; email: string | null }>(c: C, unmasked: boolean): C {
  if (unmasked) return c;
  return { ...c, mobile: c.mobile && maskPhone(c.mobile), email: c.email && maskPersonal(c.email) };
}

/** The full record; contacts' phones and e-mails masked unless `unmasked`. */
export async function loadDetail(db: Executor, row: EnterpriseRow, o: { unmasked: boolean }) {
  const [summary] = await loadSummaries(db, row.tenantId, [row]);
  const [formerNames, contacts, quals, figures] = await Promise.all([
    db
      .selectFrom('enterpriseFormerNames')
      .select(['name', 'untilOn'])
      .where('tenantId', '=', row.tenantId)
      .where('enterpriseId', '=', row.id)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('enterpriseContacts')
      .select(['id', 'name', 'title', 'mobile', 'email', 'isPrimary'])
      .where('tenantId', '=', row.tenantId)
      .where('enterpriseId', '=', row.id)
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('enterpriseQualifications')
      .select(['code', 'obtainedOn', 'expiresOn', 'certificateNo'])
      .where('tenantId', '=', row.tenantId)
      .where('enterpriseId', '=', row.id)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('enterpriseFigures')
      .select(['year', 'employees', 'revenue', 'rndSpend', 'taxPaid'])
      .where('tenantId', '=', row.tenantId)
      .where('enterpriseId', '=', row.id)
      .orderBy('year')
      .execute(),
  ]);
  return {
    ...summary!,
    legalRepresentative: row.legalRepresentative,
    address: row.address,
    propertyUnitId: row.propertyUnitId,
    businessScope: row.businessScope,
    website: row.website,
    notes: row.notes,
    formerNames,
    contacts: contacts.map((c) => ({ ...maskContact(c, o.unmasked), isPrimary: !!c.isPrimary })),
    qualificationDetails: quals,
    figures,
    personalDataMasked: !o.unmasked,
  };
}
