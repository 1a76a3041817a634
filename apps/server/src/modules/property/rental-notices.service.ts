import { officeDate, ZRentalNoticeInput, ZRentalNoticeWithdrawInput } from '@kaimen/shared';
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import type { RentalNoticesTable } from '../../db/schema/rental-notices.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { containsText } from '../../lib/like.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { removeFile } from '../attachments/attachments.storage.js';
import { rentalNoticesPolicy } from './property.policy.js';
import { given, loadForUpdate, saveRecord } from './property.records.js';
import type {
  TListRentalNoticesRequest,
  TPublishedFeedRequest,
  ZUpdateRentalNoticeRequest,
} from './rental-notices.schemas.js';
import { assertOfferable, loadNoticeUnits, presentNoticeUnit, unitTaken } from './rental-notices.units.js';

type NoticeRow = Selectable<RentalNoticesTable>;
export const NOTICE_ENTITY = 'rental-notice';

const invalid = (ctx: RequestContext, field: string, zh: string, en: string) =>
  new AppError('validation', { errors: [{ field, message: ctx.locale === 'en' ? en : zh, code: 'invalid' }] });

/** The notices with their units (as they are today) and photo ids, in the order given. */
async function presentNotices(db: Executor, ctx: RequestContext, rows: NoticeRow[]) {
  if (!rows.length) return [];
  const tenantId = rows[0]!.tenantId;
  const ids = rows.map((r) => r.id);
  const [links, photos] = await Promise.all([
    db
      .selectFrom('rentalNoticeUnits')
      .select(['noticeId', 'unitId'])
      .where('tenantId', '=', tenantId)
      .where('noticeId', 'in', ids)
      .execute(),
    db
      .selectFrom('attachments')
      .select(['id', 'entityId'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', NOTICE_ENTITY)
      .where('entityId', 'in', ids)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
  ]);
  const units = await loadNoticeUnits(db, tenantId, [...new Set(links.map((l) => l.unitId))], officeDate(ctx.now));
  return rows.map((r) => {
    const mine = new Set(links.filter((l) => l.noticeId === r.id).map((l) => l.unitId));
    const list = units.filter((u) => mine.has(u.id)).map(presentNoticeUnit);
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      askingRentPerSqm: r.askingRentPerSqm,
      status: r.status,
      publishedAt: r.publishedAt,
      withdrawnAt: r.withdrawnAt,
      withdrawnReason: r.withdrawnReason,
      units: list,
      totalArea: list.reduce((sum, u) => sum + u.area, 0),
      available: list.every((u) => u.available),
      photoIds: photos.filter((p) => p.entityId === r.id).map((p) => p.id),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
    };
  });
}

/** The notice has a unit matching `unitFilter` (SQL over `units`). */
const hasUnit =
  (unitFilter: (eb: ExpressionBuilder<DB, 'units'>) => Expression<SqlBool>) =>
  (eb: ExpressionBuilder<DB, 'rentalNotices'>) =>
    eb.exists(
      eb
        .selectFrom('rentalNoticeUnits')
        .innerJoin('units', (j) =>
          j
            .onRef('units.tenantId', '=', 'rentalNoticeUnits.tenantId')
            .onRef('units.id', '=', 'rentalNoticeUnits.unitId'),
        )
        .select(sql`1`.as('one'))
        .whereRef('rentalNoticeUnits.tenantId', '=', 'rentalNotices.tenantId')
        .whereRef('rentalNoticeUnits.noticeId', '=', 'rentalNotices.id')
        .where((e) => unitFilter(e as unknown as ExpressionBuilder<DB, 'units'>)),
    );

export async function findRentalNotices(db: Executor, ctx: RequestContext, q: TListRentalNoticesRequest) {
  let base = db.selectFrom('rentalNotices').where(rentalNoticesPolicy.where(ctx.actor!, 'read', 'rentalNotices'));
  if (q.status) base = base.where('rentalNotices.status', '=', q.status);
  const { buildingId, q: text } = q;
  if (buildingId) base = base.where(hasUnit((eb) => eb('units.buildingId', '=', buildingId)));
  if (text) {
    base = base.where((eb) =>
      eb.or([containsText('rentalNotices.title', text), hasUnit(() => containsText('units.code', text))(eb)]),
    );
  }
  const sort = q.sort ?? '-createdAt';
  const desc = sort.startsWith('-') ? 'desc' : 'asc';
  // Drafts have no publishing time: '' sorts them the same way on both databases.
  const col =
    sort.replace('-', '') === 'publishedAt'
      ? sql<string>`coalesce(${sql.ref('rentalNotices.publishedAt')}, '')`
      : sql<string>`${sql.ref('rentalNotices.createdAt')}`;
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('rentalNotices')
      .orderBy(col, desc)
      .orderBy('rentalNotices.id', desc)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { items: await presentNotices(db, ctx, rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function getRentalNotice(db: Executor, ctx: RequestContext, id: string) {
  const row = await db
    .selectFrom('rentalNotices')
    .selectAll()
    .where('rentalNotices.id', '=', id)
    .where(rentalNoticesPolicy.where(ctx.actor!, 'read', 'rentalNotices'))
    .executeTakeFirst();
  if (!row) throw notFound(NOTICE_ENTITY, id);
  return (await presentNotices(db, ctx, [row]))[0]!;
}

/**
 * What the public portal renders: published notices whose units are all still offerable today — a notice whose unit
 * was leased or reserved since stays 已发布 for the office (which sees `available: false`) but leaves the feed.
 */
export async function findPublishedRentalNotices(db: Executor, ctx: RequestContext, q: TPublishedFeedRequest) {
  const today = officeDate(ctx.now);
  const base = db
    .selectFrom('rentalNotices')
    .where(rentalNoticesPolicy.where(ctx.actor!, 'read', 'rentalNotices'))
    .where('rentalNotices.status', '=', 'published')
    .where((eb) => eb.not(hasUnit(unitTaken(today))(eb)));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('rentalNotices')
      .orderBy('rentalNotices.publishedAt', 'desc')
      .orderBy('rentalNotices.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const items = (await presentNotices(db, ctx, rows)).map((n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    contactName: n.contactName,
    contactPhone: n.contactPhone,
    askingRentPerSqm: n.askingRentPerSqm,
    publishedAt: n.publishedAt,
    units: n.units,
    totalArea: n.totalArea,
    photoIds: n.photoIds,
  }));
  return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** A draft over vacant units; refused (409, the units named) when one is leased, reserved or otherwise taken. */
export async function createRentalNotice(deps: Deps, ctx: RequestContext, input: z.output<typeof ZRentalNoticeInput>) {
  const tenantId = tenantOf(ctx.actor!);
  const unitIds = [...new Set(input.unitIds)];
  const now = iso(ctx.now);
  const row: NoticeRow = {
    tenantId,
    id: newId(),
    title: input.title,
    body: input.body,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    askingRentPerSqm: input.askingRentPerSqm ?? null,
    status: 'draft',
    publishedAt: null,
    withdrawnAt: null,
    withdrawnReason: null,
    createdBy: ctx.actor!.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.database.transaction(async (trx) => {
    const units = await loadNoticeUnits(trx, tenantId, unitIds, officeDate(ctx.now));
    if (units.length !== unitIds.length) throw invalid(ctx, 'unitIds', '未知的单元', 'Unknown unit');
    assertOfferable(units, 'create');
    await trx.insertInto('rentalNotices').values(row).execute();
    await trx
      .insertInto('rentalNoticeUnits')
      .values(unitIds.map((unitId) => ({ tenantId, noticeId: row.id, unitId })))
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: NOTICE_ENTITY,
      entityId: row.id,
      after: { ...row, unitIds },
    });
  });
  return getRentalNotice(deps.database.db, ctx, row.id);
}

const STATUS_TEXT: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'a draft' },
  published: { zh: '已发布', en: 'published' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** 409 for a step the notice's status does not allow, saying what the status is. */
function wrongStatus(status: string, allowed: { zh: string; en: string }) {
  const s = STATUS_TEXT[status] ?? { zh: status, en: status };
  return new AppError('invalid-transition', {
    detail: { 'zh-CN': `该公告当前为${s.zh}：${allowed.zh}。`, en: `This notice is ${s.en}: ${allowed.en}.` },
  });
}

async function loadForStep(
  trx: Executor,
  ctx: RequestContext,
  id: string,
  version: number,
  allowedFrom: string[],
  allowed: { zh: string; en: string },
) {
  const before = await loadForUpdate(trx, 'rentalNotices', NOTICE_ENTITY, tenantOf(ctx.actor!), id, version);
  if (!allowedFrom.includes(before.status)) throw wrongStatus(before.status, allowed);
  return before;
}

/** Title, text, contact and rent of a draft or a published notice; a withdrawn one is final. */
export async function updateRentalNotice(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZUpdateRentalNoticeRequest>,
) {
  const { version, ...patch } = input;
  await deps.database.transaction(async (trx) => {
    const before = await loadForStep(trx, ctx, id, version, ['draft', 'published'], {
      zh: '已撤回的公告不能再修改',
      en: 'a withdrawn notice can no longer be changed',
    });
    await saveRecord(trx, ctx, 'rentalNotices', NOTICE_ENTITY, before, given(patch));
  });
  return getRentalNotice(deps.database.db, ctx, id);
}

/** A draft goes public, once every unit is still offerable (the units since leased or reserved are named). */
export async function publishRentalNotice(deps: Deps, ctx: RequestContext, id: string, input: { version: number }) {
  await deps.database.transaction(async (trx) => {
    const before = await loadForStep(trx, ctx, id, input.version, ['draft'], {
      zh: '只有草稿可以发布',
      en: 'only a draft can be published',
    });
    const links = await trx
      .selectFrom('rentalNoticeUnits')
      .select('unitId')
      .where('tenantId', '=', before.tenantId)
      .where('noticeId', '=', id)
      .execute();
    const ids = links.map((l) => l.unitId);
    assertOfferable(await loadNoticeUnits(trx, before.tenantId, ids, officeDate(ctx.now)), 'publish');
    const patch = { status: 'published', publishedAt: iso(ctx.now) };
    await saveRecord(trx, ctx, 'rentalNotices', NOTICE_ENTITY, before, patch, 'publish');
  });
  return getRentalNotice(deps.database.db, ctx, id);
}

export async function withdrawRentalNotice(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof ZRentalNoticeWithdrawInput>,
) {
  await deps.database.transaction(async (trx) => {
    const before = await loadForStep(trx, ctx, id, input.version, ['published'], {
      zh: '只有已发布的公告可以撤回',
      en: 'only a published notice can be withdrawn',
    });
    const patch = { status: 'withdrawn', withdrawnAt: iso(ctx.now), withdrawnReason: input.reason };
    await saveRecord(trx, ctx, 'rentalNotices', NOTICE_ENTITY, before, patch, 'withdraw');
  });
  return getRentalNotice(deps.database.db, ctx, id);
}

/** Only a draft is deleted (a published notice is withdrawn, so the record of what was public stays), with its photos. */
export async function deleteRentalNotice(deps: Deps, ctx: RequestContext, id: string) {
  const tenantId = tenantOf(ctx.actor!);
  const files = await deps.database.transaction(async (trx) => {
    const before = await trx
      .selectFrom('rentalNotices')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound(NOTICE_ENTITY, id, 'delete');
    if (before.status !== 'draft') {
      throw wrongStatus(before.status, { zh: '只有草稿可以删除', en: 'only a draft can be deleted' });
    }
    const photos = await trx
      .selectFrom('attachments')
      .select(['id', 'filename', 'storagePath'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', NOTICE_ENTITY)
      .where('entityId', '=', id)
      .execute();
    for (const p of photos) {
      await trx.deleteFrom('attachments').where('tenantId', '=', tenantId).where('id', '=', p.id).execute();
      await recordAudit(trx, ctx, {
        action: 'delete',
        entityType: 'attachment',
        entityId: p.id,
        before: { entityType: NOTICE_ENTITY, entityId: id, filename: p.filename },
      });
    }
    await trx.deleteFrom('rentalNoticeUnits').where('tenantId', '=', tenantId).where('noticeId', '=', id).execute();
    await trx.deleteFrom('rentalNotices').where('tenantId', '=', tenantId).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: NOTICE_ENTITY, entityId: id, before });
    return photos;
  });
  // After the commit: a crash here leaves only orphan files, never rows pointing at nothing.
  for (const p of files) await removeFile(deps.config, p.storagePath);
}
