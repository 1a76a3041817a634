import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, pickEnterprise, signIn, test, unique } from '../fixtures.js';

/**
 * Issue 5's "done when", as the three people would do it: a service officer records a visit to the demo company with
 * two needs; the 住建 handler accepts and resolves the one routed to 住建分局 (and never sees the power-supply one); the
 * company answers 不满意 and the need goes back to 办理中; the head of 住建 sees escalated needs in red on his queue; the
 * leader's heat map shows where companies struggle.
 */
test.describe.serial('a need from a visit to the company’s verdict', () => {
  const tag = unique('nd');
  const construction = `二期厂房规划许可 ${tag}`;
  const power = `扩容用电 ${tag}`;
  let needUrl = '';

  /** Picks an option of the antd Select labelled `label` inside `scope` (one need's card of the visit form). */
  async function choose(page: Page, scope: Locator, label: string, option: string) {
    const combobox = scope.getByRole('combobox', { name: new RegExp(`^(\\* )?${label}$`) });
    const openList = page.locator('.ant-select-dropdown:visible');
    await expect(async () => {
      if ((await openList.count()) === 0) await combobox.click();
      await openList.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 2_000 });
      await expect(openList).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  test('a service officer records a visit with two needs, each routed to its department', async ({ page }) => {
    await signIn(page, 'service');
    await page.getByTestId('side-nav').getByText('走访', { exact: true }).click();
    await page.getByTestId('side-nav').getByText('走访记录').click();
    await expect(page).toHaveURL(/\/visits$/);
    await page.getByRole('button', { name: '新建走访' }).click();
    const drawer = page.getByRole('dialog');
    await pickEnterprise(page, drawer.getByTestId('visit-enterprise'), '开门示范', '开门示范生物科技有限公司');
    await drawer.getByLabel('走访情况').fill(`走访了解扩产计划 ${tag}`);

    await drawer.getByTestId('visit-need-add').click();
    const first = drawer.getByTestId('visit-need-0');
    await choose(page, first, '诉求类别', '规划建设');
    await expect(first.getByTestId('visit-need-0-routing')).toContainText('住建分局');
    await first.getByLabel('诉求标题').fill(construction);
    await first.getByLabel('诉求内容').fill('二期厂房需要办理建设工程规划许可证，咨询流程和材料。');

    await drawer.getByTestId('visit-need-add').click();
    const second = drawer.getByTestId('visit-need-1');
    await choose(page, second, '诉求类别', '供电保障');
    await expect(second.getByTestId('visit-need-1-routing')).toContainText('供电所');
    await second.getByLabel('诉求标题').fill(power);
    await second.getByLabel('诉求内容').fill('新增生产线需要增加 800kVA 用电容量。');

    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/visits\/[^/]+$/);
    const needs = page.getByTestId('visit-needs');
    await expect(needs).toContainText(construction);
    await expect(needs).toContainText(power);
    await expect(needs.getByText('已提交')).toHaveCount(2);
    await needs.getByRole('link', { name: construction }).click();
    await expect(page).toHaveURL(/\/needs\/[^/]+$/);
    await expect(page.getByTestId('need-lead-department')).toHaveText('住建分局');
    needUrl = new URL(page.url()).pathname;
  });

  test('the 住建 handler accepts and resolves it, and never sees the power-supply need', async ({ page }) => {
    await signIn(page, 'department');
    // It waits on his 工作台 and in his queue.
    await expect(page.getByTestId('my-needs')).toContainText(construction);
    await page.getByTestId('side-nav').getByText('诉求', { exact: true }).click();
    await page.getByTestId('side-nav').getByText('诉求办理').click();
    await page.getByPlaceholder('搜索诉求标题、编号或企业').fill(tag);
    await page.getByPlaceholder('搜索诉求标题、编号或企业').press('Enter');
    const table = page.getByTestId('needs-table');
    await expect(table.getByTestId('need-title')).toHaveText([construction]);
    await page.getByRole('link', { name: construction }).click();
    await expect(page).toHaveURL(new RegExp(`${needUrl}$`));

    await page.getByTestId('need-action-accept').click();
    await expect(page.getByTestId('need-status')).toHaveText('已受理');
    await page.getByTestId('need-action-resolve').click();
    const dialog = page.getByRole('dialog');
    // An answer is required.
    await dialog.getByRole('button', { name: '办结答复' }).click();
    await expect(dialog.getByText('必填')).toBeVisible();
    await dialog.getByTestId('need-action-text').fill(`已开辟绿色通道，材料齐全后 5 个工作日内核发 ${tag}`);
    await dialog.getByRole('button', { name: '办结答复' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('need-status')).toHaveText('已办结');
    await expect(page.getByTestId('need-resolution')).toContainText('绿色通道');
    await expect(page.getByTestId('need-timeline')).toContainText('受理');

    // His queue, as he filtered it, goes to a spreadsheet for the department's weekly meeting.
    await page.goto(`/needs?view=all&q=${encodeURIComponent(tag)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('need-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^企业诉求-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    expect(rows[0]).toContain('牵头部门');
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1]).toContain(construction);
    expect(rows[1]).toContain('已办结');

    // The other need of the visit is 供电所's: not in his list, and its page is not his to open.
    await page.goto(`/needs?view=all&q=${encodeURIComponent(power)}`);
    await expect(page.getByTestId('needs-table')).toContainText('暂无诉求');
  });

  test('the company is not satisfied, and the need goes back to 办理中', async ({ page }) => {
    await signIn(page, 'enterprise');
    await page.goto(needUrl);
    await expect(page.getByTestId('need-status')).toHaveText('已办结');
    await expect(page.getByTestId('need-resolution')).toContainText('绿色通道');
    await page.getByTestId('need-action-confirm').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('不满意', { exact: true }).click();
    await expect(dialog.getByText('选择“不满意”后，诉求将退回牵头部门重新办理。')).toBeVisible();
    await dialog.getByTestId('need-action-text').fill('材料清单仍不清楚，希望列明');
    await dialog.getByRole('button', { name: '评价' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('need-status')).toHaveText('办理中');
    const timeline = page.getByTestId('need-timeline');
    await expect(timeline).toContainText('不满意，重新办理');
    await expect(timeline).toContainText('材料清单仍不清楚');
    // Every step names who took it.
    await expect(timeline).toContainText('陈服务');
    await expect(timeline).toContainText('刘经办（住建分局）');
    await expect(timeline).toContainText('周企业');
  });

  test('the head of 住建 sees escalated needs in red on his queue', async ({ page }) => {
    await signIn(page, 'department-head');
    await page.goto('/needs');
    await expect(page.locator('.row-overdue').first()).toBeVisible();
    await expect(page.getByTestId('need-overdue').first()).toBeVisible();
    await page.locator('.row-overdue').first().getByTestId('need-title').click();
    await expect(page.getByTestId('need-timeline')).toContainText('系统督办');
    await expect(page.getByTestId('need-actions').getByRole('button', { name: '改派' })).toBeVisible();
  });

  test('the leader’s heat map shows where companies struggle', async ({ page }) => {
    await signIn(page, 'leader');
    await page.getByTestId('side-nav').getByText('诉求', { exact: true }).click();
    await page.getByTestId('side-nav').getByText('诉求分析').click();
    await expect(page).toHaveURL(/\/needs\/analysis$/);
    await expect(page.getByTestId('need-report-heatmap').locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('need-report-departments')).toContainText('住建分局');
  });
});
