import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import {
  DEMO_GRADUATED,
  DEMO_INCUBATEES,
  DEMO_INCUBATOR_BUILDING,
  DEMO_INCUBATOR_UNITS,
  DEMO_LEFT,
} from './demo-incubator.js';
import { DEMO_PARCELS, DEMO_PROPERTY_UNITS } from './demo-property.js';
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

  it('has a park of four buildings (and the incubator) with about 200 units, over half leased, and 30 parcels', async () => {
    const pm = await login(h.app, 'property');
    const buildings = (await pm.get('/api/buildings')).json();
    // The four of the property demo, and the incubator's.
    expect(buildings.items).toHaveLength(5);
    const units = (await pm.get('/api/units?pageSize=1')).json();
    expect(units.total).toBe(DEMO_PROPERTY_UNITS + DEMO_INCUBATOR_UNITS);
    const leased = (await pm.get('/api/units?status=leased&pageSize=1')).json();
    expect(leased.total).toBeGreaterThan(DEMO_PROPERTY_UNITS / 2);
    expect(leased.total).toBeLessThan(DEMO_PROPERTY_UNITS * 0.7);
    const gmp = (await pm.get('/api/units?type=gmp&gmpReady=true&pageSize=1')).json();
    expect(gmp.total).toBeGreaterThan(10);
    const parcels = (await pm.get('/api/parcels?pageSize=50')).json();
    expect(parcels.total).toBe(DEMO_PARCELS);
    expect(parcels.items.every((p: { outline: { type: string } | null }) => p.outline?.type === 'Polygon')).toBe(true);
    const active = (await pm.get('/api/leases?status=active&pageSize=200')).json();
    const soon = new Date(h.clock.now().getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(active.items.some((l: { endsOn: string }) => l.endsOn <= soon)).toBe(true);
  });

  it('has an incubator of 20 small companies: most incubating, 3 graduated into leased units of their own, 2 left', async () => {
    const pm = await login(h.app, 'property');
    const all = (await pm.get('/api/incubatees?pageSize=50')).json();
    expect(all.total).toBe(DEMO_INCUBATEES);
    const by = (status: string) => all.items.filter((i: { status: string }) => i.status === status);
    expect(by('incubating')).toHaveLength(DEMO_INCUBATEES - DEMO_GRADUATED - DEMO_LEFT);
    expect(by('left')).toHaveLength(DEMO_LEFT);
    expect(by('left').every((i: { leftReason: string | null }) => i.leftReason)).toBe(true);
    expect(
      by('incubating').every(
        (i: { unit: { buildingName: string } | null }) => i.unit?.buildingName === DEMO_INCUBATOR_BUILDING,
      ),
    ).toBe(true);
    const graduates = by('graduated');
    expect(graduates).toHaveLength(DEMO_GRADUATED);
    for (const g of graduates) {
      const lease = (await pm.get(`/api/leases/${g.graduationLeaseId}`)).json();
      expect(lease.enterprise.id).toBe(g.enterprise.id);
      expect(lease.status).toBe('active');
      expect(lease.units.map((u: { id: string }) => u.id)).toEqual([g.graduationUnit.id]);
      // No other lease of the unit overlaps the graduate's.
      expect((await pm.get(`/api/leases?unitId=${g.graduationUnit.id}`)).json().total).toBe(1);
      expect((await pm.get(`/api/units/${g.graduationUnit.id}`)).json().status).toBe('leased');
    }
    expect(new Set(all.items.map((i: { enterprise: { id: string } }) => i.enterprise.id)).size).toBe(DEMO_INCUBATEES);
  });

  it('does nothing the second time', async () => {
    const again = await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
    expect(again.created).toBe(false);
  });
});
