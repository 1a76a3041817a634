import { expect, NEW_PASSWORD, PLATFORM_OPERATOR, signIn, submitLogin, test, unique } from '../fixtures.js';

test('the platform operator opens a tenant whose first admin can sign in, then disables it', async ({
  page,
  browser,
  baseURL,
}) => {
  const slug = unique('zone-');
  const name = `测试园区${slug.slice(-4)}`;
  const adminUsername = unique('zoneadmin');

  await signIn(page, PLATFORM_OPERATOR);
  const nav = page.getByTestId('side-nav');
  await expect(nav.getByText('租户')).toBeVisible();
  await expect(nav.getByText('系统管理')).toHaveCount(0);
  await nav.getByText('租户').click();

  await page.getByRole('button', { name: '新建租户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('标识').fill(slug);
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('首个管理员用户名').fill(adminUsername);
  await dialog.getByLabel('首个管理员密码').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(slug) });
  await expect(row).toContainText(name);

  const theirs = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const adminPage = await theirs.newPage();
  await signIn(adminPage, adminUsername, NEW_PASSWORD);
  await expect(adminPage.getByTestId('tenant-name')).toHaveText(name);
  await adminPage.getByTestId('side-nav').getByText('用户').click();
  await expect(adminPage).toHaveURL(/\/admin\/users/);
  const table = adminPage.locator('.ant-table');
  await expect(table.getByRole('row', { name: new RegExp(adminUsername) })).toBeVisible();
  // The demo tenant's users stay out of sight.
  await expect(table.getByRole('row', { name: /investment/ })).toHaveCount(0);

  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
  await expect(row).toContainText('已停用');

  await adminPage.goto('/');
  await expect(adminPage).toHaveURL(/\/login$/);
  await submitLogin(adminPage, adminUsername, NEW_PASSWORD);
  await expect(adminPage.getByTestId('login-notice')).toContainText('停用');
  await theirs.close();
});
