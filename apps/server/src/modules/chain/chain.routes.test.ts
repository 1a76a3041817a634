import { CHAIN_TEMPLATE, flattenChain } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

describe(`industry chain tree (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let admin: Client;
  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'ch', h.clock.now());
    admin = await login(h.app, t.users.admin.username);
  });
  afterAll(async () => h.close());

  const nodes = async (c: Client = admin) =>
    (await c.get('/api/chain-nodes')).json().items as {
      id: string;
      code: string;
      parentId: string | null;
      version: number;
    }[];

  it('every new tenant starts with the default biotech-services chain', async () => {
    const items = await nodes();
    expect(items.map((n) => n.code).sort()).toEqual(
      flattenChain(CHAIN_TEMPLATE)
        .map((n) => n.code)
        .sort(),
    );
    const cro = items.find((n) => n.code === 'cro')!;
    expect(
      items
        .filter((n) => n.parentId === cro.id)
        .map((n) => n.code)
        .sort(),
    ).toEqual(['cro_clinical', 'cro_discovery', 'cro_preclinical']);
    // Every role reads the map.
    expect((await (await login(h.app, t.users.enterprise.username)).get('/api/chain-nodes')).statusCode).toBe(200);
  });

  it('the admin adds, renames and moves nodes; a node cannot move under itself', async () => {
    const cro = (await nodes()).find((n) => n.code === 'cro')!;
    const res = await admin.post('/api/chain-nodes', {
      code: 'cro_pk',
      nameZh: '药代动力学',
      nameEn: 'PK/PD',
      segment: 'midstream',
      parentId: cro.id,
    });
    expect(res.statusCode).toBe(201);
    const child = res.json();
    const cycle = await admin.patch(`/api/chain-nodes/${cro.id}`, { version: cro.version, parentId: child.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].field).toBe('parentId');
    const renamed = await admin.patch(`/api/chain-nodes/${child.id}`, { version: 1, nameZh: 'PK/PD 研究' });
    expect(renamed.json()).toMatchObject({ nameZh: 'PK/PD 研究', version: 2 });
    expect(
      (
        await (
          await login(h.app, t.users.investment.username)
        ).post('/api/chain-nodes', { code: 'x_y', nameZh: 'x', nameEn: 'x', segment: 'upstream' })
      ).statusCode,
    ).toBe(403);
  });

  it('a node with children or companies cannot be deleted; an unused leaf can', async () => {
    const all = await nodes();
    const cro = all.find((n) => n.code === 'cro')!;
    const refused = await admin.delete(`/api/chain-nodes/${cro.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('该节点下还有子节点。');
    const leaf = all.find((n) => n.code === 'cro_pk')!;
    expect((await admin.delete(`/api/chain-nodes/${leaf.id}`)).statusCode).toBe(204);
    expect((await nodes()).map((n) => n.code)).not.toContain('cro_pk');
  });
});
