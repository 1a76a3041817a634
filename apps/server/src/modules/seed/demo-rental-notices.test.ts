import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DB_KIND, login, TEST_PASSWORD, type TestHarness } from '../../test/helper.js';
import { DEMO_RENTAL_NOTICES } from './demo-rental-notices.js';
import { seedDemo } from './demo.js';

/** The demo's rental notices offer units that are really free, so the portal feed shows both published ones. */
describe(`demo rental notices (${DB_KIND})`, () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await buildTestApp();
    await seedDemo(h.database, { password: TEST_PASSWORD, scryptCost: 1024, now: h.clock.now() });
  });
  afterAll(async () => h?.close());

  it('has two published notices and a draft, over vacant units, and feeds the published ones', async () => {
    const pm = await login(h.app, 'property');
    const all = (await pm.get('/api/rental-notices')).json();
    expect(all.total).toBe(DEMO_RENTAL_NOTICES);
    expect(all.items.map((n: { status: string }) => n.status).sort()).toEqual(['draft', 'published', 'published']);
    for (const n of all.items) {
      expect(n.available, n.title).toBe(true);
      expect(n.title).toMatch(/^\S+ .*\d+层 .+㎡ 招租$/);
    }
    const lab = all.items.find((n: { units: { type: string }[] }) => n.units[0]!.type === 'lab');
    expect(lab.units).toHaveLength(2);
    const feed = (await pm.get('/api/rental-notices/published')).json();
    expect(feed.total).toBe(2);
    expect(feed.items.every((n: { publishedAt: string | null }) => n.publishedAt !== null)).toBe(true);
  });
});
