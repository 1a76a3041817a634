import { chooseOption, expect, NEW_PASSWORD, pickFromMenu, signIn, test, unique } from '../fixtures.js';

test.describe('user administration', () => {
  test.describe.configure({ mode: 'serial' });

  const username = unique('e2euser');
  const displayName = `测试${username.slice(-4)}`;

  test('the admin creates a user who can then sign in, and disabling them ends their session', async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, 'admin');
    await page.getByTestId('side-nav').getByText('用户').click();
    await expect(page).toHaveURL(/\/admin\/users/);

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(displayName);
    await chooseOption(page, '角色', '招商专员');
    await chooseOption(page, '部门', '经济科技局');
    await dialog.getByLabel('初始密码').fill(NEW_PASSWORD);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row', { name: new RegExp(username) });
    await expect(row).toContainText(displayName);
    await expect(row).toContainText('招商专员');
    await expect(row).toContainText('经济科技局');

    // The new user, in a browser of their own.
    const theirs = await browser.newContext({ baseURL, locale: 'zh-CN' });
    const userPage = await theirs.newPage();
    await signIn(userPage, username, NEW_PASSWORD);
    await expect(userPage.getByTestId('welcome')).toContainText(displayName);

    // The admin disables them …
    await pickFromMenu(page, row.getByTestId(`user-actions-${username}`), '停用');
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');

    // … and their open session is refused on their next navigation.
    await userPage.goto('/');
    await expect(userPage).toHaveURL(/\/login$/);
    await userPage.locator('#username').fill(username);
    await userPage.locator('#password').fill(NEW_PASSWORD);
    await userPage.locator('button[type=submit]').click();
    await expect(userPage.getByTestId('login-notice')).toContainText('停用');
    await theirs.close();
  });

  test('the audit log shows the user creation', async ({ page, adminApi }) => {
    const user = await adminApi.findUser(username);
    await signIn(page, 'admin');
    await page.getByTestId('side-nav').getByText('审计日志').click();
    await expect(page).toHaveURL(/\/admin\/audit/);

    await page.getByLabel('对象 ID').fill(user.id);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`entityId=${user.id}`));

    const creation = page.getByRole('row', { name: /create/i }).first();
    await expect(creation).toContainText('admin');
    await expect(creation).toContainText('成功');
    await creation.getByRole('button', { name: /展开|expand/i }).click();
    await expect(page.locator('pre', { hasText: username }).first()).toBeVisible();
  });
});

test('the admin keeps departments and need-category deadlines', async ({ page }) => {
  const code = unique('dept_').replace(/[^a-z0-9_]/g, '');
  await signIn(page, 'admin');
  await page.getByTestId('side-nav').getByText('部门').click();
  await expect(page).toHaveURL(/\/admin\/departments/);

  await page.getByRole('button', { name: '新建部门' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('编码').fill(code);
  await dialog.getByLabel('中文名称').fill('测试局');
  await dialog.getByLabel('英文名称').fill('Test Bureau');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('测试局');

  await row.getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('中文名称').fill('测试分局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('测试分局');

  await row.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toHaveCount(0);

  await page.getByTestId('side-nav').getByText('字典').click();
  const funding = page.getByRole('row', { name: /funding/ });
  await funding.getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('办理时限（工作日）').fill('12');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(funding.getByRole('cell', { name: '12', exact: true })).toBeVisible();

  // The shared dictionaries are there, with both labels.
  await page.getByRole('tab', { name: '项目阶段' }).click();
  await expect(page.getByRole('row', { name: /negotiating/ })).toContainText('考察洽谈');
  await expect(page.getByRole('row', { name: /negotiating/ })).toContainText('Visiting / negotiating');
});

test('the admin edits a user, unlocks them and resets their password', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  const user = await adminApi.createUser({ username: unique('edit'), displayName: '待编辑', role: 'service' });
  // Five wrong passwords lock the account.
  const stranger = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 5; i += 1) {
    await stranger.post('/api/auth/login', { data: { username: user.username, password: `Wrong-pass-${i}` } });
  }
  await stranger.dispose();

  await signIn(page, 'admin');
  await page.goto(`/admin/users?q=${user.username}`);
  const row = page.locator('.ant-table').getByRole('row', { name: new RegExp(user.username) });
  await expect(row).toContainText('已锁定');

  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('已编辑');
  await chooseOption(page, '角色', '职能部门经办人');
  await chooseOption(page, '部门', '财政局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已编辑');
  await expect(row).toContainText('职能部门经办人');
  await expect(row).toContainText('财政局');

  await pickFromMenu(page, row.getByTestId(`user-actions-${user.username}`), '解除锁定');
  await expect(row).toContainText('正常');

  await pickFromMenu(page, row.getByTestId(`user-actions-${user.username}`), '重置密码');
  const reset = page.getByRole('dialog');
  await reset.getByLabel('新密码').fill('short');
  await reset.getByRole('button', { name: '保存' }).click();
  await expect(reset).toContainText('至少 8 位');
  await reset.getByLabel('新密码').fill('Reset-Passw0rd!');
  await reset.getByRole('button', { name: '保存' }).click();
  await expect(reset).toBeHidden();

  const theirs = await page.context().browser()!.newContext({ baseURL, locale: 'zh-CN' });
  const userPage = await theirs.newPage();
  await signIn(userPage, user.username, 'Reset-Passw0rd!');
  await expect(userPage.getByTestId('welcome')).toContainText('已编辑');
  await theirs.close();
});
