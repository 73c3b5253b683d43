import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ComplaintDetail, ComplaintList } from '@crm/contracts';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * The complaint desk in the console: an agent records a major complaint taken on the phone, finds it at the top
 * of the queue as P1 with its countdown, assembles the team, updates the customer, proposes a solution and
 * resolves it as a service failure with the standard remedy; the customer's page lists it.
 */
const CUSTOMER = '投诉测试王芳';
const OTHER = '投诉测试李雷';

jest.setTimeout(90_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let customerId: string;
let complaintId: string;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const text = (testId: string) => page.getByTestId(testId).first().textContent();
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `complaints-${name}.png`) });

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  customerId = (await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: CUSTOMER, phone: '13922223333' } })).id;
  const other = await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: OTHER, phone: '13933334444' } });
  // An ordinary complaint taken three hours ago: its two-hour initial-solution target is already missed.
  await apiCall('/complaints', {
    method: 'POST',
    body: { customerId: other.id, channel: 'chat', category: 'hotel', severity: 'ordinary', description: '房间有霉味，要求换房未果', receivedAt: new Date(Date.now() - 3 * 3600_000).toISOString() },
  });
  await signInAsAdmin(page, server.url);
}, 120_000);

afterAll(() => session?.close());

test('an agent records a major complaint for a customer found by search, and a missing field is flagged before anything is sent', async () => {
  await page.getByRole('menuitem', { name: '投诉' }).click();
  await page.waitForURL('**/complaints');
  await page.getByTestId('complaint-row').first().waitFor();
  await page.getByTestId('complaint-new').click();
  await page.waitForURL('**/complaints/new');

  // Nothing chosen: the form says what is missing before anything is sent.
  await page.getByTestId('complaint-submit').click();
  await page.getByText('请选择客户').waitFor();

  await page.getByTestId('complaint-customer-picker').click();
  await page.keyboard.type('投诉测试王');
  await page.locator('.ant-select-item-option').filter({ hasText: CUSTOMER }).click();
  await page.getByTestId('complaint-category').click();
  await page.locator('.ant-select-item-option[title="交通"]').click();
  await page.getByTestId('complaint-severity').getByText('重大').click();
  await page.getByTestId('complaint-description').fill('航班取消，一家三口滞留机场，需要改签和住宿');
  await shot('new');
  await page.getByTestId('complaint-submit').click();

  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  complaintId = page.url().split('/').pop()!;
  await page.getByTestId('complaint-clocks').waitFor();
  await expect(text('complaint-priority')).resolves.toBe('P1');
  await expect(text('complaint-status')).resolves.toBe('已接收');
  await expect(page.getByTestId('sla-countdown').first().textContent()).resolves.toMatch(/应急小组 · 剩余 (29|30) 分钟/);
  const saved = await apiCall<ComplaintDetail>(`/complaints/${complaintId}`);
  expect(saved).toMatchObject({ customerId, severity: 'major', category: 'transport', channel: 'phone', priority: 'P1', status: 'received' });
});

test('the queue puts it first as P1 with its live countdown, the missed one in red, and the filters live in the URL', async () => {
  await page.getByRole('menuitem', { name: '投诉' }).click();
  await page.waitForURL('**/complaints');
  const rows = page.getByTestId('complaint-row');
  await rows.nth(1).waitFor();
  const first = await rows.first().textContent();
  expect(first).toContain('P1');
  expect(first).toContain(CUSTOMER);
  expect(first).toMatch(/剩余 (29|30) 分钟/);
  const late = rows.nth(1).getByTestId('sla-countdown');
  await expect(late.getAttribute('data-state')).resolves.toBe('breached');
  await expect(late.textContent()).resolves.toMatch(/^超时 1 小时( \d 分钟)?$/);
  await page.getByTestId('complaint-table').and(page.locator('[aria-busy="false"]')).waitFor();
  await page.waitForTimeout(400); // the table's loading overlay fading out, for the screenshot
  await shot('queue');

  await page.getByTestId('complaint-priority-filter').click();
  await page.locator('.ant-select-item-option[title="P1"]').click();
  await page.waitForURL((url) => url.searchParams.get('priority') === 'P1');
  await page.getByTestId('complaint-table').and(page.locator('[data-loaded="1"]')).waitFor();
  await page.goto(page.url());
  await page.getByTestId('complaint-table').and(page.locator('[data-loaded="1"]')).waitFor();
  await expect(page.getByTestId('complaint-priority-filter').textContent()).resolves.toContain('P1');
  await page.getByTestId('complaint-row').first().click();
  await page.waitForURL(`**/complaints/${complaintId}`);
});

test('the agent takes the next steps the state allows and resolves it as a service failure with the standard remedy', async () => {
  await page.getByTestId('complaint-steps').waitFor();
  // Received: no closing yet.
  await expect(page.getByTestId('step-closed').count()).resolves.toBe(0);
  await page.getByTestId('step-note').fill('应急小组：张伟（组长）、李娜');
  await page.getByTestId('step-team_assembled').click();
  await page.getByTestId('complaint-event').filter({ hasText: '张伟（组长）' }).waitFor();
  await expect(text('complaint-status')).resolves.toBe('已受理');
  await expect(page.locator('[data-testid="sla-clock"][data-metric="emergency_team"]').getAttribute('data-state')).resolves.toBe('met');

  await page.getByTestId('step-note').fill('已改签明早航班，酒店已安排');
  await page.getByTestId('step-customer_update').click();
  await page.getByTestId('complaint-event').filter({ hasText: '已改签明早航班' }).waitFor();
  await page.getByTestId('step-solution_proposed').click();
  await page.getByTestId('complaint-event').and(page.locator('[data-type="solution_proposed"]')).waitFor();
  await expect(text('complaint-status')).resolves.toBe('已提方案');

  await page.getByTestId('resolve-attribution').click();
  await page.locator('.ant-select-item-option[title="服务失误"]').click();
  await expect(text('remedy-proposal')).resolves.toContain('致歉');
  await expect(text('remedy-proposal')).resolves.toMatch(/下次出行 20% 折扣券（\d{4}-\d{2}-\d{2} 前有效）/);
  await page.getByTestId('resolve-action').fill('地接社航变预案培训');
  await page.waitForTimeout(400); // the attribution list's closing animation, for the screenshot
  await shot('resolve');
  await page.getByTestId('resolve-submit').click();

  await page.getByTestId('complaint-outcome').waitFor();
  await expect(text('complaint-status')).resolves.toBe('已解决');
  await expect(text('complaint-attribution')).resolves.toBe('服务失误');
  await expect(text('complaint-compensations')).resolves.toContain('20% 折扣券');
  await expect(page.getByTestId('step-closed').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('complaint-resolve').count()).resolves.toBe(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'complaints-detail.png'), fullPage: true });

  const saved = await apiCall<ComplaintDetail>(`/complaints/${complaintId}`);
  expect(saved.status).toBe('resolved');
  expect(saved.attribution).toBe('service_failure');
  expect(saved.compensations.map((c) => c.kind)).toEqual(['apology', 'voucher']);
  expect(saved.correctiveAction?.action).toBe('地接社航变预案培训');
  expect(saved.events.map((e) => e.type)).toEqual(['received', 'team_assembled', 'customer_update', 'solution_proposed', 'resolved']);
});

test("the customer's page lists the complaint and links to it", async () => {
  await page.goto(`${server.url}/customers/${customerId}`);
  const item = page.getByTestId('section-complaints').getByTestId('customer-complaint');
  await item.first().waitFor();
  await expect(item.count()).resolves.toBe(1);
  await expect(item.first().textContent()).resolves.toMatch(/P1交通已解决/);
  await page.getByTestId('section-complaints').screenshot({ path: join(SCREENSHOTS, 'complaints-customer.png') });
  await item.first().getByRole('link', { name: '交通' }).click();
  await page.waitForURL(`**/complaints/${complaintId}`);
});

test('in English, the queue and the complaint read well', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByTestId('complaint-outcome').waitFor();
  await expect(text('complaint-attribution')).resolves.toBe('Service failure');
  await expect(text('complaint-status')).resolves.toBe('Resolved');
  await page.screenshot({ path: join(SCREENSHOTS, 'complaints-detail-en.png'), fullPage: true });

  await page.getByRole('menuitem', { name: 'Complaints' }).click();
  await page.waitForURL('**/complaints');
  await page.getByTestId('complaint-row').nth(1).waitFor();
  await expect(page.getByTestId('complaint-row').nth(1).getByTestId('sla-countdown').textContent()).resolves.toMatch(/^overdue 1 h( \d min)?$/);
  await page.getByTestId('complaint-table').and(page.locator('[aria-busy="false"]')).waitFor();
  await page.waitForTimeout(400); // the table's loading overlay fading out, for the screenshot
  await shot('queue-en');
  const queue = await apiCall<ComplaintList>('/complaints');
  expect(queue.items.map((c) => c.priority)).toEqual(['P1', 'P4']);
  await page.getByTestId('language-switch').getByText('中文').click();
});
