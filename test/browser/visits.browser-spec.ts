import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Visit, VisitCalendar, VisitDetail, VisitPlan } from '@crm/contracts';
import { sql } from '../support/http';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * A manager's day in the console: My day lists today's visit with the customer's essentials; the manager writes
 * the communication record (attendees, feedback, a problem, satisfaction, a next step), turns the problem into a
 * complaint in one click, drags another visit to a new day on the week calendar, logs a call on the customer's
 * page and sees the compliance report.
 */
const CUSTOMER = '拜访测试华东科技';
const TZ = 'Asia/Shanghai';

jest.setTimeout(120_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let customerId: string;
let todayVisit: VisitDetail;
let laterVisit: Visit;

const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `visits-${name}.png`), fullPage: true });
const shanghaiDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);

beforeAll(async () => {
  session = await openConsole({ context: { timezoneId: TZ } });
  ({ server, page } = session);
  const me = await apiCall<{ id: string }>('/auth/me');
  const customer = await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'organization', name: CUSTOMER, ownerId: me.id, contacts: [{ name: '张总', role: '总经理' }] } });
  customerId = customer.id;
  await sql(server, `UPDATE customers SET tier = 'A', quadrant = 'large_loyal', tier_changed_at = now() - interval '45 days' WHERE id = $1`, [customerId]);
  const today = shanghaiDate(new Date());
  const plan = await apiCall<VisitPlan>('/visit-plans', {
    method: 'POST',
    body: { customerId, kind: 'in_person', recurrence: 'weekly', weekday: ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1, time: '10:00', durationMinutes: 60, startDate: today, place: '浦东总部', routeOrder: 1 },
  });
  const visits = (await apiCall<VisitCalendar>(`/visits?customerId=${customerId}&from=${today}&to=${shanghaiDate(new Date(Date.now() + 20 * 86_400_000))}`)).items.filter((v) => v.planId === plan.id);
  // Today's stop, already begun (the customer asked to meet earlier): moved to 20 minutes ago, or to today's first minute.
  const startOfToday = new Date(`${today}T00:01:00+08:00`).getTime();
  const startsAt = new Date(Math.max(Date.now() - 20 * 60_000, startOfToday)).toISOString();
  todayVisit = await apiCall<VisitDetail>(`/visits/${visits[0].id}`, { method: 'PATCH', body: { startsAt } });
  laterVisit = visits[1];
  await signInAsAdmin(page, server.url);
}, 180_000);

afterAll(() => session?.close());

test('My day shows today’s visit in route order with the customer’s essentials', async () => {
  await page.getByRole('menuitem', { name: '拜访' }).click();
  await page.waitForURL('**/visits');
  const stop = page.getByTestId('day-stop').first();
  await stop.waitFor();
  await expect(stop.textContent()).resolves.toContain(CUSTOMER);
  await expect(stop.textContent()).resolves.toContain('浦东总部');
  await expect(stop.textContent()).resolves.toContain('首次拜访');
  await shot('my-day');
});

test('the manager writes the communication record and the visit is done', async () => {
  await page.getByTestId('day-stop-record').first().click();
  await page.waitForURL(`**/visits/${todayVisit.id}`);
  await page.getByTestId('record-form').waitFor();

  // A required field left empty is flagged before anything is sent.
  await page.getByTestId('record-add-problem').click();
  await page.getByTestId('record-submit').click();
  await page.getByText('请描述问题').waitFor();

  await page.getByTestId('record-add-attendee').click();
  await page.getByTestId('record-attendee-name').nth(1).fill('张总');
  await page.getByTestId('record-feedback').fill('对上次三亚团整体满意，导游很专业');
  await page.getByTestId('record-problem').fill('酒店卫生不达标，房间有霉味');
  await page.getByTestId('record-add-opportunity').click();
  await page.getByTestId('record-opportunity').fill('年底 40 人团建，考虑云南');
  await page.getByTestId('record-satisfaction').locator('li').nth(3).click();
  await page.getByTestId('record-add-step').click();
  await page.getByTestId('record-step-title').fill('发送云南团建方案');
  await shot('record-form');
  await page.getByTestId('record-submit').click();

  await page.getByTestId('record-view').waitFor();
  await expect(page.getByTestId('visit-status').first().textContent()).resolves.toBe('已完成');
  const saved = await apiCall<VisitDetail>(`/visits/${todayVisit.id}`);
  expect(saved.status).toBe('done');
  expect(saved.record).toMatchObject({
    feedback: '对上次三亚团整体满意，导游很专业', satisfaction: 4, problems: [{ description: '酒店卫生不达标，房间有霉味', complaintId: null }],
    opportunities: [{ kind: 'travel_need', description: '年底 40 人团建，考虑云南' }],
  });
  expect(saved.record!.attendees.map((a) => a.side)).toEqual(['agency', 'customer']);
  expect(saved.record!.attendees[1].name).toBe('张总');
  expect(saved.record!.nextSteps.map((s) => s.title)).toEqual(['发送云南团建方案']);
});

test('a problem from the record becomes a complaint in one step', async () => {
  await page.getByTestId('problem-to-complaint').click();
  await page.getByTestId('problem-complaint-category').click();
  await page.locator('.ant-select-item-option[title="酒店"]').click();
  await shot('problem-to-complaint');
  await page.getByRole('button', { name: '登记投诉' }).click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  const complaintId = page.url().split('/').pop()!;
  const complaint = await apiCall<{ customerId: string; description: string; category: string; channel: string }>(`/complaints/${complaintId}`);
  expect(complaint).toMatchObject({ customerId, description: '酒店卫生不达标，房间有霉味', category: 'hotel', channel: 'in_person' });
  expect((await apiCall<VisitDetail>(`/visits/${todayVisit.id}`)).record!.problems[0].complaintId).toBe(complaintId);

  await page.goto(`${server.url}/visits/${todayVisit.id}`);
  await page.getByTestId('problem-complaint-link').waitFor();
});

test('on the week calendar a visit is dragged to another day; the plan stays', async () => {
  const week = shanghaiDate(new Date(laterVisit.startsAt));
  await page.goto(`${server.url}/visits/calendar?week=${week}`);
  const block = page.locator(`[data-visit-id="${laterVisit.id}"]`);
  await block.waitFor();
  const target = new Date(new Date(laterVisit.startsAt).getTime() + 86_400_000);
  const column = page.getByTestId(`calendar-day-${shanghaiDate(target)}`);
  const box = (await column.boundingBox())!;
  // 14:00 is half-way down the 07:00–21:00 column.
  await block.dragTo(column, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
  await page.getByText('的拜访已改到').waitFor();
  const moved = await apiCall<VisitDetail>(`/visits/${laterVisit.id}`);
  expect(shanghaiDate(new Date(moved.startsAt))).toBe(shanghaiDate(target));
  expect(new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(moved.startsAt))).toBe('14:00');
  expect(moved).toMatchObject({ detached: true, planDate: laterVisit.planDate });
  await shot('week');
});

test('the customer page shows visits and compliance, and logs a call in one click', async () => {
  await page.goto(`${server.url}/customers/${customerId}`);
  const section = page.getByTestId('section-visits');
  await section.getByTestId('customer-visit-compliance').waitFor();
  await section.getByTestId('customer-visit').filter({ hasText: '已完成' }).filter({ hasText: '对上次三亚团整体满意' }).waitFor();
  await expect(section.getByTestId('customer-visit').first().textContent()).resolves.toContain('计划中');
  await section.getByTestId('interaction-note').fill('确认团建人数');
  await section.getByTestId('interaction-log').click();
  await section.getByTestId('interaction-item').filter({ hasText: '确认团建人数' }).waitFor();
  await shot('customer');
});

test('the compliance report shows the team at a glance, in English too', async () => {
  await page.goto(`${server.url}/visits/compliance`);
  await page.getByTestId('compliance-chart').waitFor();
  await expect(page.getByTestId('compliance-manager-row').first().textContent()).resolves.toContain('Administrator');
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByText('Visits this month per account manager').waitFor();
  await shot('compliance-en');
  await page.getByTestId('language-switch').getByText('中文').click();
});
