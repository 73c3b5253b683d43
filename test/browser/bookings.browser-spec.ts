import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Booking, CustomerValue } from '@crm/contracts';
import { formatMoney, formatPercent } from '../../apps/admin/src/format';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * What an account manager sees of bookings in the console (demo data: two years of bookings from 'erp' and
 * 'ota-feizhu'): a customer's value and booking timeline, the filtered bookings list, and reviewing a
 * suggested duplicate through to the merge.
 */
const KEEP = '测试合并保留';
const GONE = '测试合并并入';
const SHARED_PHONE = '13911112222';

jest.setTimeout(60_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let keepId: string;
let goneId: string;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const text = (testId: string) => page.getByTestId(testId).textContent();

beforeAll(async () => {
  session = await openConsole({ env: { DEMO_DATA: 'true' } });
  ({ server, page } = session);
  const create = (name: string) => apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name, phone: SHARED_PHONE } });
  keepId = (await create(KEEP)).id;
  goneId = (await create(GONE)).id;
  await signInAsAdmin(page, server.url);
}, 120_000);

afterAll(() => session?.close());

test("a customer's page shows the value figures the API computes and a timeline of its bookings", async () => {
  // The customer with the most bookings among the latest 200.
  const recent = await apiCall<{ items: Booking[] }>('/bookings?limit=200');
  const counts = new Map<string, number>();
  for (const b of recent.items) counts.set(b.customerId, (counts.get(b.customerId) ?? 0) + 1);
  const [customerId] = [...counts].sort((x, y) => y[1] - x[1])[0];
  const value = await apiCall<CustomerValue>(`/customers/${customerId}/value`);
  const bookings = await apiCall<{ items: Booking[] }>(`/bookings?customerId=${customerId}&limit=50`);

  await page.goto(`${server.url}/customers/${customerId}`);
  await page.getByTestId('value-lifetime').waitFor();
  await expect(text('value-lifetime')).resolves.toContain(formatMoney(value.lifetimeValue, 'zh-CN'));
  await expect(text('value-last12')).resolves.toContain(formatMoney(value.salesLast12Months, 'zh-CN'));
  await expect(text('value-trips')).resolves.toContain(String(value.trips));
  await expect(text('value-aov')).resolves.toContain(value.averageOrderValue ? formatMoney(value.averageOrderValue, 'zh-CN') : '—');
  await expect(text('value-cancellation')).resolves.toContain(value.cancellationRate === null ? '—' : formatPercent(value.cancellationRate, 'zh-CN'));
  await expect(text('value-paid-late')).resolves.toContain(value.payment.shareLate === null ? '—' : formatPercent(value.payment.shareLate, 'zh-CN'));
  if (value.favouriteDestinations.length) await expect(text('favourite-destinations')).resolves.toContain(value.favouriteDestinations[0].key);
  await expect(page.getByTestId('travel-months').getByRole('listitem').count()).resolves.toBe(12);

  // The timeline: every booking, newest first, each with its status.
  const items = page.getByTestId('booking-item');
  await items.first().waitFor();
  await expect(items.count()).resolves.toBe(bookings.items.length);
  await expect(items.first().textContent()).resolves.toContain(formatMoney(bookings.items[0].amount, 'zh-CN'));
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-customer.png'), fullPage: true });

  // Opening one shows how its status changed.
  await items.first().getByRole('button').click();
  const history = page.getByTestId('status-history');
  await history.waitFor();
  await expect(history.textContent()).resolves.toMatch(/创建为「(询价|已确认|已取消|已完成)」/);
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-status-history.png') });
  await page.keyboard.press('Escape');
  await history.waitFor({ state: 'hidden' });
});

test('the bookings list filters by status and source, and the filters live in the URL', async () => {
  await page.getByRole('menuitem', { name: '订单' }).click();
  await page.waitForURL('**/bookings');
  await page.getByTestId('booking-row').first().waitFor();

  await page.getByTestId('booking-status-filter').click();
  await page.locator('.ant-select-item-option[title="已完成"]').click();
  await page.getByTestId('booking-source-filter').fill('ota-feizhu');
  await page.waitForURL((url) => url.searchParams.get('status') === 'completed' && url.searchParams.get('source') === 'ota-feizhu');
  await page.getByTestId('booking-table').and(page.locator('[aria-busy="false"]')).waitFor();

  const expected = await apiCall<{ items: Booking[] }>('/bookings?status=completed&source=ota-feizhu&limit=50');
  expect(expected.items.length).toBeGreaterThan(0);
  await expect(page.getByTestId('booking-table').getAttribute('data-loaded')).resolves.toBe(String(expected.items.length));
  const rows = await page.getByTestId('booking-row').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toContain('已完成');
    expect(row).toContain('ota-feizhu');
  }
  // Each row names its customer and links to it.
  await expect(page.getByTestId('booking-customer').first().getAttribute('href')).resolves.toBe(`/customers/${expected.items[0].customerId}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-list.png') });

  // A shared link opens the same view.
  await page.goto(page.url());
  await page.getByTestId('booking-row').first().waitFor();
  await expect(page.getByTestId('booking-source-filter').inputValue()).resolves.toBe('ota-feizhu');
  await expect(page.getByTestId('booking-status-filter').textContent()).resolves.toContain('已完成');
});

test('a suggested duplicate is merged into the chosen customer, and the old id opens the survivor', async () => {
  await page.getByRole('menuitem', { name: '重复客户' }).click();
  await page.waitForURL('**/duplicates');
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: KEEP }).filter({ hasText: GONE });
  await pair.waitFor();
  await expect(pair.textContent()).resolves.toContain('电话相同');
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-duplicates.png') });

  await pair.locator('.ant-col').filter({ hasText: KEEP }).getByRole('button', { name: '合并到此客户' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.textContent()).resolves.toContain(`${GONE} 的订单、外部编号和归属历史将移到 ${KEEP} 名下`);
  await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-merge-confirm.png') });
  await dialog.getByRole('button', { name: /合\s*并/ }).click();

  await pair.waitFor({ state: 'detached' });
  const done = page.getByTestId('merge-done');
  await expect(done.textContent()).resolves.toContain(`已将 ${GONE} 合并到 ${KEEP}`);
  await done.getByRole('link').click();
  await page.waitForURL(`**/customers/${keepId}`);

  await page.goto(`${server.url}/customers/${goneId}`);
  await page.waitForURL(`**/customers/${keepId}`);
  await expect(text('customer-name')).resolves.toBe(KEEP);
});

test('the administrator sets who owns the customers booking systems create', async () => {
  await page.getByRole('menuitem', { name: '用户' }).click();
  const card = page.getByTestId('owner-rule-card');
  await card.getByLabel('全部交给一位负责人').check();
  await card.getByRole('button', { name: /保\s*存/ }).click();
  // An owner is required for this rule.
  await card.getByText('请选择负责人').waitFor();
  await card.getByRole('combobox').fill('zhang.wei@example.com');
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存新客户归属规则').waitFor();
  const users = await apiCall<{ items: { id: string; email: string }[] }>('/users');
  await expect(apiCall('/settings/new-customer-owner')).resolves.toEqual({ mode: 'default_owner', defaultOwnerId: users.items.find((u) => u.email === 'zhang.wei@example.com')!.id });
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-owner-rule.png'), fullPage: true });
});

test('in English, the same pages read well', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByRole('menuitem', { name: 'Bookings' }).click();
  await page.getByTestId('booking-row').first().waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-list-en.png') });
  await page.getByTestId('booking-customer').first().click();
  await page.getByTestId('value-lifetime').waitFor();
  await page.getByTestId('booking-item').first().waitFor();
  await expect(page.getByTestId('section-value').textContent()).resolves.toContain('Lifetime value');
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-customer-en.png'), fullPage: true });
  for (const name of ['Test Twin', 'Test Twin']) await apiCall('/customers', { method: 'POST', body: { type: 'individual', name, email: 'twin@example.com' } });
  await page.getByRole('menuitem', { name: 'Duplicates' }).click();
  await page.getByTestId('duplicate-pair').filter({ hasText: 'Same email' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'bookings-duplicates-en.png') });
});
