import type { Executor } from '../../db/database.js';
import { tenantOf, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { staleOrMissing } from '../../lib/optimistic.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { departmentsPolicy } from './departments.policy.js';
import type { TCreateDepartmentRequest, TUpdateDepartmentRequest } from './departments.schemas.js';

type Action = (typeof departmentsPolicy.actions)[number];

async function load(db: Executor, actor: Actor, id: string, action: Action) {
  const row = await db
    .selectFrom('departments')
    .selectAll()
    .where('id', '=', id)
    .where(departmentsPolicy.where(actor, action))
    .executeTakeFirst();
  if (!row) throw notFound('department', id, action);
  return row;
}

type Row = Awaited<ReturnType<typeof load>>;

/** The webhook URL is the admin's to see: it holds the robot's key. */
const present = (actor: Actor, row: Row) =>
  departmentsPolicy.allows(actor, 'seeWebhook') ? row : { ...row, webhookUrl: null };

export async function findDepartments(db: Executor, actor: Actor) {
  const items = await db
    .selectFrom('departments')
    .selectAll()
    .where(departmentsPolicy.where(actor, 'list'))
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return {
    items: items.map((d) => present(actor, d)),
    total: items.length,
    page: 1,
    pageSize: Math.max(items.length, 1),
  };
}

export const getDepartment = async (db: Executor, actor: Actor, id: string) =>
  present(actor, await load(db, actor, id, 'read'));

export async function createDepartment(deps: Deps, ctx: RequestContext, input: TCreateDepartmentRequest) {
  const tenantId = tenantOf(ctx.actor!);
  return deps.database.transaction(async (trx) => {
    const now = iso(ctx.now);
    const row = {
      tenantId,
      id: newId(),
      ...input,
      sort: input.sort ?? 100,
      webhookUrl: input.webhookUrl ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('departments').values(row).execute();
    await recordAudit(trx, ctx, { action: 'create', entityType: 'department', entityId: row.id, after: row });
    return row;
  });
}

export async function updateDepartment(deps: Deps, ctx: RequestContext, id: string, input: TUpdateDepartmentRequest) {
  const { version, ...set } = input;
  return deps.database.transaction(async (trx) => {
    const before = await load(trx, ctx.actor!, id, 'update');
    const res = await trx
      .updateTable('departments')
      .set((eb) => ({ ...set, updatedAt: iso(ctx.now), version: eb('version', '+', 1) }))
      .where('tenantId', '=', before.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleOrMissing(true, 'department', id);
    const after = await load(trx, ctx.actor!, id, 'update');
    await recordAudit(trx, ctx, { action: 'update', entityType: 'department', entityId: id, before, after });
    return after;
  });
}

export async function deleteDepartment(deps: Deps, ctx: RequestContext, id: string) {
  await deps.database.transaction(async (trx) => {
    const before = await load(trx, ctx.actor!, id, 'delete');
    const members = await trx
      .selectFrom('users')
      .select('id')
      .where('tenantId', '=', before.tenantId)
      .where('departmentId', '=', id)
      .limit(1)
      .execute();
    if (members.length) {
      const zh = '该部门下仍有用户，不能删除。';
      const en = 'Users still belong to this department.';
      throw new AppError('conflict', {
        detail: { 'zh-CN': zh, en },
        errors: [{ field: 'id', message: ctx.locale === 'en' ? en : zh }],
      });
    }
    await trx.deleteFrom('departments').where('tenantId', '=', before.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'department', entityId: id, before });
  });
}
