import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckDigit } from '@kaimen/shared';
import ExcelJS from 'exceljs';
import { expect, signIn, test, unique } from '../fixtures.js';

/** A rare pair of characters in the business scope of this run's companies: a two-character search finds only them. */
const TERM = '骊骝';

/** Valid codes no other spec or demo company uses: an area code of its own and a random organisation code. */
function codes(n: number): string[] {
  const base = Math.floor(Math.random() * 9e7) + 1e7;
  return Array.from({ length: n }, (_, i) => {
    const body = `91654321${String(base + i).padStart(9, '0')}`;
    return body + usccCheckDigit(body);
  });
}

/** An office's spreadsheet: a merged title row, a blank row, the header in row 3, good rows and four bad ones. */
async function writeWorkbook(file: string, tag: string, uscc: string[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow([`${tag} 园区企业名录（2026年）`]);
  ws.mergeCells(1, 1, 1, 8);
  ws.addRow([]);
  ws.addRow(['序号', '统一社会信用代码', '企业名称', '成立日期', '注册资本（万元）', '经营范围', '联系人', '手机']);
  const names = uscc.slice(0, 5).map((_, i) => `${tag}导入生物科技有限公司${i + 1}`);
  names.forEach((name, i) =>
    ws.addRow([i + 1, uscc[i], name, '2021/6/18', 500 + i, `${TERM}技术开发；CRO 服务`, '王经理', `1381234560${i}`]),
  );
  ws.addRow([6, '91350203M0001QAY9B', `${tag}坏校验位公司`, '2021-06-18']); // row 9
  ws.addRow([7, uscc[5], null, '2021-06-18']); // row 10: no name
  ws.addRow([8, uscc[0], `${tag}重复公司`, '2021-06-18']); // row 11: same code as row 4
  ws.addRow([9, uscc[6], `${tag}日期错误公司`, '2024-02-30']); // row 12
  await wb.xlsx.writeFile(file);
  return names;
}

test('an officer imports a messy spreadsheet through the wizard, fixes nothing, and finds the companies', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'kaimen-e2e-import-'));
  const tag = unique('导');
  const file = join(dir, `${tag}-名录.xlsx`);
  const names = await writeWorkbook(file, tag, codes(7));

  await signIn(page, 'investment');
  await page.getByRole('menuitem', { name: '企业库' }).click();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('点击或拖入 Excel（.xlsx）或 CSV 文件')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);

  // The header is found below the merged title and the blank row; its columns are recognised.
  await expect(page.getByText('已在第 3 行找到表头。')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '导入为 统一社会信用代码' })).toBeVisible();
  await expect(page.getByRole('row', { name: /统一社会信用代码/ })).toContainText('统一社会信用代码');
  await expect(page.getByRole('row', { name: /^序号/ })).toContainText('不导入');
  await page.getByRole('button', { name: '开始检查' }).click();

  // The dry run: counts and every bad row with its row number and reason.
  await expect(page.getByTestId('import-count-new')).toContainText('5');
  await expect(page.getByTestId('import-count-invalid')).toContainText('4');
  const bad = page.getByTestId('import-bad-rows');
  await expect(bad.getByRole('row', { name: /^9 / })).toContainText('统一社会信用代码无效');
  await expect(bad.getByRole('row', { name: /^10 / })).toContainText('必填项为空');
  await expect(bad.getByRole('row', { name: /^11 / })).toContainText('与第 4 行的统一社会信用代码重复');
  await expect(bad.getByRole('row', { name: /^12 / })).toContainText('日期无法识别或不存在');

  // The report to fix them in: the original cells, the row number and a reason column.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载问题行（Excel）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${tag}-名录-问题行.xlsx`);
  const reportFile = join(dir, 'report.xlsx');
  await download.saveAs(reportFile);
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(reportFile);
  const rows = (report.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean);
  expect(rows[0]).toEqual([
    undefined,
    '原文件行号',
    '序号',
    '统一社会信用代码',
    '企业名称',
    '成立日期',
    '注册资本（万元）',
    '经营范围',
    '联系人',
    '手机',
    '错误原因',
  ]);
  expect(rows.slice(1).map((r) => r[1])).toEqual([9, 10, 11, 12]);
  expect(String(rows[1]![10])).toContain('统一社会信用代码无效');
  expect(rows[1]![4]).toBe(`${tag}坏校验位公司`);

  // The page can be left and found again among the recent imports.
  await page.getByRole('link', { name: '最近的导入' }).click();
  await page.getByRole('row', { name: new RegExp(`${tag}-名录.xlsx`) }).click();
  await expect(page.getByTestId('import-count-new')).toContainText('5');

  // The import itself: the good rows go in at once.
  await page.getByTestId('import-run').click();
  await expect(page.getByRole('dialog')).toContainText('4 行有错误，不会导入；其余 5 家企业将一次性导入。');
  await page.getByRole('dialog').getByRole('button', { name: '导入 5 家企业' }).click();
  await expect(page.getByText('导入完成：新增 5 家，更新 0 家')).toBeVisible({ timeout: 30_000 });

  // A two-character term of their business scope finds exactly them.
  await page.getByRole('button', { name: '查看企业库' }).click();
  const search = page.getByTestId('enterprise-search').getByRole('searchbox');
  await search.fill(TERM);
  await search.press('Enter');
  for (const name of names) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(names.length);
  await rm(dir, { recursive: true, force: true });
});

test('a service officer, who may not import, sees no import button and is refused the page', async ({ page }) => {
  await signIn(page, 'service');
  await page.getByRole('menuitem', { name: '企业库' }).click();
  await expect(page.getByRole('button', { name: '新建企业' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导入' })).toHaveCount(0);
  await page.goto('/enterprises/import');
  await expect(page.getByText('您的角色无权打开此页面。')).toBeVisible();
});
