import type { AddressInfo } from 'node:net';
import { foldFullWidth } from '@kaimen/shared';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, testUscc, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';
import { toXml } from './open311.format.js';

/**
 * GeoReport v2 conformance, as a client that knows the specification and nothing of Kaimen's code: real HTTP,
 * form-encoded posts, XML read with a strict (well-formedness checking) parser and compared with the JSON.
 */

type Json = any;

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/** Parses strictly: saxes throws on anything not well-formed. Returns the declaration and the root element. */
function parseXml(xml: string): { decl: { version?: string; encoding?: string }; root: XmlNode } {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let decl: { version?: string; encoding?: string } = {};
  parser.on('xmldecl', (d) => (decl = { version: d.version, encoding: d.encoding }));
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { decl, root };
}

/** The spec's XML lists: these elements hold repeated items, everything else is a record or a value. */
const XML_LISTS = new Set(['services', 'service_requests', 'errors', 'attributes', 'values', 'endpoints', 'formats']);

function plain(node: XmlNode): Json {
  if (XML_LISTS.has(node.name)) return node.children.map(plain);
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, plain(c)]));
}

/** JSON as XML would carry it: every value as text, null as an empty element. */
function asText(value: Json): Json {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value);
}

describe(`Open311 GeoReport v2 (${DB_KIND})`, () => {
  let h: TestHarness;
  let base: string;
  let t: TestTenant;
  let admin: Client;
  let key: string;
  const USCC_A = testUscc(3101);
  const USCC_A2 = testUscc(3102);

  const get = (path: string) => fetch(`${base}${path}`);
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) });
  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return JSON.parse(text) as Json;
  };
  const xml = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = parseXml(text);
    expect(doc.decl).toEqual({ version: '1.0', encoding: 'utf-8' });
    return doc.root;
  };
  const expectErrorJson = async (res: Response, status: number) => {
    const body = await json(res, status);
    expect(body).toEqual([{ code: status, description: expect.any(String) }]);
    expect(body[0].description.length).toBeGreaterThan(0);
    return body[0].description as string;
  };
  const expectErrorXml = async (res: Response, status: number) => {
    const root = await xml(res, status);
    expect(root.name).toBe('errors');
    const errors = plain(root);
    expect(errors).toEqual([{ code: String(status), description: expect.any(String) }]);
    return errors[0].description as string;
  };

  const form = (over: Record<string, string | undefined> = {}): Record<string, string> => {
    const fields: Record<string, string | undefined> = {
      jurisdiction_id: t.slug,
      api_key: key,
      service_code: 'regulatory',
      lat: '31.2990',
      long: '120.7350',
      address_string: '苏州工业园区星湖街 218 号 B3 楼',
      description: '咨询第二类医疗器械注册证变更（生产地址变更）的办理流程和所需材料',
      first_name: '伟',
      last_name: '王',
      phone: '139 0000 1234',
      email: 'wang.wei@example.cn',
      media_url: 'https://example.cn/photo.jpg',
      'attribute[enterprise_uscc]': USCC_A,
      ...over,
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>;
  };
  /** Raises a request and answers its service_request_id. */
  const raise = async (over: Record<string, string | undefined> = {}) => {
    const body = await json(await post('/open311/v2/requests.json', form(over)), 201);
    return body[0].service_request_id as string;
  };

  beforeAll(async () => {
    h = await buildTestApp();
    // One active tenant for now: the first tests leave jurisdiction_id out.
    t = await createTenant(h.database, 'os', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
    for (const [uscc, name] of [
      [USCC_A, '苏州某某医疗器械有限公司'],
      [USCC_A2, '苏州某某生物试剂有限公司'],
    ]) {
      const res = await admin.post('/api/enterprises', { uscc, name });
      expect(res.statusCode, res.body).toBe(201);
    }
    const issued = await admin.post('/api/api-keys', { name: '12345 热线' });
    expect(issued.statusCode, issued.body).toBe(201);
    key = issued.json().key;
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => h.close());

  describe('with one tenant', () => {
    it('serves the discovery document, in JSON and XML', async () => {
      const d = await json(await get('/open311/v2/discovery.json'));
      expect(d).toEqual({
        changeset: expect.any(String),
        contact: expect.any(String),
        key_service: expect.any(String),
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${base}/open311/v2`,
            changeset: expect.any(String),
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      });
      expect(Number.isNaN(Date.parse(d.changeset))).toBe(false);
      const root = await xml(await get('/open311/v2/discovery.xml'));
      expect(root.name).toBe('discovery');
      expect(plain(root)).toEqual(asText(d));
    });

    it('lists one service per need category, jurisdiction_id left out, the same in XML', async () => {
      const services = await json(await get('/open311/v2/services.json'));
      const categories = await h.database.db
        .selectFrom('needCategories')
        .select('code')
        .where('tenantId', '=', t.id)
        .execute();
      expect(services.map((s: Json) => s.service_code).sort()).toEqual(categories.map((c) => c.code).sort());
      const regulatory = services.find((s: Json) => s.service_code === 'regulatory');
      expect(regulatory).toEqual({
        service_code: 'regulatory',
        service_name: '法规咨询',
        description: expect.stringContaining('法规咨询'),
        metadata: true,
        type: 'realtime',
        keywords: expect.stringContaining('regulatory'),
        group: '市场监管分局',
      });
      for (const s of services) {
        expect(s.type).toBe('realtime');
        expect(typeof s.metadata).toBe('boolean');
      }
      const root = await xml(await get(`/open311/v2/services.xml?jurisdiction_id=${t.slug}`));
      expect(root.name).toBe('services');
      expect(root.children.every((c) => c.name === 'service')).toBe(true);
      expect(plain(root)).toEqual(asText(services));
    });

    it('defines each service with the company attribute it requires; an unknown code is 404', async () => {
      const def = await json(await get('/open311/v2/services/regulatory.json'));
      expect(def).toEqual({
        service_code: 'regulatory',
        attributes: [
          {
            variable: true,
            code: 'enterprise_uscc',
            datatype: 'string',
            required: true,
            datatype_description: expect.any(String),
            order: 1,
            description: '统一社会信用代码',
          },
        ],
      });
      const root = await xml(await get('/open311/v2/services/regulatory.xml'));
      expect(root.name).toBe('service_definition');
      expect(plain(root)).toEqual(asText(def));

      await expectErrorJson(await get('/open311/v2/services/no_such_thing.json'), 404);
      await expectErrorXml(await get('/open311/v2/services/no_such_thing.xml'), 404);
    });

    it('takes a form-encoded request and answers its id; the need is routed, timed and attributed to the key', async () => {
      const res = await post('/open311/v2/requests.json', form({ jurisdiction_id: undefined }));
      const body = await json(res, 201);
      expect(body).toEqual([
        {
          service_request_id: expect.stringMatching(/^SQ2026-\d{6}$/),
          service_notice: expect.any(String),
          account_id: null,
        },
      ]);
      expect(body[0].service_notice).toContain('市场监管分局');
      const need = await h.database.db
        .selectFrom('needs')
        .selectAll()
        .where('tenantId', '=', t.id)
        .where('reference', '=', body[0].service_request_id)
        .executeTakeFirstOrThrow();
      expect(need).toMatchObject({
        source: 'open311',
        categoryCode: 'regulatory',
        leadDepartmentId: t.departments.market_regulation,
        status: 'submitted',
        title: foldFullWidth(form().description!.slice(0, 30)),
        description: form().description,
        address: '苏州工业园区星湖街 218 号 B3 楼',
        lat: 31.299,
        long: 120.735,
        contactName: '王伟',
        contactPhone: '13900001234',
      });
      const event = await h.database.db
        .selectFrom('needEvents')
        .select(['actorName', 'action'])
        .where('needId', '=', need.id)
        .executeTakeFirstOrThrow();
      expect(event).toEqual({ actorName: 'Open311: 12345 热线', action: 'created' });
      const audit = await h.database.db
        .selectFrom('auditEvents')
        .select(['actorUsername', 'tenantId'])
        .where('entityType', '=', 'need')
        .where('entityId', '=', need.id)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ actorUsername: 'Open311: 12345 热线', tenantId: t.id });
    });

    it('answers a post to requests.xml in XML, and escapes what the caller wrote', async () => {
      const tricky = `请协助 <审批> & "加急" 办理 ' 第 2 次`;
      const root = await xml(await post('/open311/v2/requests.xml', form({ description: tricky })), 201);
      expect(root.name).toBe('service_requests');
      const [created] = plain(root);
      expect(created).toEqual({
        service_request_id: expect.stringMatching(/^SQ2026-/),
        service_notice: expect.any(String),
        account_id: '',
      });
      const one = await xml(await get(`/open311/v2/requests/${created.service_request_id}.xml`));
      expect(plain(one)[0].description).toBe(tricky);
    });
  });

  describe('with several tenants', () => {
    let other: TestTenant;
    let otherKey: string;
    let otherRef: string;
    const OTHER_TEXT = '另一园区企业的诉求：申请人才公寓';

    beforeAll(async () => {
      other = await createTenant(h.database, 'osx', h.clock.now());
      const otherAdmin = await login(h.app, other.users.admin.username);
      expect((await otherAdmin.post('/api/enterprises', { uscc: USCC_A, name: '同码不同园区公司' })).statusCode).toBe(
        201,
      );
      otherKey = (await otherAdmin.post('/api/api-keys', { name: '另一园区' })).json().key;
      const res = await post(
        '/open311/v2/requests.json',
        form({ jurisdiction_id: other.slug, api_key: otherKey, service_code: 'talent', description: OTHER_TEXT }),
      );
      otherRef = (await json(res, 201))[0].service_request_id;
    });

    it('needs jurisdiction_id once several tenants are served: 400 when left out, 404 when unknown', async () => {
      await expectErrorJson(await get('/open311/v2/services.json'), 400);
      await expectErrorXml(await get('/open311/v2/services.xml'), 400);
      await expectErrorJson(await post('/open311/v2/requests.json', form({ jurisdiction_id: undefined })), 400);
      await expectErrorJson(await get('/open311/v2/services.json?jurisdiction_id=atlantis'), 404);
      await expectErrorXml(await get('/open311/v2/requests.xml?jurisdiction_id=atlantis'), 404);
      await expectErrorJson(await post('/open311/v2/requests.json', form({ jurisdiction_id: 'atlantis' })), 404);
      await expectErrorJson(await get(`/open311/v2/requests/${otherRef}.json?jurisdiction_id=atlantis`), 404);
    });

    it('refuses a post without a valid key of the jurisdiction with 403, in the audit log', async () => {
      const before = await h.database.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenantId', '=', t.id)
        .where('outcome', '=', 'refused')
        .executeTakeFirstOrThrow();
      await expectErrorJson(await post('/open311/v2/requests.json', form({ api_key: undefined })), 403);
      await expectErrorXml(await post('/open311/v2/requests.xml', form({ api_key: undefined })), 403);
      await expectErrorJson(await post('/open311/v2/requests.json', form({ api_key: `${key}x` })), 403);
      await expectErrorJson(await post('/open311/v2/requests.json', form({ api_key: 'km_guessed' })), 403);
      // A key of another tenant does not speak for this one.
      await expectErrorJson(await post('/open311/v2/requests.json', form({ api_key: otherKey })), 403);
      // Revoked keys stop working at once.
      const revocable = (await admin.post('/api/api-keys', { name: '将撤销' })).json();
      expect(await raise({ api_key: revocable.key })).toMatch(/^SQ/);
      expect((await admin.delete(`/api/api-keys/${revocable.id}`)).statusCode).toBe(204);
      await expectErrorJson(await post('/open311/v2/requests.json', form({ api_key: revocable.key })), 403);
      await expectErrorXml(await post('/open311/v2/requests.xml', form({ api_key: revocable.key })), 403);

      const after = await h.database.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenantId', '=', t.id)
        .where('outcome', '=', 'refused')
        .executeTakeFirstOrThrow();
      expect(Number(after.n) - Number(before.n)).toBe(7);
    });

    it('refuses a post with what the request needs missing or wrong with 400', async () => {
      const cases: [Record<string, string | undefined>, string][] = [
        [{ service_code: undefined }, 'service_code'],
        [{ service_code: 'no_such_service' }, 'no_such_service'],
        [{ 'attribute[enterprise_uscc]': undefined }, 'enterprise_uscc'],
        // A well-formed code no company of this park has.
        [{ 'attribute[enterprise_uscc]': testUscc(3999) }, 'enterprise_uscc'],
        // A check digit that does not match (DESIGN.md §6).
        [{ 'attribute[enterprise_uscc]': '91350100M000100Y4Z' }, 'enterprise_uscc'],
        [{ lat: undefined, long: undefined, address_string: undefined }, 'address_string'],
        [{ long: undefined }, 'long'],
        [{ lat: 'north', long: '120.7' }, 'lat'],
        [{ lat: '95', long: '120.7' }, 'lat'],
        [{ description: undefined }, 'description'],
        [{ phone: 'call me maybe' }, 'phone'],
      ];
      for (const [c, fragment] of cases) {
        const said = await expectErrorJson(await post('/open311/v2/requests.json', form(c)), 400);
        expect(said, JSON.stringify(c)).toContain(fragment);
      }
      const description = await expectErrorXml(
        await post('/open311/v2/requests.xml', form({ 'attribute[enterprise_uscc]': undefined })),
        400,
      );
      expect(description).toContain('enterprise_uscc');
      // Either location alone is enough.
      expect(await raise({ lat: undefined, long: undefined })).toMatch(/^SQ/);
      expect(await raise({ address_string: undefined })).toMatch(/^SQ/);
    });

    it('shows a request by id, in JSON and XML, without personal data; unknown ids and other tenants’ are 404', async () => {
      const ref = await raise({
        description: '请联系王经理 13912345678 或 wang@example.cn，身份证 110101199003071234',
      });
      const [one] = await json(await get(`/open311/v2/requests/${ref}.json?jurisdiction_id=${t.slug}`));
      expect(one).toEqual({
        service_request_id: ref,
        status: 'open',
        status_notes: null,
        service_name: '法规咨询',
        service_code: 'regulatory',
        description: expect.any(String),
        agency_responsible: '市场监管分局',
        service_notice: expect.any(String),
        requested_datetime: h.clock.now().toISOString(),
        updated_datetime: h.clock.now().toISOString(),
        expected_datetime: expect.any(String),
        address: '苏州工业园区星湖街 218 号 B3 楼',
        address_id: null,
        zipcode: null,
        lat: 31.299,
        long: 120.735,
        media_url: null,
      });
      expect(Date.parse(one.expected_datetime)).toBeGreaterThan(Date.parse(one.requested_datetime));
      expect(one.description).toBe('请联系王经理 139****5678 或 w***@example.cn，身份证 110101********1234');
      const text = JSON.stringify(one);
      for (const secret of ['王伟', '13900001234', '139 0000 1234', 'wang.wei@example.cn'])
        expect(text).not.toContain(secret);

      const root = await xml(await get(`/open311/v2/requests/${ref}.xml?jurisdiction_id=${t.slug}`));
      expect(root.name).toBe('service_requests');
      expect(root.children.map((c) => c.name)).toEqual(['request']);
      expect(plain(root)).toEqual(asText([one]));

      await expectErrorJson(await get(`/open311/v2/requests/SQ2026-999999.json?jurisdiction_id=${t.slug}`), 404);
      await expectErrorXml(await get(`/open311/v2/requests/SQ2026-999999.xml?jurisdiction_id=${t.slug}`), 404);
      // The other park's request is not found here, whatever its reference.
      const [theirs] = await json(await get(`/open311/v2/requests/${otherRef}.json?jurisdiction_id=${other.slug}`));
      expect(theirs.description).toBe(OTHER_TEXT);
      const mine = await get(`/open311/v2/requests/${otherRef}.json?jurisdiction_id=${t.slug}`);
      const body = await mine.text();
      expect(body).not.toContain(OTHER_TEXT);
    });

    it('lists requests with each filter of the specification, never another tenant’s', async () => {
      const q = (params: Record<string, string>) =>
        `/open311/v2/requests.json?${new URLSearchParams({ jurisdiction_id: t.slug, ...params })}`;
      const ids = async (params: Record<string, string>) =>
        ((await json(await get(q(params)))) as Json[]).map((r) => r.service_request_id as string);

      // One request long ago, then three over the following days.
      h.clock.advanceMinutes(60 * 24 * 100);
      const t1 = h.clock.now();
      const r1 = await raise({ description: '第一条：注册证变更' });
      h.clock.advanceMinutes(60 * 24);
      const r2 = await raise({
        service_code: 'rnd',
        description: '第二条：联合研发平台',
        'attribute[enterprise_uscc]': USCC_A2,
      });
      h.clock.advanceMinutes(60 * 24);
      const t3 = h.clock.now();
      const r3 = await raise({ description: '第三条：GMP 检查' });
      h.clock.advanceMinutes(60);

      // r2 is answered: an admin (signed in anew: a hundred days ended the old session) accepts, starts, resolves it.
      const answerer = await login(h.app, t.users.admin.username);
      const need = await h.database.db
        .selectFrom('needs')
        .select(['id', 'version'])
        .where('tenantId', '=', t.id)
        .where('reference', '=', r2)
        .executeTakeFirstOrThrow();
      let version = need.version;
      for (const step of [
        { action: 'accept' },
        { action: 'start' },
        { action: 'resolve', text: '已对接园区公共研发平台' },
      ]) {
        const res = await answerer.post(`/api/needs/${need.id}/actions`, { ...step, version });
        expect(res.statusCode, res.body).toBe(200);
        version = res.json().version;
      }

      // The default window is the last 90 days: the early requests are out, the tenant's later ones in, newest first.
      const recent = await json(await get(q({})));
      expect(recent.map((r: Json) => r.service_request_id)).toEqual([r3, r2, r1]);
      expect(JSON.stringify(recent)).not.toContain(OTHER_TEXT);
      const closed = recent.find((r: Json) => r.service_request_id === r2);
      expect(closed).toMatchObject({
        status: 'closed',
        status_notes: '已对接园区公共研发平台',
        service_code: 'rnd',
        agency_responsible: '经济科技局',
      });
      expect(Date.parse(closed.updated_datetime)).toBeGreaterThan(Date.parse(closed.requested_datetime));

      // service_request_id (comma-separated) overrides every other filter.
      expect((await ids({ service_request_id: `${r1},${r3}`, status: 'closed', service_code: 'rnd' })).sort()).toEqual(
        [r1, r3].sort(),
      );
      expect(await ids({ service_request_id: otherRef.replace(/\d+$/, '999999') })).toEqual([]);
      expect(await ids({ service_code: 'rnd' })).toEqual([r2]);
      expect(await ids({ service_code: 'rnd,regulatory' })).toEqual([r3, r2, r1]);
      expect(await ids({ status: 'closed' })).toEqual([r2]);
      expect(await ids({ status: 'open' })).toEqual([r3, r1]);
      expect(await ids({ status: 'open,closed' })).toEqual([r3, r2, r1]);
      expect(await ids({ start_date: t3.toISOString() })).toEqual([r3]);
      expect(await ids({ end_date: new Date(t1.getTime() + 60_000).toISOString() })).toEqual([r1]);
      // Offsets other than Z: the same instants.
      expect(await ids({ start_date: '2026-06-10T00:00:00+08:00', end_date: '2026-06-12T23:59:59+08:00' })).toEqual([
        r3,
        r2,
        r1,
      ]);
      // A window of the early days finds the first requests, not the later ones.
      const early = await ids({ start_date: '2026-03-01T00:00:00Z', end_date: '2026-03-03T00:00:00Z' });
      expect(early.length).toBeGreaterThan(3);
      expect(early).not.toContain(r1);

      await expectErrorJson(await get(q({ start_date: 'yesterday' })), 400);
      await expectErrorJson(await get(q({ start_date: '2026-06-10T00:00:00' })), 400);
      await expectErrorJson(
        await get(q({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' })),
        400,
      );
      await expectErrorJson(await get(q({ status: 'pending' })), 400);

      // XML carries the same list.
      const root = await xml(await get(`/open311/v2/requests.xml?jurisdiction_id=${t.slug}`));
      expect(root.children.every((c) => c.name === 'request')).toBe(true);
      expect(plain(root)).toEqual(asText(recent));

      // The other tenant's list has only its own request.
      const theirs = await json(
        await get(`/open311/v2/requests.json?jurisdiction_id=${other.slug}&start_date=2026-03-01T00:00:00Z`),
      );
      expect(theirs.map((r: Json) => r.description)).toEqual([OTHER_TEXT]);
    });

    it('keeps its errors in the GeoReport shape and leaves the rest of the API on problem+json', async () => {
      await expectErrorJson(await get('/open311/v2/nothing.json'), 404);
      await expectErrorXml(await get('/open311/v2/nothing.xml'), 404);
      await expectErrorJson(await get('/open311/v2/services/regulatory.html'), 404);
      const api = await get('/api/no-such-route');
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      // Open311 calls are rate limited like the rest.
      const res = await get(`/open311/v2/services.json?jurisdiction_id=${t.slug}`);
      expect(res.headers.get('x-ratelimit-limit')).toBeTruthy();
    });
  });
});

describe('GeoReport v2 XML', () => {
  it('stays well-formed whatever the text holds: markup escaped, characters XML 1.0 forbids dropped', () => {
    const nasty = 'a\u0000b\u0007c\u001Fd <x> & "q" \'s\' \uD800 e\uDFFF f 😀 \t\n';
    const doc = toXml('service_requests', [{ description: nasty, status_notes: null, lat: 31.3 }]);
    const { root } = parseXml(doc);
    expect(plain(root)).toEqual([{ description: 'abcd <x> & "q" \'s\'  e f 😀 \t\n', status_notes: '', lat: '31.3' }]);
  });
});
