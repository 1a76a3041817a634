import { test as base, expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** The password of every demo user (`seed --demo` reads it from KAIMEN_DEMO_PASSWORD). */
export const DEMO_PASSWORD = process.env.KAIMEN_DEMO_PASSWORD ?? 'Kaimen-demo-2026';
/** A super_admin that global-setup.ts adds beside the demo tenant. */
export const PLATFORM_OPERATOR = 'platform';
/** Meets the password policy (8+ characters, 3 classes). */
export const NEW_PASSWORD = 'E2e-Passw0rd!';

/** A name no earlier run or spec has used. */
export const unique = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export interface ApiUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  disabled: boolean;
}

/** The demo admin over the JSON API, for seeding what a spec needs without clicking. */
export class AdminApi {
  private constructor(
    private readonly ctx: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseURL: string, username = 'admin', password = DEMO_PASSWORD): Promise<AdminApi> {
    const ctx = await request.newContext({ baseURL });
    const res = await ctx.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new AdminApi(ctx, csrfToken);
  }

  async createUser(input: {
    username: string;
    displayName: string;
    role: string;
    password?: string;
  }): Promise<ApiUser> {
    const res = await this.ctx.post('/api/users', {
      data: { password: NEW_PASSWORD, ...input },
      headers: { 'X-CSRF-Token': this.csrfToken },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as ApiUser;
  }

  async findUser(username: string): Promise<ApiUser> {
    const res = await this.ctx.get('/api/users', { params: { q: username } });
    expect(res.ok(), await res.text()).toBe(true);
    const { items } = (await res.json()) as { items: ApiUser[] };
    const user = items.find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username}`);
    return user;
  }

  /** Sets which roles must use TOTP, whatever the current version. */
  async setTotpRequiredRoles(roles: string[]): Promise<void> {
    const current = await this.ctx.get('/api/settings/security');
    const { version } = (await current.json()) as { version: number };
    const res = await this.ctx.put('/api/settings/security', {
      data: { totpRequiredRoles: roles, version },
      headers: { 'X-CSRF-Token': this.csrfToken },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }

  dispose(): Promise<void> {
    return this.ctx.dispose();
  }
}

export const test = base.extend<{ adminApi: AdminApi }>({
  adminApi: async ({ baseURL }, use) => {
    const api = await AdminApi.signIn(baseURL ?? '');
    await use(api);
    await api.dispose();
  },
});

export { expect };

/** Fills the login form, whatever the UI language (the fields are found by their ids). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().endsWith('/login')) await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
}

/** Signs in and waits for the main layout. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/**
 * Picks an option of the antd Select, in the open dialog, whose form label is `label` (a required one reads "* label"),
 * and waits until its list has closed: a list still fading out lies over the next field and takes its click.
 */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const combobox = page.getByRole('dialog').getByRole('combobox', { name: new RegExp(`^(\\* )?${label}$`) });
  const openList = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await openList.count()) === 0) await combobox.click();
    await openList.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 2_000 });
    await expect(openList).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Picks a company in an EnterpriseSelect (`field`): types `search`, clicks the option `name` and waits until the field
 * shows it and its list has closed. The options arrive from the server as one types: a click on a list that is being
 * replaced is lost (seen in CI), so the pick is tried again until the field shows the company.
 */
export async function pickEnterprise(page: Page, field: Locator, search: string, name: string): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if (!((await field.textContent()) ?? '').includes(name)) {
      if ((await openList.count()) === 0) {
        await field.click();
        await page.keyboard.type(search);
      }
      await openList.locator('.ant-select-item-option', { hasText: name }).first().click({ timeout: 3_000 });
    }
    await expect(field).toContainText(name, { timeout: 2_000 });
    await expect(openList).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Opens an antd dropdown menu with `opener` and clicks its item `name` once the menu has stopped sliding in, then waits
 * until it has closed: an item clicked while the menu still moves lands on its neighbour or on nothing (seen in CI).
 */
export async function pickFromMenu(page: Page, opener: Locator, name: string): Promise<void> {
  const openMenu = page.locator('.ant-dropdown:visible');
  await expect(async () => {
    if ((await openMenu.count()) === 0) await opener.click();
    await expect(openMenu).not.toHaveClass(/-(enter|appear)/, { timeout: 2_000 });
    await openMenu.getByRole('menuitem', { name, exact: true }).click({ timeout: 2_000 });
    await expect(openMenu).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Opens a page from the side navigation: the group (`group`, if the item sits in one) is expanded, then the item is
 * clicked until the address is the page's. An item clicked while its submenu still slides open is lost (seen on a busy
 * machine: the click landed, the route stayed).
 */
export async function openFromNav(page: Page, group: string | null, item: string, url: RegExp): Promise<void> {
  const nav = page.getByTestId('side-nav');
  const entry = nav.getByRole('menuitem', { name: new RegExp(`(^| )${item}$`) });
  await expect(async () => {
    if (group && !(await entry.isVisible())) await nav.getByText(group, { exact: true }).click();
    await entry.click({ timeout: 2_000 });
    await expect(page).toHaveURL(url, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Drags a board card onto a column with HTML5 drag and drop and waits until the column shows it; Chromium sometimes
 * drops a drag that starts while the board is still scrolling (seen in CI), so a drag the board did not take is tried
 * again. A drag the server refuses is not retried: its dialog stays open and the card stays where it was.
 */
export async function dragCard(card: Locator, column: Locator, landed: Locator): Promise<void> {
  await expect(async () => {
    if ((await landed.count()) === 0) await card.dragTo(column, { timeout: 5_000 });
    await expect(landed).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** Types a code into antd's six one-digit boxes, one box at a time as a person would. */
export async function fillOtp(scope: Page | Locator, code: string): Promise<void> {
  for (const [index, digit] of [...code].entries()) {
    await scope.getByRole('textbox', { name: `OTP Input ${index + 1}` }).fill(digit);
  }
}
