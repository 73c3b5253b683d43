import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ComplaintDetail, ComplaintReport, FollowUp } from '@crm/contracts';
import { adminApi, openConsole, SCREENSHOTS, signInAs, type ConsoleSession } from '../support/console';

/**
 * After resolution, in the console: an agent changes the proposed compensation and adds a refund, closes the
 * complaint and records the customer's answer to the follow-up; the customer page totals what was given; a
 * manager opens the service-level report and sees the weekly chart and the figures.
 */
const CUSTOMER = '补偿测试陈静';
const AGENT = { email: 'agent.wang@test.local', password: 'agent-password-1', name: '坐席小王' };
const MANAGER = { email: 'manager.li@test.local', password: 'manager-password-1', name: '经理老李' };

jest.setTimeout(90_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let customerId: string;
let complaintId: string;
let agentId: string;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const text = (testId: string) => page.getByTestId(testId).first().textContent();
/** Opens an antd Select and picks an option by its title, once any other dropdown has finished closing. */
async function pick(select: Locator, title: string) {
  // A locator, not waitForFunction: the console's CSP forbids evaluating strings in the page.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  await select.click();
  await page.locator(`.ant-select-item-option[title="${title}"]:visible`).click();
}
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `complaint-handling-${name}.png`), fullPage: true });

beforeAll(async () => {
  // The agency's time zone in the browser too: the report's default range is the agency's last twelve weeks.
  session = await openConsole({ context: { timezoneId: 'Asia/Shanghai' } });
  ({ server, page } = session);
  agentId = (await apiCall<{ id: string }>('/users', { method: 'POST', body: { ...AGENT, role: 'agent' } })).id;
  await apiCall('/users', { method: 'POST', body: { ...MANAGER, role: 'manager' } });
  customerId = (await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: CUSTOMER, phone: '13944445555' } })).id;
  const complaint = (receivedAt: Date) =>
    apiCall<ComplaintDetail>('/complaints', {
      method: 'POST',
      body: { customerId, ownerId: agentId, channel: 'phone', category: 'guide', severity: 'ordinary', description: '导游中途离团两小时', receivedAt: receivedAt.toISOString() },
    });
  // Taken half an hour ago, a solution proposed now (in time), resolved as a service failure: the standard remedy is proposed.
  complaintId = (await complaint(new Date(Date.now() - 30 * 60_000))).id;
  await apiCall(`/complaints/${complaintId}/events`, { method: 'POST', body: { type: 'solution_proposed', note: '向客户致歉并安排补偿' } });
  await apiCall(`/complaints/${complaintId}/resolve`, { method: 'POST', body: { attribution: 'service_failure' } });
  // Taken three hours ago and not answered yet: its two-hour target is missed.
  await complaint(new Date(Date.now() - 3 * 3600_000));
  await signInAs(page, server.url, AGENT.email, AGENT.password);
}, 120_000);

afterAll(() => session?.close());

test('the agent changes the proposed voucher and adds a refund; a gift without saying which is flagged before anything is sent', async () => {
  await page.goto(`${server.url}/complaints/${complaintId}`);
  await page.getByTestId('complaint-outcome').waitFor();
  await expect(text('compensation-decision')).resolves.toContain('标准方案，待确认');
  await expect(text('complaint-compensations')).resolves.toContain('20% 折扣券');

  await page.getByTestId('compensation-edit').click();
  const rows = page.getByTestId('compensation-row');
  await expect(rows.count()).resolves.toBe(2); // the apology and the voucher
  await rows.nth(1).getByLabel('折扣（%）').fill('30');
  await page.getByTestId('compensation-add').click();
  await pick(rows.nth(2).getByTestId('compensation-kind'), '退款');
  await rows.nth(2).getByLabel('退款金额（元）').fill('500');
  await page.getByTestId('compensation-add').click();
  await pick(rows.nth(3).getByTestId('compensation-kind'), '礼品');
  await page.getByTestId('compensation-save').click();
  await page.getByText('请写明礼品或升级内容').first().waitFor();
  expect((await apiCall<ComplaintDetail>(`/complaints/${complaintId}`)).compensationsDecidedAt).toBeNull();
  await rows.nth(3).getByTestId('compensation-remove').click();
  await shot('edit');
  await page.getByTestId('compensation-save').click();

  await page.getByTestId('compensation-form').waitFor({ state: 'detached' });
  await expect(text('complaint-compensations')).resolves.toMatch(/致歉.*30% 折扣券（\d{4}-\d{2}-\d{2} 前有效）.*退款 ¥500\.00/);
  await expect(text('compensation-decision')).resolves.toMatch(new RegExp(`^${AGENT.name} 于 .+ 确认$`));
  const saved = await apiCall<ComplaintDetail>(`/complaints/${complaintId}`);
  expect(saved.compensations.map((c) => [c.kind, c.percent ?? c.amount ?? null])).toEqual([['apology', null], ['voucher', 30], ['refund', 50000]]);
  expect(saved.compensationsDecidedBy).toBe(agentId);
});

test('the agent closes the complaint, and its follow-up is due seven days later; the answer is recorded once', async () => {
  await page.getByTestId('step-closed').click();
  await page.getByTestId('complaint-status').filter({ hasText: '已关闭' }).waitFor();
  const followUp = page.getByTestId('follow-up');
  await followUp.waitFor();
  await expect(followUp.getAttribute('data-state')).resolves.toBe('upcoming');
  const [pending] = (await apiCall<{ items: FollowUp[] }>(`/complaints/${complaintId}/follow-ups`)).items;
  expect(pending.status).toBe('pending');
  expect(new Date(pending.dueAt).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai' })).toBe('09:00:00');
  expect(Date.parse(pending.dueAt) - Date.parse(pending.closedAt)).toBeGreaterThan(6 * 86_400_000);
  await expect(text('follow-up-due')).resolves.toMatch(/^回访时间 /);

  await page.getByTestId('follow-up-submit').click();
  await page.getByText('请选择客户是否满意').waitFor();
  await page.getByTestId('follow-up-satisfied').getByText('满意', { exact: true }).click();
  await page.getByTestId('follow-up-note').fill('客户对退款和折扣券表示满意');
  await page.getByTestId('follow-up-submit').click();
  const answer = page.getByTestId('follow-up-answer');
  await answer.waitFor();
  await expect(answer.textContent()).resolves.toMatch(new RegExp(`^满意客户对退款和折扣券表示满意${AGENT.name} 于 .+ 记录$`));
  await expect(page.getByTestId('follow-up-form').count()).resolves.toBe(0);
  await page.getByTestId('complaint-follow-up').screenshot({ path: join(SCREENSHOTS, 'complaint-handling-follow-up.png') });
  const [answered] = (await apiCall<{ items: FollowUp[] }>(`/complaints/${complaintId}/follow-ups`)).items;
  expect(answered).toMatchObject({ status: 'answered', satisfied: true, note: '客户对退款和折扣券表示满意', answeredBy: agentId });
});

test('the follow-ups list is reachable from the board, and the customer page totals the compensations', async () => {
  await page.getByRole('menuitem', { name: '投诉' }).click();
  await page.waitForURL('**/complaints');
  await page.getByTestId('follow-ups-link').click();
  await page.waitForURL('**/complaints/follow-ups');
  await page.getByTestId('follow-up-table').and(page.locator('[aria-busy="false"]')).waitFor();
  await expect(page.getByTestId('follow-up-row').count()).resolves.toBe(0); // the only one is answered
  await pick(page.getByTestId('follow-up-status-filter'), '已回访');
  await page.waitForURL((url) => url.searchParams.get('status') === 'answered');
  const row = page.getByTestId('follow-up-row').first();
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain(CUSTOMER);
  await expect(row.textContent()).resolves.toContain('满意 · 客户对退款和折扣券表示满意');
  await shot('follow-ups');

  await page.goto(`${server.url}/customers/${customerId}`);
  const totals = page.getByTestId('section-complaints').getByTestId('compensation-totals');
  await totals.waitFor();
  await expect(totals.getByTestId('compensation-refunds').textContent()).resolves.toContain('¥500.00');
  await expect(totals.getByTestId('compensation-vouchers').textContent()).resolves.toContain('1');
  await page.getByTestId('section-complaints').screenshot({ path: join(SCREENSHOTS, 'complaint-handling-customer.png') });
});

test('an agent sees only their own figures in the report', async () => {
  await page.goto(`${server.url}/complaints/report`);
  await page.getByTestId('report-scope-own').waitFor();
});

test('a manager opens the report from the board and sees the weekly chart and the figures', async () => {
  await signInAs(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('menuitem', { name: '投诉' }).click();
  await page.waitForURL('**/complaints');
  await page.getByTestId('report-link').click();
  await page.waitForURL('**/complaints/report');
  await page.getByTestId('weekly-share-chart').waitFor();

  const [from, to] = await Promise.all([0, 1].map((i) => page.locator('.ant-picker-range input').nth(i).inputValue()));
  const report = await apiCall<ComplaintReport>(`/complaints/report?from=${from}&to=${to}`);
  expect(report).toMatchObject({ scope: 'all', complaints: 2, overall: { targets: 3, met: 2, missed: 1 } });
  await expect(page.getByTestId('report-scope-own').count()).resolves.toBe(0);
  const percent = (share: number) => new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(share);
  await expect(text('report-share')).resolves.toContain(percent(2 / 3));
  await expect(text('report-complaints')).resolves.toContain('2');

  const bars = page.getByTestId('week-bar');
  await expect(bars.count()).resolves.toBe(12);
  const shares = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-share')));
  expect(shares).toEqual(report.byWeek.map((w) => (w.share === null ? '' : String(w.share))));
  expect(shares.filter(Boolean)).not.toEqual([]);
  expect(shares[0]).toBe(''); // eleven weeks ago: nothing received

  const metric = (name: string) => page.getByTestId('report-by-metric').locator('tr', { hasText: name }).textContent();
  await expect(metric('初步方案')).resolves.toMatch(/^初步方案50%11/);
  await expect(metric('解决')).resolves.toMatch(/^解决100%10/);
  await expect(page.getByTestId('report-by-agent').locator('tr', { hasText: AGENT.name }).textContent()).resolves.toContain(percent(2 / 3));
  await expect(text('compensation-refunds')).resolves.toContain('¥500.00');
  await page.waitForTimeout(300); // the cards' entrance, for the screenshot
  await shot('report');
});

test('in English, the report reads well', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByText('Service-level report').waitFor();
  await expect(page.getByTestId('weekly-share-chart').getAttribute('aria-label')).resolves.toBe('Bar chart of targets met per week');
  await expect(page.getByTestId('report-by-metric').locator('tr', { hasText: 'Initial solution' }).count()).resolves.toBe(1);
  await shot('report-en');
  await page.getByTestId('language-switch').getByText('中文').click();
});
