import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';
import { sql, until } from '../support/http';

/**
 * A manager sets up a reactivation campaign (a bad quiet-hours time is flagged on its field), the daily job picks
 * the sleeping customers, and the campaign page shows what the messages brought against the hold-out, in a chart;
 * the customer page shows the message the customer got.
 */
jest.setTimeout(90_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let campaignId: string;
const DAY = 86_400_000;
// A week ago at 10:00 in Shanghai: outside quiet hours, so the messages were due then, and sales since count.
const asOf = new Date(Math.floor((Date.now() - 7 * DAY) / DAY) * DAY + 2 * 3_600_000);

type Run = { id: string; state: string };
const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  const me = (await sql(server, `SELECT id FROM users LIMIT 1`))[0].id;
  await sql(server,
    `WITH c AS (INSERT INTO customers (type, name, owner_id, phone, consent_sms, created_at)
                SELECT 'individual', '旅客' || lpad(n::text, 2, '0'), $1, '+86136' || lpad(n::text, 8, '0'), true, '2023-01-01' FROM generate_series(1, 24) n RETURNING id)
     INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
     SELECT 'erp', 'B-' || id, id, 'completed', '2024-09-01', '2024-10-02', '2024-10-07', '清迈', 'independent', 600000, 'CNY' FROM c`,
    [me]);
}, 120_000);

afterAll(() => session?.close());

test('a manager creates a campaign; a bad quiet-hours time is flagged on its field', async () => {
  await signInAsAdmin(page, server.url);
  await page.getByRole('menuitem', { name: '唤醒活动' }).click();
  await page.waitForURL('**/campaigns');
  await page.getByText('还没有唤醒活动').waitFor();

  await page.getByTestId('campaign-new').click();
  const form = page.getByTestId('campaign-form');
  await form.getByLabel('名称').fill('冬季唤醒');
  await form.getByLabel('对照组比例（%）').fill('50');
  await form.getByLabel('免打扰开始').fill('25:00');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await form.getByText('quietStart must be HH:MM').waitFor();
  expect(await apiCall<{ items: unknown[] }>('/campaigns')).toEqual({ items: [] });

  await form.getByLabel('免打扰开始').fill('21:00');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  campaignId = page.url().split('/').pop()!;
  await page.getByTestId('campaign-title').getByText('冬季唤醒').waitFor();
  await page.getByTestId('campaign-nobody').waitFor();
  const saved = await apiCall<{ discountPercent: number; holdoutPercent: number; channels: string[]; quietStart: string; quietEnd: string }>(`/campaigns/${campaignId}`);
  expect(saved).toMatchObject({ discountPercent: 15, holdoutPercent: 50, channels: ['sms', 'email'], quietStart: '21:00', quietEnd: '09:00' });
});

test('after the daily job and some sales, the page shows sent, converted and revenue against the control group, with the lift', async () => {
  const run = await apiCall<Run>('/jobs/reactivate-sleeping/runs', { method: 'POST', body: { asOf: asOf.toISOString() } });
  await until('the job', async () => (await apiCall<Run>(`/jobs/runs/${run.id}`)).state === 'completed');
  const groups = await sql(server, `SELECT customer_id, "group" FROM campaign_recipients WHERE campaign_id = $1 ORDER BY customer_id`, [campaignId]);
  const treated = groups.filter((g) => g.group === 'treated').map((g) => g.customer_id);
  const control = groups.filter((g) => g.group === 'control').map((g) => g.customer_id);
  expect(treated.length).toBeGreaterThanOrEqual(2);
  expect(control.length).toBeGreaterThanOrEqual(1);
  const saleAt = new Date(asOf.getTime() + DAY).toISOString();
  for (const [i, id] of [treated[0], treated[1], control[0]].entries()) {
    await sql(server, `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, destination, amount_value, amount_currency) VALUES ('erp', $1, $2, 'confirmed', $3, '东京', 880000, 'CNY')`, [`S-${i}`, id, saleAt]);
  }

  await page.reload();
  const figures = page.getByTestId('campaign-figures');
  await figures.waitFor();
  const row = (label: string) => figures.locator('tr').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
  await expect(row('客户数').getByTestId('figure-treated').textContent()).resolves.toBe(String(treated.length));
  await expect(row('客户数').getByTestId('figure-control').textContent()).resolves.toBe(String(control.length));
  await expect(row('转化').getByTestId('figure-treated').textContent()).resolves.toBe('2');
  await expect(row('转化').getByTestId('figure-control').textContent()).resolves.toBe('1');
  await expect(row('成交额').getByTestId('figure-treated').textContent()).resolves.toBe('¥17,600.00');
  const chart = page.getByTestId('campaign-chart');
  await expect(chart.getByRole('listitem').count()).resolves.toBe(2);
  await chart.getByRole('listitem', { name: new RegExp(`^发送组 ${Math.round((2 / treated.length) * 1000) / 10}%$`) }).waitFor();
  await page.getByTestId('campaign-lift').getByText('转化率提升').waitFor();
  await expect(page.getByTestId('customer-messages').locator('tbody tr.ant-table-row').count()).resolves.toBe(treated.length);
  await shot('campaign');
});

test("the customer page shows the customer's reactivation message", async () => {
  const [{ name }] = await sql(server, `SELECT c.name FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id WHERE r.campaign_id = $1 AND r."group" = 'treated' ORDER BY c.name LIMIT 1`, [campaignId]);
  await page.getByTestId('customer-messages').getByRole('link', { name }).click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
  const section = page.getByTestId('section-messages');
  await section.getByText('唤醒 · 冬季唤醒').click();
  await section.getByTestId('customer-message-body').getByText(/你在清迈的咖啡馆晒太阳/).waitFor();
  await expect(section.getByTestId('customer-message-state').textContent()).resolves.toBe('待发送');
});

test('in English, the campaign page reads well', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto(`${server.url}/campaigns/${campaignId}`);
  await page.getByTestId('campaign-figures').getByText('Messaged').waitFor();
  await page.getByTestId('campaign-lift').getByText('Conversion lift').waitFor();
  await page.getByText('Conversion rate, messaged against control').first().waitFor();
  await page.goto(`${server.url}/campaigns/00000000-0000-4000-8000-000000000000`);
  await page.getByText(/not found|404/i).first().waitFor();
  await shot('campaign-en');
});
