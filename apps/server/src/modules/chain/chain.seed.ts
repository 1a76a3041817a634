import { CHAIN_TEMPLATE, flattenChain } from '@kaimen/shared';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

/** The default biotech-services chain of DESIGN.md §3 as a tenant's editable tree. */
export async function seedDefaultChain(db: Executor | Kysely<DB>, tenantId: string, now: Date): Promise<void> {
  const flat = flattenChain(CHAIN_TEMPLATE);
  const ids = new Map(flat.map((n) => [n.code, newId()]));
  await db
    .insertInto('chainNodes')
    .values(
      flat.map((n, i) => ({
        tenantId,
        id: ids.get(n.code)!,
        parentId: n.parent ? ids.get(n.parent)! : null,
        code: n.code,
        nameZh: n.zh,
        nameEn: n.en,
        segment: n.segment,
        industryCodes: JSON.stringify(n.industryCodes),
        keywords: '[]',
        sort: (i + 1) * 10,
        createdAt: iso(now),
        updatedAt: iso(now),
        version: 1,
      })),
    )
    .execute();
}
