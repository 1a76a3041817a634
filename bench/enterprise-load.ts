/**
 * A registry of generated companies, loaded the way bulk loads must be: rows first, in batches of their own
 * transactions (memory stays at one batch), then the search index built once per tenant.
 */
import { bulkTarget } from '../apps/server/src/db/bulk-insert.js';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database.js';
import { newId } from '../apps/server/src/lib/ids.js';
import { iso } from '../apps/server/src/lib/time.js';
import { chainNodeIds, insertEnterprisesBulk } from '../apps/server/src/modules/seed/bulk-enterprises.js';
import { generateEnterprises } from '../apps/server/src/modules/seed/enterprise-generator.js';
import { rebuildSearchIndex } from '../apps/server/src/modules/enterprises/search/enterprise-search.js';
import { provisionTenant } from '../apps/server/src/modules/tenants/tenants.service.js';

export interface RegistryTenant {
  id: string;
  slug: string;
  adminId: string;
  adminUsername: string;
  /** Service officers; some of the companies are assigned to them. */
  officerIds: string[];
}

const START = new Date('2025-01-06T00:00:00.000Z');

export async function createRegistryTenant(
  database: Database,
  o: { slug: string; officers: number; passwordHash: string },
): Promise<RegistryTenant> {
  return database.transaction(async (trx) => {
    const adminUsername = `${o.slug}-admin`;
    const { tenant, adminId } = await provisionTenant(trx, {
      slug: o.slug,
      name: `园区 ${o.slug}`,
      now: START,
      admin: { username: adminUsername, displayName: `${o.slug} 管理员`, passwordHash: o.passwordHash },
    });
    const officerIds = Array.from({ length: o.officers }, () => newId());
    const now = iso(START);
    for (const [i, id] of officerIds.entries()) {
      await trx
        .insertInto('users')
        .values({
          id,
          tenantId: tenant.id,
          username: `${o.slug}-service-${i}`,
          displayName: `${o.slug} 专员 ${i}`,
          passwordHash: o.passwordHash,
          role: 'service',
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    return { id: tenant.id, slug: o.slug, adminId, adminUsername, officerIds };
  });
}

export interface LoadTimes {
  rows: number;
  writeSeconds: number;
  indexSeconds: number;
}

/** Companies per write transaction: a few MB of values. */
const BATCH = 5_000;

/**
 * `count` companies of `seed` into the tenant: 3 in 10 assigned to one of its officers, registered one every 30 s from
 * 2025-01-06 on (so newest-first pages have an order). Then the tenant's search index, in one transaction.
 */
export async function loadRegistry(
  database: Database,
  tenant: RegistryTenant,
  o: { seed: string; count: number; log?: (line: string) => void },
): Promise<LoadTimes> {
  const nodeIds = await chainNodeIds(database.db, tenant.id);
  // A bigger page cache while loading only (a million rows' indexes outgrow SQLite's 2 MB default many times over);
  // the default comes back before anything is measured.
  const cacheSize = database.sqlite?.pragma('cache_size', { simple: true });
  database.sqlite?.pragma('cache_size = -262144');
  const t0 = performance.now();
  let lastLog = t0;
  for (let start = 0; start < o.count; start += BATCH) {
    const rows = [...generateEnterprises({ seed: o.seed, start, count: Math.min(BATCH, o.count - start) })].map(
      (input, k) => {
        const i = start + k;
        const officer = i % 10 < 3 ? tenant.officerIds[Math.floor(i / 10) % tenant.officerIds.length] : null;
        return {
          id: newId(),
          input,
          assignedOfficerId: officer,
          createdAt: iso(new Date(START.getTime() + i * 30_000)),
        };
      },
    );
    const now = iso(START);
    await database.transaction((trx) =>
      insertEnterprisesBulk(bulkTarget(database, trx), { tenantId: tenant.id, now, nodeIds }, rows),
    );
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      const done = start + rows.length;
      o.log?.(`${tenant.slug}: ${done} rows, ${(done / ((lastLog - t0) / 1000)).toFixed(0)} companies/s`);
    }
  }
  const t1 = performance.now();
  await rebuildSearchIndex(database, tenant.id);
  const t2 = performance.now();
  if (cacheSize !== undefined) database.sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  return { rows: o.count, writeSeconds: (t1 - t0) / 1000, indexSeconds: (t2 - t1) / 1000 };
}

/**
 * PostgreSQL some minutes after a load: autovacuum has set the visibility map (without which index-only scans and
 * capped counts read the heap) and refreshed the statistics. SQLite is left as the app leaves it: nothing runs
 * ANALYZE there, so its planner works without statistics, as it will in production.
 */
export async function settle(database: Database): Promise<void> {
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
}
