import { defineConfig } from '@playwright/test';

/** Debian's Chromium: `npx playwright install` cannot download browsers on these machines. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './specs',
  // The README picture is refreshed only on request (KAIMEN_SCREENSHOT=1), so it is not a skipped test in every run.
  testIgnore: process.env.KAIMEN_SCREENSHOT ? [] : ['**/screenshot.spec.ts'],
  globalSetup: './global-setup.ts',
  // One server and one database for the whole run: specs seed their own records, serially.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    // Set by global-setup.ts, which starts the server on a free port.
    baseURL: process.env.KAIMEN_E2E_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
