import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseOption, expect, openFromNav, signIn, test, unique } from '../fixtures.js';

/** The fills ParcelMap.tsx gives an idle and an in-use parcel (PARCEL_STATUS_COLORS), as canvas pixels read them. */
const IDLE = '250,84,28';
const IN_USE = '82,196,26';
/** More pixels than a legend symbol has (20 × 14, or 1,120 at pixel ratio 2): a parcel itself was drawn. */
const MIN_PIXELS = 1_500;

/** What the check reads of the canvas (this workspace compiles without the DOM library). */
interface Canvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** How many pixels of each exact colour the map's canvas holds. */
async function mapColours(page: Page): Promise<Record<string, number>> {
  return page
    .locator('[data-testid=parcel-map] canvas')
    .first()
    .evaluate((node) => {
      const canvas = node as unknown as Canvas;
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) return {};
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const counts: Record<string, number> = {};
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255) continue;
        const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    });
}

test.describe('property: parcel map, occupancy dashboard and the leases export', () => {
  test('a property manager sees the parcels drawn by status on the map, and the occupancy figures', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'property');
    await openFromNav(page, '载体', '地块地图', /\/property\/map$/);

    const map = page.getByTestId('parcel-map');
    await expect(map).toBeVisible();
    // ECharts draws after its layout and animation: wait until the parcels' fills are on the canvas.
    await expect
      .poll(async () => {
        const colours = await mapColours(page);
        return (colours[IDLE] ?? 0) >= MIN_PIXELS && (colours[IN_USE] ?? 0) >= MIN_PIXELS;
      })
      .toBe(true);
    const shot = await map.screenshot({ path: testInfo.outputPath('parcel-map.png') });
    expect(shot.length).toBeGreaterThan(5_000);
    const colours = await mapColours(page);
    // Not blank: many colours (fills, borders, the legend's text), and both statuses' fills over large areas.
    expect(Object.keys(colours).length).toBeGreaterThan(10);
    expect(colours[IDLE]).toBeGreaterThan(MIN_PIXELS);
    expect(colours[IN_USE]).toBeGreaterThan(MIN_PIXELS);

    await openFromNav(page, '载体', '出租率', /\/property\/occupancy$/);
    await expect(page.getByTestId('occupancy-kpi-vacancy')).toContainText(/\d+\.\d%/);
    await expect(page.getByTestId('occupancy-kpi-vacant-area')).toContainText(/[\d,]+ m²/);
    await expect(page.getByTestId('occupancy-kpi-idle-land')).toContainText(/[1-9][\d,]* m²/);
    await expect(page.getByTestId('occupancy-kpi-ending')).toContainText(/90 天内到期租约\s*[1-9]\d*/);
    await expect(page.getByTestId('occupancy-by-building')).toBeVisible();
    await expect(page.getByTestId('occupancy-by-type')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('occupancy.png'), fullPage: true });
    await expect(page.getByTestId('occupancy-ending').locator('tbody tr.ant-table-row').first()).toContainText(
      /\d+ 天/,
    );
  });

  test('the leases page exports its list as an xlsx with rows', async ({ page }) => {
    await signIn(page, 'property');
    await page.goto('/property/leases');
    await expect(page.getByTestId('leases-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lease-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^租赁台账-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('租赁台账');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['企业名称', '楼宇', '单元']);
    expect(sheet.rowCount).toBeGreaterThan(50);
  });

  test('the manager adds a parcel, marks it in use, and deletes it again', async ({ page }) => {
    const code = unique('DK').slice(0, 20);
    await signIn(page, 'property');
    await openFromNav(page, '载体', '地块', /\/property\/parcels/);
    await page.getByTestId('parcel-create').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('地块编号').fill(code);
    await drawer.getByLabel('地块名称').fill('北区 试验 地块');
    await drawer.getByLabel('面积（m²）').fill('20000');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();

    await page.getByRole('searchbox').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByTestId('parcels-table').locator('tr', { hasText: code });
    await expect(row.getByTestId('parcel-status-idle')).toBeVisible();
    await expect(row).toContainText('30.0 亩');
    await row.getByRole('button', { name: '编辑' }).click();
    await chooseOption(page, '状态', '在用');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(row.getByTestId('parcel-status-in_use')).toBeVisible();

    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '删除' }).click();
    await expect(page.getByText('已删除', { exact: true })).toBeVisible();
    await expect(page.getByTestId('parcels-table').locator('tr', { hasText: code })).toHaveCount(0);
  });
});
