import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';
import { until } from '../support/http';

/**
 * An administrator finds out who changed a customer: opens the audit log, narrows it down, and opens the entry
 * to see the field before and after; or comes from the customer's page straight to its history.
 */
jest.setTimeout(60_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let customerId: string;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const auditRows = () => page.getByTestId('audit-table').locator('tbody tr.ant-table-row');

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  customerId = (await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: '审计王五', city: '成都' } })).id;
  await apiCall(`/customers/${customerId}`, { method: 'PATCH', body: { city: '重庆' } });
  // Another customer's entries, for the filters to leave out.
  await apiCall('/customers', { method: 'POST', body: { type: 'individual', name: '别的客户' } });
}, 120_000);

afterAll(() => session?.close());

test('an admin opens the audit log from the menu and sees the newest entries with who did them', async () => {
  await signInAsAdmin(page, server.url);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.waitForURL('**/audit');
  const created = auditRows().filter({ hasText: '新建客户' }).first();
  await created.waitFor();
  await expect(created.textContent()).resolves.toContain('员工');
});

test('filtering by action and record id narrows the list; opening the entry shows the field before and after', async () => {
  await page.getByLabel('操作', { exact: true }).fill('customer.update');
  await page.getByLabel('对象 ID').fill(customerId);
  await page.waitForURL((url) => url.searchParams.get('entityId') === customerId && url.searchParams.get('action') === 'customer.update');
  await until('one entry', async () => (await auditRows().count()) === 1);
  const row = auditRows().first();
  await expect(row.textContent()).resolves.toContain('修改客户');

  await row.click();
  const changes = page.getByTestId('audit-changes');
  await changes.waitFor();
  const cityRow = changes.getByRole('row').filter({ hasText: '城市' });
  await expect(cityRow.textContent()).resolves.toMatch(/城市.*成都.*重庆/);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-audit.png') });
});

test('a date range with no entries says so, and clearing the filters brings everything back', async () => {
  await page.getByLabel('开始日期').fill('2000-01-01');
  await page.getByLabel('结束日期').fill('2000-01-02');
  await page.getByText('没有符合条件的记录').waitFor();
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await page.waitForURL((url) => url.pathname === '/audit' && url.search === '');
  await until('every entry', async () => (await auditRows().count()) >= 3);
});

test("the customer page links to that customer's history", async () => {
  await page.goto(`${server.url}/customers/${customerId}`);
  await page.getByTestId('customer-audit-link').click();
  await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('entityId') === customerId);
  await until("the customer's two entries", async () => (await auditRows().count()) === 2);
  await expect(page.getByLabel('对象 ID').inputValue()).resolves.toBe(customerId);
});
