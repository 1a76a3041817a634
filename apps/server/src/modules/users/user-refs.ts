import type { Executor } from '../../db/database.js';

export interface UserRef {
  id: string;
  displayName: string;
}

/**
 * The names of the users a page of records mentions (owners, authors, deciders), in one query of the tenant's users;
 * the answer looks one up by id (null for none or an unknown one).
 */
export async function userRefs(
  db: Executor,
  tenantId: string,
  ids: readonly (string | null | undefined)[],
): Promise<(id: string | null | undefined) => UserRef | null> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length
    ? await db
        .selectFrom('users')
        .select(['id', 'displayName'])
        .where('tenantId', '=', tenantId)
        .where('id', 'in', wanted)
        .execute()
    : [];
  const byId = new Map(rows.map((u) => [u.id, u]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}
