import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, login, type TestHarness } from '../../test/helper.js';
import { deliverDueWebhooks, enqueueWebhook, MAX_ATTEMPTS, RETRY_DELAYS_S, type Fetch } from './webhooks.service.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
interface Answer {
  status: number;
  body: string;
}

/** A group robot on a real local port: records what it gets and answers what the test says. */
interface Robot {
  url: string;
  received: Received[];
  answer: (n: number) => Answer;
  close(): Promise<void>;
}

const OK: Answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };

async function startRobot(): Promise<Robot> {
  const robot = { received: [] as Received[], answer: (): Answer => OK } as unknown as Robot;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      robot.received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(body) });
      const a = robot.answer(robot.received.length);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  robot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  robot.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return robot;
}

/** A port nothing listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let h: TestHarness;
let a: TestTenant;
let b: TestTenant;
let robot: Robot;

const T0 = new Date('2026-03-02T01:00:00.000Z');
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

const enqueue = (url: string, at = T0, content = '新诉求：实验室排风改造（SQ2026-000001）') =>
  enqueueWebhook(
    h.database.db,
    {
      tenantId: a.id,
      departmentId: a.departments.economy!,
      url,
      event: 'need.submitted',
      content,
      data: { needId: 'need-1', reference: 'SQ2026-000001' },
    },
    at,
  );

const row = (id: string) =>
  h.database.db.selectFrom('webhookDeliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  h = await buildTestApp();
  a = await createTenant(h.database, 'wa');
  b = await createTenant(h.database, 'wb');
  robot = await startRobot();
});
afterAll(async () => {
  await robot.close();
  await h.close();
});

describe('deliverDueWebhooks', () => {
  beforeEach(async () => {
    await h.database.db.deleteFrom('webhookDeliveries').execute();
    robot.received = [];
    robot.answer = () => OK;
  });

  it('POSTs a queued message as the robots’ JSON text message, once', async () => {
    const id = await enqueue(`${robot.url}/cgi-bin/webhook/send?key=k1`);
    expect(await deliverDueWebhooks(h.database, T0)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(robot.received).toHaveLength(1);
    const [got] = robot.received;
    expect(got!.path).toBe('/cgi-bin/webhook/send?key=k1');
    expect(got!.headers['content-type']).toContain('application/json');
    expect(got!.body).toEqual({
      msgtype: 'text',
      text: { content: '新诉求：实验室排风改造（SQ2026-000001）' },
      kaimen: { event: 'need.submitted', needId: 'need-1', reference: 'SQ2026-000001' },
    });
    expect(await row(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      deliveredAt: iso(T0),
      nextAttemptAt: null,
      claimedUntil: null,
    });
    await deliverDueWebhooks(h.database, later(T0, 86_400));
    expect(robot.received).toHaveLength(1);
  });

  it('retries a 500 after 30 s, 2, 8 and 32 minutes and about 2 hours, never early, then gives up', async () => {
    expect(RETRY_DELAYS_S).toEqual([30, 120, 480, 1920, 7680]);
    expect(MAX_ATTEMPTS).toBe(6);
    robot.answer = () => ({ status: 500, body: 'upstream busy' });
    const id = await enqueue(`${robot.url}/hook`);
    let t = T0;
    for (let n = 1; n <= MAX_ATTEMPTS; n++) {
      if (n > 1) {
        const delay = RETRY_DELAYS_S[n - 2]!;
        // A second before it is due, nothing goes out.
        expect(await deliverDueWebhooks(h.database, later(t, delay - 1))).toEqual({
          delivered: 0,
          retrying: 0,
          failed: 0,
        });
        expect(robot.received).toHaveLength(n - 1);
        t = later(t, delay);
      }
      const result = await deliverDueWebhooks(h.database, t);
      expect(robot.received).toHaveLength(n);
      const r = await row(id);
      expect(r).toMatchObject({
        attempts: n,
        lastStatus: 500,
        lastError: 'HTTP 500: upstream busy',
        deliveredAt: null,
      });
      if (n < MAX_ATTEMPTS) {
        expect(result).toEqual({ delivered: 0, retrying: 1, failed: 0 });
        expect(r).toMatchObject({ status: 'pending', nextAttemptAt: iso(later(t, RETRY_DELAYS_S[n - 1]!)) });
      } else {
        expect(result).toEqual({ delivered: 0, retrying: 0, failed: 1 });
        expect(r).toMatchObject({ status: 'failed', nextAttemptAt: null });
      }
    }
    await deliverDueWebhooks(h.database, later(t, 7 * 86_400));
    expect(robot.received).toHaveLength(MAX_ATTEMPTS);
  });

  it('takes a 200 with a robot errcode for a failure, and delivers on the next attempt that succeeds', async () => {
    robot.answer = (n) => (n === 1 ? { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' } : OK);
    const id = await enqueue(`${robot.url}/hook`);
    expect(await deliverDueWebhooks(h.database, T0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 200 });
    expect(failed.lastError).toMatch(/^errcode 93000: .*invalid webhook url/);
    expect(failed.nextAttemptAt).toBe(iso(later(T0, 30)));

    expect(await deliverDueWebhooks(h.database, later(T0, 30))).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
    expect(robot.received).toHaveLength(2);
  });

  it('takes a refused connection for an error to retry, with no HTTP status', async () => {
    const id = await enqueue(`http://127.0.0.1:${await closedPort()}/hook`);
    expect(await deliverDueWebhooks(h.database, T0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null, nextAttemptAt: iso(later(T0, 30)) });
    expect(r.lastError).toMatch(/ECONNREFUSED/);
  });

  it('sends a due message once when two senders race for it', async () => {
    const id = await enqueue(`${robot.url}/hook`);
    const results = await Promise.all([deliverDueWebhooks(h.database, T0), deliverDueWebhooks(h.database, T0)]);
    expect(robot.received).toHaveLength(1);
    expect(results.map((r) => r.delivered).sort()).toEqual([0, 1]);
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('does not resend a message another sender has just tried, from a batch it read before', async () => {
    robot.answer = () => ({ status: 500, body: 'upstream busy' });
    await enqueue(`${robot.url}/first`, later(T0, -120));
    const second = await enqueue(`${robot.url}/second`, later(T0, -60));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let held = false;
    // Sender B reads both messages and holds the first one in flight…
    const slow: Fetch = async (url, init) => {
      if (!held) {
        held = true;
        entered();
        await gate;
      }
      return fetch(url, init);
    };
    const senderB = deliverDueWebhooks(h.database, T0, slow);
    await inFlight;
    // …while sender A sends the second one, which fails and waits for its retry in 30 s.
    expect(await deliverDueWebhooks(h.database, T0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    release();
    expect(await senderB).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(robot.received.map((r) => r.path).sort()).toEqual(['/first', '/second']);
    expect(await row(second)).toMatchObject({ attempts: 1, nextAttemptAt: iso(later(T0, 30)) });
  });
});

describe('the delivery log', () => {
  const ids: Record<string, string> = {};

  /** A log row as the sender leaves it. */
  async function insertDelivery(
    tenant: TestTenant,
    key: string,
    o: { department: string | null; status: 'pending' | 'delivered' | 'failed'; createdAt: string },
  ) {
    const id = newId();
    ids[key] = id;
    const failed = o.status === 'failed';
    await h.database.db
      .insertInto('webhookDeliveries')
      .values({
        tenantId: tenant.id,
        id,
        departmentId: o.department,
        url: `${robot.url}/${key}`,
        event: 'need.escalated',
        payload: JSON.stringify({ msgtype: 'text', text: { content: key }, kaimen: { event: 'need.escalated' } }),
        status: o.status,
        attempts: failed ? MAX_ATTEMPTS : 1,
        // A pending one waits for its next attempt, after every test here.
        nextAttemptAt: o.status === 'pending' ? '2027-01-01T00:00:00.000Z' : null,
        claimedUntil: null,
        lastStatus: o.status === 'delivered' ? 200 : 500,
        lastError: o.status === 'delivered' ? null : 'HTTP 500: upstream busy',
        createdAt: o.createdAt,
        deliveredAt: o.status === 'delivered' ? o.createdAt : null,
      })
      .execute();
  }

  beforeAll(async () => {
    await h.database.db.deleteFrom('webhookDeliveries').execute();
    robot.received = [];
    robot.answer = () => OK;
    const d = a.departments;
    await insertDelivery(a, 'delivered', {
      department: d.economy!,
      status: 'delivered',
      createdAt: '2026-03-01T01:00:00.000Z',
    });
    await insertDelivery(a, 'failed', { department: d.land!, status: 'failed', createdAt: '2026-03-01T02:00:00.000Z' });
    await insertDelivery(a, 'pending', {
      department: d.economy!,
      status: 'pending',
      createdAt: '2026-03-01T03:00:00.000Z',
    });
    await insertDelivery(b, 'other', {
      department: b.departments.economy!,
      status: 'failed',
      createdAt: '2026-03-01T04:00:00.000Z',
    });
  });

  it('lists a tenant’s messages newest first, with the department’s name, by status and department', async () => {
    const admin = await login(h.app, 'wa-admin');
    const all = await admin.get('/api/webhook-deliveries');
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect([body.total, body.page, body.pageSize]).toEqual([3, 1, 50]);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.pending, ids.failed, ids.delivered]);
    expect(body.items[1]).toEqual({
      id: ids.failed,
      departmentId: a.departments.land,
      departmentName: '国土分局',
      event: 'need.escalated',
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastStatus: 500,
      lastError: 'HTTP 500: upstream busy',
      createdAt: '2026-03-01T02:00:00.000Z',
      deliveredAt: null,
      nextAttemptAt: null,
    });
    // The robot's URL carries its key: it stays on the server.
    expect(all.body).not.toContain(robot.url);

    const failed = (await admin.get('/api/webhook-deliveries?status=failed')).json();
    expect(failed.items.map((i: { id: string }) => i.id)).toEqual([ids.failed]);
    const economy = (await admin.get(`/api/webhook-deliveries?departmentId=${a.departments.economy}`)).json();
    expect(economy.total).toBe(2);
    const page2 = (await admin.get('/api/webhook-deliveries?page=2&pageSize=2')).json();
    expect([page2.total, page2.items.map((i: { id: string }) => i.id)]).toEqual([3, [ids.delivered]]);
    const en = (await admin.get('/api/webhook-deliveries?status=failed', { 'accept-language': 'en' })).json();
    expect(en.items[0].departmentName).toBe('Land Resources');
    expect((await admin.get('/api/webhook-deliveries?status=lost')).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    for (const role of ['leader', 'investment', 'service', 'department', 'property', 'enterprise'] as const) {
      const client = await login(h.app, a.users[role].username);
      const list = await client.get('/api/webhook-deliveries');
      expect(list.statusCode, `${role} list`).toBe(403);
      const retry = await client.post(`/api/webhook-deliveries/${ids.failed}/retry`);
      expect(retry.statusCode, `${role} retry`).toBe(403);
    }
    expect((await row(ids.failed!)).status).toBe('failed');
  });

  it('never shows or retries another tenant’s messages', async () => {
    const other = await login(h.app, 'wb-admin');
    const list = (await other.get('/api/webhook-deliveries')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([ids.other]);
    expect((await other.get(`/api/webhook-deliveries?departmentId=${a.departments.land}`)).json().total).toBe(0);
    const res = await other.post(`/api/webhook-deliveries/${ids.failed}/retry`);
    expect(res.statusCode).toBe(404);
    expect((await row(ids.failed!)).status).toBe('failed');
  });

  it('sends a failed message again: queued due now, audited, then delivered by the next run', async () => {
    const admin = await login(h.app, 'wa-admin');
    const res = await admin.post(`/api/webhook-deliveries/${ids.failed}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    const now = iso(h.clock.now());
    expect(res.json()).toMatchObject({ id: ids.failed, status: 'pending', attempts: MAX_ATTEMPTS, nextAttemptAt: now });
    expect(await row(ids.failed!)).toMatchObject({ status: 'pending', nextAttemptAt: now, claimedUntil: null });

    const audit = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId', 'actorUsername', 'before', 'after'])
      .where('entityType', '=', 'webhook-delivery')
      .where('action', '=', 'retry')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: ids.failed, actorUsername: 'wa-admin' });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ status: 'failed' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: 'pending', nextAttemptAt: now });

    // Only a failed message may be sent again.
    for (const key of ['failed', 'delivered', 'pending']) {
      const again = await admin.post(`/api/webhook-deliveries/${ids[key]}/retry`);
      expect(again.statusCode, key).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
    }

    expect(await deliverDueWebhooks(h.database, h.clock.now())).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(robot.received.map((r) => r.path)).toEqual(['/failed']);
    expect(await row(ids.failed!)).toMatchObject({ status: 'delivered', attempts: MAX_ATTEMPTS + 1, lastError: null });
  });
});
