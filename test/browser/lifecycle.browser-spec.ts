import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { JobRun } from '@crm/contracts';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';
import { catchUpRunsEnded, sql, until } from '../support/http';

/**
 * The morning flow of issue 7: before the nightly churn-score the lifecycle page says there is nothing yet;
 * after it, the funnel counts the stages and the at-risk list shows the drifting customers, the most valuable
 * first, each with why; a row opens the customer, whose lifecycle section shows the health dial, the reasons,
 * the score's changes, P(alive), the predicted next trip and the stage history — in Chinese and in English. The two A customers who
 * turned red are calls for their owner to make within 3 days, and "called" takes one off the list.
 */
jest.setTimeout(120_000);

const AS_OF = '2026-06-30T18:00:00.000Z';
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(AS_OF) - days * DAY).toISOString();

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `lifecycle-${name}.png`), fullPage: true });

async function customer(name: string, salesDaysAgo: number[], lifetimeValue = 0): Promise<string> {
  const [admin] = await sql(server, `SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
  const [{ id }] = await sql(server, `WITH c AS (INSERT INTO customers (type, name, owner_id, tier) VALUES ('individual', $1, $2, 'A') RETURNING id),
       v AS (INSERT INTO customer_values (customer_id, lifetime_value) SELECT id, $3 FROM c) SELECT id FROM c`, [name, admin.id, lifetimeValue]);
  for (const [i, days] of salesDaysAgo.entries()) {
    await sql(
      server,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, amount_value, amount_currency)
       VALUES ('erp', $1, $2, 'completed', $3, ($3::timestamptz)::date + 20, ($3::timestamptz)::date + 27, 80000, 'CNY')`,
      [`${name}-${i}`, id, daysBefore(days)],
    );
  }
  return id;
}

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  // The start-up catch-up runs (nightly jobs missed before this server existed) finish on the empty database first.
  await catchUpRunsEnded(server);
  await sql(server, `INSERT INTO customers (type, name, owner_id) SELECT 'individual', '常客' || g, (SELECT id FROM users LIMIT 1) FROM generate_series(1, 60) g`);
  await sql(
    server,
    `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency)
     SELECT 'erp', 'B' || c.id || '-' || k, c.id, 'completed', $1::timestamptz - make_interval(days => (abs(hashtext(c.name || k)) % 1000) + 1), 30000, 'CNY'
     FROM customers c, generate_series(1, 1 + (abs(hashtext(c.name)) % 6)) k WHERE c.name LIKE '常客%'`,
    [AS_OF],
  );
  // Three trips, then 250 days of silence against their usual 85, and no contact for a tier-A customer: red.
  await customer('陈静（流失风险）', [420, 390, 250], 5_000_000);
  await customer('赵磊（流失风险）', [430, 400, 260], 1_000_000);
  await signInAsAdmin(page, server.url);
}, 180_000);

afterAll(() => session?.close());

test('before the first churn-score the page says there is nothing yet', async () => {
  await page.getByRole('menuitem', { name: '流失预警' }).click();
  await page.waitForURL('**/lifecycle');
  await page.getByTestId('funnel-empty').getByText('流失评分任务还没有运行').waitFor();
  await page.getByTestId('at-risk-table').getByText('没有处于流失风险的客户').waitFor();
  await page.getByTestId('plays').getByText('没有待回访的客户').waitFor();
});

test('after the job the funnel counts the stages and the at-risk list shows the most valuable first, with why', async () => {
  const { id } = await adminApi<JobRun>(server.url, '/jobs/churn-score/runs', { method: 'POST', body: { asOf: AS_OF } });
  const run = await until('churn-score', async () => {
    const r = await adminApi<JobRun>(server.url, `/jobs/runs/${id}`);
    return r.state === 'completed' || r.state === 'failed' ? r : null;
  }, 60_000);
  expect(run.state).toBe('completed');
  await page.reload();
  await page.getByTestId('lifecycle-funnel').waitFor();
  await expect(page.getByTestId('funnel-at_risk').getAttribute('aria-label')).resolves.toBe('有流失风险 2');
  await expect(page.getByTestId('funnel-prospect').getAttribute('aria-label')).resolves.toMatch(/^潜在客户 \d+$/);
  const rows = page.getByTestId('at-risk-row');
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(2);
  await expect(rows.nth(0).textContent()).resolves.toContain('陈静（流失风险）');
  await expect(rows.nth(1).textContent()).resolves.toContain('赵磊（流失风险）');
  const reasons = await rows.nth(0).getByTestId('at-risk-reasons').textContent();
  expect(reasons).toContain('距上次出行 250 天，通常间隔 85 天');
  expect(reasons).toContain('近 90 天联系 0 次，所在等级应联系 6.4 次');
  await shot('at-risk');
});

test('a row opens the customer: health dial, reasons, P(alive), next trip and stage history', async () => {
  await page.getByTestId('at-risk-row').first().click();
  await page.waitForURL('**/customers/*');
  const section = page.getByTestId('section-lifecycle');
  await section.getByTestId('health-gauge').waitFor();
  await expect(section.getByTestId('lifecycle-stage').textContent()).resolves.toBe('有流失风险');
  await expect(section.getByTestId('health-gauge').getAttribute('aria-label')).resolves.toMatch(/^健康分 \d+（危险）$/);
  await expect(section.getByTestId('health-reason').first().textContent()).resolves.toContain('出行间隔距上次出行 250 天');
  await expect(section.getByTestId('prediction').textContent()).resolves.toContain('仍活跃的概率');
  await expect(section.getByTestId('stage-history').textContent()).resolves.toMatch(/进入「有流失风险」/);
  await expect(section.getByTestId('health-history').textContent()).resolves.toMatch(/^\d+ · 2026年(6月30日|7月1日)$/);
  await section.scrollIntoViewIfNeeded();
  await shot('customer');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(section.getByTestId('lifecycle-stage').textContent()).resolves.toBe('At risk');
  await expect(section.getByTestId('health-reason').first().textContent()).resolves.toContain('250 days since the last trip; they usually travel every 85 days');
  await expect(section.getByTestId('stage-history').textContent()).resolves.toContain('Became “At risk”');
  await page.getByTestId('language-switch').getByText('中文').click();
});

test('the A customers who turned red are calls to make; "called" takes one off the list', async () => {
  await page.getByRole('menuitem', { name: '流失预警' }).click();
  await page.waitForURL('**/lifecycle');
  const plays = page.getByTestId('plays');
  const rows = plays.getByTestId('play-row');
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(2);
  const texts = await rows.allTextContents();
  expect(texts.some((x) => x.includes('陈静（流失风险）'))).toBe(true);
  expect(texts.every((x) => x.includes('2026年7月4日 前致电'))).toBe(true);
  await shot('plays');
  const first = texts[0].includes('陈静') ? '陈静（流失风险）' : '赵磊（流失风险）';
  await rows.first().getByTestId('play-done').click();
  await until('the play to leave the list', async () => (await rows.count()) === 1);
  await expect(rows.first().textContent()).resolves.not.toContain(first);
  const [audit] = await sql(server, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'lifecycle_play.done'`);
  expect(audit.n).toBe(1);

  await page.getByTestId('language-switch').getByText('English').click();
  await plays.getByText('Calls to make').first().waitFor();
  await expect(rows.first().getByTestId('play-done').textContent()).resolves.toBe('Called');
  await page.getByTestId('language-switch').getByText('中文').click();
});
