import { usccCheckDigit } from '@kaimen/shared';
import type { Page } from '@playwright/test';
import { dragCard, expect, pickFromMenu, signIn, test, unique } from '../fixtures.js';

/**
 * Issue 4's "done when", as an officer and a leader would do it: a trip with three meetings, two of them turned into
 * leads; one worked to 投产运营 on the board with the leader approving the step past 签约; then seen in the report by
 * channel and on the landed company's page — in Chinese, and the lead's page in English.
 */
test.describe.serial('from a trip to an operating project', () => {
  const tag = unique('jr');
  const title = `武汉光谷考察 ${tag}`;
  const organisations = [`光谷细胞治疗 ${tag}`, `武汉基因检测 ${tag}`, `华中CDMO ${tag}`];
  const winner = `武汉${tag}细胞治疗有限公司`;
  const second = `武汉${tag}基因检测有限公司`;
  const body = `91420100MA${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const uscc = body + usccCheckDigit(body);
  let leadUrl = '';
  let registeredBefore = 0;

  const column = (page: Page, stage: string) => page.getByTestId(`lead-column-${stage}`);
  const card = (page: Page, company: string) => page.getByTestId('lead-card').filter({ hasText: company });
  /** The board narrowed to this run's leads and the columns in play (the board is wider than the screen). */
  const board = (page: Page, stages: string[]) =>
    page.goto(`/leads?q=${encodeURIComponent(tag)}&stage=${stages.join(',')}`);
  async function drag(page: Page, company: string, to: string) {
    await dragCard(
      card(page, company),
      column(page, to),
      column(page, to).getByTestId('lead-card').filter({ hasText: company }),
    );
  }
  /** 落地数 of the 考察对接 channel in the report by channel. */
  async function registeredFromTrips(page: Page): Promise<number> {
    await page.goto('/pipeline/reports');
    const row = page.getByTestId('report-by-channel').getByRole('row').filter({ hasText: '考察对接' });
    await expect(row).toBeVisible();
    const header = page.getByTestId('report-by-channel').getByRole('columnheader');
    const names = await header.allInnerTexts();
    const index = names.findIndex((n) => n.trim() === '落地数');
    expect(index).toBeGreaterThan(0);
    return Number((await row.getByRole('cell').nth(index).innerText()).replace(/,/g, ''));
  }

  test('an officer records a trip with three meetings and turns two into leads', async ({ page }) => {
    await signIn(page, 'investment');
    registeredBefore = await registeredFromTrips(page);

    await page.goto('/trips');
    await page.getByRole('button', { name: '新建考察' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('考察名称').fill(title);
    await drawer.getByLabel('目的地').fill('武汉');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '武汉光谷生物城' }).click();
    await drawer.getByPlaceholder('开始日期').click();
    await drawer.getByPlaceholder('开始日期').fill('2026-05-12');
    await drawer.getByPlaceholder('开始日期').press('Enter');
    await drawer.getByPlaceholder('结束日期').fill('2026-05-14');
    await drawer.getByPlaceholder('结束日期').press('Enter');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId('trip-title')).toHaveText(title);

    for (const organisation of organisations) {
      await page.getByRole('button', { name: '添加会见' }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel('会见单位').fill(organisation);
      await form.getByLabel('会谈纪要').fill(`${organisation}：有意在区内设立研发和生产基地`);
      await form.getByRole('button', { name: '保存' }).click();
      await expect(form).toBeHidden();
      await expect(page.getByTestId('trip-meeting').filter({ hasText: organisation })).toBeVisible();
    }
    await expect(page.getByTestId('trip-meeting')).toHaveCount(3);

    for (const [organisation, company, investment, code] of [
      [organisations[0]!, winner, '5亿', uscc],
      [organisations[1]!, second, '3000万', ''],
    ] as const) {
      await page
        .getByTestId('trip-meeting')
        .filter({ hasText: organisation })
        .getByRole('button', { name: '生成线索' })
        .click();
      const form = page.getByRole('dialog');
      await form.getByLabel('企业名称').fill(company);
      if (code) await form.getByLabel('统一社会信用代码（选填）').fill(code);
      await form.getByLabel('计划投资').fill(investment);
      await form.getByRole('button', { name: '生成线索' }).click();
      await expect(form).toBeHidden();
      await expect(page.getByTestId('trip-leads').getByRole('row', { name: new RegExp(company) })).toContainText(
        '线索',
      );
    }
    await expect(page.getByTestId('trip-leads').getByRole('link')).toHaveCount(2);
  });

  test('the officer drags the 5亿 project up to 签约; the step past it waits for the leader', async ({ page }) => {
    await signIn(page, 'investment');
    await board(page, ['lead', 'contacted', 'negotiating', 'signed', 'registered']);
    await expect(card(page, second)).toBeVisible();
    await drag(page, winner, 'contacted');
    await drag(page, winner, 'negotiating');
    await drag(page, winner, 'signed');
    await card(page, winner).dragTo(column(page, 'registered'));
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('需要领导审批');
    await dialog.getByLabel('申请说明').fill('已签约并完成工商注册');
    await dialog.getByRole('button', { name: '提交审批' }).click();
    await expect(dialog).toBeHidden();
    await expect(card(page, winner)).toContainText('待审批：注册落地');
    await card(page, winner).getByRole('link', { name: winner }).click();
    leadUrl = new URL(page.url()).pathname;
  });

  test('the leader approves from the bell', async ({ page }) => {
    await signIn(page, 'leader');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-popover').getByText(`待审批：${winner} 申请进入“注册落地”`).click();
    await expect(page).toHaveURL(new RegExp(`${leadUrl}$`));
    const approval = page.getByTestId('approval-card');
    await approval.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('同意，抓紧开工');
    await dialog.getByRole('button', { name: '批准' }).click();
    await expect(page.getByTestId('lead-stage')).toHaveText('注册落地');
  });

  test('the officer drags it on to 投产运营; it shows in the report and on the landed company', async ({ page }) => {
    await signIn(page, 'investment');
    await board(page, ['registered', 'construction', 'operating']);
    await drag(page, winner, 'construction');
    await drag(page, winner, 'operating');
    // The board shows the card at once; the server's answer is the toast (the page below reads what it saved).
    await expect(page.getByText(`“${winner}”已移至“投产运营”`)).toBeVisible();

    await page.goto(leadUrl);
    await expect(page.getByTestId('lead-stage')).toHaveText('投产运营');
    const timeline = page.getByTestId('lead-timeline');
    await expect(timeline).toContainText('领导批准进入“注册落地”');
    await expect(page.getByTestId('lead-timeline-entry').first()).toContainText('开工建设 → 投产运营');

    // With its USCC known, reaching 注册落地 put the company in the registry, and its page shows the project.
    await page.getByTestId('lead-enterprise-link').click();
    await expect(page).toHaveURL(/\/enterprises\/[^/]+$/);
    await expect(page.getByText(uscc)).toBeVisible();
    await page.getByRole('tab', { name: '招商历程' }).click();
    const history = page.getByTestId('enterprise-leads');
    await expect(history).toContainText(winner);
    await expect(history).toContainText('投产运营');

    expect(await registeredFromTrips(page)).toBe(registeredBefore + 1);
  });

  test('the lead reads the same in English', async ({ page }) => {
    await signIn(page, 'investment');
    await pickFromMenu(page, page.getByTestId('user-menu'), 'English');
    try {
      await page.goto(leadUrl);
      await expect(page.getByTestId('lead-stage')).toHaveText('Operating');
      await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
      await expect(page.getByTestId('lead-figures')).toContainText('CNY 500 M');
    } finally {
      // The choice is kept on the account: give the next specs their Chinese back.
      await pickFromMenu(page, page.getByTestId('user-menu'), '中文');
      await expect(page.getByTestId('side-nav').getByText('工作台')).toBeVisible();
    }
  });
});
