import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { savedFiltersPolicy } from './saved-filters.policy.js';
import {
  SAVED_FILTERS_PER_SCREEN,
  type TCreateSavedFilterRequest,
  type TSavedFilter,
} from './saved-filters.schemas.js';

const COLUMNS = ['id', 'screen', 'name', 'query', 'createdAt'] as const;

/** The actor's own saved filters of one screen, by name. */
export async function findSavedFilters(db: Executor, actor: Actor, screen: string) {
  const items: TSavedFilter[] = await db
    .selectFrom('savedFilters')
    .select(COLUMNS)
    .where(savedFiltersPolicy.where(actor, 'list'))
    .where('screen', '=', screen)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { items };
}

const nameTaken = (name: string) =>
  new AppError('conflict', {
    detail: {
      'zh-CN': `已有名为“${name}”的筛选条件，请换一个名称。`,
      en: `You already have a filter named “${name}”: choose another name.`,
    },
    errors: [{ field: 'name', code: 'name-taken', message: 'name taken' }],
  });

/** Saves the current filters under a name of the actor's own (unique per screen), audited. */
export async function createSavedFilter(deps: Deps, ctx: RequestContext, input: TCreateSavedFilterRequest) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  return deps.database.transaction(async (trx) => {
    const mine = await trx
      .selectFrom('savedFilters')
      .select(['name'])
      .where(savedFiltersPolicy.where(actor, 'create'))
      .where('screen', '=', input.screen)
      .execute();
    if (mine.some((f) => f.name === input.name)) throw nameTaken(input.name);
    if (mine.length >= SAVED_FILTERS_PER_SCREEN) {
      throw new AppError('conflict', {
        detail: {
          'zh-CN': `每个列表最多保存 ${SAVED_FILTERS_PER_SCREEN} 个筛选条件，请先删除不用的。`,
          en: `At most ${SAVED_FILTERS_PER_SCREEN} saved filters per list: delete one you no longer use.`,
        },
      });
    }
    const row = {
      tenantId,
      id: newId(),
      userId: actor.userId,
      screen: input.screen,
      name: input.name,
      query: input.query,
      createdAt: iso(ctx.now),
    };
    await trx.insertInto('savedFilters').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'saved-filter',
      entityId: row.id,
      after: { screen: row.screen, name: row.name, query: row.query },
    });
    const { tenantId: _t, userId: _u, ...saved } = row;
    return saved satisfies TSavedFilter;
  });
}

/** Deletes one of the actor's own saved filters; another user's is not found. */
export async function deleteSavedFilter(deps: Deps, ctx: RequestContext, id: string) {
  const actor = ctx.actor!;
  await deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('savedFilters')
      .select(COLUMNS)
      .where(savedFiltersPolicy.where(actor, 'delete'))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('saved-filter', id, 'delete');
    await trx.deleteFrom('savedFilters').where('tenantId', '=', tenantOf(actor)).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'saved-filter', entityId: id, before });
  });
}
