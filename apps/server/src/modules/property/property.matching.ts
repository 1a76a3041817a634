import {
  findEntry,
  label,
  officeDate,
  PARCEL_STATUSES,
  SPACE_REQUIREMENTS,
  UNIT_TYPES,
  type Bilingual,
  type SpaceRequirement,
} from '@kaimen/shared';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { tenantOf, type RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { leadsPolicy } from '../leads/leads.policy.js';
import { findUnitItems, getUnit, lastLeaseDay, leaseUnitsWithLeases } from './inventory.service.js';
import { presentParcel } from './parcels.service.js';
import { parcelsPolicy } from './property.policy.js';

/**
 * Where a project fits (issue 6): from a space need — a unit type, an area, the biotech requirements, a date it must
 * be free by — the units that fit, best first, each with why; and holding one for a lead (意向).
 *
 * A unit fits when it is of the type asked (if one is), its area is within the tolerance of the need, it has every
 * requirement, it is not set aside for the owner's own use, and no lease covers it on or after the date. Best first:
 * units held for nobody before units held for another lead, then the closest area, then the lowest rent.
 */
export const HIGH_FLOOR_LOAD_KN = 8;
export const DEFAULT_TOLERANCE = 0.2;
const MATCH_LIMIT = 20;
const CANDIDATE_LIMIT = 500;

const requirementCodes = SPACE_REQUIREMENTS.map((r) => r.code) as [SpaceRequirement, ...SpaceRequirement[]];

export const ZSpaceNeedQuery = z.object({
  type: z.enum(UNIT_TYPES.map((u) => u.code) as [string, ...string[]]).optional(),
  area: z.coerce.number().positive().max(10_000_000),
  /** How far the area may be off, as a share of the need (0.2: ±20%). */
  tolerance: z.coerce.number().min(0).max(1).default(DEFAULT_TOLERANCE),
  requirements: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(requirementCodes)).max(10))
    .optional(),
  /** Free from this office date on (today when left out). */
  availableOn: z.string().date().optional(),
  /** The lead asking: its own reservations do not count against a unit. */
  leadId: z.string().max(100).optional(),
});
export type TSpaceNeed = z.output<typeof ZSpaceNeedQuery>;

type Unit = Awaited<ReturnType<typeof findUnitItems>>[number];

const HAS: Record<SpaceRequirement, (u: Unit) => boolean> = {
  gmp_ready: (u) => u.gmpReady,
  lab_exhaust: (u) => u.exhaust,
  lab_water: (u) => u.labWater,
  floor_load: (u) => (u.floorLoadKn ?? 0) >= HIGH_FLOOR_LOAD_KN,
  clean_room: (u) => !!u.cleanRoomGrade,
  env_permit: (u) => u.envPermit,
};

/** The requirements the unit list filters on in SQL (the others are checked on the candidates). */
const SQL_FLAG: Partial<Record<SpaceRequirement, 'gmpReady' | 'exhaust' | 'labWater' | 'envPermit'>> = {
  gmp_ready: 'gmpReady',
  lab_exhaust: 'exhaust',
  lab_water: 'labWater',
  env_permit: 'envPermit',
};

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

export async function matchUnits(db: Executor, ctx: RequestContext, need: TSpaceNeed) {
  const tenantId = tenantOf(ctx.actor!);
  const day = need.availableOn ?? officeDate(ctx.now);
  const low = need.area * (1 - need.tolerance);
  const high = need.area * (1 + need.tolerance);
  // The requirements the list can filter on go to SQL; then the closest units above the need and below it, so the
  // best fits are among the candidates however many units of the range there are.
  const wantedFlags = Object.fromEntries(
    (need.requirements ?? []).flatMap((r) => (SQL_FLAG[r] ? [[SQL_FLAG[r], true]] : [])),
  );
  const side = (minArea: number, maxArea: number, sort: 'area' | '-area') =>
    findUnitItems(db, ctx, {
      type: need.type,
      minArea,
      maxArea,
      ...wantedFlags,
      ...((need.requirements ?? []).includes('floor_load') ? { minFloorLoadKn: HIGH_FLOOR_LOAD_KN } : {}),
      page: 1,
      pageSize: CANDIDATE_LIMIT / 2,
      sort,
    } as Parameters<typeof findUnitItems>[2]);
  const [above, below] = await Promise.all([side(need.area, high, 'area'), side(low, need.area, '-area')]);
  const seen = new Set<string>();
  const candidates = [...above, ...below].filter((u) => !seen.has(u.id) && seen.add(u.id));
  const ids = candidates.map((u) => u.id);
  // A lease on or after the date (or still running then) takes the unit.
  const busy = new Set(
    ids.length
      ? (
          await leaseUnitsWithLeases(db)
            .select('leaseUnits.unitId')
            .where('leaseUnits.tenantId', '=', tenantId)
            .where('leaseUnits.unitId', 'in', ids)
            .where(lastLeaseDay, '>=', day)
            .execute()
        ).map((r) => r.unitId)
      : [],
  );
  const wanted = need.requirements ?? [];
  const fits = candidates.filter(
    (u) => u.setStatus !== 'self_used' && !busy.has(u.id) && wanted.every((r) => HAS[r](u)),
  );
  const heldElsewhere = (u: Unit) => !!u.reservation && u.reservation.leadId !== need.leadId;
  fits.sort(
    (a, b) =>
      Number(heldElsewhere(a)) - Number(heldElsewhere(b)) ||
      Math.abs(a.area - need.area) - Math.abs(b.area - need.area) ||
      (a.monthlyRentPerSqm ?? Infinity) - (b.monthlyRentPerSqm ?? Infinity) ||
      a.code.localeCompare(b.code),
  );
  return {
    need: { ...need, availableOn: day },
    items: fits.slice(0, MATCH_LIMIT).map((u) => ({ unit: u, reasons: reasonsOf(u, need, day, ctx.locale) })),
    total: fits.length,
    parcels: await matchParcels(db, ctx, need),
  };
}

/**
 * Industrial plot ratios (容积率) the office builds at: a parcel of L m² holds L × min to L × max m² of floor area. A
 * project that would rather build than rent fits a parcel whose range reaches the area asked.
 */
export const PLOT_RATIO = { min: 1, max: 2 } as const;
/** Land that can be offered, best first: idle before inefficient (to be revitalised) before planned. */
const OFFERED_LAND = ['idle', 'inefficient', 'planned'] as const;

/**
 * Land for the same need, for the readers of parcels (others get none): offered parcels whose floor-area range at
 * PLOT_RATIO reaches the area asked, idle first, then the smallest that fits (the least land used).
 */
async function matchParcels(db: Executor, ctx: RequestContext, need: TSpaceNeed) {
  const actor = ctx.actor!;
  if (!parcelsPolicy.allows(actor, 'read')) return { items: [], total: 0 };
  const rows = await db
    .selectFrom('parcels')
    .selectAll()
    .where(parcelsPolicy.where(actor, 'read', 'parcels'))
    .where('status', 'in', [...OFFERED_LAND])
    .where('area', '>=', need.area / PLOT_RATIO.max)
    .execute();
  const rank = (status: string) => OFFERED_LAND.indexOf(status as (typeof OFFERED_LAND)[number]);
  rows.sort((a, b) => rank(a.status) - rank(b.status) || a.area - b.area || a.code.localeCompare(b.code));
  const t = (b: Bilingual) => (ctx.locale === 'en' ? b.en : b.zh);
  return {
    items: rows.slice(0, MATCH_LIMIT).map((p) => {
      const status = findEntry(PARCEL_STATUSES, p.status);
      const [low, high] = [p.area * PLOT_RATIO.min, p.area * PLOT_RATIO.max];
      return {
        parcel: presentParcel(p),
        reasons: [
          t({ zh: `状态：${status?.zh ?? p.status}`, en: `Status: ${status?.en ?? p.status}` }),
          t({
            zh: `用地 ${fmt(p.area)}㎡，按容积率 ${PLOT_RATIO.min}–${PLOT_RATIO.max} 可建 ${fmt(low)}–${fmt(high)}㎡（需求 ${fmt(need.area)}㎡）`,
            en: `${fmt(p.area)} m² of land: ${fmt(low)}–${fmt(high)} m² of floor area at plot ratio ${PLOT_RATIO.min}–${PLOT_RATIO.max} (${fmt(need.area)} m² asked)`,
          }),
          ...(p.zoning ? [t({ zh: `用地性质：${p.zoning}`, en: `Zoning: ${p.zoning}` })] : []),
        ],
      };
    }),
    total: rows.length,
  };
}

function reasonsOf(u: Unit, need: TSpaceNeed, day: string, locale: RequestContext['locale']): string[] {
  const t = (b: Bilingual) => (locale === 'en' ? b.en : b.zh);
  const out: string[] = [];
  if (need.type) {
    const e = findEntry(UNIT_TYPES, u.type);
    out.push(t({ zh: `类型：${e ? e.zh : u.type}`, en: `Type: ${e ? e.en : u.type}` }));
  }
  const diff = Math.round(((u.area - need.area) / need.area) * 100);
  const sign = diff > 0 ? `+${diff}` : String(diff);
  out.push(
    t({
      zh: `面积 ${fmt(u.area)}㎡（需求 ${fmt(need.area)}㎡，${sign}%）`,
      en: `${fmt(u.area)} m² (${fmt(need.area)} m² asked, ${sign}%)`,
    }),
  );
  for (const r of need.requirements ?? []) {
    const e = findEntry(SPACE_REQUIREMENTS, r)!;
    out.push(t({ zh: `具备：${label(e, 'zh-CN')}`, en: `Has: ${label(e, 'en')}` }));
  }
  out.push(t({ zh: `${day} 起可用`, en: `Free from ${day}` }));
  if (u.reservation && u.reservation.leadId !== need.leadId) {
    out.push(t({ zh: `已为“${u.reservation.companyName}”保留意向`, en: `Held for ${u.reservation.companyName}` }));
  }
  return out;
}

/** The space need a lead recorded (type, m², requirements), matched as of today. */
export async function matchForLead(db: Executor, ctx: RequestContext, leadId: string) {
  const actor = ctx.actor!;
  const lead = await db
    .selectFrom('leads')
    .select(['id', 'spaceUnitType', 'spaceArea', 'spaceRequirements'])
    .where('id', '=', leadId)
    .where(leadsPolicy.where(actor, 'read'))
    .executeTakeFirst();
  if (!lead) throw notFound('lead', leadId);
  if (!lead.spaceArea) {
    throw new AppError('unprocessable', {
      detail: {
        'zh-CN': '该项目尚未填写面积需求，请先在项目中填写载体类型和面积。',
        en: 'This lead has no space need yet: enter the unit type and area on the lead first.',
      },
    });
  }
  return matchUnits(db, ctx, {
    type: lead.spaceUnitType ?? undefined,
    area: lead.spaceArea,
    tolerance: DEFAULT_TOLERANCE,
    requirements: parseJson<SpaceRequirement[]>(lead.spaceRequirements, []).filter((r) => r in HAS),
    leadId,
  });
}

// ---------------------------------------------------------------------------
// Reservations

/**
 * Holds a unit for a lead (意向): the unit reads 意向 on both pages. In one transaction: a unit leased today, or
 * already held for another lead, is refused (409); holding it again for the same lead changes nothing.
 */
export async function reserveUnit(
  deps: Deps,
  ctx: RequestContext,
  unitId: string,
  input: { leadId: string; note?: string | null | undefined },
) {
  const actor = ctx.actor!;
  const tenantId = tenantOf(actor);
  await deps.database.transaction(async (trx) => {
    let unitQuery = trx
      .selectFrom('units')
      .select(['id', 'status', 'version'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', unitId);
    if (deps.database.dialect === 'postgres') unitQuery = unitQuery.forUpdate();
    const unit = await unitQuery.executeTakeFirst();
    if (!unit) throw notFound('unit', unitId, 'reserve');
    const lead = await trx
      .selectFrom('leads')
      .select(['id', 'companyName'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', input.leadId)
      .executeTakeFirst();
    if (!lead) {
      throw new AppError('validation', {
        errors: [
          { field: 'leadId', code: 'invalid', message: ctx.locale === 'en' ? 'Unknown lead' : '未知的招商项目' },
        ],
      });
    }
    const current = await getUnit(trx, ctx, unitId);
    if (current.status === 'leased' || current.setStatus === 'self_used') {
      throw new AppError('conflict', {
        detail: {
          'zh-CN': `单元 ${current.code} 已出租或自用，不能保留意向。`,
          en: `Unit ${current.code} is leased or self-used and cannot be held.`,
        },
      });
    }
    if (current.reservation) {
      if (current.reservation.leadId === input.leadId) return;
      throw new AppError('conflict', {
        detail: {
          'zh-CN': `单元 ${current.code} 已为“${current.reservation.companyName}”保留意向。`,
          en: `Unit ${current.code} is already held for ${current.reservation.companyName}.`,
        },
      });
    }
    const now = iso(ctx.now);
    const row = {
      tenantId,
      id: newId(),
      unitId,
      leadId: input.leadId,
      note: input.note?.trim() || null,
      reservedBy: actor.userId,
      reservedAt: now,
      releasedAt: null,
    };
    await trx.insertInto('unitReservations').values(row).execute();
    await trx
      .updateTable('units')
      .set({ status: 'reserved', updatedAt: now, version: unit.version + 1 })
      .where('tenantId', '=', tenantId)
      .where('id', '=', unitId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'reserve',
      entityType: 'unit',
      entityId: unitId,
      before: { status: unit.status },
      after: { status: 'reserved', reservation: row, companyName: lead.companyName },
    });
  });
  return getUnit(deps.database.db, ctx, unitId);
}

/** Releases the unit's open reservation; a unit that read 意向 becomes 空置 again. */
export async function releaseUnit(deps: Deps, ctx: RequestContext, unitId: string) {
  const tenantId = tenantOf(ctx.actor!);
  await deps.database.transaction(async (trx) => {
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'status', 'version'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound('unit', unitId, 'release');
    const now = iso(ctx.now);
    const res = await trx
      .updateTable('unitReservations')
      .set({ releasedAt: now })
      .where('tenantId', '=', tenantId)
      .where('unitId', '=', unitId)
      .where('releasedAt', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return;
    if (unit.status === 'reserved') {
      await trx
        .updateTable('units')
        .set({ status: 'vacant', updatedAt: now, version: unit.version + 1 })
        .where('tenantId', '=', tenantId)
        .where('id', '=', unitId)
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'release',
      entityType: 'unit',
      entityId: unitId,
      before: { status: unit.status },
      after: { status: unit.status === 'reserved' ? 'vacant' : unit.status },
    });
  });
  return getUnit(deps.database.db, ctx, unitId);
}
