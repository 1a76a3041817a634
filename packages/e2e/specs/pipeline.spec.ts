import type { Page } from '@playwright/test';
import { chooseOption, dragCard, expect, openFromNav, signIn, test, unique } from '../fixtures.js';

/** The pipeline board, a lead's page and the approval gate past 签约, as an officer and a leader use them. */
test.describe.serial('investment pipeline', () => {
  const tag = unique('pl');
  const big = `上海${tag}基因治疗有限公司`;
  const lostOne = `杭州${tag}检测技术有限公司`;
  let leadUrl = '';

  const board = (page: Page) => page.goto(`/leads?q=${encodeURIComponent(tag)}`);
  const column = (page: Page, stage: string) => page.getByTestId(`lead-column-${stage}`);
  const card = (page: Page, company: string) => page.getByTestId('lead-card').filter({ hasText: company });

  async function addLead(page: Page, company: string, investment: string) {
    await page.getByRole('button', { name: '新建线索' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('企业名称').fill(company);
    await chooseOption(page, '招商渠道', '产业招商');
    await drawer.getByLabel('计划投资').fill(investment);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId('lead-name')).toHaveText(company);
  }

  /** Drags the card onto a column and waits until the board shows it there. */
  async function drag(page: Page, company: string, to: string) {
    await dragCard(
      card(page, company),
      column(page, to),
      column(page, to).getByTestId('lead-card').filter({ hasText: company }),
    );
  }

  test('an officer adds a 5亿 project and drags it along the board up to 签约', async ({ page }) => {
    await signIn(page, 'investment');
    await openFromNav(page, '招商项目', '项目看板', /\/leads$/);
    await addLead(page, big, '5亿');
    leadUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId('lead-stage')).toHaveText('线索');
    await expect(page.getByTestId('lead-figures')).toContainText('5 亿元');
    await expect(page.getByTestId('lead-timeline')).toContainText('创建线索');

    await board(page);
    await expect(column(page, 'lead').getByTestId('lead-card').filter({ hasText: big })).toContainText('5 亿元');
    await expect(card(page, big)).toContainText('张招商');
    await drag(page, big, 'contacted');
    await expect(page.getByText(`“${big}”已移至“初步接洽”`)).toBeVisible();
    await expect(column(page, 'lead').getByText(big)).toHaveCount(0);

    // The lead's page shows the move on its timeline.
    await card(page, big).getByRole('link', { name: big }).click();
    await expect(page.getByTestId('lead-stage')).toHaveText('初步接洽');
    await expect(page.getByTestId('lead-timeline-entry').first()).toContainText('阶段：线索 → 初步接洽');
    await expect(page.getByTestId('lead-timeline-entry').first()).toContainText('张招商');

    await board(page);
    await drag(page, big, 'negotiating');
    await drag(page, big, 'signed');
  });

  test('past 签约 the board refuses the move until a leader approves, and the officer asks for it', async ({
    page,
  }) => {
    await signIn(page, 'investment');
    await board(page);
    await card(page, big).dragTo(column(page, 'registered'));
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('需要领导审批');
    await expect(dialog.getByTestId('approval-required-detail')).toContainText('须经领导审批');
    // The card went back to its column while the dialog is open.
    await expect(column(page, 'signed').getByText(big)).toBeVisible();
    await expect(column(page, 'registered').getByText(big)).toHaveCount(0);
    await dialog.getByLabel('申请说明').fill('已完成工商注册，申请进入注册落地');
    await dialog.getByRole('button', { name: '提交审批' }).click();
    await expect(page.getByText('已提交审批，等待领导决定')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(card(page, big)).toContainText('待审批：注册落地');
    await expect(column(page, 'signed').getByText(big)).toBeVisible();
  });

  test('a leader opens the lead and approves; the officer then finds it at 注册落地', async ({ page, browser }) => {
    await signIn(page, 'leader');
    await page.goto(leadUrl);
    const approval = page.getByTestId('approval-card');
    await expect(approval).toContainText('签约 → 注册落地');
    await expect(approval).toContainText('张招商');
    await expect(approval).toContainText('已完成工商注册');
    // A leader reads the pipeline but does not work it.
    await expect(page.getByRole('button', { name: '变更阶段' })).toHaveCount(0);
    await approval.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('同意');
    await dialog.getByRole('button', { name: '批准' }).click();
    await expect(page.getByText('已批准，项目已进入新阶段')).toBeVisible();
    await expect(page.getByTestId('lead-stage')).toHaveText('注册落地');
    await expect(page.getByTestId('approval-card')).toHaveCount(0);
    await expect(page.getByTestId('lead-timeline')).toContainText('领导批准进入“注册落地”');

    const officerContext = await browser.newContext();
    const officer = await officerContext.newPage();
    await signIn(officer, 'investment');
    await board(officer);
    await expect(column(officer, 'registered').getByTestId('lead-card').filter({ hasText: big })).toBeVisible();
    await expect(column(officer, 'signed').getByText(big)).toHaveCount(0);
    await officerContext.close();
  });

  test('a card dropped on 流失 asks for the reason, which is required', async ({ page }) => {
    await signIn(page, 'investment');
    await page.goto('/leads');
    await addLead(page, lostOne, '800万');
    // 流失 is the board's last column, off the screen's right edge: the stage filter shows just the two columns.
    await page.goto(`/leads?q=${encodeURIComponent(tag)}&stage=lead,lost`);
    await expect(page.getByTestId('lead-board').getByTestId(/^lead-column-/)).toHaveCount(2);
    await card(page, lostOne).dragTo(column(page, 'lost'));
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`将“${lostOne}”移至“流失”`);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog.getByText('请填写流失原因')).toBeVisible();
    await expect(column(page, 'lost').getByText(lostOne)).toHaveCount(0);
    await dialog.getByLabel('流失原因').fill('企业选择落户苏州');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
    await expect(column(page, 'lost').getByTestId('lead-card').filter({ hasText: lostOne })).toBeVisible();

    await card(page, lostOne).getByRole('link', { name: lostOne }).click();
    await expect(page.getByTestId('lead-side-state')).toContainText('已流失，原因：企业选择落户苏州');
  });

  test('the table keeps its filters in the URL, saves them by name, and the form warns of a duplicate', async ({
    page,
  }) => {
    await signIn(page, 'investment');
    await board(page);
    await page.getByTestId('lead-view').getByText('列表').click();
    await expect(page).toHaveURL(/view=table/);
    const table = page.getByTestId('lead-table');
    await expect(table.getByRole('row', { name: new RegExp(big) })).toContainText('注册落地');
    await expect(table.getByRole('row', { name: new RegExp(lostOne) })).toContainText('流失');

    await page.goto(`/leads?view=table&q=${encodeURIComponent(tag)}&minInvestment=100000000`);
    await expect(table.getByRole('row', { name: new RegExp(big) })).toContainText('5 亿元');
    await expect(table.getByRole('row', { name: new RegExp(lostOne) })).toHaveCount(0);
    await page.getByTestId('saved-filters').click();
    await page.getByRole('menuitem', { name: '保存当前筛选' }).click();
    const naming = page.getByRole('dialog');
    await naming.getByLabel('名称').fill(`亿元以上 ${tag}`);
    await naming.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(`已保存筛选：亿元以上 ${tag}`)).toBeVisible();

    await page.goto('/leads?view=table');
    await page.getByTestId('saved-filters').click();
    await page.getByRole('menuitem', { name: new RegExp(`亿元以上 ${tag}`) }).click();
    await expect(page).toHaveURL(/minInvestment=100000000/);
    await expect(table.getByRole('row', { name: new RegExp(big) })).toBeVisible();

    await page.getByRole('button', { name: '新建线索' }).click();
    await page.getByRole('dialog').getByLabel('企业名称').fill(big);
    const warning = page.getByTestId('lead-duplicates');
    await expect(warning).toContainText('发现疑似重复');
    await expect(warning.getByRole('link', { name: big })).toHaveAttribute('href', leadUrl);
  });
});
