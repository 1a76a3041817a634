import type { TEnterpriseInput } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';

type Children = Pick<
  TEnterpriseInput,
  'formerNames' | 'tags' | 'qualifications' | 'contacts' | 'chainNodeCodes' | 'figures'
>;

export const SCALAR_FIELDS = [
  'uscc',
  'name',
  'legalRepresentative',
  'registeredCapital',
  'foundedOn',
  'address',
  'park',
  'industryCode',
  'businessScope',
  'size',
  'website',
  'notes',
  'assignedOfficerId',
] as const;

export function scalarsOf(input: Partial<TEnterpriseInput>) {
  const out: Record<string, unknown> = {};
  for (const f of SCALAR_FIELDS) if (input[f] !== undefined) out[f] = input[f] ?? null;
  return out;
}

/** Officer and chain nodes must exist in the same tenant: ids from elsewhere are refused, never linked. */
export async function resolveReferences(db: Executor, tenantId: string, input: Partial<TEnterpriseInput>) {
  if (input.assignedOfficerId) {
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('id', '=', input.assignedOfficerId)
      .executeTakeFirst();
    if (!officer)
      throw new AppError('validation', {
        errors: [{ field: 'assignedOfficerId', message: 'unknown user', code: 'unknown' }],
      });
  }
  if (!input.chainNodeCodes?.length) return new Map<string, string>();
  const nodes = await db
    .selectFrom('chainNodes')
    .select(['id', 'code'])
    .where('tenantId', '=', tenantId)
    .where('code', 'in', input.chainNodeCodes)
    .execute();
  const byCode = new Map(nodes.map((n) => [n.code, n.id]));
  const missing = input.chainNodeCodes.filter((c) => !byCode.has(c));
  if (missing.length) {
    throw new AppError('validation', {
      errors: [{ field: 'chainNodeCodes', message: `unknown chain nodes: ${missing.join(', ')}`, code: 'unknown' }],
    });
  }
  return byCode;
}

/** Replaces each child set the input names; sets it leaves out stay as they are. */
export async function writeChildren(
  db: Executor,
  tenantId: string,
  enterpriseId: string,
  input: Partial<Children>,
  nodeIds: Map<string, string>,
) {
  const key = { tenantId, enterpriseId };
  const replace = async <T extends Record<string, unknown>>(
    table:
      | 'enterpriseFormerNames'
      | 'enterpriseTags'
      | 'enterpriseQualifications'
      | 'enterpriseContacts'
      | 'enterpriseChainNodes'
      | 'enterpriseFigures',
    rows: T[] | undefined,
  ) => {
    if (rows === undefined) return;
    await db.deleteFrom(table).where('tenantId', '=', tenantId).where('enterpriseId', '=', enterpriseId).execute();
    if (rows.length)
      await db
        .insertInto(table)
        .values(rows.map((r) => ({ ...key, ...r })) as never)
        .execute();
  };
  const unique = <T>(xs: T[] | undefined, k: (x: T) => string) => xs && [...new Map(xs.map((x) => [k(x), x])).values()];
  await replace(
    'enterpriseFormerNames',
    unique(input.formerNames, (n) => n)?.map((name) => ({ name, untilOn: null })),
  );
  await replace(
    'enterpriseTags',
    unique(input.tags, (t) => t)?.map((tag) => ({ tag })),
  );
  await replace(
    'enterpriseQualifications',
    unique(input.qualifications, (q) => q.code)?.map((q) => ({
      code: q.code,
      obtainedOn: q.obtainedOn ?? null,
      expiresOn: q.expiresOn ?? null,
      certificateNo: q.certificateNo ?? null,
    })),
  );
  await replace(
    'enterpriseContacts',
    input.contacts?.map((c, i) => ({
      id: newId(),
      name: c.name,
      title: c.title ?? null,
      mobile: c.mobile ?? null,
      email: c.email ?? null,
      isPrimary: i === 0 ? 1 : 0,
      sort: i,
    })),
  );
  await replace(
    'enterpriseChainNodes',
    unique(input.chainNodeCodes, (c) => c)?.map((c) => ({ chainNodeId: nodeIds.get(c)! })),
  );
  await replace(
    'enterpriseFigures',
    unique(input.figures, (f) => String(f.year))?.map((f) => ({
      year: f.year,
      employees: f.employees ?? null,
      revenue: f.revenue ?? null,
      rndSpend: f.rndSpend ?? null,
      taxPaid: f.taxPaid ?? null,
    })),
  );
}
