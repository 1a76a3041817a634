import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';
import { tripExportHeaders } from './trips.export.js';

describe(`investigation trips API (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let inv: Client;
  let admin: Client;
  let seq = 0;

  const audit = async (entityId: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'trip')
      .where('entityId', '=', entityId)
      .orderBy('id')
      .execute();

  const createTrip = async (c: Client, body: Record<string, unknown> = {}) => {
    const res = await c.post('/api/trips', {
      title: `考察 ${++seq}`,
      destination: '上海张江药谷',
      startsOn: '2026-04-07',
      endsOn: '2026-04-09',
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const addMeeting = async (c: Client, tripId: string, body: Record<string, unknown> = {}) => {
    const res = await c.post(`/api/trips/${tripId}/meetings`, {
      metOn: '2026-04-08',
      organisation: '某 CDMO 公司',
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'tr', h.clock.now());
    other = await createTenant(h.database, 'to', h.clock.now());
    inv = await login(h.app, t.users.investment.username);
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('an investment officer plans a trip with members; it is listed with their names and audited', async () => {
    const res = await inv.post('/api/trips', {
      title: ' 苏州 BioBAY 春季考察 ',
      destination: '苏州BioBAY（苏州生物医药产业园）',
      startsOn: '2026年4月7日',
      endsOn: '2026-04-09',
      purpose: '对接 CDMO 企业',
      memberIds: [t.users.investment.id, t.users.leader.id, t.users.investment.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const trip = res.json();
    expect(trip).toMatchObject({
      title: '苏州 BioBAY 春季考察',
      // As BIOTECH_PARKS spells it: the full-width brackets stay.
      destination: '苏州BioBAY（苏州生物医药产业园）',
      startsOn: '2026-04-07',
      endsOn: '2026-04-09',
      meetingCount: 0,
      leadCount: 0,
      meetings: [],
      leads: [],
      createdBy: { id: t.users.investment.id },
      version: 1,
    });
    expect(trip.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [t.users.investment.id, t.users.leader.id].sort(),
    );
    const listed = (await inv.get('/api/trips?q=biobay')).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0].members.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
      'tr investment',
      'tr leader',
    ]);
    const events = await audit(trip.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', actorUsername: 'tr-investment', outcome: 'ok' });
    expect(JSON.parse(events[0]!.after!).memberIds).toHaveLength(2);
  });

  it('the creator is the only member when none are named', async () => {
    const trip = await createTrip(inv);
    expect(trip.members).toEqual([{ id: t.users.investment.id, displayName: 'tr investment' }]);
  });

  it('refuses an end before the start, a missing title and members who may not go, field by field', async () => {
    const base = { title: 'x', destination: '武汉光谷生物城', startsOn: '2026-05-10', endsOn: '2026-05-12' };
    const order = await inv.post('/api/trips', { ...base, endsOn: '2026-05-09' });
    expect(order.statusCode).toBe(400);
    expect(order.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(order.json().errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'date-order' })]);
    expect(order.json().errors[0].message).toMatch(/结束日期/);

    const missing = await inv.post('/api/trips', { ...base, title: '  ', startsOn: 'not a date' });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['startsOn', 'title']);

    for (const memberId of [other.users.investment.id, t.users.service.id, 'no-such-user']) {
      const bad = await inv.post('/api/trips', { ...base, memberIds: [memberId] });
      expect(bad.statusCode, memberId).toBe(400);
      expect(bad.json().errors[0].field).toBe('memberIds');
    }
    expect((await inv.get('/api/trips?q=%E6%AD%A6%E6%B1%89')).json().total).toBe(0);
  });

  it('changes a trip with the version it read; a stale version is a 409', async () => {
    const trip = await createTrip(inv);
    const res = await inv.patch(`/api/trips/${trip.id}`, {
      version: 1,
      title: '张江二次考察',
      notes: '带回三家企业资料',
      memberIds: [t.users.admin.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: '张江二次考察',
      notes: '带回三家企业资料',
      members: [{ id: t.users.admin.id }],
      version: 2,
    });
    const stale = await inv.patch(`/api/trips/${trip.id}`, { version: 1, title: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale-version');
    const wrongOrder = await inv.patch(`/api/trips/${trip.id}`, { version: 2, endsOn: '2026-04-01' });
    expect(wrongOrder.statusCode).toBe(400);
    expect((await inv.get(`/api/trips/${trip.id}`)).json().title).toBe('张江二次考察');
    const events = await audit(trip.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(events[1]!.before!).title).toBe(trip.title);
    expect(JSON.parse(events[1]!.after!).title).toBe('张江二次考察');
  });

  it('filters by text, dates and member, sorts by start date (latest first) and pages', async () => {
    const a = await createTrip(inv, {
      title: '筛选 A',
      destination: '广州国际生物岛',
      startsOn: '2026-06-01',
      endsOn: '2026-06-02',
    });
    const b = await createTrip(inv, {
      title: '筛选 B',
      destination: '成都天府国际生物城',
      startsOn: '2026-07-10',
      endsOn: '2026-07-12',
      memberIds: [t.users.leader.id],
    });
    const ids = async (qs: string) =>
      (await inv.get(`/api/trips?${qs}`)).json().items.map((x: { id: string }) => x.id) as string[];
    expect(await ids('q=%E7%AD%9B%E9%80%89')).toEqual([b.id, a.id]);
    expect(await ids('q=%E7%AD%9B%E9%80%89&sort=startsOn')).toEqual([a.id, b.id]);
    expect(await ids(`q=${encodeURIComponent('生物岛')}`)).toEqual([a.id]);
    expect(await ids('q=%E7%AD%9B%E9%80%89&from=2026-06-02&to=2026-06-30')).toEqual([a.id]);
    expect(await ids('q=%E7%AD%9B%E9%80%89&from=2026-07-11')).toEqual([b.id]);
    expect(await ids(`q=%E7%AD%9B%E9%80%89&member=${t.users.leader.id}`)).toEqual([b.id]);
    expect(await ids('q=100%25')).toEqual([]);
    const page = (await inv.get('/api/trips?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect((await inv.get('/api/trips?from=2026-13-01')).statusCode).toBe(400);
  });

  it('records meetings in the order they happened, inside the trip dates; edits and deletes them', async () => {
    const trip = await createTrip(inv);
    const second = await addMeeting(inv, trip.id, { metOn: '2026-04-09', organisation: '乙公司' });
    expect(second.version).toBe(2);
    const afterFirst = await addMeeting(inv, trip.id, {
      metOn: '2026-04-07',
      organisation: '甲公司',
      people: '王总、李博士',
      notes: '有扩产需求',
    });
    expect(afterFirst.meetings.map((m: { organisation: string }) => m.organisation)).toEqual(['甲公司', '乙公司']);
    expect(afterFirst.meetingCount).toBe(2);

    const outside = await inv.post(`/api/trips/${trip.id}/meetings`, { metOn: '2026-04-10', organisation: '丙' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ field: 'metOn', code: 'date-range' });
    const shrink = await inv.patch(`/api/trips/${trip.id}`, { version: afterFirst.version, endsOn: '2026-04-08' });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().errors[0].field).toBe('endsOn');

    const meetingId = afterFirst.meetings[0].id;
    const edited = await inv.patch(`/api/trips/${trip.id}/meetings/${meetingId}`, {
      version: afterFirst.version,
      metOn: '2026-04-09',
      notes: '已约二次洽谈',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().meetings.map((m: { organisation: string }) => m.organisation)).toEqual(['乙公司', '甲公司']);
    expect(edited.json().meetings[1]).toMatchObject({ notes: '已约二次洽谈', people: '王总、李博士' });
    const stale = await inv.patch(`/api/trips/${trip.id}/meetings/${meetingId}`, {
      version: afterFirst.version,
      notes: '旧页面',
    });
    expect(stale.statusCode).toBe(409);

    const removed = await inv.delete(`/api/trips/${trip.id}/meetings/${second.meetings[0].id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().meetings.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    expect((await inv.delete(`/api/trips/${trip.id}/meetings/${second.meetings[0].id}`)).statusCode).toBe(404);

    const events = await audit(trip.id);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'meeting-create',
      'meeting-create',
      'meeting-update',
      'meeting-delete',
    ]);
    expect(JSON.parse(events[3]!.before!).notes).toBe('有扩产需求');
    expect(JSON.parse(events[3]!.after!).notes).toBe('已约二次洽谈');
  });

  it('a meeting creates a lead in one step; the trip page lists it, and the trip and meeting then stay', async () => {
    const trip = await createTrip(inv, { destination: '苏州BioBAY（苏州生物医药产业园）' });
    const withMeeting = await addMeeting(inv, trip.id, { organisation: '苏州某生物药 CDMO' });
    const meetingId = withMeeting.meetings[0].id;
    const res = await inv.post(`/api/trips/${trip.id}/meetings/${meetingId}/lead`, {
      companyName: '苏州某某生物制药有限公司',
      plannedInvestment: '2亿',
      contacts: [{ name: '周总', mobile: '13912345678' }],
      notes: '拟建 2000L 原液车间',
    });
    expect(res.statusCode, res.body).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({
      companyName: '苏州某某生物制药有限公司',
      sourceChannel: 'trip',
      stage: 'lead',
      tripId: trip.id,
      tripMeetingId: meetingId,
      plannedInvestment: 200_000_000,
      owner: { id: t.users.investment.id },
    });
    const referral = await inv.post(`/api/trips/${trip.id}/meetings/${meetingId}/lead`, {
      companyName: '苏州另一家企业',
      sourceChannel: '以商招商',
    });
    expect(referral.json().sourceChannel).toBe('referral');

    const page = (await inv.get(`/api/trips/${trip.id}`)).json();
    expect(page.leadCount).toBe(2);
    expect(page.leads[0]).toEqual({
      id: lead.id,
      companyName: '苏州某某生物制药有限公司',
      stage: 'lead',
      owner: { id: t.users.investment.id, displayName: 'tr investment' },
      plannedInvestment: 200_000_000,
      tripMeetingId: meetingId,
      updatedAt: lead.updatedAt,
    });
    const listed = (await inv.get(`/api/trips?q=${encodeURIComponent(trip.title)}`)).json().items[0];
    expect(listed).toMatchObject({ id: trip.id, meetingCount: 1, leadCount: 2 });

    const badLead = await inv.post(`/api/trips/${trip.id}/meetings/${meetingId}/lead`, { companyName: '' });
    expect(badLead.statusCode).toBe(400);
    expect((await inv.post(`/api/trips/${trip.id}/meetings/nope/lead`, { companyName: 'x' })).statusCode).toBe(404);

    const delMeeting = await inv.delete(`/api/trips/${trip.id}/meetings/${meetingId}`);
    expect(delMeeting.statusCode).toBe(409);
    const del = await inv.delete(`/api/trips/${trip.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(del.json()).toMatchObject({ code: 'conflict', detail: expect.stringMatching(/2 条线索/) });
    expect((await inv.get(`/api/trips/${trip.id}`)).statusCode).toBe(200);
    const refused = (await audit(trip.id)).filter((e) => e.outcome === 'refused').map((e) => e.action);
    expect(refused).toEqual(['meeting-delete', 'delete']);
    const leadAudit = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'lead')
      .where('entityId', '=', lead.id)
      .execute();
    expect(leadAudit.map((e) => e.action)).toEqual(['create']);
  });

  it('deletes a trip without leads, with its meetings, and audits it', async () => {
    const trip = await createTrip(inv);
    await addMeeting(inv, trip.id);
    const res = await inv.delete(`/api/trips/${trip.id}`);
    expect(res.statusCode).toBe(204);
    expect((await inv.get(`/api/trips/${trip.id}`)).statusCode).toBe(404);
    const left = await h.database.db.selectFrom('tripMeetings').select('id').where('tripId', '=', trip.id).execute();
    expect(left).toEqual([]);
    const events = await audit(trip.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'meeting-create', 'delete', 'read']);
    expect(JSON.parse(events[2]!.before!).meetings).toHaveLength(1);
  });

  it('offers the active admins, leaders and investment officers of the tenant as members', async () => {
    const res = await inv.get('/api/trips/member-options');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([t.users.admin.id, t.users.leader.id, t.users.investment.id].sort());
    expect((await (await login(h.app, t.users.service.username)).get('/api/trips/member-options')).statusCode).toBe(
      403,
    );
  });

  it('a leader reads trips but cannot change them; other roles see none of it', async () => {
    const trip = await addMeeting(inv, (await createTrip(inv)).id);
    const meetingId = trip.meetings[0].id;
    const leader = await login(h.app, t.users.leader.username);
    expect((await leader.get('/api/trips')).statusCode).toBe(200);
    expect((await leader.get(`/api/trips/${trip.id}`)).json().meetings).toHaveLength(1);
    const writes = [
      leader.post('/api/trips', { title: 'x', destination: 'y', startsOn: '2026-04-01', endsOn: '2026-04-01' }),
      leader.patch(`/api/trips/${trip.id}`, { version: trip.version, title: 'x' }),
      leader.delete(`/api/trips/${trip.id}`),
      leader.post(`/api/trips/${trip.id}/meetings`, { metOn: '2026-04-08', organisation: 'x' }),
      leader.patch(`/api/trips/${trip.id}/meetings/${meetingId}`, { version: trip.version, notes: 'x' }),
      leader.delete(`/api/trips/${trip.id}/meetings/${meetingId}`),
      leader.post(`/api/trips/${trip.id}/meetings/${meetingId}/lead`, { companyName: '领导线索' }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    for (const role of ['service', 'department', 'property', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/trips')).statusCode, role).toBe(403);
      expect((await c.get(`/api/trips/${trip.id}`)).statusCode, role).toBe(403);
      expect(
        (await c.post(`/api/trips/${trip.id}/meetings`, { metOn: '2026-04-08', organisation: 'x' })).statusCode,
        role,
      ).toBe(403);
    }
    const after = (await admin.get(`/api/trips/${trip.id}`)).json();
    expect(after).toMatchObject({ version: trip.version, leadCount: 0 });
    expect(after.meetings).toHaveLength(1);
    const refusals = await h.database.db
      .selectFrom('auditEvents')
      .select('actorUsername')
      .where('entityType', '=', 'trip')
      .where('outcome', '=', 'refused')
      .where('actorUsername', '=', 'tr-leader')
      .execute();
    expect(refusals.length).toBeGreaterThanOrEqual(6);
  });

  it('exports the filtered trips as xlsx in the reader’s language, audited; roles without trips are refused', async () => {
    const trip = await createTrip(inv, { title: '导出专用考察', destination: '武汉光谷生物城' });
    await addMeeting(inv, trip.id, { organisation: '光谷某 CRO' });
    const res = await inv.inject({
      method: 'GET',
      url: `/api/trips/export?q=${encodeURIComponent('导出专用')}`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...tripExportHeaders('zh-CN')]);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('导出专用考察');
    expect(sheet.getRow(2).getCell(6).value).toBe(1);
    const events = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'trip')
      .where('action', '=', 'export')
      .execute();
    expect(events).toHaveLength(1);
    const service = await login(h.app, t.users.service.username);
    expect((await service.get('/api/trips/export')).statusCode).toBe(403);
    const theirs = await login(h.app, other.users.investment.username);
    const foreign = await theirs.get(`/api/trips/export?q=${encodeURIComponent('导出专用')}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(foreign.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });

  it("another tenant's trip is a 404 to read, change, delete or add meetings and leads to", async () => {
    const trip = await addMeeting(inv, (await createTrip(inv)).id);
    const meetingId = trip.meetings[0].id;
    const b = await login(h.app, other.users.investment.username);
    const calls = [
      b.get(`/api/trips/${trip.id}`),
      b.patch(`/api/trips/${trip.id}`, { version: trip.version, title: 'hacked' }),
      b.delete(`/api/trips/${trip.id}`),
      b.post(`/api/trips/${trip.id}/meetings`, { metOn: '2026-04-08', organisation: 'x' }),
      b.patch(`/api/trips/${trip.id}/meetings/${meetingId}`, { version: trip.version, notes: 'x' }),
      b.delete(`/api/trips/${trip.id}/meetings/${meetingId}`),
      b.post(`/api/trips/${trip.id}/meetings/${meetingId}/lead`, { companyName: '窃取线索' }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    expect((await b.get('/api/trips?pageSize=200')).json().items).toEqual([]);
    // A meeting of one trip cannot be reached through another trip of the same tenant either.
    const mine = await createTrip(inv);
    expect(
      (await inv.patch(`/api/trips/${mine.id}/meetings/${meetingId}`, { version: 1, notes: 'x' })).statusCode,
    ).toBe(404);
    const unchanged = (await inv.get(`/api/trips/${trip.id}`)).json();
    expect(unchanged).toMatchObject({ title: trip.title, version: trip.version, leadCount: 0 });
    expect(unchanged.meetings[0].notes).toBeNull();
  });
});
