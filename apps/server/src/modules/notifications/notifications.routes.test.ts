import { TENANT_ROLES } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMinutes } from '../../lib/time.js';
import { createSuperAdmin, createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';
import { notify } from './notifications.repository.js';

describe(`notification centre API (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let investment: Client;
  let seq = 0;

  /** A notice for a user, `minutesAgo` before the test clock, in both languages. */
  const send = async (tenant: TestTenant, userId: string, minutesAgo: number, extra: { link?: string } = {}) => {
    const n = ++seq;
    await notify(
      h.database.db,
      {
        tenantId: tenant.id,
        userId,
        kind: 'lead-overdue',
        title: { zh: `通知${n}：项目逾期`, en: `Notice ${n}: lead overdue` },
        body: { zh: `正文${n}`, en: `Body ${n}` },
        link: extra.link ?? `/leads/lead-${n}`,
        entityType: 'lead',
        entityId: `lead-${n}`,
        dedupeKey: `test:${n}`,
      },
      addMinutes(h.clock.now(), -minutesAgo),
    );
    const row = await h.database.db
      .selectFrom('notifications')
      .select('id')
      .where('dedupeKey', '=', `test:${n}`)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const audits = (action: string, actorUserId: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'notification')
      .where('action', '=', action)
      .where('actorUserId', '=', actorUserId)
      .execute();

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'nt', h.clock.now());
    other = await createTenant(h.database, 'no', h.clock.now());
    investment = await login(h.app, t.users.investment.username);
  });
  afterAll(async () => h.close());

  it('lists only my own notifications, newest first, in my language with both raw texts', async () => {
    const older = await send(t, t.users.investment.id, 30);
    const newer = await send(t, t.users.investment.id, 5);
    await send(t, t.users.leader.id, 1);
    await send(other, other.users.investment.id, 1);

    const zh = (await investment.get('/api/notifications')).json();
    expect(zh.items.map((n: { id: string }) => n.id)).toEqual([newer, older]);
    expect(zh).toMatchObject({ total: 2, page: 1, pageSize: 20, unread: 2 });
    expect(zh.items[0]).toMatchObject({
      title: expect.stringMatching(/^通知\d+：项目逾期$/),
      body: expect.stringMatching(/^正文\d+$/),
      titleZh: expect.stringMatching(/^通知/),
      titleEn: expect.stringMatching(/^Notice \d+: lead overdue$/),
      link: expect.stringMatching(/^\/leads\/lead-\d+$/),
      readAt: null,
    });

    const en = (await investment.get('/api/notifications', { 'accept-language': 'en' })).json();
    expect(en.items[0].title).toMatch(/^Notice \d+: lead overdue$/);
    expect(en.items[0].body).toMatch(/^Body \d+$/);

    const paged = (await investment.get('/api/notifications?page=2&pageSize=1')).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((n: { id: string }) => n.id)).toEqual([older]);
  });

  it('marks one read: the bell count drops, the unread filter leaves it out, and the reading is audited', async () => {
    const client = await login(h.app, t.users.service.username);
    const first = await send(t, t.users.service.id, 20);
    const second = await send(t, t.users.service.id, 10);
    expect((await client.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });

    h.clock.advanceMinutes(1);
    const res = await client.post(`/api/notifications/${first}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: first, readAt: h.clock.now().toISOString() });
    expect((await client.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const unread = (await client.get('/api/notifications?unread=true')).json();
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([second]);
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect((await client.get('/api/notifications')).json().total).toBe(2);

    // Reading it again keeps the first reading time.
    const firstReadAt = res.json().readAt;
    h.clock.advanceMinutes(1);
    expect((await client.post(`/api/notifications/${first}/read`)).json().readAt).toBe(firstReadAt);

    const events = await audits('read', t.users.service.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ entityId: first, outcome: 'ok', tenantId: t.id });
    expect(JSON.parse(events[0]!.after!)).toEqual({ readAt: firstReadAt });
  });

  it("never shows or marks another user's notification, nor another tenant's: 404, refusal audited", async () => {
    const client = await login(h.app, t.users.property.username);
    const leaders = await send(t, t.users.leader.id, 3);
    const foreign = await send(other, other.users.property.id, 3);
    for (const id of [leaders, foreign]) {
      const res = await client.post(`/api/notifications/${id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const rows = await h.database.db
      .selectFrom('notifications')
      .select(['id', 'readAt'])
      .where('id', 'in', [leaders, foreign])
      .execute();
    expect(rows.every((r) => r.readAt === null)).toBe(true);
    const refused = await h.database.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('entityType', '=', 'notification')
      .where('outcome', '=', 'refused')
      .where('actorUserId', '=', t.users.property.id)
      .execute();
    expect(refused.map((r) => r.entityId).sort()).toEqual([leaders, foreign].sort());
    expect((await client.get('/api/notifications')).json().items).toEqual([]);
  });

  it('marks all mine read in one audited event with the count, leaving other users untouched', async () => {
    const client = await login(h.app, t.users.department.username);
    for (const m of [9, 8, 7]) await send(t, t.users.department.id, m);
    const someoneElses = await send(t, t.users.enterprise.id, 1);

    const res = await client.post('/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 3, unread: 0 });
    expect((await client.get('/api/notifications?unread=true')).json()).toMatchObject({ items: [], unread: 0 });
    expect((await client.post('/api/notifications/read-all')).json()).toEqual({ marked: 0, unread: 0 });

    const events = await audits('read-all', t.users.department.id);
    expect(events.map((e) => JSON.parse(e.after!))).toEqual([{ marked: 3 }, { marked: 0 }]);
    const untouched = await h.database.db
      .selectFrom('notifications')
      .select('readAt')
      .where('id', '=', someoneElses)
      .executeTakeFirstOrThrow();
    expect(untouched.readAt).toBeNull();
  });

  it('every tenant role has a bell; the platform operator and strangers do not; writes need the CSRF token', async () => {
    for (const role of TENANT_ROLES) {
      const c = await login(h.app, t.users[role].username);
      expect((await c.get('/api/notifications/unread-count')).statusCode, role).toBe(200);
      expect((await c.get('/api/notifications')).statusCode, role).toBe(200);
    }
    const op = await createSuperAdmin(h.database, 'notif-op');
    const operator = await login(h.app, op.username);
    expect((await operator.get('/api/notifications')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);

    const mine = await send(t, t.users.investment.id, 0);
    const res = await investment.inject({ method: 'POST', url: `/api/notifications/${mine}/read`, csrf: false });
    expect(res.statusCode).toBe(403);
    const row = await h.database.db
      .selectFrom('notifications')
      .select('readAt')
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    expect(row.readAt).toBeNull();
  });
});
