import { expect, fillOtp, NEW_PASSWORD, pickFromMenu, signIn, submitLogin, test, unique } from '../fixtures.js';
import { totpCode } from '../totp.js';

test('a user turns on TOTP and then signs in with a code', async ({ page, adminApi }) => {
  const user = await adminApi.createUser({ username: unique('totp'), displayName: '动态码测试', role: 'service' });
  await signIn(page, user.username, NEW_PASSWORD);

  await pickFromMenu(page, page.getByTestId('user-menu'), '绑定身份验证器');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('totp-qr')).toBeVisible();
  const secret = (await dialog.getByTestId('totp-secret').innerText()).trim();
  await fillOtp(dialog, totpCode(secret));
  await dialog.getByRole('button', { name: '验证并启用' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: '停用动态验证码' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-dropdown:visible')).toHaveCount(0);
  await pickFromMenu(page, page.getByTestId('user-menu'), '退出登录');
  await expect(page).toHaveURL(/\/login$/);

  // The password alone now asks for the code; a wrong code is refused, the next step's code is taken.
  await submitLogin(page, user.username, NEW_PASSWORD);
  await expect(page.getByTestId('login-notice')).toContainText('动态验证码');
  await fillOtp(page, totpCode(secret, 10));
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('login-notice')).toContainText('错误');
  await expect(page.getByRole('textbox', { name: 'OTP Input 1' })).toHaveValue('');

  await fillOtp(page, totpCode(secret, 1));
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('welcome')).toContainText('动态码测试');
});

test.describe('a role that requires TOTP', () => {
  test.afterEach(async ({ adminApi }) => {
    await adminApi.setTotpRequiredRoles([]);
  });

  test('makes its users enrol before anything else', async ({ page, browser, baseURL, adminApi }) => {
    const user = await adminApi.createUser({ username: unique('leader'), displayName: '须绑定测试', role: 'leader' });

    await signIn(page, 'admin');
    await page.getByTestId('side-nav').getByText('安全设置').click();
    await page.getByRole('checkbox', { name: '领导' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存')).toBeVisible();

    const theirs = await browser.newContext({ baseURL, locale: 'zh-CN' });
    const leaderPage = await theirs.newPage();
    await submitLogin(leaderPage, user.username, NEW_PASSWORD);
    await expect(leaderPage).toHaveURL(/\/enrol-totp$/);
    await leaderPage.goto('/admin/audit');
    await expect(leaderPage).toHaveURL(/\/enrol-totp$/);

    const secret = (await leaderPage.getByTestId('totp-secret').innerText()).trim();
    await fillOtp(leaderPage, totpCode(secret));
    await leaderPage.getByRole('button', { name: '验证并启用' }).click();
    await expect(leaderPage.getByTestId('welcome')).toContainText('须绑定测试');
    // A leader may read the audit log, and nothing else of the admin screens.
    await expect(leaderPage.getByTestId('side-nav').getByText('审计日志')).toBeVisible();
    await expect(leaderPage.getByTestId('side-nav').getByText('用户')).toHaveCount(0);
    await theirs.close();
  });
});
