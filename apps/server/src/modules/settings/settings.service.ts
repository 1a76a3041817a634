import { TENANT_ROLES } from '@kaimen/shared';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { parseJson } from '../../lib/json.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';

export const ZSecuritySettings = z.object({ totpRequiredRoles: z.array(z.enum(TENANT_ROLES)), version: z.number() });
export const ZUpdateSecuritySettingsRequest = z.object({
  totpRequiredRoles: z.array(z.enum(TENANT_ROLES)).max(10),
  version: z.number().int().min(1),
});

export async function getSecuritySettings(db: Executor, actor: Actor) {
  const row = await db
    .selectFrom('tenantSettings')
    .selectAll()
    .where('tenantId', '=', tenantOf(actor))
    .executeTakeFirstOrThrow();
  return {
    totpRequiredRoles: parseJson<(typeof TENANT_ROLES)[number][]>(row.totpRequiredRoles, []),
    version: row.version,
  };
}

export async function updateSecuritySettings(
  deps: Deps,
  ctx: RequestContext,
  input: z.infer<typeof ZUpdateSecuritySettingsRequest>,
) {
  const actor = ctx.actor!;
  return deps.database.transaction(async (trx) => {
    const before = await getSecuritySettings(trx, actor);
    const roles = [...new Set(input.totpRequiredRoles)];
    const res = await trx
      .updateTable('tenantSettings')
      .set((eb) => ({
        totpRequiredRoles: JSON.stringify(roles),
        updatedAt: iso(ctx.now),
        version: eb('version', '+', 1),
      }))
      .where('tenantId', '=', tenantOf(actor))
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'settings', tenantOf(actor));
    const after = await getSecuritySettings(trx, actor);
    await recordAudit(trx, ctx, { action: 'update', entityType: 'settings', entityId: 'security', before, after });
    return after;
  });
}
