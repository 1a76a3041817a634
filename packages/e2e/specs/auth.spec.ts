import { expect, NEW_PASSWORD, pickFromMenu, signIn, submitLogin, test, unique } from '../fixtures.js';

test.describe('signing in and out', () => {
  test('signs in in Chinese and sees the Chinese UI', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();

    await signIn(page, 'investment');
    const nav = page.getByTestId('side-nav');
    await expect(nav.getByText('工作台')).toBeVisible();
    await expect(page.getByTestId('welcome')).toContainText('您好');
    await expect(page.getByText('招商专员').first()).toBeVisible();
    // An investment officer has no admin screens.
    await expect(nav.getByText('系统管理')).toHaveCount(0);
  });

  test('a wrong password says how many failures lock the account', async ({ page, adminApi }) => {
    const user = await adminApi.createUser({
      username: unique('wrongpw'),
      displayName: '密码错误测试',
      role: 'service',
    });
    await submitLogin(page, user.username, 'not-the-Passw0rd');
    const alert = page.getByTestId('login-notice');
    await expect(alert).toContainText('用户名或密码错误');
    await expect(alert).toContainText('5 次');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('the fifth failure locks the account', async ({ page, adminApi }) => {
    const user = await adminApi.createUser({
      username: unique('lockout'),
      displayName: '锁定测试',
      role: 'enterprise',
    });
    await page.goto('/login');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitLogin(page, user.username, `wrong-Passw0rd-${attempt}`);
      await expect(page.getByTestId('login-notice')).toContainText('用户名或密码错误');
    }
    await submitLogin(page, user.username, 'wrong-Passw0rd-5');
    await expect(page.getByTestId('login-notice')).toContainText('锁定');
    await expect(page.getByTestId('login-notice')).not.toContainText('用户名或密码错误');

    // Locked means locked: the right password is refused too.
    await submitLogin(page, user.username, NEW_PASSWORD);
    await expect(page.getByTestId('login-notice')).toContainText('锁定');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('switches to English, which persists after a reload', async ({ page }) => {
    await signIn(page, 'service');
    await expect(page.getByTestId('side-nav').getByText('工作台')).toBeVisible();

    await pickFromMenu(page, page.getByTestId('user-menu'), 'English');
    await expect(page.getByTestId('side-nav').getByText('My work')).toBeVisible();
    await expect(page.getByTestId('welcome')).toContainText('Hello');
    await expect(page.getByText('Service officer').first()).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('side-nav').getByText('My work')).toBeVisible();
    await expect(page.getByTestId('welcome')).toContainText('Hello');

    // The choice is saved to the account too: a fresh browser signs in to English.
    const fresh = await page
      .context()
      .browser()!
      .newContext({ baseURL: new URL(page.url()).origin, locale: 'zh-CN' });
    const other = await fresh.newPage();
    await signIn(other, 'service');
    await expect(other.getByTestId('side-nav').getByText('My work')).toBeVisible();
    await fresh.close();
  });

  test('the login page has its own language switch', async ({ page }) => {
    await page.goto('/login');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  });

  test('signs out', async ({ page }) => {
    await signIn(page, 'property');
    await pickFromMenu(page, page.getByTestId('user-menu'), '退出登录');
    await expect(page).toHaveURL(/\/login$/);

    // The session is gone on the server, not only in the page.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });
});
