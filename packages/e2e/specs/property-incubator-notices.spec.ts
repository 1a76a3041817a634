import type { Locator, Page } from '@playwright/test';
import { chooseOption, expect, openFromNav, signIn, test } from '../fixtures.js';

/** Picks `option` of an antd multiple Select until the field shows it: an option clicked while the list renders is lost. */
async function pickUnit(page: Page, field: Locator, option: RegExp): Promise<string> {
  let picked = '';
  await expect(async () => {
    if (!picked || !((await field.textContent()) ?? '').includes(picked)) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await field.click();
      const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
      picked = ((await choice.first().textContent({ timeout: 2_000 })) ?? '').split(' · ')[0]!.trim();
      await choice.first().click({ timeout: 2_000 });
    }
    await expect(field).toContainText(`${picked} ·`, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  return picked;
}

test.describe('property: rental notices and the incubator', () => {
  test('a property manager offers a vacant unit from the 租控表 in a notice and publishes it', async ({ page }) => {
    await signIn(page, 'property');
    await openFromNav(page, '载体', '楼宇与租控', /\/property$/);
    await page.getByRole('link', { name: 'B 栋 研发实验楼' }).click();
    await expect(page).toHaveURL(/\/property\/buildings\/[^/]+$/);

    // The first vacant cell of the table: its drawer offers it in a new notice, the text written from the unit.
    const cell = page.locator('[data-testid^="unit-"][data-status="vacant"]').first();
    const code = ((await cell.getAttribute('data-testid')) ?? '').replace(/^unit-/, '');
    await cell.click();
    await page.getByTestId('unit-offer').click();
    const drawer = page.getByRole('dialog', { name: '发布招租' });
    await expect(drawer.getByTestId('notice-units')).toContainText(code);
    await expect(drawer.getByTestId('notice-title')).toHaveValue(/招租/);
    await expect(drawer.getByTestId('notice-body')).not.toHaveValue('');
    const title = await drawer.getByTestId('notice-title').inputValue();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('公告已保存')).toBeVisible();

    // Saved as a draft: the notices page shows it, and publishing it puts it on the portal's list.
    await expect(page).toHaveURL(/\/property\/notices/);
    const row = page.getByTestId('notices-table').locator('tr', { hasText: title }).first();
    await expect(row.getByTestId('notice-status-draft')).toBeVisible();
    await row.getByRole('button', { name: title }).click();
    const panel = page.getByTestId('notice-panel');
    await expect(panel).toContainText(code);
    await panel.getByTestId('notice-publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' }).click();
    await expect(page.getByText('已发布', { exact: true }).first()).toBeVisible();
    await expect(panel.getByTestId('notice-status')).toHaveText('已发布');
    const feed = await page.request.get('/api/rental-notices/published?pageSize=100');
    expect(feed.ok()).toBe(true);
    const titles = ((await feed.json()) as { items: { title: string }[] }).items.map((n) => n.title);
    expect(titles).toContain(title);
  });

  test('a company graduates from the incubator into a unit of its own, which then reads leased', async ({ page }) => {
    await signIn(page, 'property');
    await openFromNav(page, '载体', '孵化器', /\/property\/incubator/);
    const row = page
      .getByTestId('incubatees-table')
      .locator('tr', { has: page.getByTestId('incubatee-status-incubating') })
      .first();
    const company = ((await row.locator('td').first().textContent()) ?? '').trim();
    expect(company).not.toBe('');
    await row.getByRole('button', { name: '毕业' }).click();

    const modal = page.getByRole('dialog');
    await chooseOption(page, '楼宇', 'A 栋 研发办公楼');
    const unit = await pickUnit(page, modal.getByTestId('graduate-units'), /空置/);
    await modal.getByLabel('月租金（元）').fill('8800');
    await modal.getByRole('button', { name: '毕业' }).click();
    await expect(page.getByText('已办理毕业并签订租约')).toBeVisible();
    await expect(modal).toBeHidden();

    // The company is 已毕业, and its new lease covers the unit from today.
    const graduated = page.getByTestId('incubatees-table').locator('tr', { hasText: company }).first();
    await expect(graduated.getByTestId('incubatee-status-graduated')).toBeVisible();
    await openFromNav(page, '载体', '租赁', /\/property\/leases/);
    await page.getByRole('searchbox').fill(company);
    await page.getByRole('button', { name: '查询' }).click();
    const lease = page.getByTestId('leases-table').locator('tr', { hasText: `A 栋 研发办公楼 ${unit}` });
    await expect(lease).toContainText('履行中');
    await expect(lease).toContainText('¥8,800');
  });
});
