import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import { DEMO_ENTERPRISES, seedDemo } from './demo.js';

let h: TestHarness;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  h = await buildTestApp();
  seeded = await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
});
afterAll(() => h.close());

interface ListBody {
  items: { id: string; name: string; chainNodes: string[]; assignedOfficer: { displayName: string } | null }[];
  total: number;
  totalCapped: boolean;
}

describe('demo tenant', () => {
  it('holds the generated registry beside the enterprise user’s own company, searchable at once', async () => {
    expect(seeded.created).toBe(true);
    const admin = await login(h.app, 'admin');
    const all = (await admin.get('/api/enterprises?pageSize=200')).json<ListBody>();
    expect(all.total).toBe(DEMO_ENTERPRISES + 1);
    expect(new Set(all.items.flatMap((e) => e.chainNodes)).size).toBeGreaterThan(8);

    const own = (await admin.get(`/api/enterprises?q=${encodeURIComponent('开门示范')}`)).json<ListBody>();
    expect(own.items.map((e) => e.name)).toEqual(['开门示范生物科技有限公司']);
    for (const term of ['生物', '疫苗', 'CRO', 'CDMO']) {
      const found = (await admin.get(`/api/enterprises?q=${encodeURIComponent(term)}`)).json<ListBody>();
      expect(found.total, term).toBeGreaterThan(0);
    }
  });

  it('gives companies contacts, figures and qualifications', async () => {
    const admin = await login(h.app, 'admin');
    const list = (await admin.get('/api/enterprises?pageSize=50')).json<ListBody>();
    const details = await Promise.all(
      list.items.map(async (e) => (await admin.get(`/api/enterprises/${e.id}`)).json()),
    );
    expect(details.every((d) => d.contacts.length >= 1 || d.name === '开门示范生物科技有限公司')).toBe(true);
    expect(details.some((d) => d.figures.length === 3)).toBe(true);
    expect(details.some((d) => d.qualificationDetails.some((q: { obtainedOn: string }) => q.obtainedOn))).toBe(true);
  });

  it('assigns some companies to the demo service officer, who sees only those', async () => {
    const service = await login(h.app, 'service');
    const mine = (await service.get('/api/enterprises?pageSize=200')).json<ListBody>();
    // One in fifty of the generated companies, and the demo company of the enterprise user.
    expect(mine.total).toBe(DEMO_ENTERPRISES / 50 + 1);
    expect(mine.items.every((e) => e.assignedOfficer?.displayName === '陈服务')).toBe(true);
  });

  it('does nothing the second time', async () => {
    const again = await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
    expect(again.created).toBe(false);
  });
});
