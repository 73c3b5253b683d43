import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';
import { sql, until } from '../support/http';

/**
 * An administrator sets up a team with its manager and puts an agent in it; the complaints board filters by the
 * team; the SLA alerts' e-mails wait on the outgoing messages page (no SMTP here), where a failed one is sent again.
 */
jest.setTimeout(90_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
const ids: Record<string, string> = {};

type Run = { id: string; state: string };
const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const runJob = async (name: string, asOf: string) => {
  const started = await apiCall<Run>(`/jobs/${name}/runs`, { method: 'POST', body: { asOf } });
  await until(`${name} to finish`, async () => (await apiCall<Run>(`/jobs/runs/${started.id}`)).state === 'completed');
};
const option = (title: string) => page.locator(`.ant-select-item-option[title="${title}"]`);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  for (const [key, name, role] of [['wang', '王经理', 'manager'], ['zhao', '赵经理', 'manager'], ['li', '小李', 'agent'], ['chen', '小陈', 'agent']]) {
    ids[key] = (await apiCall<{ id: string }>('/users', { method: 'POST', body: { email: `${key}@agency.test`, name, role, password: 'password-123' } })).id;
  }
  const customer = (await apiCall<{ id: string }>('/customers', { method: 'POST', body: { type: 'individual', name: '团队测试客户' } })).id;
  for (const owner of ['li', 'chen']) {
    ids[`complaint-${owner}`] = (
      await apiCall<{ id: string }>('/complaints', {
        method: 'POST',
        body: { customerId: customer, channel: 'phone', category: 'guide', severity: 'ordinary', description: `${owner} 负责的投诉`, receivedAt: '2030-01-01T10:00:00+08:00', ownerId: ids[owner] },
      })
    ).id;
  }
}, 120_000);

afterAll(() => session?.close());

test('an admin creates a team with its manager on the users page, and a missing or taken name is flagged', async () => {
  await signInAsAdmin(page, server.url);
  await page.getByRole('menuitem', { name: '用户' }).click();
  await page.waitForURL('**/users');
  const card = page.getByTestId('teams-card');
  await card.getByText('还没有团队').waitFor();

  await card.getByRole('button', { name: /新建团队/ }).click();
  await card.getByText('必填').waitFor();

  await card.getByLabel('团队名称').fill('华东组');
  await card.locator('form').getByLabel('经理').click();
  await option('王经理').click();
  await card.getByRole('button', { name: /新建团队/ }).click();
  const row = card.getByTestId('teams-table').locator('tbody tr.ant-table-row').filter({ hasText: '华东组' });
  await row.waitFor();
  await expect(row.getByLabel('经理 华东组').locator('..').textContent()).resolves.toContain('王经理');

  await card.getByLabel('团队名称').fill('华东组');
  await card.getByRole('button', { name: /新建团队/ }).click();
  await card.getByText('已有同名团队').waitFor();
  const teams = await apiCall<{ items: { id: string; name: string; managerId: string }[] }>('/teams');
  expect(teams.items).toEqual([expect.objectContaining({ name: '华东组', managerId: ids.wang })]);
  ids.team = teams.items[0].id;
});

test('putting an agent in the team lists them as a member; changing the manager is saved', async () => {
  await page.getByLabel('团队 小李').click();
  await option('华东组').click();
  const row = page.getByTestId('teams-table').locator('tbody tr.ant-table-row').filter({ hasText: '华东组' });
  await row.getByText('小李').waitFor();
  await until('the team saved on the user', async () => (await apiCall<{ teamId: string }>(`/users/${ids.li}`)).teamId === ids.team);

  await row.getByLabel('经理 华东组').click();
  await option('赵经理').click();
  await until('the new manager saved', async () => (await apiCall<{ items: { managerId: string }[] }>('/teams')).items[0].managerId === ids.zhao);
  await page.waitForTimeout(400); // the select's closing animation, for the screenshot
  await shot('teams');
});

test('the complaints board filters by team: only complaints whose owner is in it', async () => {
  await page.getByRole('menuitem', { name: '投诉' }).click();
  await page.waitForURL('**/complaints');
  await page.getByTestId('complaint-table').and(page.locator('[data-loaded="2"]')).waitFor();
  await page.getByTestId('complaint-team-filter').click();
  await option('华东组').click();
  await page.waitForURL((url) => url.searchParams.get('teamId') === ids.team);
  await page.getByTestId('complaint-table').and(page.locator('[data-loaded="1"]')).waitFor();
  await expect(page.getByTestId('complaint-row').first().textContent()).resolves.toContain('小李');
});

test('the SLA alerts wait as e-mails on the outgoing messages page, and a failed one is sent again', async () => {
  await runJob('sla-watch', '2030-01-01T06:01:00Z'); // 80 %, the deadline and another target period all passed
  await runJob('outbox-relay', '2030-01-01T06:01:00Z');
  await page.getByRole('menuitem', { name: '外发消息' }).click();
  await page.waitForURL('**/messages');
  await expect(page.getByTestId('message-delivery').textContent()).resolves.toContain('未配置 SMTP_URL');
  const rows = page.getByTestId('messages-table').locator('tbody tr.ant-table-row');
  // li: warning, breach to li and the team's manager zhao, escalation to the admin; chen (no team): warning, breach to chen and both managers, escalation.
  await until('the alerts listed', async () => (await rows.count()) === 9);
  const toZhao = rows.filter({ hasText: 'zhao@agency.test' });
  await expect(toZhao.count()).resolves.toBe(2);
  await expect(rows.filter({ hasText: 'wang@agency.test' }).count()).resolves.toBe(1);

  await toZhao.filter({ hasText: '已超时' }).first().click();
  await expect(page.getByTestId('message-body').first().textContent()).resolves.toContain('投诉编号');
  await shot('messages');

  await sql(server, `UPDATE outgoing_messages SET status = 'failed', last_error = 'interrupted while sending' WHERE recipient = 'wang@agency.test'`);
  await page.getByTestId('message-status-filter').click();
  await option('失败').click();
  await page.waitForURL((url) => url.searchParams.get('status') === 'failed');
  await until('one failed message', async () => (await rows.count()) === 1);
  await rows.first().getByRole('button', { name: '重新发送' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '重新发送' }).click();
  await page.getByText('已重新排队发送').waitFor();
  await page.getByText('没有符合条件的消息').waitFor();
  const [msg] = await sql(server, `SELECT status, attempts FROM outgoing_messages WHERE recipient = 'wang@agency.test'`);
  expect(msg).toEqual({ status: 'pending', attempts: 0 });

  await page.getByTestId('message-channel-filter').click();
  await option('短信').click();
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await page.waitForURL((url) => url.pathname === '/messages' && url.search === '');
  await until('every message back', async () => (await rows.count()) === 9);
});

test('in English, the teams and the outgoing messages read well', async () => {
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByRole('heading', { name: 'Outgoing messages' }).waitFor();
  await expect(page.getByTestId('message-delivery').textContent()).resolves.toContain('SMTP_URL is not set');
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await page.getByTestId('teams-card').getByText('Teams', { exact: true }).waitFor();
  await expect(page.getByTestId('teams-card').textContent()).resolves.toContain("A breached complaint alerts the manager of its owner's team");
  await page.getByTestId('language-switch').getByText('中文').click();
});
