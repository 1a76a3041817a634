import { addWorkingHours, workingCalendar, type WorkingCalendar } from '@kaimen/shared';
import { bulkInsert, type BulkTable, type BulkTarget } from '../../db/bulk-insert.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { clocksFrom } from '../needs/needs.service.js';
import { hashSeed, RowRandom } from './generator-random.js';
import {
  CATEGORY_WEIGHTS,
  DEMO_HOLIDAYS_2026,
  NEED_TEXTS,
  RETURN_REASONS,
  UNSATISFIED_WORDS,
  VISIT_NOTES,
} from './demo-needs-vocabulary.js';

/**
 * The demo tenant's visits and needs: a year of visits by three service officers whose coverage differs as in life
 * (陈服务 visits nearly all of their companies, 孙服务 half, 吴服务 few), about 800 needs across categories and
 * departments, each with a timeline that follows the workflow — most answered and rated, some still open, some past
 * their deadlines and escalated, a few returned or reopened after a 不满意. The demo company (the enterprise user's)
 * has one answer waiting for its rating; 住建分局 has fresh needs in its queue. Deadlines use the office calendar with
 * the 2026 holidays.
 */
export const DEMO_SERVICE_OFFICERS = [
  { username: 'service2', displayName: '孙服务', companies: 100, coverage: 0.55 },
  { username: 'service3', displayName: '吴服务', companies: 60, coverage: 0.2 },
] as const;
export const DEMO_DEPARTMENT_HEAD = { username: 'department-head', displayName: '黄科长（住建分局负责人）' } as const;
export const DEMO_NEEDS = 800;

const SEED = 'kaimen-demo-needs';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const text = (name: string) => ({ name, type: 'text' as const });
const int = (name: string) => ({ name, type: 'integer' as const });
const texts = (...names: string[]) => names.map(text);
const STAMPS = [text('created_at'), text('updated_at'), int('version')];

/** The bulk-written tables of visits and needs, columns in the order the rows give their values (the bench uses them too). */
export const NEED_TABLES = {
  visits: {
    name: 'visits',
    columns: [...texts('tenant_id', 'id', 'enterprise_id', 'visited_on', 'kind', 'notes', 'created_by'), ...STAMPS],
  },
  visitors: { name: 'visit_visitors', columns: texts('tenant_id', 'visit_id', 'user_id') },
  visitDepartments: { name: 'visit_departments', columns: texts('tenant_id', 'visit_id', 'department_id') },
  needs: {
    name: 'needs',
    columns: [
      ...texts('tenant_id', 'id', 'reference', 'enterprise_id', 'visit_id', 'category_code', 'title', 'description'),
      ...texts('source', 'urgency', 'lead_department_id', 'status', 'officer_id', 'submitted_at', 'accept_by'),
      ...texts('due_on', 'due_at', 'accepted_at', 'resolved_at', 'resolution', 'confirmed_at', 'satisfaction'),
      ...texts('closed_at', 'returned_reason'),
      int('reopened_count'),
      ...texts('escalated_at', 'escalation_kind', 'escalation_reason'),
      int('resolved_late'),
      text('created_by'),
      ...STAMPS,
    ],
  },
  supporting: { name: 'need_departments', columns: texts('tenant_id', 'need_id', 'department_id') },
  events: {
    name: 'need_events',
    columns: texts(
      'tenant_id',
      'id',
      'need_id',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'from_status',
      'to_status',
      'text',
      'department_id',
      'satisfaction',
    ),
  },
  holidays: { name: 'holidays', columns: texts('tenant_id', 'date', 'kind', 'name', 'created_at') },
} satisfies Record<string, BulkTable>;

export interface DemoNeedsOptions {
  tenantId: string;
  now: Date;
  passwordHash: string;
  /** The demo service officer (陈服务), the 住建 handler and the enterprise user with its company. */
  service: { id: string; name: string };
  housingHandler: { id: string; name: string };
  companyUser: { id: string; name: string; enterpriseId: string };
}

interface Dept {
  id: string;
  code: string;
  nameZh: string;
}

interface Company {
  id: string;
  name: string;
  assignedOfficerId: string | null;
}

/** Office time (UTC+8) at a date and hour. */
const officeInstant = (date: string, hour: number) => Date.parse(`${date}T00:00:00+08:00`) + hour * HOUR;
const officeDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

export async function seedDemoNeeds(target: BulkTarget, o: DemoNeedsOptions): Promise<{ usernames: string[] }> {
  const { trx } = target;
  const { tenantId } = o;
  const now = o.now.getTime();
  const stamp = iso(o.now);
  const depts: Dept[] = await trx
    .selectFrom('departments')
    .select(['id', 'code', 'nameZh'])
    .where('tenantId', '=', tenantId)
    .execute();
  const deptByCode = new Map(depts.map((d) => [d.code, d]));
  const categories = await trx
    .selectFrom('needCategories')
    .select(['code', 'defaultDepartmentCode', 'slaWorkingDays'])
    .where('tenantId', '=', tenantId)
    .execute();
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));

  // More people: two service officers and the head of 住建分局 (who sees escalations).
  const officers = [{ id: o.service.id, name: o.service.name, coverage: 0.9 }];
  const newUsers = [
    ...DEMO_SERVICE_OFFICERS.map((s) => ({ ...s, role: 'service', departmentId: null as string | null, head: 0 })),
    { ...DEMO_DEPARTMENT_HEAD, role: 'department', departmentId: deptByCode.get('housing')?.id ?? null, head: 1 },
  ];
  const userIds = new Map<string, string>();
  for (const u of newUsers) {
    const id = newId();
    userIds.set(u.username, id);
    await trx
      .insertInto('users')
      .values({
        id,
        tenantId,
        username: u.username,
        displayName: u.displayName,
        passwordHash: o.passwordHash,
        role: u.role,
        departmentId: u.departmentId,
        departmentHead: u.head,
        passwordChangedAt: stamp,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .execute();
  }
  // The new officers look after companies nobody had yet.
  const free = await trx
    .selectFrom('enterprises')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('assignedOfficerId', 'is', null)
    .where('id', '!=', o.companyUser.enterpriseId)
    .orderBy('id')
    .limit(DEMO_SERVICE_OFFICERS.reduce((n, s) => n + s.companies, 0))
    .execute();
  let at = 0;
  for (const s of DEMO_SERVICE_OFFICERS) {
    const id = userIds.get(s.username)!;
    const ids = free.slice(at, at + s.companies).map((e) => e.id);
    at += s.companies;
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .updateTable('enterprises')
        .set({ assignedOfficerId: id })
        .where('tenantId', '=', tenantId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
    officers.push({ id, name: s.displayName, coverage: s.coverage });
  }
  const companies: Company[] = await trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'assignedOfficerId'])
    .where('tenantId', '=', tenantId)
    .orderBy('id')
    .execute();
  const officerName = new Map(officers.map((x) => [x.id, x.name]));

  const holidays = DEMO_HOLIDAYS_2026;
  const cal: WorkingCalendar = workingCalendar(holidays);
  const rows: Record<keyof typeof NEED_TABLES, unknown[][]> = {
    visits: [],
    visitors: [],
    visitDepartments: [],
    needs: [],
    supporting: [],
    events: [],
    holidays: holidays.map((h) => [tenantId, h.date, h.kind, h.name, stamp]),
  };

  // Visits over the past year.
  const seedHash = hashSeed(SEED);
  let n = 0;
  const rnd = () => new RowRandom(seedHash, n++);
  const visits: { id: string; company: Company; day: string; officerId: string }[] = [];
  for (const officer of officers) {
    for (const company of companies.filter((c) => c.assignedOfficerId === officer.id)) {
      const r = rnd();
      if (!r.chance(officer.coverage)) continue;
      const times = r.weighted([
        [1, 35],
        [2, 35],
        [3, 20],
        [4, 10],
      ] as const);
      for (let k = 0; k < times; k++) {
        let day = officeDate(now - r.int(1, 360) * DAY);
        while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = officeDate(Date.parse(day) - DAY);
        const kind = r.weighted([
          ['visit', 75],
          ['survey', 15],
          ['onsite_office', 10],
        ] as const);
        const id = newId();
        visits.push({ id, company, day, officerId: officer.id });
        rows.visits.push([tenantId, id, company.id, day, kind, r.pick(VISIT_NOTES), officer.id, stamp, stamp, 1]);
        rows.visitors.push([tenantId, id, officer.id]);
        if (kind === 'onsite_office') {
          for (const code of r.weightedDistinct(
            [
              ['housing', 3],
              ['environment', 2],
              ['power', 2],
              ['economy', 2],
            ] as const,
            r.int(2, 3),
          )) {
            const d = deptByCode.get(code);
            if (d) rows.visitDepartments.push([tenantId, id, d.id]);
          }
        }
      }
    }
  }

  // Needs: some raised on those visits, the rest by phone or by the companies themselves, spread over the year.
  interface Planned {
    company: Company;
    visitId: string | null;
    submitted: number;
    source: string;
    createdBy: string | null;
    category?: string;
    /** Forced end state for the demo company and 住建's fresh queue. */
    force?: 'awaiting-rating' | 'in-progress' | 'fresh';
  }
  const planned: Planned[] = [];
  for (const v of visits) {
    const r = rnd();
    const count = r.weighted([
      [0, 40],
      [1, 35],
      [2, 17],
      [3, 8],
    ] as const);
    for (let k = 0; k < count; k++) {
      planned.push({
        company: v.company,
        visitId: v.id,
        submitted: officeInstant(v.day, r.int(10, 16)),
        source: 'visit',
        createdBy: v.officerId,
      });
    }
  }
  const demoCompany = companies.find((c) => c.id === o.companyUser.enterpriseId)!;
  const forced: Planned[] = [
    {
      company: demoCompany,
      visitId: null,
      submitted: now - 9 * DAY,
      source: 'enterprise',
      createdBy: o.companyUser.id,
      category: 'construction',
      force: 'awaiting-rating',
    },
    {
      company: demoCompany,
      visitId: null,
      submitted: now - 4 * DAY,
      source: 'enterprise',
      createdBy: o.companyUser.id,
      category: 'power',
      force: 'in-progress',
    },
  ];
  for (let k = 0; k < 3; k++) {
    const r = rnd();
    forced.push({
      company: r.pick(companies),
      visitId: null,
      submitted: now - (k + 1) * 2 * HOUR,
      source: 'hotline',
      createdBy: null,
      category: 'construction',
      force: 'fresh',
    });
  }
  while (planned.length + forced.length < DEMO_NEEDS) {
    const r = rnd();
    const company = r.pick(companies);
    const source = r.chance(0.6) ? 'hotline' : 'enterprise';
    // Office hours mostly; the hotline takes calls in the evening too.
    const day = officeDate(now - r.int(0, 364) * DAY);
    planned.push({
      company,
      visitId: null,
      submitted: officeInstant(day, r.int(8, source === 'hotline' ? 20 : 17)),
      source,
      createdBy: null,
    });
  }
  planned.push(...forced);
  planned.sort((a, b) => a.submitted - b.submitted);

  const housing = deptByCode.get('housing');
  let seq = 0;
  for (const p of planned) {
    if (p.submitted > now) p.submitted = now - HOUR;
    const r = rnd();
    const categoryCode = p.category ?? r.weighted(CATEGORY_WEIGHTS);
    const category = categoryByCode.get(categoryCode);
    const lead = deptByCode.get(category?.defaultDepartmentCode ?? 'general_office') ?? depts[0]!;
    const words = r.pick(NEED_TEXTS[categoryCode] ?? NEED_TEXTS.other!);
    const id = newId();
    seq += 1;
    const reference = `SQ${new Date(p.submitted).getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
    const clocks = clocksFrom(new Date(p.submitted), category?.slaWorkingDays ?? 10, cal);
    const officerId = p.company.assignedOfficerId;
    const handler = lead.id === housing?.id ? o.housingHandler : { id: null, name: `${lead.nameZh}经办人` };
    const officer = officerId
      ? { id: officerId, name: officerName.get(officerId) ?? '服务专员' }
      : { id: null, name: '热线坐席' };
    const creator =
      p.source === 'visit'
        ? officer
        : p.source === 'enterprise'
          ? p.company.id === demoCompany.id
            ? { id: o.companyUser.id, name: o.companyUser.name }
            : { id: null, name: `${p.company.name}（企业）` }
          : { id: null, name: '12345 热线坐席' };
    const events: unknown[][] = [];
    const event = (
      t: number,
      who: { id: string | null; name: string },
      action: string,
      from: string | null,
      to: string | null,
      words?: string | null,
      sat?: string | null,
    ) =>
      events.push([
        tenantId,
        newId(),
        id,
        iso(new Date(t)),
        who.id,
        who.name,
        action,
        from,
        to,
        words ?? null,
        action === 'created' || action === 'escalate' ? lead.id : null,
        sat ?? null,
      ]);
    event(p.submitted, creator, 'created', null, 'submitted');

    const need = {
      status: 'submitted',
      acceptedAt: null as string | null,
      resolvedAt: null as string | null,
      resolution: null as string | null,
      confirmedAt: null as string | null,
      satisfaction: null as string | null,
      closedAt: null as string | null,
      returnedReason: null as string | null,
      reopened: 0,
      escalatedAt: null as string | null,
      escalationKind: null as string | null,
      resolvedLate: null as number | null,
      dueOn: clocks.dueOn,
      dueAt: clocks.dueAt,
      updated: p.submitted,
    };
    const acceptBy = Date.parse(clocks.acceptBy);
    const escalate = (t: number, kind: 'not_accepted' | 'overdue') => {
      need.escalatedAt = iso(new Date(t));
      need.escalationKind = kind;
      event(
        t,
        { id: null, name: '系统督办' },
        'escalate',
        need.status,
        need.status,
        kind === 'overdue' ? `${reference} 应于 ${need.dueOn} 前办结。` : `${reference} 提交后 12 个工作小时内未受理。`,
      );
    };
    // How the department got on with it: most accept in a morning, a few late; answers around the SLA.
    const late = r.chance(p.force ? 0 : 0.1);
    let t = addWorkingHours(new Date(p.submitted), late ? r.int(13, 30) : r.int(1, 10), cal).getTime();
    if (p.force === 'fresh') t = now + DAY;
    if (t > now) {
      if (now > acceptBy) escalate(acceptBy + 5 * 60_000, 'not_accepted');
    } else {
      if (t > acceptBy) escalate(acceptBy + 5 * 60_000, 'not_accepted');
      if (!p.force && r.chance(0.03)) {
        // Sent back first, then sent again to the same department the next day with what was missing.
        need.returnedReason = r.pick(RETURN_REASONS);
        event(t, handler, 'return', 'submitted', 'returned', need.returnedReason);
        t += DAY;
        if (t > now) need.status = 'returned';
        else event(t, creator.id ? creator : officer, 'resubmit', 'returned', 'submitted');
        t = addWorkingHours(new Date(t), r.int(1, 6), cal).getTime();
      }
      if (need.status !== 'returned' && t <= now) {
        need.status = 'accepted';
        need.acceptedAt = iso(new Date(t));
        event(t, handler, 'accept', 'submitted', 'accepted');
        t = addWorkingHours(new Date(t), r.int(1, 8), cal).getTime();
        if (t <= now) {
          need.status = 'in_progress';
          event(t, handler, 'start', 'accepted', 'in_progress');
        }
        const sla = category?.slaWorkingDays ?? 10;
        // Working days to calendar time (~1.4), a spread around the SLA: about one in eight is late.
        let resolved = p.submitted + r.next() * sla * 1.55 * 1.4 * DAY + DAY;
        // Never before the work started; and some recent ones are stuck past their due date (they show red).
        resolved = Math.max(resolved, t + r.int(2, 30) * HOUR);
        if (!p.force && now - p.submitted < 90 * DAY && Date.parse(need.dueAt) < now && r.chance(0.3)) {
          resolved = now + r.int(1, 10) * DAY;
        }
        if (p.force === 'in-progress') resolved = now + 5 * DAY;
        if (p.force === 'awaiting-rating') resolved = now - 2 * DAY;
        for (let round = 0; round < 2; round++) {
          if (resolved > now) {
            if (now > Date.parse(need.dueAt) && need.escalationKind !== 'overdue')
              escalate(Date.parse(need.dueAt) + 10 * 60_000, 'overdue');
            break;
          }
          const lateNow = resolved > Date.parse(need.dueAt);
          if (lateNow && need.escalationKind !== 'overdue') escalate(Date.parse(need.dueAt) + 10 * 60_000, 'overdue');
          need.status = 'resolved';
          need.resolvedAt = iso(new Date(resolved));
          need.resolution = words.resolution;
          need.resolvedLate = lateNow ? 1 : 0;
          event(resolved, handler, 'resolve', 'in_progress', 'resolved', words.resolution);
          const rater =
            p.company.id === demoCompany.id
              ? { id: o.companyUser.id, name: o.companyUser.name }
              : { id: null, name: `${p.company.name}（企业）` };
          const rated = resolved + r.int(1, 5) * DAY;
          if (p.force === 'awaiting-rating' || rated > now) break;
          const satisfaction =
            round === 0
              ? r.weighted([
                  ['satisfied', 70],
                  ['basically', 22],
                  ['unsatisfied', 8],
                ] as const)
              : 'satisfied';
          need.satisfaction = satisfaction;
          if (satisfaction === 'unsatisfied') {
            // Not satisfied: back to 办理中 at the same department with a fresh due date.
            need.status = 'in_progress';
            need.reopened += 1;
            need.resolvedAt = null;
            need.resolvedLate = null;
            need.escalatedAt = null;
            need.escalationKind = null;
            const again = clocksFrom(new Date(rated), sla, cal);
            need.dueOn = again.dueOn;
            need.dueAt = again.dueAt;
            event(rated, rater, 'reopen', 'resolved', 'in_progress', r.pick(UNSATISFIED_WORDS), 'unsatisfied');
            resolved = rated + r.int(2, 8) * DAY;
            continue;
          }
          need.status = 'confirmed';
          need.confirmedAt = iso(new Date(rated));
          event(rated, rater, 'confirm', 'resolved', 'confirmed', null, satisfaction);
          const closed = rated + r.int(1, 3) * DAY;
          if (closed <= now) {
            need.status = 'closed';
            need.closedAt = iso(new Date(closed));
            event(closed, officer.id ? officer : { id: null, name: '系统管理员' }, 'close', 'confirmed', 'closed');
          }
          break;
        }
      }
    }
    const lastAt = Math.max(...events.map((e) => Date.parse(e[3] as string)));
    rows.needs.push([
      tenantId,
      id,
      reference,
      p.company.id,
      p.visitId,
      categoryCode,
      words.title,
      words.description,
      p.source,
      r.weighted([
        ['normal', 80],
        ['urgent', 16],
        ['critical', 4],
      ] as const),
      lead.id,
      need.status,
      officerId,
      clocks.submittedAt,
      clocks.acceptBy,
      need.dueOn,
      need.dueAt,
      need.acceptedAt,
      need.resolvedAt,
      need.resolution,
      need.confirmedAt,
      need.satisfaction,
      need.closedAt,
      need.returnedReason,
      need.reopened,
      need.escalatedAt,
      need.escalationKind,
      null,
      need.resolvedLate,
      p.source === 'visit' ? officerId : (creator.id ?? null),
      clocks.submittedAt,
      iso(new Date(lastAt)),
      events.length,
    ]);
    if (r.chance(0.2)) {
      const other = r.pick(depts.filter((d) => d.id !== lead.id));
      rows.supporting.push([tenantId, id, other.id]);
    }
    rows.events.push(...events);
  }
  for (const [table, def] of Object.entries(NEED_TABLES))
    await bulkInsert(target, def, rows[table as keyof typeof NEED_TABLES]);
  await trx.updateTable('tenantSettings').set({ needSeq: seq }).where('tenantId', '=', tenantId).execute();
  return { usernames: newUsers.map((u) => u.username) };
}
