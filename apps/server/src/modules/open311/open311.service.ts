import {
  isValidUscc,
  maskIdNumber,
  maskPhone,
  normalizeUscc,
  ZNeedInput,
  type Locale,
  type NeedStatus,
} from '@kaimen/shared';
import type { Executor } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkApiKey, markApiKeyUsed } from '../api-keys/api-keys.service.js';
import { insertNeed } from '../needs/needs.service.js';
import type { TOpen311PostBody, TOpen311RequestsQuery } from './open311.schemas.js';

/**
 * GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over needs, DESIGN.md §6: a service is a need category, a
 * service request a need, `agency_responsible` its lead department, `expected_datetime` its due time. The jurisdiction
 * is a tenant (by slug). Reading needs no key, so nothing read here carries personal data; raising a need takes an
 * API key of the tenant. There is no user and no session: the key is the caller.
 */

/** A GeoReport v2 error: the status and the description the `[{code, description}]` answer carries. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
    /** Audit the refusal in this tenant's log. */
    readonly refused?: { tenantId: string; detail: string },
  ) {
    super(description);
  }
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** The specification's `status`: what a caller can tell its users. */
const CLOSED: readonly NeedStatus[] = ['resolved', 'confirmed', 'closed'];
const OPEN: readonly NeedStatus[] = ['submitted', 'accepted', 'in_progress', 'returned'];

/** The specification's window for GET requests: 90 days by default and at most, 1000 requests at most. */
const WINDOW_MS = 90 * 24 * 3600 * 1000;
const MAX_REQUESTS = 1000;

/** The one attribute every service asks for: a need is always about a registered company. */
export const USCC_ATTRIBUTE = 'enterprise_uscc';

export const DISCOVERY_CHANGESET = '2026-03-01T00:00:00Z';

// ---------------------------------------------------------------------------
// Jurisdiction

export interface Jurisdiction {
  tenantId: string;
  slug: string;
  name: string;
}

/** The tenant a call is about: named by `jurisdiction_id`, which may be left out while only one tenant is active. */
export async function resolveJurisdiction(db: Executor, locale: Locale, slug?: string): Promise<Jurisdiction> {
  const tenants = db.selectFrom('tenants').select(['id', 'slug', 'name']).where('disabled', '=', 0);
  const given = slug?.trim();
  const rows = given ? await tenants.where('slug', '=', given).execute() : await tenants.limit(2).execute();
  if (rows.length === 0) {
    throw new Open311Error(
      404,
      given
        ? say(locale, `未找到 jurisdiction_id“${given}”`, `jurisdiction_id '${given}' was not found`)
        : say(locale, '没有可用的 jurisdiction', 'No jurisdiction is served here'),
    );
  }
  if (rows.length > 1) {
    throw new Open311Error(
      400,
      say(
        locale,
        '本服务有多个 jurisdiction，请提供 jurisdiction_id',
        'jurisdiction_id was not provided: this endpoint serves several jurisdictions',
      ),
    );
  }
  const t = rows[0]!;
  return { tenantId: t.id, slug: t.slug, name: t.name };
}

// ---------------------------------------------------------------------------
// Discovery and services

export function discovery(baseUrl: string, j: Jurisdiction | null) {
  return {
    changeset: DISCOVERY_CHANGESET,
    contact: j ? `${j.name}：请联系园区企业服务中心` : '请联系园区企业服务中心',
    key_service: 'API 密钥由园区管理员在开门系统“系统管理 → API 密钥”中签发',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/v2`,
        changeset: DISCOVERY_CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

function categoriesQuery(db: Executor, tenantId: string) {
  return db
    .selectFrom('needCategories as c')
    .leftJoin('departments as d', (join) =>
      join.onRef('d.tenantId', '=', 'c.tenantId').onRef('d.code', '=', 'c.defaultDepartmentCode'),
    )
    .select(['c.code', 'c.nameZh', 'c.nameEn', 'c.slaWorkingDays', 'd.nameZh as departmentName'])
    .where('c.tenantId', '=', tenantId);
}

/** One service per need category of the tenant. */
export async function listServices(db: Executor, j: Jurisdiction) {
  const rows = await categoriesQuery(db, j.tenantId).orderBy('c.sort').orderBy('c.code').execute();
  return rows.map((c) => ({
    service_code: c.code,
    service_name: c.nameZh,
    description: `${c.nameZh}（${c.nameEn}）：承诺 ${c.slaWorkingDays} 个工作日内办结`,
    // Every service asks for the company (its definition's attribute), so clients must read the definition.
    metadata: true,
    type: 'realtime',
    keywords: [c.code, c.nameEn].join(', '),
    group: c.departmentName ?? '',
  }));
}

export async function serviceDefinition(db: Executor, locale: Locale, j: Jurisdiction, code: string) {
  const c = await categoriesQuery(db, j.tenantId).where('c.code', '=', code).executeTakeFirst();
  if (!c) {
    throw new Open311Error(404, say(locale, `未找到 service_code“${code}”`, `service_code '${code}' was not found`));
  }
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: USCC_ATTRIBUTE,
        datatype: 'string',
        required: true,
        datatype_description: '18 位统一社会信用代码（GB 32100-2015），须为本园区已登记的企业',
        order: 1,
        description: '统一社会信用代码',
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Reading requests

/** Free text goes out without a key: numbers and addresses of people typed into it are masked. */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_IN_TEXT =
  /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function scrubPersonal(text: string | null): string | null {
  if (!text) return text;
  return text
    .replace(ID_IN_TEXT, (m) => maskIdNumber(m))
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m))
    .replace(EMAIL_IN_TEXT, (m) => `${m.charAt(0)}***${m.slice(m.lastIndexOf('@'))}`);
}

/** Only the columns a public answer may carry: never the contact's name or phone. */
function requestsQuery(db: Executor, tenantId: string) {
  return db
    .selectFrom('needs as n')
    .leftJoin('needCategories as c', (join) =>
      join.onRef('c.tenantId', '=', 'n.tenantId').onRef('c.code', '=', 'n.categoryCode'),
    )
    .leftJoin('departments as d', (join) =>
      join.onRef('d.tenantId', '=', 'n.tenantId').onRef('d.id', '=', 'n.leadDepartmentId'),
    )
    .select([
      'n.id',
      'n.reference',
      'n.status',
      'n.resolution',
      'n.categoryCode',
      'c.nameZh as categoryName',
      'n.description',
      'd.nameZh as departmentName',
      'n.createdAt',
      'n.updatedAt',
      'n.dueOn',
      'n.dueAt',
      'n.address',
      'n.lat',
      'n.long',
    ])
    .where('n.tenantId', '=', tenantId);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

const notice = (locale: Locale, department: string | null, dueOn: string) =>
  department
    ? say(
        locale,
        `由${department}牵头办理，承诺 ${dueOn} 前办结`,
        `${department} leads it and promises an answer by ${dueOn}`,
      )
    : say(locale, `承诺 ${dueOn} 前办结`, `An answer is promised by ${dueOn}`);

function presentRequest(locale: Locale, n: RequestRow) {
  const closed = CLOSED.includes(n.status as NeedStatus);
  return {
    service_request_id: n.reference,
    status: closed ? 'closed' : 'open',
    // A reopened need keeps its last answer: it is only the status note while the need stands closed.
    status_notes: closed ? scrubPersonal(n.resolution) : null,
    service_name: n.categoryName ?? n.categoryCode,
    service_code: n.categoryCode,
    description: scrubPersonal(n.description),
    agency_responsible: n.departmentName,
    service_notice: notice(locale, n.departmentName, n.dueOn),
    // When the need was raised; submitted_at moves on each resubmission, the request was made once.
    requested_datetime: n.createdAt,
    updated_datetime: n.updatedAt,
    expected_datetime: n.dueAt,
    address: n.address,
    address_id: null,
    zipcode: null,
    lat: n.lat,
    long: n.long,
    media_url: null,
  };
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** ISO 8601 with a time zone, as the specification requires of every date. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function parseDate(locale: Locale, name: string, value: string | undefined): Date | null {
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim();
  const t = ISO_DATETIME.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) {
    throw new Open311Error(
      400,
      say(
        locale,
        `${name} 须为带时区的 ISO 8601 时间，如 2026-03-01T00:00:00+08:00`,
        `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T00:00:00+08:00`,
      ),
    );
  }
  return new Date(t);
}

/** GET requests: by references (which override every other filter), else by service, window and status. */
export async function findRequests(db: Executor, ctx: RequestContext, j: Jurisdiction, q: TOpen311RequestsQuery) {
  const { locale } = ctx;
  let query = requestsQuery(db, j.tenantId);
  const ids = list(q.service_request_id).map((r) => r.toUpperCase());
  if (ids.length) {
    if (ids.length > MAX_REQUESTS) {
      throw new Open311Error(
        400,
        say(locale, `一次最多查询 ${MAX_REQUESTS} 个请求`, `At most ${MAX_REQUESTS} service_request_id at once`),
      );
    }
    query = query.where('n.reference', 'in', ids);
  } else {
    const codes = list(q.service_code);
    if (codes.length) query = query.where('n.categoryCode', 'in', codes);
    const statuses = list(q.status).map((s) => s.toLowerCase());
    const bad = statuses.find((s) => s !== 'open' && s !== 'closed');
    if (bad) {
      throw new Open311Error(
        400,
        say(locale, `未知的 status“${bad}”：可用 open 或 closed`, `Unknown status '${bad}': use open or closed`),
      );
    }
    const wanted = new Set(statuses);
    if (wanted.size === 1) query = query.where('n.status', 'in', [...(wanted.has('open') ? OPEN : CLOSED)]);
    let start = parseDate(locale, 'start_date', q.start_date);
    let end = parseDate(locale, 'end_date', q.end_date);
    if (start && end) {
      if (end < start) {
        throw new Open311Error(400, say(locale, 'end_date 早于 start_date', 'end_date is before start_date'));
      }
      if (end.getTime() - start.getTime() > WINDOW_MS) {
        throw new Open311Error(
          400,
          say(
            locale,
            'start_date 与 end_date 相隔不能超过 90 天',
            'start_date and end_date may not span more than 90 days',
          ),
        );
      }
    } else if (start) {
      end = new Date(start.getTime() + WINDOW_MS);
    } else if (end) {
      start = new Date(end.getTime() - WINDOW_MS);
    } else {
      start = new Date(ctx.now.getTime() - WINDOW_MS);
    }
    query = query.where('n.createdAt', '>=', iso(start!));
    if (end) query = query.where('n.createdAt', '<=', iso(end));
  }
  const rows = await query.orderBy('n.createdAt', 'desc').orderBy('n.id', 'desc').limit(MAX_REQUESTS).execute();
  return rows.map((r) => presentRequest(locale, r));
}

export async function getRequest(db: Executor, ctx: RequestContext, j: Jurisdiction, reference: string) {
  const row = await requestsQuery(db, j.tenantId)
    .where('n.reference', '=', reference.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) {
    throw new Open311Error(
      404,
      say(ctx.locale, `未找到 service_request_id“${reference}”`, `service_request_id '${reference}' was not found`),
    );
  }
  return [presentRequest(ctx.locale, row)];
}

// ---------------------------------------------------------------------------
// Raising a request

const present = (v: string | undefined): string | undefined =>
  v !== undefined && v.trim() !== '' ? v.trim() : undefined;

function coordinate(locale: Locale, name: 'lat' | 'long', value: string, limit: number): number {
  const n = /^[+-]?\d+(?:\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    throw new Open311Error(
      400,
      say(locale, `${name} 不是有效的 WGS84 坐标`, `${name} is not a valid WGS84 coordinate`),
    );
  }
  return n;
}

/** Chinese names go family name first, without a space; others as they are written. */
function contactName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  if (/[\u3400-\u9fff]/.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

/** ZNeedInput's fields, named as the caller sent them. */
const FIELD_NAMES: Record<string, string> = {
  title: 'description',
  description: 'description',
  contactName: 'first_name/last_name',
  contactPhone: 'phone',
  categoryCode: 'service_code',
};

/** POST requests: checks the key, the service, the location and the company, then raises the need as Open311. */
export async function createRequest(deps: Deps, ctx: RequestContext, body: TOpen311PostBody) {
  const db = deps.database.db;
  const { locale } = ctx;
  const j = await resolveJurisdiction(db, locale, present(body.jurisdiction_id));

  const key = await checkApiKey(db, present(body.api_key));
  if (!key.ok || key.tenantId !== j.tenantId) {
    const detail = key.ok ? 'api-key-of-another-jurisdiction' : `api-key-${key.reason}`;
    const description =
      !key.ok && key.reason === 'missing'
        ? say(locale, '未提供 api_key', 'api_key was not provided')
        : say(locale, 'api_key 无效', 'api_key is invalid');
    throw new Open311Error(403, description, { tenantId: j.tenantId, detail });
  }

  const code = present(body.service_code);
  if (!code) throw new Open311Error(400, say(locale, '未提供 service_code', 'service_code was not provided'));
  const category = await db
    .selectFrom('needCategories')
    .select('code')
    .where('tenantId', '=', j.tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!category) {
    throw new Open311Error(400, say(locale, `未找到 service_code“${code}”`, `service_code '${code}' was not found`));
  }

  const latText = present(body.lat);
  const longText = present(body.long);
  const address = present(body.address_string) ?? null;
  if ((latText === undefined) !== (longText === undefined)) {
    throw new Open311Error(400, say(locale, 'lat 与 long 须同时提供', 'lat and long must be sent together'));
  }
  const lat = latText === undefined ? null : coordinate(locale, 'lat', latText, 90);
  const long = longText === undefined ? null : coordinate(locale, 'long', longText, 180);
  if (lat === null && address === null) {
    throw new Open311Error(
      400,
      say(locale, '须提供 lat/long 或 address_string', 'lat/long or address_string is required'),
    );
  }

  const usccText = present(body['attribute[enterprise_uscc]']);
  if (!usccText) {
    throw new Open311Error(
      400,
      say(
        locale,
        `未提供必填属性 attribute[${USCC_ATTRIBUTE}]（统一社会信用代码）`,
        `Required attribute[${USCC_ATTRIBUTE}] was not provided`,
      ),
    );
  }
  if (!isValidUscc(usccText)) {
    throw new Open311Error(
      400,
      say(
        locale,
        `attribute[${USCC_ATTRIBUTE}] 不是有效的统一社会信用代码`,
        `attribute[${USCC_ATTRIBUTE}] is not a valid USCC`,
      ),
    );
  }
  const enterprise = await db
    .selectFrom('enterprises')
    .select('id')
    .where('tenantId', '=', j.tenantId)
    .where('uscc', '=', normalizeUscc(usccText))
    .executeTakeFirst();
  if (!enterprise) {
    throw new Open311Error(
      400,
      say(
        locale,
        `attribute[${USCC_ATTRIBUTE}]：本园区没有登记该企业`,
        `attribute[${USCC_ATTRIBUTE}]: no such company is registered here`,
      ),
    );
  }

  const description = present(body.description);
  if (!description) throw new Open311Error(400, say(locale, '未提供 description', 'description was not provided'));
  const parsed = ZNeedInput.safeParse({
    enterpriseId: enterprise.id,
    categoryCode: category.code,
    title: [...description.replace(/\s+/g, ' ')].slice(0, 30).join(''),
    description,
    urgency: 'normal',
    contactName: contactName(present(body.first_name), present(body.last_name)),
    contactPhone: present(body.phone),
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => FIELD_NAMES[String(i.path[0])] ?? String(i.path[0])))];
    throw new Open311Error(400, say(locale, `无效的字段：${fields.join('、')}`, `Invalid field: ${fields.join(', ')}`));
  }
  const { source: _source, ...input } = parsed.data;

  const need = await deps.database.transaction(async (trx) => {
    const id = await insertNeed(
      trx,
      ctx,
      j.tenantId,
      { ...input, leadDepartmentId: null, supportingDepartmentIds: [] },
      { source: 'open311', address, lat, long, actorName: `Open311: ${key.name}` },
    );
    await markApiKeyUsed(trx, j.tenantId, key.id, ctx.now);
    return requestsQuery(trx, j.tenantId).where('n.id', '=', id).executeTakeFirstOrThrow();
  });
  return [
    {
      service_request_id: need.reference,
      service_notice: notice(locale, need.departmentName, need.dueOn),
      account_id: null,
    },
  ];
}

/** A refused call in the tenant's audit log (a wrong or revoked key is worth knowing about). */
export async function auditRefusal(db: Executor, ctx: RequestContext, refused: { tenantId: string; detail: string }) {
  await recordAudit(db, ctx, {
    tenantId: refused.tenantId,
    actorUsername: 'open311',
    action: 'create',
    entityType: 'need',
    outcome: 'refused',
    detail: refused.detail,
  });
}
