import { usccCheckDigit } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/** A valid USCC from a serial number (area code 310115, Pudong). */
export const makeUscc = (n: number): string => {
  const first17 = `91310115MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckDigit(first17);
};

describe(`enterprise registry API (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let admin: Client;
  let seq = 0;
  const create = async (c: Client, body: Record<string, unknown> = {}) => {
    const res = await c.post('/api/enterprises', {
      uscc: makeUscc(++seq),
      name: `测试生物科技有限公司${seq}`,
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'en', h.clock.now());
    other = await createTenant(h.database, 'eo', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  it('registers a company with its contacts, qualifications, chain node and yearly figures, and audits it', async () => {
    const res = await admin.post('/api/enterprises', {
      uscc: ' 91310115ma1k3btp2b ',
      name: '上海药明康德新药开发有限公司',
      registeredCapital: '500万元',
      foundedOn: '2002年12月1日',
      industryCode: '7340',
      park: '张江园',
      size: 'large',
      businessScope: '生物医药技术开发、CRO 服务',
      formerNames: ['上海药明新药开发有限公司'],
      tags: ['重点企业', 'CRO'],
      qualifications: [{ code: 'high_tech', obtainedOn: '2023-11-30' }],
      contacts: [{ name: '王经理', title: '总经理', mobile: '+86 138-1234-1234', email: 'wang@example.cn' }],
      chainNodeCodes: ['cro_preclinical'],
      figures: [{ year: 2024, employees: 1200, revenue: '3.5亿', taxPaid: 12_000_000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      uscc: '91310115MA1K3BTP2B',
      registeredCapital: 5_000_000,
      foundedOn: '2002-12-01',
      tags: ['CRO', '重点企业'],
      chainNodes: ['cro_preclinical'],
      personalDataMasked: false,
      version: 1,
    });
    expect(e.contacts[0]).toMatchObject({ mobile: '13812341234', isPrimary: true });
    expect(e.figures[0]).toMatchObject({ year: 2024, revenue: 350_000_000 });
    const audit = (await admin.get(`/api/audit?entityType=enterprise&entityId=${e.id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after.contacts[0].mobile).toBe('13812341234');
  });

  it('refuses a bad check digit and a duplicate USCC with clear errors', async () => {
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: '91350100M000100Y4Z', name: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ field: 'uscc', code: 'uscc-invalid', message: expect.stringMatching(/check digit/) }),
    );
    const zh = await admin.post('/api/enterprises', {
      uscc: '91350203M0001QAY9B',
      name: 'x',
      contacts: [{ name: 'a', mobile: '12345' }],
    });
    expect(zh.json().errors.map((x: { message: string }) => x.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/校验位/), '手机号码无效']),
    );
    const dup = await admin.post('/api/enterprises', { uscc: '91310115MA1K3BTP2B', name: '重复' });
    expect(dup.statusCode).toBe(409);
    // Unique per tenant only: another office may hold the same company.
    const b = await login(h.app, other.users.admin.username);
    expect((await b.post('/api/enterprises', { uscc: '91310115MA1K3BTP2B', name: '同一家公司' })).statusCode).toBe(201);
  });

  it('masks contacts for roles that may not see personal data', async () => {
    const e = await create(admin, { contacts: [{ name: '李四', mobile: '13900001111', email: 'li@example.cn' }] });
    for (const role of ['leader', 'property'] as const) {
      const d = (await (await login(h.app, t.users[role].username)).get(`/api/enterprises/${e.id}`)).json();
      expect(d.personalDataMasked, role).toBe(true);
      expect(d.contacts[0].mobile, role).toBe('139****1111');
      expect(d.contacts[0].email, role).not.toBe('li@example.cn');
    }
    const inv = (await (await login(h.app, t.users.investment.username)).get(`/api/enterprises/${e.id}`)).json();
    expect(inv.contacts[0].mobile).toBe('13900001111');
  });

  it('a service officer sees the companies assigned to them, unmasked, and nothing else', async () => {
    const mine = await create(admin, {
      assignedOfficerId: t.users.service.id,
      contacts: [{ name: '赵', mobile: '13700002222' }],
    });
    const notMine = await create(admin);
    const svc = await login(h.app, t.users.service.username);
    const list = (await svc.get('/api/enterprises?pageSize=200')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await svc.get(`/api/enterprises/${mine.id}`)).json().contacts[0].mobile).toBe('13700002222');
    expect((await svc.get(`/api/enterprises/${notMine.id}`)).statusCode).toBe(404);
    expect((await svc.patch(`/api/enterprises/${notMine.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await svc.patch(`/api/enterprises/${mine.id}`, { version: 1, park: '一期' })).json().park).toBe('一期');
  });

  it('an enterprise user sees and edits only its own company; a department handler sees none', async () => {
    const own = await create(admin);
    const foreign = await create(admin);
    const u = (await admin.get(`/api/users/${t.users.enterprise.id}`)).json();
    await admin.patch(`/api/users/${u.id}`, { version: u.version, enterpriseId: own.id });
    const ent = await login(h.app, t.users.enterprise.username);
    expect((await ent.get('/api/enterprises')).json().items.map((x: { id: string }) => x.id)).toEqual([own.id]);
    expect((await ent.get(`/api/enterprises/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await ent.patch(`/api/enterprises/${own.id}`, { version: own.version, website: 'https://own.example.cn' }))
        .statusCode,
    ).toBe(200);
    expect((await ent.post('/api/enterprises', { uscc: makeUscc(9999), name: 'x' })).statusCode).toBe(403);
    expect((await ent.delete(`/api/enterprises/${own.id}`)).statusCode).toBe(403);
    const dept = await login(h.app, t.users.department.username);
    expect((await dept.get('/api/enterprises')).statusCode).toBe(403);
    expect((await dept.get(`/api/enterprises/${own.id}`)).statusCode).toBe(403);
  });

  it("another tenant can neither see nor change this tenant's companies", async () => {
    const e = await create(admin);
    const b = await login(h.app, other.users.admin.username);
    expect((await b.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/enterprises/${e.id}`, { version: 1, name: 'hacked' })).statusCode).toBe(404);
    expect((await b.delete(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await b.get('/api/enterprises?pageSize=200')).json().items.map((x: { id: string }) => x.id)).not.toContain(
      e.id,
    );
    expect((await admin.get(`/api/enterprises/${e.id}`)).json().name).toBe(e.name);
  });

  it('for every role, the list shows exactly the companies whose record it may open', async () => {
    const all = await h.database.db.selectFrom('enterprises').select('id').execute();
    for (const role of ['admin', 'leader', 'investment', 'service', 'property', 'enterprise'] as const) {
      const c = await login(h.app, t.users[role].username);
      const listed = (await c.get('/api/enterprises?pageSize=200'))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
      const openable: string[] = [];
      for (const { id } of all) if ((await c.get(`/api/enterprises/${id}`)).statusCode === 200) openable.push(id);
      expect(listed, role).toEqual(openable.sort());
    }
  });

  it('filters by chain node (with its children), industry group, qualification, tag, park and size', async () => {
    const a = await create(admin, {
      chainNodeCodes: ['cro_clinical'],
      industryCode: '7340',
      tags: ['临床'],
      park: 'F园',
      size: 'small',
    });
    const b = await create(admin, {
      chainNodeCodes: ['cdmo'],
      industryCode: '2762',
      qualifications: [{ code: 'specialized' }],
      park: 'F园',
      size: 'medium',
    });
    const ids = async (qs: string) =>
      (await admin.get(`/api/enterprises?pageSize=200&${qs}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('chainNode=cro')).toContain(a.id);
    expect(await ids('chainNode=cro')).not.toContain(b.id);
    expect(await ids('industryCode=27')).toEqual([b.id]);
    expect(await ids('qualification=specialized')).toEqual([b.id]);
    expect(await ids('tag=%E4%B8%B4%E5%BA%8A')).toEqual([a.id]);
    expect(await ids('park=F%E5%9B%AD&size=small')).toEqual([a.id]);
  });

  it('pages by keyset cursor without gaps or repeats, in both directions of a sort', async () => {
    for (let i = 0; i < 23; i++) await create(admin, { park: 'K园' });
    for (const sort of ['name', '-createdAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `park=K%E5%9B%AD&pageSize=10&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await admin.get(`/api/enterprises?${qs}`)).json();
        expect(page.total).toBe(23);
        seen.push(...page.items.map((x: { id: string }) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
      const byOffset = (await admin.get(`/api/enterprises?park=K%E5%9B%AD&pageSize=200&sort=${sort}`))
        .json()
        .items.map((x: { id: string }) => x.id);
      expect(seen).toEqual(byOffset);
    }
    expect((await admin.get('/api/enterprises?cursor=garbage')).statusCode).toBe(400);
  });

  it('searches by two Chinese characters, an acronym or a USCC, name hits first, within filters and scope', async () => {
    const byName = await create(admin, { name: '苏州疫苗研究院有限公司', park: 'S园', businessScope: '生物制品研发' });
    const byScope = await create(admin, {
      name: '苏州安诺生物有限公司',
      park: 'S园',
      businessScope: '疫苗、CDMO 服务',
      assignedOfficerId: t.users.service.id,
    });
    await create(admin, { name: '苏州其他公司', park: 'T园', businessScope: '疫苗冷链' });
    const ids = async (c: Client, qs: string) => (await c.get(`/api/enterprises?${qs}`)).json();
    const vaccine = await ids(admin, `q=${encodeURIComponent('疫苗')}&park=${encodeURIComponent('S园')}`);
    expect(vaccine.items.map((x: { id: string }) => x.id)).toEqual([byName.id, byScope.id]);
    expect(vaccine).toMatchObject({ total: 2, totalCapped: false, nextCursor: null });
    expect((await ids(admin, 'q=cdmo&park=S%E5%9B%AD')).items.map((x: { id: string }) => x.id)).toEqual([byScope.id]);
    expect((await ids(admin, `q=${byName.uscc}`)).items.map((x: { id: string }) => x.id)).toEqual([byName.id]);
    // A service officer's search stays inside their assigned companies.
    const svc = await login(h.app, t.users.service.username);
    expect((await ids(svc, `q=${encodeURIComponent('疫苗')}`)).items.map((x: { id: string }) => x.id)).toEqual([
      byScope.id,
    ]);
    // Edits reach the index in the same transaction.
    await admin.patch(`/api/enterprises/${byScope.id}`, { version: byScope.version, businessScope: '细胞治疗' });
    expect((await ids(admin, `q=${encodeURIComponent('疫苗')}&park=${encodeURIComponent('S园')}`)).items).toHaveLength(
      1,
    );
  });

  it('updates under the optimistic lock, replaces child sets, and deletes', async () => {
    const e = await create(admin, { tags: ['a', 'b'] });
    const up = await admin.patch(`/api/enterprises/${e.id}`, { version: 1, tags: ['c'] });
    expect(up.json()).toMatchObject({ tags: ['c'], version: 2 });
    expect((await admin.patch(`/api/enterprises/${e.id}`, { version: 1, tags: ['d'] })).statusCode).toBe(409);
    expect((await admin.delete(`/api/enterprises/${e.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    const actions = (await admin.get(`/api/audit?entityId=${e.id}&outcome=ok`))
      .json()
      .items.map((x: { action: string }) => x.action);
    expect(actions).toEqual(['delete', 'update', 'create']);
  });
});
