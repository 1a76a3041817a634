import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';

/**
 * The office's holiday calendar. Deadlines already set keep their dates (a need's due date is fixed when it reaches a
 * department); a change applies to what is submitted after it.
 */
export async function listHolidays(db: Executor, actor: Actor, year?: number) {
  let q = db.selectFrom('holidays').select(['date', 'kind', 'name']).where('tenantId', '=', tenantOf(actor));
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export async function putHoliday(
  deps: Deps,
  ctx: RequestContext,
  date: string,
  kind: 'holiday' | 'workday',
  name: string | null,
) {
  const tenantId = tenantOf(ctx.actor!);
  const weekend = [0, 6].includes(weekday(date));
  if (kind === 'holiday' && weekend) {
    throw new AppError('validation', {
      errors: [
        {
          field: 'kind',
          code: 'invalid',
          message: ctx.locale === 'en' ? 'A weekend day is already off' : '周末本就休息，无需设为节假日',
        },
      ],
    });
  }
  if (kind === 'workday' && !weekend) {
    throw new AppError('validation', {
      errors: [
        {
          field: 'kind',
          code: 'invalid',
          message: ctx.locale === 'en' ? 'Only a weekend day can be made a working day' : '只有周末才能设为调休上班日',
        },
      ],
    });
  }
  await deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('holidays')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('date', '=', date)
      .executeTakeFirst();
    if (before) {
      await trx
        .updateTable('holidays')
        .set({ kind, name })
        .where('tenantId', '=', tenantId)
        .where('date', '=', date)
        .execute();
    } else {
      await trx
        .insertInto('holidays')
        .values({ tenantId, date, kind, name, createdAt: iso(ctx.now) })
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'holiday',
      entityId: date,
      before: before ?? null,
      after: { date, kind, name },
    });
  });
  return { date, kind, name };
}

export async function deleteHoliday(deps: Deps, ctx: RequestContext, date: string) {
  const tenantId = tenantOf(ctx.actor!);
  await deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('holidays')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('date', '=', date)
      .executeTakeFirst();
    if (!before) return;
    await trx.deleteFrom('holidays').where('tenantId', '=', tenantId).where('date', '=', date).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'holiday', entityId: date, before });
  });
}
