import { fileURLToPath } from 'node:url';
import { expect, signIn, test } from '../fixtures.js';

const TARGET = fileURLToPath(new URL('../../../docs/screenshot.png', import.meta.url));

// Refreshes the README's picture only when asked: KAIMEN_SCREENSHOT=1 npx playwright test -c packages/e2e screenshot
test('screenshot of the admin users page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('row', { name: /admin/ }).first()).toBeVisible();
  await page.screenshot({ path: TARGET });
});
