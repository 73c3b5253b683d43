import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { adminApi, openConsole, SCREENSHOTS, type ConsoleSession } from '../support/console';
import { TEST_ADMIN } from '../support/test-app';

/**
 * The admin console, built by Vite and served by the real API (scratch database, demo data), driven in
 * Debian's headless Chromium through what staff do all day: sign in, find a customer, edit it, get told
 * what is wrong, switch the language.
 */
const UNIQUE_NAME = '测试欧阳娜娜';

jest.setTimeout(60_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let customerId: string;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);

const customerListCalls = (requests: Request[]) =>
  requests.filter((r) => r.method() === 'GET' && new URL(r.url()).pathname === '/api/v1/customers').map((r) => new URL(r.url()).searchParams);

beforeAll(async () => {
  session = await openConsole({ env: { DEMO_DATA: 'true' } });
  ({ server, page } = session);
  const created = await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: UNIQUE_NAME, phone: '13800138000', city: '成都' } });
  customerId = created.id;
}, 120_000);

afterAll(() => session?.close());

test('an unauthenticated visitor is sent to sign in, and a wrong password is refused on the page', async () => {
  await page.goto(`${server.url}/customers`);
  await page.waitForURL('**/login');
  await page.getByLabel('邮箱').fill(TEST_ADMIN.email);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('邮箱或密码不正确');
  expect(new URL(page.url()).pathname).toBe('/login');
});

test('signing in opens the customer list: loading first, then rows', async () => {
  // Hold the first page back a little so the loading state can be seen.
  await page.route('**/api/v1/customers?**', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.getByLabel('密码').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/customers');

  const table = page.getByTestId('customer-table');
  await table.and(page.locator('[aria-busy="true"]')).waitFor();
  expect(await page.getByTestId('customer-row').count()).toBe(0);

  await page.getByTestId('customer-row').first().waitFor();
  await table.and(page.locator('[aria-busy="false"]')).waitFor();
  await page.unroute('**/api/v1/customers?**');
  expect(await table.getAttribute('data-loaded')).toBe('50');
  // The row shows the formatted lifetime value and a readable phone number.
  await expect(page.getByTestId('customer-row').first().textContent()).resolves.toMatch(/¥[\d,]+\.\d{2}/);
  await expect(page.getByTestId('list-status').textContent()).resolves.toContain('已加载 50 位客户');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-list.png') });
});

test('scrolling to the end of the list loads the next page', async () => {
  const table = page.getByTestId('customer-table');
  const loaded = async () => Number(await table.getAttribute('data-loaded'));
  await page.getByTestId('customer-row').first().hover();
  for (let i = 0; i < 50 && (await loaded()) <= 50; i++) {
    await page.mouse.wheel(0, 1000);
    await page.waitForTimeout(100);
  }
  // Whole pages of 50 appended below the first.
  expect(await loaded()).toBeGreaterThanOrEqual(100);
  expect((await loaded()) % 50).toBe(0);
});

test('typing part of a Chinese name finds the customer, with one request once typing pauses', async () => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const search = page.getByTestId('customer-search');
  await search.click();
  await page.keyboard.type('欧阳娜', { delay: 40 });

  const row = page.getByTestId('customer-row').filter({ hasText: UNIQUE_NAME });
  await row.waitFor();
  const rows = await page.getByTestId('customer-row').allTextContents();
  expect(rows.length).toBeGreaterThanOrEqual(1);
  for (const text of rows) expect(text).toContain('欧阳娜');
  // Debounced: no request went out for the half-typed "欧" or "欧阳".
  const searched = customerListCalls(requests).map((p) => p.get('q'));
  expect(searched).toContain('欧阳娜');
  expect(searched).not.toContain('欧');
  expect(searched).not.toContain('欧阳');
  expect(new URL(page.url()).searchParams.get('q')).toBe('欧阳娜');
});

test('opening the customer shows its profile, ownership history and honest placeholders', async () => {
  await page.getByTestId('customer-row').filter({ hasText: UNIQUE_NAME }).click();
  await page.waitForURL(`**/customers/${customerId}`);
  await expect(page.getByTestId('customer-name').textContent()).resolves.toBe(UNIQUE_NAME);
  await expect(page.getByTestId('customer-phone').textContent()).resolves.toBe('+86 138 0013 8000');
  await expect(page.getByTestId('customer-city').textContent()).resolves.toBe('成都');
  await expect(page.getByTestId('owner-history').textContent()).resolves.toContain('分配给 Administrator');
  await expect(page.getByTestId('section-lifecycle').textContent()).resolves.toContain('还没有成交，暂无健康分和出行预测');
  await page.getByTestId('section-complaints').getByText('该客户没有投诉').waitFor();
  await page.getByTestId('section-visits').getByText('还没有拜访').waitFor();
  // A new customer without sales has no tier yet.
  await expect(page.getByTestId('customer-tier').textContent()).resolves.toContain('未分级');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-customer.png') });
});

test('editing a field and saving shows the new value', async () => {
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.waitForURL(`**/customers/${customerId}/edit`);
  const city = page.getByLabel('城市');
  await city.fill('杭州');
  await page.getByRole('button', { name: /保\s*存/ }).click();

  await page.waitForURL(`**/customers/${customerId}`);
  await expect(page.getByTestId('customer-city').textContent()).resolves.toBe('杭州');
  const saved = await apiCall<{ city: string; phone: string }>(`/customers/${customerId}`);
  expect(saved).toMatchObject({ city: '杭州', phone: '+8613800138000' });
});

test("a bad phone number shows the server's validation error on the phone field", async () => {
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.waitForURL(`**/customers/${customerId}/edit`);
  const phone = page.getByRole('textbox', { name: '电话', exact: true });
  await phone.fill('123');
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/customers/${customerId}`));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const response = await answer;
  expect(response.status()).toBe(422);
  const problem = (await response.json()) as { errors: { field: string; message: string }[] };
  const serverMessage = problem.errors.find((e) => e.field === 'phone')?.message;
  expect(serverMessage).toBeTruthy();

  await page.locator('#customer_phone[aria-invalid="true"]').waitFor();
  await expect(page.locator('#customer_phone_help').textContent()).resolves.toContain(serverMessage!);
  expect(new URL(page.url()).pathname).toBe(`/customers/${customerId}/edit`);
  // Nothing was saved.
  await expect(apiCall<{ phone: string }>(`/customers/${customerId}`)).resolves.toMatchObject({ phone: '+8613800138000' });
  await page.screenshot({ path: join(SCREENSHOTS, 'console-phone-error.png') });
});

test('switching to English relabels the console, and the choice survives a reload', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByRole('menuitem', { name: 'Customers' }).waitFor();
  await page.getByRole('textbox', { name: 'Phone', exact: true }).waitFor();
  await expect(page.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(`Edit ${UNIQUE_NAME}`);
  await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(1);

  await page.goto(`${server.url}/customers/${customerId}`);
  await page.getByTestId('customer-name').waitFor();
  await expect(page.getByTestId('section-basic').textContent()).resolves.toContain('Basic profile');
  await page.getByTestId('section-visits').getByText('No visits yet').waitFor();
  await expect(page.getByRole('menuitem', { name: 'Customers' }).count()).resolves.toBe(1);
  await expect(page.getByText('客户', { exact: true }).count()).resolves.toBe(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-english.png') });
});

test("deactivating an account manager flags their customers, and a bulk transfer gives them a new owner", async () => {
  type Page<T> = { items: T[]; nextCursor: string | null };
  const users = await apiCall<Page<{ id: string; email: string; name: string }>>('/users');
  const leaver = users.items.find((u) => u.email === 'li.na@example.com')!;
  const heir = users.items.find((u) => u.email === 'zhang.wei@example.com')!;
  const owned = await apiCall<Page<unknown>>(`/customers?ownerId=${leaver.id}&limit=500`);
  expect(owned.items.length).toBeGreaterThan(0);

  await page.getByRole('menuitem', { name: 'Users' }).click();
  await page.waitForURL('**/users');
  const row = page.getByRole('row').filter({ hasText: leaver.email });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Deactivate' }).click();
  await row.getByText('Deactivated').waitFor();
  await page.getByTestId('needs-owner-notice').waitFor();

  const transfer = page.getByTestId('transfer-card');
  // Pick people the way a keyboard user does: search by email, Enter takes the match.
  await transfer.getByLabel('From').fill(leaver.email);
  await page.keyboard.press('Enter');
  await transfer.getByLabel('To').fill(heir.email);
  await page.keyboard.press('Enter');
  await transfer.getByText(`${leaver.name}（Deactivated）`).waitFor();
  await transfer.getByLabel('Reason').fill('left the company');
  await transfer.getByRole('button', { name: 'Transfer customers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Transfer customers' }).click();

  await expect(page.getByTestId('transfer-result').textContent()).resolves.toBe(`Moved ${owned.items.length} customers`);
  await expect(apiCall<Page<unknown>>('/customers?needsOwner=true&limit=1')).resolves.toMatchObject({ items: [] });
  await page.getByTestId('needs-owner-notice').waitFor({ state: 'detached' });
  await page.screenshot({ path: join(SCREENSHOTS, 'console-users.png') });
});

test('signing out returns to the sign-in page, and the console stays closed', async () => {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
  await page.goto(`${server.url}/customers`);
  await page.waitForURL('**/login');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
});
