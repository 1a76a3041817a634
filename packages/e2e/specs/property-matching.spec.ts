import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, openFromNav, signIn, test, unique } from '../fixtures.js';

/** A demo user over the JSON API. */
async function apiAs(baseURL: string, username: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (url: string, data: unknown) => {
    const res = await ctx.post(url, { data, headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.ok(), await res.text()).toBe(true);
    return (await res.json()) as { id: string };
  };
}

/**
 * Issue 6's "done when", the officer's half: a CDMO's lead needs 3,000 m² of GMP plant with lab exhaust; on the lead's
 * page the officer finds the fitting units, best first with why, holds the right one, and the building's rent-control
 * table shows it 意向.
 */
test.describe('finding and holding GMP space for a lead', () => {
  const tag = unique('sp');
  const company = `苏州${tag}生物药 CDMO 有限公司`;
  const building = `GMP 厂房 ${tag}`;
  let leadId = '';
  let buildingId = '';

  test.beforeAll(async ({ baseURL }) => {
    const pm = await apiAs(baseURL ?? '', 'property');
    const park = await pm('/api/parks', { name: `生物医药产业园 ${tag}` });
    buildingId = (await pm('/api/buildings', { parkId: park.id, name: building, floorCount: 2 })).id;
    const floor = await pm('/api/floors', { buildingId, number: 1 });
    const gmp = { floorId: floor.id, type: 'gmp', gmpReady: true };
    await pm('/api/units', { ...gmp, code: `${tag}-101`, area: 3000, exhaust: true, monthlyRentPerSqm: 58 });
    await pm('/api/units', { ...gmp, code: `${tag}-102`, area: 3400, exhaust: true, monthlyRentPerSqm: 52 });
    await pm('/api/units', { ...gmp, code: `${tag}-103`, area: 3000, exhaust: false });
    const officer = await apiAs(baseURL ?? '', 'investment');
    leadId = (
      await officer('/api/leads', {
        companyName: company,
        sourceChannel: 'industry',
        spaceUnitType: 'gmp',
        spaceArea: 3000,
        spaceRequirements: ['gmp_ready', 'lab_exhaust'],
      })
    ).id;
  });

  test('the officer finds the fitting units on the lead’s page and holds the best one', async ({ page }) => {
    await signIn(page, 'investment');
    await page.goto(`/leads/${leadId}`);
    await page.getByRole('tab', { name: '载体匹配' }).click();
    const matches = page.getByTestId('lead-space-match').filter({ hasText: building });
    // The one without lab exhaust does not fit; the exact area comes first.
    await expect(matches).toHaveCount(2);
    await expect(matches.first()).toContainText(`${tag}-101`);
    await expect(matches.first()).toContainText('面积 3,000㎡（需求 3,000㎡，0%）');
    await expect(matches.first()).toContainText('具备：实验室排风');
    await expect(matches.nth(1)).toContainText(`${tag}-102`);
    // Land it could build on instead: the demo's idle parcels, with the floor area each can hold.
    await expect(page.getByTestId('lead-space-parcel').first()).toContainText('按容积率 1–2 可建');
    await page.getByTestId(`lead-space-reserve-${tag}-101`).click();
    await expect(page.getByText(`已保留意向：${tag}-101`)).toBeVisible();
    await expect(page.getByTestId('lead-space-held')).toContainText(`${tag}-101`);
    await expect(page.getByTestId('lead-space-held')).toContainText('意向');

    // The building's rent-control table shows the unit held.
    await page.goto(`/property/buildings/${buildingId}`);
    await expect(page.getByTestId(`unit-${tag}-101`)).toHaveAttribute('data-status', 'reserved');
    await expect(page.getByTestId(`unit-${tag}-102`)).toHaveAttribute('data-status', 'vacant');
  });

  test('a caller asks for 3,000 m² of GMP plant with lab exhaust: 找载体 answers with the units and the land', async ({
    page,
  }) => {
    await signIn(page, 'investment');
    await openFromNav(page, '载体', '找载体', /\/property\/find/);
    const form = page.getByTestId('find-space-form');
    await expect(async () => {
      await form.getByRole('combobox', { name: '类型' }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'GMP厂房' }).click({
        timeout: 2_000,
      });
      await expect(form.getByRole('combobox', { name: '类型' }).locator('..')).toContainText('GMP厂房', {
        timeout: 2_000,
      });
    }).toPass({ timeout: 15_000 });
    await form.getByTestId('find-space-area').fill('3000');
    await form.getByRole('checkbox', { name: 'GMP 条件' }).check();
    await form.getByRole('checkbox', { name: '实验室排风' }).check();
    await page.getByTestId('find-space-submit').click();

    // The unit without exhaust does not fit; the one held for the lead comes after the free one.
    await expect(page).toHaveURL(/area=3000/);
    const matches = page.getByTestId('lead-space-match').filter({ hasText: building });
    await expect(matches).toHaveCount(2);
    await expect(matches.first()).toContainText(`${tag}-102`);
    await expect(matches.nth(1)).toContainText(`${tag}-101`);
    await expect(matches.nth(1)).toContainText('保留意向');
    await expect(page.getByTestId('lead-space-parcel').first()).toContainText('可建');
    // The answer is a link: reloaded, it is the same.
    await page.reload();
    await expect(page.getByTestId('lead-space-match').filter({ hasText: building })).toHaveCount(2);
  });
});
