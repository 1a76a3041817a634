/**
 * The data of needs.bench.ts: one tenant with generated companies, its default departments and categories, a handler
 * of 住建分局 and its head, service officers (the bench's one with ~500 companies), and two years of visits and needs
 * with their timelines, written in bulk as the demo seed writes them (demo-needs.ts: bulkInsert, the same vocabulary
 * and workflow, clocks from the office calendar) but at scale and in batches of their own transactions.
 */
import { bulkTarget, bulkInsert, type BulkTarget } from '../apps/server/src/db/bulk-insert.js';
import type { Database } from '../apps/server/src/db/database.js';
import { newId } from '../apps/server/src/lib/ids.js';
import { iso } from '../apps/server/src/lib/time.js';
import { clocksFrom, tenantCalendar } from '../apps/server/src/modules/needs/needs.service.js';
import { chainNodeIds, insertEnterprisesBulk } from '../apps/server/src/modules/seed/bulk-enterprises.js';
import {
  CATEGORY_WEIGHTS,
  DEMO_HOLIDAYS_2026,
  NEED_TEXTS,
  RETURN_REASONS,
  UNSATISFIED_WORDS,
  VISIT_NOTES,
} from '../apps/server/src/modules/seed/demo-needs-vocabulary.js';
import { NEED_TABLES } from '../apps/server/src/modules/seed/demo-needs.js';
import { generateEnterprises } from '../apps/server/src/modules/seed/enterprise-generator.js';
import { hashSeed, RowRandom } from '../apps/server/src/modules/seed/generator-random.js';
import { provisionTenant } from '../apps/server/src/modules/tenants/tenants.service.js';

export interface NeedsSizes {
  enterprises: number;
  needs: number;
  visits: number;
  /** Service officers; each looks after `officerCompanies` companies, the rest have none. */
  officers: number;
  officerCompanies: number;
}

export interface NeedsTenant {
  tenantId: string;
  adminUsername: string;
  /** A handler of 住建分局, its head, the bench's service officer. */
  handlerUsername: string;
  headUsername: string;
  officerUsername: string;
  housingId: string;
  /** A closed need with a full timeline (for GET /api/needs/:id). */
  sampleNeedId: string;
  sampleNeedEvents: number;
  /** Every company's name, in generation order (to pick a search fragment). */
  companyNames: string[];
  counts: Record<string, number>;
  seconds: { setup: number; enterprises: number; visits: number; needs: number };
}

const SEED = 'kaimen-bench-needs';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Needs per write transaction (with ~5 events each). */
const NEED_BATCH = 10_000;
const COMPANY_BATCH = 5_000;

/** Office time (UTC+8) at a date and hour; the office date of an instant; its weekday (0 Sunday). */
const officeInstant = (date: string, hour: number) => Date.parse(`${date}T00:00:00+08:00`) + hour * HOUR;
const officeDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

interface Who {
  id: string | null;
  name: string;
}

async function inBatchedTransactions(database: Database, write: (target: BulkTarget) => Promise<void>) {
  await database.transaction((trx) => write(bulkTarget(database, trx)));
}

export async function seedNeedsTenant(
  database: Database,
  o: NeedsSizes & { now: Date; passwordHash: string; log: (line: string) => void },
): Promise<NeedsTenant> {
  const now = o.now.getTime();
  const stamp = iso(o.now);
  // Two years back, so the oldest needs were long closed and the 12-month report reads half of them.
  const from = now - 730 * DAY;
  const t0 = performance.now();
  // A bigger page cache while loading only (as enterprise-load.ts does); the default comes back before measuring.
  const cacheSize = database.sqlite?.pragma('cache_size', { simple: true });
  database.sqlite?.pragma('cache_size = -262144');

  // The tenant: default departments (11), categories and chain; its admin; the housing handler and head; officers.
  const setup = await database.transaction(async (trx) => {
    const { tenant } = await provisionTenant(trx, {
      slug: 'bench',
      name: '园区 bench',
      now: new Date(from),
      admin: { username: 'bench-admin', displayName: 'bench 管理员', passwordHash: o.passwordHash },
    });
    const depts = await trx
      .selectFrom('departments')
      .select(['id', 'code', 'nameZh'])
      .where('tenantId', '=', tenant.id)
      .orderBy('sort')
      .execute();
    const housing = depts.find((d) => d.code === 'housing')!;
    const user = async (username: string, displayName: string, role: string, departmentHead = 0) => {
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          tenantId: tenant.id,
          username,
          displayName,
          passwordHash: o.passwordHash,
          role,
          departmentId: role === 'department' ? housing.id : null,
          departmentHead,
          passwordChangedAt: stamp,
          createdAt: stamp,
          updatedAt: stamp,
          version: 1,
        })
        .execute();
      return { id, name: displayName };
    };
    const handler = await user('bench-housing', '李经办（住建分局）', 'department');
    const head = await user('bench-housing-head', '黄科长（住建分局负责人）', 'department', 1);
    const officers: Who[] = [];
    for (let i = 0; i < o.officers; i++) officers.push(await user(`bench-service-${i}`, `服务专员 ${i}`, 'service'));
    const categories = await trx
      .selectFrom('needCategories')
      .select(['code', 'defaultDepartmentCode', 'slaWorkingDays'])
      .where('tenantId', '=', tenant.id)
      .execute();
    const target = bulkTarget(database, trx);
    await bulkInsert(
      target,
      NEED_TABLES.holidays,
      DEMO_HOLIDAYS_2026.map((h) => [tenant.id, h.date, h.kind, h.name, stamp]),
    );
    return { tenantId: tenant.id, depts, housing, handler, head, officers, categories };
  });
  const { tenantId, depts, housing, handler, officers } = setup;
  const cal = await tenantCalendar(database.db, tenantId);
  const deptByCode = new Map(depts.map((d) => [d.code, d]));
  const categoryByCode = new Map(setup.categories.map((c) => [c.code, c]));
  const t1 = performance.now();

  // Companies: the generator's, without the search index; officer k looks after companies k, k + stride, … .
  const nodeIds = await chainNodeIds(database.db, tenantId);
  const stride = Math.max(o.officers, Math.floor(o.enterprises / o.officerCompanies));
  const companyIds: string[] = [];
  const companyNames: string[] = [];
  const companyOfficer: (number | null)[] = [];
  for (let start = 0; start < o.enterprises; start += COMPANY_BATCH) {
    const count = Math.min(COMPANY_BATCH, o.enterprises - start);
    const rows = [...generateEnterprises({ seed: SEED, start, count })].map((input, k) => {
      const i = start + k;
      const officer = i % stride < o.officers ? i % stride : null;
      const id = newId();
      companyIds.push(id);
      companyNames.push(input.name);
      companyOfficer.push(officer);
      return {
        id,
        input,
        assignedOfficerId: officer === null ? null : officers[officer]!.id,
        createdAt: iso(new Date(from - (o.enterprises - i) * 60_000)),
      };
    });
    await inBatchedTransactions(database, (target) =>
      insertEnterprisesBulk(target, { tenantId, now: iso(new Date(from)), nodeIds }, rows),
    );
  }
  const assigned = companyIds.map((_, i) => i).filter((i) => companyOfficer[i] !== null);
  const unassigned = companyIds.map((_, i) => i).filter((i) => companyOfficer[i] === null);
  const t2 = performance.now();
  o.log(`${o.enterprises} companies (${assigned.length} assigned) in ${((t2 - t1) / 1000).toFixed(1)} s`);

  // Visits over two years on working days: most by the company's officer, some by any officer to other companies.
  const seedHash = hashSeed(SEED);
  let n = 0;
  const rnd = () => new RowRandom(seedHash, n++);
  const visits: { id: string; company: number; day: string; officer: number }[] = [];
  {
    const rows = { visits: [] as unknown[][], visitors: [] as unknown[][], visitDepartments: [] as unknown[][] };
    for (let v = 0; v < o.visits; v++) {
      const r = rnd();
      const company = r.pick((r.chance(0.85) && assigned.length) || !unassigned.length ? assigned : unassigned);
      const officer = companyOfficer[company] ?? r.int(0, o.officers - 1);
      let day = officeDate(now - r.int(1, 729) * DAY);
      while ([0, 6].includes(weekday(day))) day = officeDate(Date.parse(day) - DAY);
      const kind = r.weighted([
        ['visit', 75],
        ['survey', 15],
        ['onsite_office', 10],
      ] as const);
      const id = newId();
      visits.push({ id, company, day, officer });
      const who = officers[officer]!.id;
      rows.visits.push([tenantId, id, companyIds[company], day, kind, r.pick(VISIT_NOTES), who, stamp, stamp, 1]);
      rows.visitors.push([tenantId, id, who]);
      if (kind === 'onsite_office') {
        const codes = r.weightedDistinct(
          [
            ['housing', 3],
            ['environment', 2],
            ['power', 2],
            ['economy', 2],
          ] as const,
          r.int(2, 3),
        );
        for (const code of codes) rows.visitDepartments.push([tenantId, id, deptByCode.get(code)!.id]);
      }
    }
    // Every visit before the first visitor row (their foreign keys), 10,000 rows a transaction.
    for (const key of ['visits', 'visitors', 'visitDepartments'] as const) {
      for (let i = 0; i < rows[key].length; i += 10_000) {
        await inBatchedTransactions(database, (target) =>
          bulkInsert(target, NEED_TABLES[key], rows[key].slice(i, i + 10_000)),
        );
      }
    }
  }
  const t3 = performance.now();
  o.log(`${o.visits} visits in ${((t3 - t2) / 1000).toFixed(1)} s`);

  // Needs: a quarter raised on visits, the rest by phone or by the companies, spread over the two years.
  interface Planned {
    company: number;
    visit: number | null;
    submitted: number;
    source: 'visit' | 'hotline' | 'enterprise';
  }
  const planned: Planned[] = [];
  for (let k = 0; k < o.needs; k++) {
    const r = rnd();
    if (r.chance(0.25) && visits.length) {
      const v = r.int(0, visits.length - 1);
      const visit = visits[v]!;
      planned.push({
        company: visit.company,
        visit: v,
        submitted: officeInstant(visit.day, r.int(10, 16)) + r.int(0, 59) * 60_000,
        source: 'visit',
      });
    } else {
      const source = r.chance(0.6) ? 'hotline' : 'enterprise';
      const day = officeDate(now - r.int(0, 729) * DAY);
      planned.push({
        company: r.int(0, companyIds.length - 1),
        visit: null,
        submitted: officeInstant(day, r.int(8, source === 'hotline' ? 20 : 17)) + r.int(0, 59) * 60_000,
        source,
      });
    }
  }
  for (const p of planned) if (p.submitted > now - HOUR) p.submitted = now - HOUR - (p.submitted % HOUR);
  planned.sort((a, b) => a.submitted - b.submitted);

  const counts: Record<string, number> = { needs: 0, events: 0, supporting: 0, housingLead: 0, housingSupporting: 0 };
  const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  let sample = { id: '', events: 0 };
  let seq = 0;
  for (let start = 0; start < planned.length; start += NEED_BATCH) {
    const rows = { needs: [] as unknown[][], supporting: [] as unknown[][], events: [] as unknown[][] };
    for (const p of planned.slice(start, start + NEED_BATCH)) {
      const r = rnd();
      const categoryCode = r.weighted(CATEGORY_WEIGHTS);
      const category = categoryByCode.get(categoryCode);
      const lead = deptByCode.get(category?.defaultDepartmentCode ?? 'general_office') ?? depts[0]!;
      const sla = category?.slaWorkingDays ?? 10;
      const words = r.pick(NEED_TEXTS[categoryCode] ?? NEED_TEXTS.other!);
      const id = newId();
      seq += 1;
      const reference = `SQ${new Date(p.submitted).getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
      const clocks = clocksFrom(new Date(p.submitted), sla, cal);
      const officerIdx = companyOfficer[p.company] ?? null;
      const officer: Who = officerIdx === null ? { id: null, name: '热线坐席' } : officers[officerIdx]!;
      const companyName = companyNames[p.company]!;
      const companyWho: Who = { id: null, name: `${companyName}（企业）` };
      const departmentWho: Who = lead.id === housing.id ? handler : { id: null, name: `${lead.nameZh}经办人` };
      const creator: Who =
        p.source === 'visit'
          ? officers[visits[p.visit!]!.officer]!
          : p.source === 'enterprise'
            ? companyWho
            : { id: null, name: '12345 热线坐席' };
      const events: unknown[][] = [];
      const event = (
        t: number,
        who: Who,
        action: string,
        fromStatus: string | null,
        toStatus: string | null,
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
          fromStatus,
          toStatus,
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
        escalationReason: null as string | null,
        resolvedLate: null as number | null,
        dueOn: clocks.dueOn,
        dueAt: clocks.dueAt,
      };
      const acceptBy = Date.parse(clocks.acceptBy);
      const escalate = (t: number, kind: 'not_accepted' | 'overdue') => {
        need.escalatedAt = iso(new Date(t));
        need.escalationKind = kind;
        need.escalationReason =
          kind === 'overdue'
            ? `${reference} 应于 ${need.dueOn} 前办结。`
            : `${reference} 提交后 12 个工作小时内未受理。`;
        event(t, { id: null, name: '系统督办' }, 'escalate', need.status, need.status, need.escalationReason);
      };
      const overdueNow = () => {
        if (now > Date.parse(need.dueAt) && need.escalationKind !== 'overdue') {
          escalate(Date.parse(need.dueAt) + 10 * 60_000, 'overdue');
        }
      };
      // Stuck: still with the department long after its due date (a few percent of the last year's needs).
      const stuck = r.chance(now - p.submitted < 365 * DAY ? 0.025 : 0.003);
      const late = r.chance(0.1);
      let t = p.submitted + (late ? r.int(13, 40) : r.int(1, 10)) * HOUR;
      if (stuck && r.chance(0.15)) t = Infinity;
      if (t > acceptBy && acceptBy < now) escalate(acceptBy + 5 * 60_000, 'not_accepted');
      if (t <= now && r.chance(0.02)) {
        // Sent back first, then sent again the next day with what was missing.
        need.returnedReason = r.pick(RETURN_REASONS);
        event(t, departmentWho, 'return', 'submitted', 'returned', need.returnedReason);
        t += DAY;
        if (t > now) need.status = 'returned';
        else event(t, creator.id ? creator : officer, 'resubmit', 'returned', 'submitted');
        t += r.int(1, 6) * HOUR;
      }
      if (need.status === 'submitted' && t <= now) {
        need.status = 'accepted';
        need.acceptedAt = iso(new Date(t));
        event(t, departmentWho, 'accept', 'submitted', 'accepted');
        t += r.int(1, 8) * HOUR;
        if (t <= now && r.chance(0.5)) {
          need.status = 'in_progress';
          event(t, departmentWho, 'start', 'accepted', 'in_progress');
        }
        // Working days to calendar time (~1.4), spread around the SLA: about one in eight is late.
        let resolved = Math.max(p.submitted + r.next() * sla * 1.55 * 1.4 * DAY + DAY, t + r.int(2, 30) * HOUR);
        if (stuck) resolved = Infinity;
        for (let round = 0; round < 2; round++) {
          if (resolved > now) {
            overdueNow();
            break;
          }
          const lateNow = resolved > Date.parse(need.dueAt);
          if (lateNow && need.escalationKind !== 'overdue') escalate(Date.parse(need.dueAt) + 10 * 60_000, 'overdue');
          event(resolved, departmentWho, 'resolve', need.status, 'resolved', words.resolution);
          need.status = 'resolved';
          need.resolvedAt = iso(new Date(resolved));
          need.resolution = words.resolution;
          need.resolvedLate = lateNow ? 1 : 0;
          const rated = resolved + r.int(1, 5) * DAY;
          if (rated > now) break;
          const satisfaction =
            round === 0
              ? r.weighted([
                  ['satisfied', 72],
                  ['basically', 22],
                  ['unsatisfied', 6],
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
            need.escalationReason = null;
            const again = clocksFrom(new Date(rated), sla, cal);
            need.dueOn = again.dueOn;
            need.dueAt = again.dueAt;
            event(rated, companyWho, 'reopen', 'resolved', 'in_progress', r.pick(UNSATISFIED_WORDS), 'unsatisfied');
            resolved = rated + r.int(2, 8) * DAY;
            continue;
          }
          need.status = 'confirmed';
          need.confirmedAt = iso(new Date(rated));
          event(rated, companyWho, 'confirm', 'resolved', 'confirmed', null, satisfaction);
          const closed = rated + r.int(1, 3) * DAY;
          if (closed <= now && r.chance(0.99)) {
            need.status = 'closed';
            need.closedAt = iso(new Date(closed));
            event(closed, officer.id ? officer : { id: null, name: '系统管理员' }, 'close', 'confirmed', 'closed');
          }
          break;
        }
      }
      const lastAt = events.reduce((m, e) => Math.max(m, Date.parse(e[3] as string)), 0);
      rows.needs.push([
        tenantId,
        id,
        reference,
        companyIds[p.company],
        p.visit === null ? null : visits[p.visit]!.id,
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
        officer.id,
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
        need.escalationReason,
        need.resolvedLate,
        p.source === 'visit' ? creator.id : null,
        clocks.submittedAt,
        iso(new Date(lastAt)),
        events.length,
      ]);
      if (r.chance(0.2)) {
        const other = r.pick(depts.filter((d) => d.id !== lead.id));
        rows.supporting.push([tenantId, id, other.id]);
        bump('supporting');
        if (other.id === housing.id) bump('housingSupporting');
      }
      if (lead.id === housing.id) bump('housingLead');
      bump(`status ${need.status}`);
      const open = ['submitted', 'accepted', 'in_progress'].includes(need.status);
      if (open && Date.parse(need.dueAt) < now) bump('open past due');
      if (need.status === 'closed' && events.length >= 6 && start >= planned.length / 2 && !sample.id) {
        sample = { id, events: events.length };
      }
      bump('needs');
      counts.events = (counts.events ?? 0) + events.length;
      rows.events.push(...events);
    }
    await inBatchedTransactions(database, async (target) => {
      await bulkInsert(target, NEED_TABLES.needs, rows.needs);
      await bulkInsert(target, NEED_TABLES.supporting, rows.supporting);
      await bulkInsert(target, NEED_TABLES.events, rows.events);
    });
  }
  await database.db.updateTable('tenantSettings').set({ needSeq: seq }).where('tenantId', '=', tenantId).execute();
  const t4 = performance.now();
  o.log(`${counts.needs} needs, ${counts.events} events in ${((t4 - t3) / 1000).toFixed(1)} s`);
  if (cacheSize !== undefined) database.sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  return {
    tenantId,
    adminUsername: 'bench-admin',
    handlerUsername: 'bench-housing',
    headUsername: 'bench-housing-head',
    officerUsername: 'bench-service-0',
    housingId: housing.id,
    sampleNeedId: sample.id,
    sampleNeedEvents: sample.events,
    companyNames,
    counts: { ...counts, visits: o.visits, enterprises: o.enterprises, officerCompanies: assigned.length / o.officers },
    seconds: {
      setup: (t1 - t0) / 1000,
      enterprises: (t2 - t1) / 1000,
      visits: (t3 - t2) / 1000,
      needs: (t4 - t3) / 1000,
    },
  };
}
