import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Customer, CustomerList, JobRun, TierChange, TieringSummary, TierPolicy } from '@crm/contracts';
import { formatMoney } from '../../apps/admin/src/format';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * The manager flow of the tiers issue on the demo data: the tiers page (Pareto curve, matrix), the A line
 * moved from 50 % to 45 % with a preview of what moves, saved, the job run from the console, a customer who
 * moved with the new tier, the reason and the history, and the account manager's notification of it.
 */
const DEMO_PASSWORD = 'demo12345';

jest.setTimeout(120_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `tiers-${name}.png`), fullPage: true });

async function until<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const v = await get();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs a job through the jobs API and waits for it to finish. */
async function runJob(name: string): Promise<JobRun> {
  const { id } = await apiCall<JobRun>(`/jobs/${name}/runs`, { method: 'POST', body: {} });
  return until(name, () => apiCall<JobRun>(`/jobs/runs/${id}`), (r) => r.state === 'completed' || r.state === 'failed');
}

/** Signs in as someone else (in whichever language the console is in). */
async function signIn(email: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/login`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL('**/customers');
}

beforeAll(async () => {
  session = await openConsole({ env: { DEMO_DATA: 'true' } });
  ({ server, page } = session);
  // The start-up run (a missed nightly one) tiers everyone; its notifications are relayed before the flow begins.
  await until('the start-up retier run', () => apiCall<TieringSummary>('/tiering/summary'), (s) => s.runs.some((r) => r.state === 'completed'));
  expect((await runJob('outbox-relay')).state).toBe('completed');
  await signInAsAdmin(page, server.url);
}, 180_000);

afterAll(() => session?.close());

test('the tiers page shows customers per tier, the Pareto curve with the A and B lines, and the matrix', async () => {
  const summary = await apiCall<TieringSummary>('/tiering/summary');
  await page.getByRole('menuitem', { name: '客户分级' }).click();
  await page.waitForURL('**/tiers');
  await page.getByTestId('pareto-chart').waitFor();
  await expect(page.getByTestId('pareto-line').count()).resolves.toBe(2);
  await expect(page.getByTestId('pareto-chart').textContent()).resolves.toContain('A 线 50%');
  const a = summary.tiers.find((t) => t.tier === 'A')!;
  await expect(page.getByTestId('tier-card-A').textContent()).resolves.toContain(String(a.customers));
  for (const q of summary.quadrants) await expect(page.getByTestId(`quadrant-${q.key}`).textContent()).resolves.toContain(String(q.customers));
  await expect(page.getByTestId('retier-run-state').first().textContent()).resolves.toBe('已完成');
  await shot('page');

  // A quadrant opens the customer list filtered by it.
  const loyal = summary.quadrants.find((q) => q.key === 'large_loyal')!;
  await page.getByTestId('quadrant-large_loyal').click();
  await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('quadrant') === 'large_loyal');
  await page.getByTestId('customer-table').and(page.locator('[aria-busy="false"]')).waitFor();
  await expect(page.getByTestId('customer-table').getAttribute('data-loaded')).resolves.toBe(String(Math.min(loyal.customers, 50)));
  await expect(page.getByTestId('customer-quadrant-filter').textContent()).resolves.toContain('规模大 · 忠诚度高');
});

test('the A line moved from 50 % to 45 %: the preview shows A → B moves, and saving makes version 1', async () => {
  await page.getByRole('menuitem', { name: '客户分级' }).click();
  await page.getByTestId('tier-policy-link').click();
  await page.waitForURL('**/tiers/policy');
  const aLine = page.getByLabel('A 线（累计销售额占比）');
  await expect(aLine.inputValue()).resolves.toBe('50');
  await aLine.fill('45');

  await page.getByTestId('policy-preview').click();
  await page.getByTestId('move-matrix').waitFor();
  const aToB = Number(await page.getByTestId('move-A-B').textContent());
  expect(aToB).toBeGreaterThan(0);
  await expect(page.getByTestId('move-total').textContent()).resolves.toMatch(/^\d+ 位客户的等级将变化/);
  await page.getByTestId('move-matrix').scrollIntoViewIfNeeded();
  await shot('policy-preview');

  await page.getByLabel('修改说明').fill('A 线改为 45%');
  await page.getByTestId('policy-save').click();
  await page.getByTestId('policy-versions').getByText('A 线改为 45%').waitFor();
  const policy = await apiCall<TierPolicy>('/tiering/policy');
  expect(policy).toMatchObject({ version: 1, note: 'A 线改为 45%', rules: { aSharePercent: 45, bSharePercent: 80 } });
});

let moved: Customer;

test('re-tiering from the console completes, and a customer who moved shows the new tier, the reason and the history', async () => {
  await page.getByRole('menuitem', { name: '客户分级' }).click();
  await page.getByTestId('retier-now').click();
  await page.getByTestId('retier-progress').getByText('已完成').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('retier-run-state').first().textContent()).resolves.toBe('已完成');
  await expect(page.getByTestId('pareto-chart').textContent()).resolves.toContain('A 线 45%');
  await shot('after-run');

  // The best B customers are the ones the lower A line pushed down.
  const bs = await apiCall<CustomerList>('/customers?tier=B&sort=-value&limit=50');
  for (const c of bs.items) {
    const history = await apiCall<{ items: TierChange[] }>(`/customers/${c.id}/tier-history`);
    if (history.items[0]?.fromTier === 'A' && history.items[0].toTier === 'B') {
      moved = c;
      break;
    }
  }
  expect(moved).toBeDefined();

  await page.goto(`${server.url}/customers/${moved.id}`);
  await page.getByTestId('tier-reason').waitFor();
  await expect(page.getByTestId('customer-tier').textContent()).resolves.toBe('B');
  const reason = moved.tierReason as { sales: number; rank: number };
  await expect(page.getByTestId('tier-reason').textContent()).resolves.toContain(formatMoney({ value: reason.sales, currency: 'CNY' }, 'zh-CN'));
  await expect(page.getByTestId('tier-reason').textContent()).resolves.toContain(`第 ${reason.rank} 名`);
  const items = page.getByTestId('tier-history-item');
  await expect(items.count()).resolves.toBeGreaterThanOrEqual(2);
  await expect(items.first().textContent()).resolves.toMatch(/^A→B/);
  await expect(page.getByTestId('section-value').isVisible()).resolves.toBe(true);
  await page.getByTestId('section-tier').screenshot({ path: join(SCREENSHOTS, 'tiers-customer.png') });
});

test('after the outbox is relayed, the account manager sees the move in the bell and opens the customer', async () => {
  expect((await runJob('outbox-relay')).state).toBe('completed');
  await signIn(moved.owner.email, DEMO_PASSWORD);

  const bell = page.getByTestId('notification-bell');
  await page.getByTestId('notification-count').locator('.ant-badge-count').waitFor();
  await bell.click();
  const item = page.getByTestId('notification-item').filter({ hasText: `${moved.name} 从 A 降到 B` });
  await item.first().waitFor();
  await page.waitForTimeout(300); // the popover's opening animation, for the screenshot
  await shot('notifications');

  await item.first().click();
  await page.waitForURL(`**/customers/${moved.id}`);
  await page.getByTestId('customer-tier').waitFor();

  // Mark all read: the count goes away.
  await bell.click();
  await page.getByTestId('notifications-read-all').click();
  await page.getByTestId('notification-count').locator('.ant-badge-count').waitFor({ state: 'detached' });
});

test('the pages read well in English', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification-item').filter({ hasText: `${moved.name} moved A → B` }).count()).resolves.toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('section-tier').screenshot({ path: join(SCREENSHOTS, 'tiers-customer-en.png') });

  await signIn('manager@example.com', DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: 'Tiers' }).click();
  await page.getByTestId('pareto-chart').waitFor();
  await shot('page-en');
  await page.getByTestId('tier-policy-link').click();
  await page.getByTestId('policy-versions').getByText('v1').waitFor();
  // Managers read the policy and may preview, but not change it.
  await expect(page.getByLabel('A line (cumulative share of sales)').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('policy-save').count()).resolves.toBe(0);
  await page.getByTestId('policy-preview').click();
  await page.getByTestId('move-matrix').waitFor();
  await page.getByTestId('move-matrix').scrollIntoViewIfNeeded();
  await shot('policy-en');
});
