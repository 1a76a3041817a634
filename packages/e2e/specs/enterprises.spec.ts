import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test, unique } from '../fixtures.js';

/** A valid code (DESIGN.md §6); the spec removes any company already holding it, so it can run again. */
const USCC = '91110000600037341L';
const MOBILE = '13812345678';

async function removeExisting(baseURL: string): Promise<void> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = await ctx.get('/api/enterprises', { params: { q: USCC } });
  expect(list.ok(), await list.text()).toBe(true);
  const { items } = (await list.json()) as { items: { id: string; uscc: string }[] };
  for (const e of items.filter((item) => item.uscc === USCC)) {
    const res = await ctx.delete(`/api/enterprises/${e.id}`, { headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.status(), await res.text()).toBe(204);
  }
  await ctx.dispose();
}

test.describe('enterprise registry', () => {
  test.describe.configure({ mode: 'serial' });

  const tag = unique('e2e');
  const name = `淮北${tag}疫苗生物科技有限公司`;

  test('the admin registers a company, finds it by two characters of its business scope and sees its contacts', async ({
    page,
    baseURL,
  }) => {
    await removeExisting(baseURL ?? '');
    await signIn(page, 'admin');
    await page.getByTestId('side-nav').getByText('企业库').click();
    await expect(page).toHaveURL(/\/enterprises$/);

    await page.getByRole('button', { name: '新建企业' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('企业名称').fill(name);
    // Lower case and spaces are cleaned by the shared schema.
    await drawer.getByLabel('统一社会信用代码').fill(` ${USCC.toLowerCase()} `);
    await drawer.getByLabel('注册资本').fill('500万元');
    await drawer.getByLabel('经营范围').fill('疫苗研发；生物技术推广服务；技术咨询');
    await drawer.getByLabel('标签').fill(tag);
    await drawer.getByLabel('标签').press('Enter');

    await drawer.getByRole('button', { name: '添加联系人' }).click();
    await drawer.locator('#enterprise-form_contacts_0_name').fill('王经理');
    // A wrong number is refused in the form, before any request.
    await drawer.locator('#enterprise-form_contacts_0_mobile').fill('12345');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer.getByText('手机号码无效')).toBeVisible();
    await drawer.locator('#enterprise-form_contacts_0_mobile').fill(MOBILE);

    await drawer.getByRole('button', { name: '添加年度数据' }).click();
    await drawer.locator('#enterprise-form_figures_0_employees').fill('120');
    await drawer.locator('#enterprise-form_figures_0_revenue').fill('3.5亿');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();

    // Saved, the record opens.
    await expect(page.getByTestId('enterprise-name')).toHaveText(name);
    await expect(page.getByTestId('basic-info')).toContainText('500 万元');

    // In the list, newest first.
    await page.goto('/enterprises?sort=-createdAt');
    await expect(page.locator('.ant-table').getByRole('row', { name: new RegExp(name) })).toBeVisible();

    // Two characters of the business scope find it (the tag keeps the check to this run's company).
    await page.goto(`/enterprises?tag=${tag}`);
    const search = page.getByPlaceholder('企业名称、曾用名、经营范围或信用代码');
    await search.fill('造船');
    await search.press('Enter');
    await expect(page).toHaveURL(/q=%E9%80%A0%E8%88%B9/);
    await expect(page.getByTestId('enterprise-total')).toHaveText('共 0 条');
    await search.fill('疫苗');
    await search.press('Enter');
    await expect(page).toHaveURL(/q=%E7%96%AB%E8%8B%97/);
    await expect(page.getByTestId('enterprise-total')).toHaveText('共 1 条');

    await page
      .locator('.ant-table')
      .getByRole('row', { name: new RegExp(name) })
      .click();
    await expect(page.getByTestId('enterprise-name')).toHaveText(name);
    await page.getByRole('tab', { name: '联系人' }).click();
    await expect(page.getByTestId('contacts-table')).toContainText(MOBILE);
    await expect(page.getByTestId('masked-hint')).toHaveCount(0);

    await page.getByRole('tab', { name: '年度数据' }).click();
    await expect(page.getByTestId('figures-table')).toContainText('35,000 万元');
    await expect(page.getByRole('img', { name: '历年营业收入和从业人数图表' })).toBeVisible();
  });

  test('a leader opens the same company and sees the phone masked', async ({ page }) => {
    await signIn(page, 'leader');
    await page.goto(`/enterprises?tag=${tag}&q=${encodeURIComponent('疫苗')}`);
    await expect(page.getByRole('button', { name: '新建企业' })).toHaveCount(0);
    await page
      .locator('.ant-table')
      .getByRole('row', { name: new RegExp(name) })
      .click();
    await expect(page.getByTestId('enterprise-name')).toHaveText(name);
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);

    await page.getByRole('tab', { name: /联系人/ }).click();
    await expect(page.getByTestId('contacts-table')).toContainText('138****5678');
    await expect(page.getByTestId('contacts-table')).not.toContainText(MOBILE);
    await expect(page.getByTestId('masked-hint')).toContainText('已脱敏');
  });
});

test('the admin adds a node to the industry chain and removes it', async ({ page }) => {
  const code = unique('e2e_').replace(/[^a-z0-9_]/g, '');
  await signIn(page, 'admin');
  await page.getByTestId('side-nav').getByText('产业链').click();
  await expect(page).toHaveURL(/\/admin\/chain$/);

  const cro = page.getByTestId('chain-node-cro');
  await cro.getByRole('button', { name: '添加下级' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('编码').fill(code);
  await dialog.getByLabel('中文名称').fill('毒理研究');
  await dialog.getByLabel('英文名称').fill('Toxicology');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const node = page.getByTestId(`chain-node-${code}`);
  await expect(node).toContainText('毒理研究');
  // A node with children cannot go.
  await cro.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('该节点下还有子节点')).toBeVisible();
  await expect(page.getByRole('tooltip')).toBeHidden();
  await expect(cro).toBeVisible();

  await node.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(node).toHaveCount(0);
});
