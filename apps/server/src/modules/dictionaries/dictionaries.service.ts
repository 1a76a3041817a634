import { DICTIONARIES } from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { needCategoriesPolicy } from './dictionaries.policy.js';
import type { TUpdateNeedCategoryRequest } from './dictionaries.schemas.js';

const columns = [
  'id',
  'code',
  'nameZh',
  'nameEn',
  'defaultDepartmentCode',
  'slaWorkingDays',
  'sort',
  'updatedAt',
  'version',
] as const;

/** Fixed enumerations from the shared package plus the tenant's editable tables. */
export async function getDictionaries(db: Executor, actor: Actor) {
  const needCategories = await db
    .selectFrom('needCategories')
    .select(columns)
    .where(needCategoriesPolicy.where(actor, 'list'))
    .orderBy('sort')
    .execute();
  return { static: DICTIONARIES as unknown as Record<string, Record<string, unknown>[]>, needCategories };
}

export async function updateNeedCategory(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: TUpdateNeedCategoryRequest,
) {
  const actor = ctx.actor!;
  const { version, ...set } = input;
  return deps.database.transaction(async (trx) => {
    const load = () =>
      trx
        .selectFrom('needCategories')
        .select(columns)
        .where('id', '=', id)
        .where(needCategoriesPolicy.where(actor, 'update'))
        .executeTakeFirst();
    const before = await load();
    if (!before) throw notFound('need-category', id, 'update');
    if (set.defaultDepartmentCode) {
      const dept = await trx
        .selectFrom('departments')
        .select('id')
        .where('tenantId', '=', actor.tenantId)
        .where('code', '=', set.defaultDepartmentCode)
        .executeTakeFirst();
      if (!dept)
        throw new AppError('validation', {
          errors: [{ field: 'defaultDepartmentCode', message: 'unknown department', code: 'unknown' }],
        });
    }
    const res = await trx
      .updateTable('needCategories')
      .set((eb) => ({ ...set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'need-category', id);
    const after = (await load())!;
    await recordAudit(trx, ctx, { action: 'update', entityType: 'need-category', entityId: id, before, after });
    return after;
  });
}
