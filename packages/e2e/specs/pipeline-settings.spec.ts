import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.js';

/** The admin sets the approval threshold and the follow-up rules; other roles do not get the page. */
test('an admin changes the approval threshold and follow-up rules, which stay after a reload', async ({ page }) => {
  const threshold = page.getByLabel('领导审批线（计划投资）');
  const save = async (wan: string, staleDays: string) => {
    await threshold.fill(wan);
    await page.getByLabel('在推项目至少每几天跟进一次').fill(staleDays);
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await expect(page.getByText('已保存')).toBeVisible();
  };
  await signIn(page, 'admin');
  await page.getByTestId('side-nav').getByText('招商设置').click();
  await expect(page).toHaveURL(/\/admin\/pipeline$/);
  await expect(threshold).toHaveValue('10000');
  await expect(page.getByLabel('新线索须在几天内首次联系')).toHaveValue('1');
  try {
    await save('20000', '10');
    await page.reload();
    await expect(threshold).toHaveValue('20000');
    await expect(page.getByLabel('在推项目至少每几天跟进一次')).toHaveValue('10');
  } finally {
    // The other specs work with the default 1亿.
    await save('10000', '14');
  }
  await expect(threshold).toHaveValue('10000');
});

test('an investment officer has no settings page', async ({ page }: { page: Page }) => {
  await signIn(page, 'investment');
  await expect(page.getByTestId('side-nav').getByText('系统管理')).toHaveCount(0);
  await page.goto('/admin/pipeline');
  await expect(page.getByLabel('领导审批线（计划投资）')).toHaveCount(0);
});
