import { expect, openFromNav, signIn, test, unique } from '../fixtures.js';

test.describe('investigation trips', () => {
  const tag = unique('e2e');
  const title = `苏州BioBAY 春季考察 ${tag}`;
  const organisation = `信达生物制药 ${tag}`;
  const company = `苏州${tag}生物医药科技有限公司`;

  test('an investment officer plans a trip to 苏州BioBAY, records a meeting and turns it into a lead', async ({
    page,
  }) => {
    await signIn(page, 'investment');
    await openFromNav(page, '招商项目', '考察', /\/trips$/);

    await page.getByRole('button', { name: '新建考察' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('考察名称').fill(title);
    // The destination offers the biotech parks; typing narrows them.
    await drawer.getByLabel('目的地').fill('苏州');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '苏州BioBAY' }).click();
    await expect(drawer.getByLabel('目的地')).toHaveValue('苏州BioBAY（苏州生物医药产业园）');
    await drawer.getByPlaceholder('开始日期').click();
    await drawer.getByPlaceholder('开始日期').fill('2026-04-07');
    await drawer.getByPlaceholder('开始日期').press('Enter');
    await drawer.getByPlaceholder('结束日期').fill('2026-04-09');
    await drawer.getByPlaceholder('结束日期').press('Enter');
    // The officer is on the trip already; the leader goes too.
    // A multiple select stays open after a pick: one click on the option, then the next field closes it.
    await drawer.getByRole('combobox', { name: '考察成员' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李主任' }).click();
    await drawer.getByLabel('考察目的').fill('对接 CDMO 与抗体药企业');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await expect(drawer.getByText('李主任')).toBeVisible();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();

    // Saved, the trip page opens with its dates and members.
    await expect(page).toHaveURL(/\/trips\/[^/]+$/);
    await expect(page.getByTestId('trip-title')).toHaveText(title);
    await expect(page.getByTestId('trip-dates')).toHaveText('2026-04-07 至 2026-04-09');
    await expect(page.getByTestId('trip-members')).toContainText('张招商');
    await expect(page.getByTestId('trip-members')).toContainText('李主任');
    await expect(page.getByText('尚无会见记录')).toBeVisible();

    await page.getByRole('button', { name: '添加会见' }).click();
    const meetingForm = page.getByRole('dialog');
    await meetingForm.getByLabel('会见单位').fill(organisation);
    await meetingForm.getByLabel('会见人员').fill('刘总、陈博士');
    await meetingForm.getByLabel('会谈纪要').fill('计划在长三角新建 2000L 原液车间');
    await meetingForm.getByRole('button', { name: '保存' }).click();
    await expect(meetingForm).toBeHidden();
    const meeting = page.getByTestId('trip-meeting').filter({ hasText: organisation });
    await expect(meeting).toContainText('2026-04-07');
    await expect(meeting).toContainText('2000L 原液车间');
    await expect(page.getByTestId('trip-leads')).toContainText('尚未产生线索');

    await meeting.getByRole('button', { name: '生成线索' }).click();
    const leadForm = page.getByRole('dialog');
    await expect(leadForm).toContainText(organisation);
    // The meeting's notes come along as the lead's.
    await expect(leadForm.getByLabel('备注')).toHaveValue('计划在长三角新建 2000L 原液车间');
    await leadForm.getByLabel('企业名称').fill(company);
    await leadForm.getByLabel('联系人').fill('刘总');
    await leadForm.getByLabel('联系电话').fill('139 1234 5678');
    await leadForm.getByLabel('计划投资').fill('2亿');
    await leadForm.getByRole('button', { name: '生成线索' }).click();
    await expect(leadForm).toBeHidden();

    // The lead shows on the trip page at its current stage, with a link to its own page.
    const row = page.getByTestId('trip-leads').getByRole('row', { name: new RegExp(company) });
    await expect(row).toContainText('线索');
    await expect(row).toContainText('张招商');
    await expect(row).toContainText('20,000 万元');
    await expect(row.getByRole('link', { name: company })).toHaveAttribute('href', /^\/leads\/[^/]+$/);
    await expect(meeting).toContainText('已生成 1 条线索');

    // The list finds the trip and counts its meeting and lead.
    await page.goto(`/trips?q=${encodeURIComponent(tag)}`);
    const listed = page.getByTestId('trips-table').getByRole('row', { name: new RegExp(tag) });
    await expect(listed).toContainText('苏州BioBAY（苏州生物医药产业园）');
    await expect(listed).toContainText('李主任');
    await expect(listed.getByRole('cell')).toHaveText([
      title,
      '苏州BioBAY（苏州生物医药产业园）',
      '2026-04-07 至 2026-04-09',
      /张招商/,
      '1',
      '1',
    ]);
  });
});
