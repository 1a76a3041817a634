import { readFile } from 'node:fs/promises';
import { request, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DEMO_PASSWORD, expect, pickFromMenu, signIn, test, unique } from '../fixtures.js';

/**
 * Two companies of this run, found by a tag of their own among the demo registry's two thousand. B's code is all
 * digits (a public institution): a csv must keep it whole.
 */
const A = { uscc: '91310115MA1K3BTP2B', mobile: '13812345601' };
const B = { uscc: '121200004013590816', mobile: '13912345602' };

/** A demo user's API session and its CSRF header. */
async function apiAs(baseURL: string, username: string) {
  const ctx = await request.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return { ctx, headers: { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken } };
}

/**
 * Creates A (looked after by the demo service officer) and B with `tag`, removing any company holding their codes,
 * and sets the exporting users' language to Chinese (another spec switches the service officer to English).
 */
async function seed(baseURL: string, tag: string): Promise<void> {
  for (const username of ['leader', 'investment', 'service']) {
    const user = await apiAs(baseURL, username);
    const res = await user.ctx.patch('/api/auth/me', { headers: user.headers, data: { locale: 'zh-CN' } });
    expect(res.status(), await res.text()).toBe(200);
    await user.ctx.dispose();
  }
  const { ctx, headers } = await apiAs(baseURL, 'admin');
  for (const { uscc } of [A, B]) {
    const { items } = (await (await ctx.get('/api/enterprises', { params: { q: uscc } })).json()) as {
      items: { id: string; uscc: string }[];
    };
    for (const e of items.filter((item) => item.uscc === uscc)) {
      expect((await ctx.delete(`/api/enterprises/${e.id}`, { headers })).status()).toBe(204);
    }
  }
  const users = (await (await ctx.get('/api/users', { params: { q: 'service' } })).json()) as {
    items: { id: string; username: string }[];
  };
  const service = users.items.find((u) => u.username === 'service')!;
  for (const [company, name, officer] of [
    [A, `${tag}导出生物科技有限公司`, service.id],
    [B, `${tag}导出检验检测中心`, null],
  ] as const) {
    const res = await ctx.post('/api/enterprises', {
      headers,
      data: {
        uscc: company.uscc,
        name,
        tags: [tag],
        assignedOfficerId: officer,
        contacts: [{ name: '王经理', mobile: company.mobile }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await ctx.dispose();
}

/** Opens the export menu, picks a format and waits for the file. */
async function exportAs(page: Page, format: 'xlsx' | 'csv'): Promise<Download> {
  const item = format === 'xlsx' ? 'Excel 表格（.xlsx）' : 'CSV 文件（.csv）';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pickFromMenu(page, page.getByTestId('enterprise-export'), item),
  ]);
  return download;
}

/** The downloaded file's rows, keyed by header; csv cells as Excel would show them (a leading tab trimmed). */
async function rowsOf(download: Download): Promise<Record<string, string>[]> {
  const body = await readFile(await download.path());
  let table: string[][];
  if (download.suggestedFilename().endsWith('.csv')) {
    expect([...body.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    table = Papa.parse<string[]>(body.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  } else {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    table = [];
    workbook.worksheets[0]!.eachRow((row) => {
      table.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
  }
  const [headers, ...rows] = table;
  return rows.map((r) => Object.fromEntries(headers!.map((h, i) => [h, (r[i] ?? '').trim()])));
}

test.describe('enterprise export', () => {
  test.describe.configure({ mode: 'serial' });
  const tag = unique('exp');

  test.beforeAll(async ({ baseURL }) => seed(baseURL ?? '', tag));

  test('a leader filters the list, exports it as xlsx and gets those rows with the phones masked', async ({ page }) => {
    await signIn(page, 'leader');
    await page.getByTestId('side-nav').getByText('企业库').click();
    const tagFilter = page.getByPlaceholder('标签', { exact: true });
    await tagFilter.fill(tag);
    await tagFilter.press('Enter');
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(page.getByTestId('enterprise-total')).toHaveText('共 2 条');

    const download = await exportAs(page, 'xlsx');
    expect(download.suggestedFilename()).toMatch(/^企业名录-\d{8}\.xlsx$/);
    const rows = await rowsOf(download);
    expect(rows.map((r) => r['统一社会信用代码']).sort()).toEqual([B.uscc, A.uscc].sort());
    expect(rows.every((r) => r['标签'] === tag)).toBe(true);
    expect(rows.map((r) => r['联系人手机']).sort()).toEqual(['138****5601', '139****5602']);
  });

  test('an investment officer exports the same list as csv, phones unmasked, the long code whole', async ({ page }) => {
    await signIn(page, 'investment');
    await page.goto(`/enterprises?tag=${tag}&sort=-name`);
    await expect(page.getByTestId('enterprise-total')).toHaveText('共 2 条');
    const download = await exportAs(page, 'csv');
    expect(download.suggestedFilename()).toMatch(/^企业名录-\d{8}\.csv$/);
    const rows = await rowsOf(download);
    // In the order the list shows (name, descending, as the database sorts it).
    const listed = await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    expect(listed).toHaveLength(2);
    rows.forEach((r, i) => expect(listed[i]).toContain(r['企业名称']));
    const byCode = Object.fromEntries(rows.map((r) => [r['统一社会信用代码'], r['联系人手机']]));
    expect(byCode).toEqual({ [A.uscc]: A.mobile, [B.uscc]: B.mobile });
  });

  test('a service officer exports only the company assigned to them', async ({ page }) => {
    await signIn(page, 'service');
    await page.goto(`/enterprises?tag=${tag}`);
    await expect(page.getByTestId('enterprise-total')).toHaveText('共 1 条');
    const rows = await rowsOf(await exportAs(page, 'xlsx'));
    expect(rows.map((r) => [r['统一社会信用代码'], r['联系人手机']])).toEqual([[A.uscc, A.mobile]]);
  });
});
