import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test, unique } from '../fixtures.js';

/** The office's date (Asia/Shanghai), `offset` days from today. */
const officeDate = (offset = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A demo user over the JSON API. */
async function apiAs(baseURL: string, username: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async (url: string, data: unknown) => {
    const res = await ctx.post(url, { data, headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.ok(), await res.text()).toBe(true);
    return (await res.json()) as { id: string };
  };
  const unread = async () =>
    ((await (await ctx.get('/api/notifications/unread-count')).json()) as { unread: number }).unread;
  return { ctx, post, unread };
}

test.describe('工作台 and the notification bell', () => {
  test.describe.configure({ mode: 'serial' });

  const tag = unique('');
  const dueToday = `苏州${tag}细胞治疗有限公司`;
  const pastDue = `无锡${tag}基因检测有限公司`;
  const ids: Record<string, string> = {};

  test.beforeAll(async ({ baseURL }) => {
    const officer = await apiAs(baseURL ?? '', 'investment');
    // Above the default approval threshold (1亿): entering 注册落地 waits for a leader.
    ids.dueToday = (
      await officer.post('/api/leads', {
        companyName: dueToday,
        sourceChannel: 'industry',
        plannedInvestment: '2亿',
        nextFollowUpOn: officeDate(0),
      })
    ).id;
    ids.pastDue = (
      await officer.post('/api/leads', {
        companyName: pastDue,
        sourceChannel: 'referral',
        plannedInvestment: '3亿',
        nextFollowUpOn: officeDate(-1),
      })
    ).id;
    // Two requests, so the leader has more than one unread notice.
    for (const id of [ids.dueToday, ids.pastDue])
      await officer.post(`/api/leads/${id}/approvals`, { to: 'registered' });
    await officer.ctx.dispose();
  });

  test("an officer's 工作台 lists today's follow-up and the overdue lead with its red tag", async ({ page }) => {
    await signIn(page, 'investment');
    const card = page.getByTestId('my-follow-ups');
    await expect(card).toBeVisible();

    const today = card.locator('tr', { hasText: dueToday });
    await expect(today.getByText('今日跟进', { exact: true })).toBeVisible();
    await expect(today.getByRole('link', { name: dueToday })).toHaveAttribute('href', `/leads/${ids.dueToday}`);

    const overdue = card.locator('tr', { hasText: pastDue });
    await expect(overdue.getByTestId('overdue-tag')).toHaveText('跟进逾期');
    await expect(overdue.getByText(`自 ${officeDate(0)} 起逾期`)).toBeVisible();
    // Officers decide nothing: no approvals section.
    await expect(page.getByTestId('my-approvals')).toHaveCount(0);
  });

  test('a leader sees the approval on 工作台 and in the bell; opening the notice marks it read', async ({
    page,
    baseURL,
  }) => {
    const leader = await apiAs(baseURL ?? '', 'leader');
    const before = await leader.unread();
    expect(before).toBeGreaterThan(1);

    await signIn(page, 'leader');
    const approval = page.getByTestId('approval-item').filter({ hasText: dueToday });
    await expect(approval.getByRole('link', { name: dueToday })).toHaveAttribute('href', `/leads/${ids.dueToday}`);
    await expect(approval.getByText('申请阶段变更：线索 → 注册落地')).toBeVisible();
    await expect(page.getByTestId('my-follow-ups')).toHaveCount(0);

    const bell = page.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName(`通知（${before} 条未读）`);
    await bell.click();
    const popover = page.getByTestId('notification-popover');
    const notice = popover
      .getByTestId('notification-item')
      .filter({ hasText: `待审批：${dueToday} 申请进入“注册落地”` });
    await expect(notice).toHaveAttribute('data-unread', 'true');
    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/leads/${ids.dueToday}$`));
    await expect(bell).toHaveAccessibleName(`通知（${before - 1} 条未读）`);
    expect(await leader.unread()).toBe(before - 1);

    await page.goto('/');
    await bell.click();
    await popover.getByTestId('notifications-read-all').click();
    await expect(bell).toHaveAccessibleName('通知（0 条未读）');
    await expect(page.getByTestId('my-notifications').getByText('没有未读通知')).toBeVisible();
    expect(await leader.unread()).toBe(0);
    await leader.ctx.dispose();
  });
});
