import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { migrations } from '../../db/migrations/index.js';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createSuperAdmin, createTenant, type TestTenant } from '../../test/factories.js';
import { createTestDatabase, DB_KIND } from '../../test/helper.js';
import { BACKUP_TABLES, backupDatabase, restoreDatabase } from './backup.service.js';

interface Opened {
  database: Database;
  drop(): Promise<void>;
}

let opened: Opened[] = [];
let dir: string;

/** A fresh database of the run's kind, or an SQLite file whatever the run. */
async function fresh(o: { sqlite?: boolean; migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  let drop: () => Promise<void>;
  if (o.sqlite && DB_KIND !== 'sqlite') {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-backup-sqlite-'));
    database = Database.open({ kind: 'sqlite', file: path.join(tmp, 'kaimen.sqlite') });
    drop = async () => fs.rmSync(tmp, { recursive: true, force: true });
  } else {
    const testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    drop = testDb.drop;
  }
  opened.push({ database, drop });
  if (o.migrate !== false) await migrateToLatest(database);
  return database;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-backup-'));
  opened = [];
});

afterEach(async () => {
  for (const o of opened.reverse()) {
    await o.database.close();
    await o.drop();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const AUDIT_ROWS = 2500;

/** Two tenants, a platform operator, enough audit rows for several batches, and text that tests JSON's corners. */
async function seed(database: Database): Promise<{ a: TestTenant; b: TestTenant }> {
  const a = await createTenant(database, 'a', new Date('2026-01-05T08:00:00.000Z'));
  const b = await createTenant(database, 'b', new Date('2026-01-06T08:00:00.000Z'));
  const op = await createSuperAdmin(database);
  const db = database.db;
  await db
    .updateTable('users')
    .set({ totpLastCounter: 59_012_345, lockedUntil: '2026-01-07T00:00:00.000Z', locale: 'en', failedLogins: 3 })
    .where('id', '=', a.users.admin.id)
    .execute();
  await db
    .updateTable('departments')
    .set({ webhookUrl: 'https://hooks.example.cn/住建?a=1&b="2"' })
    .where('tenantId', '=', b.id)
    .where('code', '=', 'housing')
    .execute();
  await db.updateTable('tenantSettings').set({ totpRequiredRoles: '["admin"]' }).where('tenantId', '=', a.id).execute();
  const odd = ['多行\n文本', 'quote " and \\ backslash', 'line\u2028separator', 'emoji 🧬', '', "it's"];
  const events = Array.from({ length: AUDIT_ROWS }, (_, i) => ({
    tenantId: i % 10 === 9 ? null : i % 2 ? a.id : b.id,
    at: new Date(Date.UTC(2026, 0, 7) + i * 1000).toISOString(),
    actorUserId: i % 10 === 9 ? op.id : a.users.admin.id,
    actorUsername: i % 10 === 9 ? op.username : a.users.admin.username,
    actorRole: i % 7 === 0 ? null : 'admin',
    ip: '10.0.0.1',
    requestId: `req-${i}`,
    action: i % 3 ? 'update' : 'login',
    entityType: 'user',
    entityId: i % 5 ? String(i) : null,
    outcome: 'ok' as const,
    before: i % 4 ? JSON.stringify({ n: i, name: '甲' }) : null,
    after: JSON.stringify({ n: i + 1, nested: { list: [1, 'x', null] } }),
    detail: odd[i % odd.length]!,
  }));
  for (let i = 0; i < events.length; i += 500)
    await db
      .insertInto('auditEvents')
      .values(events.slice(i, i + 500))
      .execute();
  await db
    .insertInto('attachments')
    .values(
      [1, 2, 3].map((i) => ({
        tenantId: a.id,
        id: `att-${i}`,
        entityType: 'enterprise',
        entityId: `ent-${i}`,
        filename: `合同 ${i}.pdf`,
        contentType: 'application/pdf',
        size: 1024 * i,
        sha256: 'ab'.repeat(32),
        storagePath: `${a.id}/2026/01/att-${i}`,
        createdBy: a.users.admin.id,
        createdAt: '2026-01-08T00:00:00.000Z',
      })),
    )
    .execute();
  await db
    .insertInto('jobRuns')
    .values(
      ['2026-01-08', '2026-01-09', '2026-01-10'].map((slot, i) => ({
        job: 'sla-reminders',
        slot,
        instance: 'host-1',
        startedAt: `${slot}T01:00:00.000Z`,
        finishedAt: i === 2 ? null : `${slot}T01:00:01.000Z`,
        status: i === 2 ? ('running' as const) : ('ok' as const),
        error: null,
      })),
    )
    .execute();
  await db
    .insertInto('importJobs')
    .values({
      tenantId: a.id,
      id: 'imp-1',
      kind: 'enterprises',
      status: 'checked',
      fileName: '名录.xlsx',
      fileKind: 'xlsx',
      fileSize: 2048,
      storagePath: `${a.id}/imp-1.xlsx`,
      options: '{"existing":"skip"}',
      header: null,
      summary: '{"rows":2}',
      createdBy: a.users.admin.id,
      createdAt: '2026-01-10T02:00:00.000Z',
      updatedAt: '2026-01-10T02:00:00.000Z',
      version: 2,
    })
    .execute();
  await db
    .insertInto('importErrors')
    .values({ tenantId: a.id, importId: 'imp-1', rowNumber: 7, errors: '[]', cells: '["坏公司"]' })
    .execute();
  // The pipeline: a lead from a trip (a real number, a bigint and JSON text among its columns) and its stage move.
  const stamp = { createdAt: '2026-01-11T02:00:00.000Z', updatedAt: '2026-01-11T02:00:00.000Z', version: 1 };
  await db
    .insertInto('trips')
    .values({
      tenantId: a.id,
      id: 'trip-1',
      title: '张江考察',
      destination: '上海张江',
      startsOn: '2026-01-09',
      endsOn: '2026-01-10',
      purpose: null,
      notes: null,
      createdBy: a.users.investment.id,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('leads')
    .values({
      tenantId: a.id,
      id: 'lead-1',
      companyName: '苏州某生物（CDMO）有限公司',
      normalizedName: '苏州某生物cdmo',
      uscc: null,
      sourceChannel: 'trip',
      chainNodeId: null,
      ownerId: a.users.investment.id,
      stage: 'contacted',
      stageEnteredAt: '2026-01-11T02:00:00.000Z',
      plannedInvestment: 3_500_000_000,
      spaceUnitType: 'gmp_plant',
      spaceArea: 3000.5,
      spaceRequirements: '["gmp","lab_exhaust"]',
      spaceNotes: null,
      expectedJobs: 120,
      expectedAnnualTax: 8_000_000,
      nextFollowUpOn: '2026-01-20',
      lastActivityAt: null,
      notes: '多行\n备注',
      lostReason: null,
      enterpriseId: null,
      tripId: 'trip-1',
      tripMeetingId: null,
      overdueKind: null,
      overdueSince: null,
      createdBy: a.users.investment.id,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('leadStageMoves')
    .values({
      tenantId: a.id,
      leadId: 'lead-1',
      id: 'move-1',
      fromStage: 'lead',
      toStage: 'contacted',
      at: '2026-01-11T02:00:00.000Z',
      byUserId: a.users.investment.id,
      comment: null,
      approvalId: null,
    })
    .execute();
  await db
    .insertInto('savedFilters')
    .values({
      tenantId: a.id,
      id: 'filter-1',
      userId: a.users.investment.id,
      screen: 'leads',
      name: '我的签约',
      query: 'stage=signed',
      createdAt: '2026-01-11T02:00:00.000Z',
    })
    .execute();
  // Visits and needs: a visit with its visitor, a need raised in it (real coordinates) and its timeline, a holiday, a key.
  await db
    .insertInto('enterprises')
    .values({
      tenantId: a.id,
      id: 'ent-1',
      uscc: '91310115MA1K3BTP2B',
      name: '上海某某生物科技有限公司',
      legalRepresentative: null,
      registeredCapital: null,
      foundedOn: null,
      address: null,
      park: '生物医药产业园',
      propertyUnitId: null,
      industryCode: null,
      businessScope: null,
      size: null,
      assignedOfficerId: a.users.service.id,
      yearlyVisitTarget: 4,
      website: null,
      notes: null,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('visits')
    .values({
      tenantId: a.id,
      id: 'visit-1',
      enterpriseId: 'ent-1',
      visitedOn: '2026-01-12',
      kind: 'onsite_office',
      notes: null,
      surveyTemplateId: null,
      surveyAnswers: '{"q1":["a","b"]}',
      createdBy: a.users.service.id,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('visitVisitors')
    .values({ tenantId: a.id, visitId: 'visit-1', userId: a.users.service.id })
    .execute();
  await db
    .insertInto('needs')
    .values({
      tenantId: a.id,
      id: 'need-1',
      reference: 'SQ2026-000001',
      enterpriseId: 'ent-1',
      visitId: 'visit-1',
      categoryCode: 'power',
      title: '扩容用电',
      description: '多行\n描述',
      source: 'visit',
      urgency: 'urgent',
      leadDepartmentId: a.departments.power!,
      status: 'submitted',
      officerId: a.users.service.id,
      contactName: null,
      contactPhone: '13812345678',
      address: null,
      lat: 31.2304567,
      long: 121.4737012,
      submittedAt: '2026-01-12T02:00:00.000Z',
      acceptBy: '2026-01-13T06:00:00.000Z',
      dueOn: '2026-01-19',
      dueAt: '2026-01-19T09:00:00.000Z',
      acceptedAt: null,
      resolvedAt: null,
      resolution: null,
      confirmedAt: null,
      satisfaction: null,
      closedAt: null,
      returnedReason: null,
      reopenedCount: 0,
      escalatedAt: null,
      escalationKind: null,
      escalationReason: null,
      resolvedLate: null,
      createdBy: a.users.service.id,
      ...stamp,
    })
    .execute();
  await db
    .insertInto('needEvents')
    .values({
      tenantId: a.id,
      id: 'event-1',
      needId: 'need-1',
      at: '2026-01-12T02:00:00.000Z',
      actorId: a.users.service.id,
      actorName: '陈服务',
      action: 'created',
      fromStatus: null,
      toStatus: 'submitted',
      text: null,
      departmentId: a.departments.power!,
      satisfaction: null,
    })
    .execute();
  await db
    .insertInto('holidays')
    .values({
      tenantId: a.id,
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('apiKeys')
    .values({
      tenantId: a.id,
      id: 'key-1',
      name: '12345 热线',
      keyHash: 'f'.repeat(64),
      keyPrefix: 'km_abcde',
      createdBy: a.users.admin.id,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    })
    .execute();
  const propertyStamp = { createdAt: '2026-01-13T00:00:00.000Z', updatedAt: '2026-01-13T00:00:00.000Z', version: 1 };
  await db
    .insertInto('parks')
    .values({ tenantId: a.id, id: 'park-1', name: '生物医药产业园', address: null, notes: null, ...propertyStamp })
    .execute();
  await db
    .insertInto('buildings')
    .values({
      tenantId: a.id,
      id: 'building-1',
      parkId: 'park-1',
      name: 'A 栋',
      floorCount: 5,
      outline: '{"type":"Polygon","coordinates":[[[120.7,31.3],[120.71,31.3],[120.71,31.31],[120.7,31.3]]]}',
      notes: null,
      ...propertyStamp,
    })
    .execute();
  await db
    .insertInto('floors')
    .values({ tenantId: a.id, id: 'floor-1', buildingId: 'building-1', number: -1, label: 'B1', ...propertyStamp })
    .execute();
  await db
    .insertInto('units')
    .values({
      tenantId: a.id,
      id: 'unit-1',
      buildingId: 'building-1',
      floorId: 'floor-1',
      code: 'A-B101',
      type: 'gmp',
      area: 1234.5,
      status: 'vacant',
      monthlyRentPerSqm: 42.5,
      floorLoadKn: 7.5,
      labWater: 1,
      exhaust: 1,
      cleanRoomGrade: 'C',
      gmpReady: 1,
      envPermit: 0,
      notes: null,
      ...propertyStamp,
    })
    .execute();
  await db
    .insertInto('parcels')
    .values({
      tenantId: a.id,
      id: 'parcel-1',
      code: 'DK-01',
      name: '北区地块',
      area: 52_000.25,
      zoning: 'M1',
      status: 'idle',
      owner: '管委会',
      outline: null,
      notes: null,
      ...propertyStamp,
    })
    .execute();
  await db
    .insertInto('leases')
    .values({
      tenantId: a.id,
      id: 'lease-1',
      enterpriseId: 'ent-1',
      startsOn: '2026-02-01',
      endsOn: '2029-01-31',
      monthlyRent: 52_466.25,
      deposit: 157_398.75,
      rentFreeMonths: 3,
      escalationPercent: 3.5,
      notes: null,
      terminatedOn: null,
      createdBy: a.users.property.id,
      ...propertyStamp,
    })
    .execute();
  await db.insertInto('leaseUnits').values({ tenantId: a.id, leaseId: 'lease-1', unitId: 'unit-1' }).execute();
  await db
    .insertInto('unitReservations')
    .values({
      tenantId: a.id,
      id: 'reservation-1',
      unitId: 'unit-1',
      leadId: 'lead-1',
      note: '意向 3 个月',
      reservedBy: a.users.investment.id,
      reservedAt: '2026-01-12T02:00:00.000Z',
      releasedAt: null,
    })
    .execute();
  await db
    .insertInto('incubatees')
    .values({
      tenantId: a.id,
      id: 'incubatee-1',
      enterpriseId: 'ent-1',
      unitId: 'unit-1',
      desk: 'A-12',
      entryDate: '2025-09-01',
      plannedExitDate: '2028-08-31',
      mentor: '王导师',
      status: 'graduated',
      graduatedOn: '2026-02-01',
      leftOn: null,
      graduationUnitId: 'unit-1',
      graduationLeaseId: 'lease-1',
      leftReason: null,
      notes: null,
      createdBy: a.users.property.id,
      ...propertyStamp,
    })
    .execute();
  await db
    .insertInto('rentalNotices')
    .values({
      tenantId: a.id,
      id: 'notice-1',
      title: 'A 栋 1层 GMP厂房 1,234.5㎡ 招租',
      body: 'C 级洁净区，配套纯水。\n欢迎来电。',
      contactName: '王经理',
      contactPhone: '0512-6288 1234',
      askingRentPerSqm: 39.5,
      status: 'withdrawn',
      publishedAt: '2026-01-05T02:00:00.000Z',
      withdrawnAt: '2026-01-20T02:00:00.000Z',
      withdrawnReason: '已签约',
      createdBy: a.users.property.id,
      ...propertyStamp,
    })
    .execute();
  await db.insertInto('rentalNoticeUnits').values({ tenantId: a.id, noticeId: 'notice-1', unitId: 'unit-1' }).execute();
  await db
    .insertInto('sessions')
    .values({
      id: 'session-1',
      userId: a.users.admin.id,
      tenantId: a.id,
      csrfToken: 'csrf',
      createdAt: '2026-01-08T00:00:00.000Z',
      lastSeenAt: '2026-01-08T00:00:00.000Z',
      expiresAt: '2026-01-08T12:00:00.000Z',
      ip: null,
      userAgent: null,
    })
    .execute();
  return { a, b };
}

type Dump = Record<string, Record<string, unknown>[]>;

/** Every backed-up table, rows under their raw column names, in an order that does not depend on collation. */
async function dump(database: Database): Promise<Dump> {
  const raw = database.db.withoutPlugins();
  const out: Dump = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(raw);
    out[table] = rows
      .map((r) => ({ key: JSON.stringify(r), r }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map((x) => x.r);
  }
  return out;
}

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...BACKUP_TABLES, 'sessions']) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
      database.db.withoutPlugins(),
    );
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

const empty = Object.fromEntries([...BACKUP_TABLES, 'sessions'].map((t) => [t, 0]));

const readLines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
const writeLines = (file: string, lines: string[]) => fs.writeFileSync(file, zlib.gzipSync(lines.join('\n')));

async function seededBackup(o: { sqlite?: boolean } = {}) {
  const source = await fresh(o);
  const seeded = await seed(source);
  const file = path.join(dir, 'kaimen.backup.gz');
  const result = await backupDatabase(source, file);
  return { source, seeded, file, result };
}

describe('backup and restore', () => {
  it('round-trips every table row for row, values keeping their types, and leaves sessions out', async () => {
    const source = await fresh();
    await seed(source);
    const file = path.join(dir, 'nightly.kaimen.gz');
    const progress: [string, number][] = [];
    const backup = await backupDatabase(source, file, { onProgress: (t, n) => progress.push([t, n]) });

    const before = await dump(source);
    expect(Object.keys(backup.tables)).toEqual([...BACKUP_TABLES]);
    for (const table of BACKUP_TABLES) expect(backup.tables[table], table).toBe(before[table]!.length);
    expect(backup.tables.tenants).toBe(2);
    expect(backup.tables.audit_events).toBe(AUDIT_ROWS);
    expect(progress.filter(([t]) => t === 'audit_events').map(([, n]) => n)).toEqual([1000, 2000, 2500]);

    const lines = readLines(file);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      kaimen: 'backup',
      format: 1,
      dialect: DB_KIND,
      migrations: Object.keys(migrations),
    });
    expect(lines.filter((l) => l.startsWith('{"table"')).map((l) => JSON.parse(l).table)).toEqual([...BACKUP_TABLES]);
    expect(lines.some((l) => l.includes('session-1'))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['nightly.kaimen.gz']);

    const target = await fresh();
    const restoreProgress: [string, number][] = [];
    const restored = await restoreDatabase(target, file, { onProgress: (t, n) => restoreProgress.push([t, n]) });
    expect(restored.tables).toEqual(backup.tables);
    expect(restoreProgress.at(-1)).toEqual(['rental_notice_units', 1]);

    const after = await dump(target);
    expect(after).toEqual(before);
    expect((await rowCounts(target)).sessions).toBe(0);
    // JSON kept the types: integers stay numbers, text stays text, null stays null.
    const admin = after.users!.find((u) => u.username === 'a-admin')!;
    expect(admin).toMatchObject({ totp_last_counter: 59_012_345, failed_logins: 3, disabled: 0, department_id: null });
    expect(typeof after.audit_events![0]!.id).toBe('number');
  });

  it('pages through composite primary keys in small batches and writes the same rows', async () => {
    const { source, file, result } = await seededBackup();
    const small = path.join(dir, 'small.gz');
    const progress: [string, number][] = [];
    const again = await backupDatabase(source, small, { batchSize: 7, onProgress: (t, n) => progress.push([t, n]) });
    expect(again.tables).toEqual(result.tables);
    expect(readLines(small).slice(1)).toEqual(readLines(file).slice(1));
    expect(progress.filter(([t]) => t === 'departments').length).toBeGreaterThan(2);

    const target = await fresh();
    await restoreDatabase(target, small, { batchSize: 7 });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('gives new rows after a restore fresh ids', async () => {
    const { file } = await seededBackup();
    const target = await fresh();
    await restoreDatabase(target, file);
    const [{ max }] = (await target.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.max('id').as('max'))
      .execute()) as [{ max: number }];
    expect(Number(max)).toBe(AUDIT_ROWS);
    const inserted = await target.db
      .insertInto('auditEvents')
      .values({ at: '2026-02-01T00:00:00.000Z', action: 'restore', entityType: 'database', outcome: 'ok' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(inserted.id)).toBe(AUDIT_ROWS + 1);
    const job = await target.db
      .insertInto('jobRuns')
      .values({ job: 'x', slot: 's', instance: 'i', startedAt: '2026-02-01T00:00:00.000Z', status: 'ok' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(job.id)).toBe(4);
  });

  it.runIf(DB_KIND === 'postgres')('moves an office from SQLite to PostgreSQL and back', async () => {
    const { source, file } = await seededBackup({ sqlite: true });
    expect(JSON.parse(readLines(file)[0]!).dialect).toBe('sqlite');
    const original = await dump(source);

    const pgTarget = await fresh();
    expect(pgTarget.dialect).toBe('postgres');
    await restoreDatabase(pgTarget, file);
    expect(await dump(pgTarget)).toEqual(original);
    const next = await pgTarget.db
      .insertInto('auditEvents')
      .values({ at: '2026-02-01T00:00:00.000Z', action: 'moved', entityType: 'database', outcome: 'ok' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(AUDIT_ROWS + 1);
    await pgTarget.db.deleteFrom('auditEvents').where('id', '=', next.id).execute();

    const back = path.join(dir, 'from-postgres.gz');
    await backupDatabase(pgTarget, back, { batchSize: 333 });
    expect(JSON.parse(readLines(back)[0]!).dialect).toBe('postgres');
    const sqliteAgain = await fresh({ sqlite: true });
    expect(sqliteAgain.dialect).toBe('sqlite');
    await restoreDatabase(sqliteAgain, back);
    expect(await dump(sqliteAgain)).toEqual(original);
  });

  it('refuses a database that holds data, and leaves it as it was', async () => {
    const { source, file } = await seededBackup();
    const before = await dump(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/fresh database.*"tenants" has 2 rows/);
    expect(await dump(source)).toEqual(before);

    const withOperator = await fresh();
    await createSuperAdmin(withOperator);
    await expect(restoreDatabase(withOperator, file)).rejects.toThrow(/fresh database.*"users" has 1 row\b/);
    expect((await rowCounts(withOperator)).users).toBe(1);
  });

  it('refuses a database at other migrations than the backup', async () => {
    const { file } = await seededBackup();
    const unmigrated = await fresh({ migrate: false });
    await expect(restoreDatabase(unmigrated, file)).rejects.toThrow(/not migrated/);

    const lines = readLines(file);
    const header = JSON.parse(lines[0]!);
    lines[0] = JSON.stringify({ ...header, migrations: [...header.migrations, '9999-future'] });
    const newer = path.join(dir, 'newer.gz');
    writeLines(newer, lines);
    const target = await fresh();
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/lacks 9999-future/);

    lines[0] = JSON.stringify({ ...header, migrations: [] });
    writeLines(newer, lines);
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/has 0001-platform.* that the backup predates/);
    expect(await rowCounts(target)).toEqual(empty);
  });

  it('refuses files that are not Kaimen backups', async () => {
    const target = await fresh();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello\n');
    await expect(restoreDatabase(target, text)).rejects.toThrow(/damaged or not a gzip file/);
    const other = path.join(dir, 'other.gz');
    fs.writeFileSync(other, zlib.gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(target, other)).rejects.toThrow(/not a Kaimen backup/);
    await expect(restoreDatabase(target, path.join(dir, 'missing.gz'))).rejects.toThrow(/ENOENT/);
  });

  it('restores nothing from a damaged file, and the database takes a good one afterwards', async () => {
    const { source, file } = await seededBackup();
    const lines = readLines(file);
    const auditHeader = lines.findIndex((l) => l.startsWith('{"table":"audit_events"'));
    const target = await fresh();
    const variant = async (name: string, edit: (ls: string[]) => void, error: RegExp) => {
      const copy = [...lines];
      edit(copy);
      const f = path.join(dir, `${name}.gz`);
      writeLines(f, copy);
      await expect(restoreDatabase(target, f), name).rejects.toThrow(error);
      expect(await rowCounts(target), name).toEqual(empty);
    };

    // Past the first 1000-row insert of audit events, so the earlier tables and a batch are in when it fails.
    await variant('bad-json', (ls) => (ls[auditHeader + 1200] = '["half a row'), /line \d+: not valid JSON/);
    await variant(
      'short-row',
      (ls) => (ls[auditHeader + 1500] = JSON.stringify(JSON.parse(ls[auditHeader + 1500]!).slice(1))),
      /a row of 14 values for the 15 columns of "audit_events"/,
    );
    const jobsHeader = lines.findIndex((l) => l.startsWith('{"table":"job_runs"'));
    await variant(
      'duplicate-key',
      (ls) => (ls[jobsHeader + 2] = ls[jobsHeader + 1]!),
      /restore failed in table "job_runs"/,
    );
    const usersHeader = lines.findIndex((l) => l.startsWith('{"table":"users"'));
    const usersColumns: string[] = JSON.parse(lines[usersHeader]!).columns;
    await variant(
      'orphan-user',
      (ls) => {
        const row = JSON.parse(ls[usersHeader + 3]!);
        row[usersColumns.indexOf('tenant_id')] = 'no-such-tenant';
        ls[usersHeader + 3] = JSON.stringify(row);
      },
      /restore failed in table "users"/,
    );
    await variant('no-end', (ls) => ls.splice(ls.length - 2, 1), /ends early/);
    await variant(
      'lost-rows',
      (ls) => ls.splice(auditHeader + 10, 5),
      /lists 2500 rows for "audit_events" but holds 2495/,
    );

    // A file cut short mid-stream: gzip notices.
    const cut = path.join(dir, 'cut.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/damaged or not a gzip file/);
    expect(await rowCounts(target)).toEqual(empty);

    await restoreDatabase(target, file);
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('refuses to back up a table nobody listed, and never leaves a partial file', async () => {
    const source = await fresh();
    await seed(source);
    const file = path.join(dir, 'keep.gz');
    fs.writeFileSync(file, 'last good backup');
    await sql`create table widgets (id text primary key)`.execute(source.db);
    await expect(backupDatabase(source, file)).rejects.toThrow(/"widgets" are neither backed up nor skipped/);
    expect(fs.readFileSync(file, 'utf8')).toBe('last good backup');
    expect(fs.readdirSync(dir)).toEqual(['keep.gz']);
  });

  it.runIf(DB_KIND === 'sqlite')(
    'refuses values JSON cannot carry, mid-stream, and keeps the last good file',
    async () => {
      const source = await fresh();
      await seed(source);
      const file = path.join(dir, 'keep.gz');
      fs.writeFileSync(file, 'last good backup');
      await sql`update audit_events set detail = ${Buffer.from([1, 2, 3])} where id = 2000`.execute(source.db);
      await expect(backupDatabase(source, file)).rejects.toThrow(/audit_events\.detail holds a binary value/);
      expect(fs.readFileSync(file, 'utf8')).toBe('last good backup');
      expect(fs.readdirSync(dir)).toEqual(['keep.gz']);
    },
  );
});
