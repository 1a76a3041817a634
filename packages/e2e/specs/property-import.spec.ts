import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, openFromNav, signIn, test, unique } from '../fixtures.js';

/** A demo building (seed --demo): 8 floors; the sheet puts its units on a 9th, which the import creates. */
const BUILDING = 'A 栋 研发办公楼';

/** A rent-control sheet: a merged title row, the header in row 2, two good units and one of an unknown type. */
async function writeWorkbook(file: string, codes: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房源');
  ws.addRow(['新增房源（2026年）']);
  ws.mergeCells(1, 1, 1, 7);
  ws.addRow(['楼宇', '楼层', '房号', '类型', '面积（㎡）', '状态', '租金（元/㎡·月）']);
  ws.addRow([BUILDING, '9F', codes[0], '研发实验室', 160, '空置', 58]); // row 3
  ws.addRow([BUILDING, '9F', codes[1], '宿舍', 90, '空置', 40]); // row 4: no such unit type
  ws.addRow([BUILDING, 9, codes[2], '办公', '２４０', '装修', null]); // row 5: full-width digits
  await wb.xlsx.writeFile(file);
}

test('a property manager imports units into a demo building, sees the bad row, and finds the rest on the 租控表', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'kaimen-e2e-units-'));
  const tag = unique('U');
  const codes = [`${tag}-1`, `${tag}-2`, `${tag}-3`];
  const file = join(dir, `${tag}-房源.xlsx`);
  await writeWorkbook(file, codes);

  await signIn(page, 'property');
  await openFromNav(page, '载体', '楼宇与租控', /\/property$/);
  await page.getByTestId('unit-import').click();
  await expect(page).toHaveURL(/\/property\/import\/units$/);
  await expect(page.getByText('点击或拖入 Excel（.xlsx）或 CSV 文件')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);

  // The header is found under the title; the wizard names the fields in the unit's words.
  await expect(page.getByText('已在第 2 行找到表头。')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '导入为 楼宇' })).toBeVisible();
  await page.getByRole('button', { name: '开始检查' }).click();

  await expect(page.getByTestId('import-count-new')).toContainText('2');
  await expect(page.getByTestId('import-count-invalid')).toContainText('1');
  const bad = page.getByTestId('import-bad-rows');
  await expect(bad.getByRole('row', { name: /^4 / })).toContainText('未知的房源类型');

  await page.getByTestId('import-run').click();
  await expect(page.getByRole('dialog')).toContainText('1 行有错误，不会导入；其余 2 个单元将一次性导入。');
  await page.getByRole('dialog').getByRole('button', { name: '导入 2 个单元' }).click();
  await expect(page.getByText('导入完成：新增 2 个单元，更新 0 个')).toBeVisible({ timeout: 30_000 });

  // The building's rent-control table shows them on the floor the import created.
  await page.getByRole('button', { name: '查看楼宇与租控' }).click();
  await expect(page).toHaveURL(/\/property$/);
  await page.getByRole('link', { name: BUILDING, exact: true }).click();
  await expect(page).toHaveURL(/\/property\/buildings\/[^/]+$/);
  await expect(page.getByTestId('floor-9')).toBeVisible();
  const lab = page.getByTestId(`unit-${codes[0]}`);
  await expect(lab).toHaveAttribute('data-status', 'vacant');
  await expect(lab).toContainText('研发实验室');
  await expect(lab).toContainText('160 m²');
  const office = page.getByTestId(`unit-${codes[2]}`);
  await expect(office).toHaveAttribute('data-status', 'fitting_out');
  await expect(office).toContainText('240 m²');
  await expect(page.getByTestId(`unit-${codes[1]}`)).toHaveCount(0);
  await rm(dir, { recursive: true, force: true });
});

/** A demo building with 6 floors; its own sheet has no 楼宇 column and puts one unit on a 7th floor. */
const LAB_BUILDING = 'B 栋 研发实验楼';

test("a property manager imports a building's own sheet, without a building column, from the building's page", async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'kaimen-e2e-units-b-'));
  const tag = unique('B');
  const codes = [`${tag}-1`, `${tag}-2`];
  const file = join(dir, `${tag}-租控表.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('租控表');
  ws.addRow(['楼层', '房号', '类型', '面积（㎡）', '租金（元/㎡·月）']);
  ws.addRow(['7F', codes[0], '研发实验室', 310, 72]);
  ws.addRow([7, codes[1], '办公', 150, 60]);
  await wb.xlsx.writeFile(file);

  await signIn(page, 'property');
  await openFromNav(page, '载体', '楼宇与租控', /\/property$/);
  await page.getByRole('link', { name: LAB_BUILDING, exact: true }).click();
  await expect(page).toHaveURL(/\/property\/buildings\/[^/]+$/);
  const buildingUrl = page.url();
  await page.getByTestId('building-unit-import').click();
  await expect(page).toHaveURL(/\/property\/import\/units\?buildingId=/);
  await expect(page.getByTestId('import-target')).toContainText(`导入到：${LAB_BUILDING}`);
  await page.locator('input[type=file]').setInputFiles(file);

  await expect(page.getByText('已在第 1 行找到表头。')).toBeVisible();
  await expect(page.getByTestId('import-target')).toContainText(`导入到：${LAB_BUILDING}`);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByTestId('import-count-new')).toContainText('2');
  await expect(page.getByTestId('import-count-invalid')).toContainText('0');

  await page.getByTestId('import-run').click();
  await page.getByRole('dialog').getByRole('button', { name: '导入 2 个单元' }).click();
  await expect(page.getByText('导入完成：新增 2 个单元，更新 0 个')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: '查看本楼宇租控表' }).click();
  await expect(page).toHaveURL(buildingUrl);
  await expect(page.getByTestId('floor-7')).toBeVisible();
  const lab = page.getByTestId(`unit-${codes[0]}`);
  await expect(lab).toContainText('研发实验室');
  await expect(lab).toContainText('310 m²');
  await expect(page.getByTestId(`unit-${codes[1]}`)).toContainText('150 m²');
  await rm(dir, { recursive: true, force: true });
});

test('an investment officer, who reads the inventory but may not import it, sees no import button', async ({
  page,
}) => {
  await signIn(page, 'investment');
  await page.goto('/property');
  await expect(page.getByRole('link', { name: BUILDING, exact: true })).toBeVisible();
  await expect(page.getByTestId('unit-import')).toHaveCount(0);
  await expect(page.getByTestId('parcel-import')).toHaveCount(0);
  await page.goto('/property/import/units');
  await expect(page.getByText('您的角色无权打开此页面。')).toBeVisible();
});
