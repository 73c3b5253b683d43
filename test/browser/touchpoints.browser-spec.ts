import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { agencyDate } from '@crm/platform';
import { adminApi, openConsole, SCREENSHOTS, signInAs, type ConsoleSession } from '../support/console';
import { sql, until } from '../support/http';

/**
 * After a trip the hourly job sends the customer a survey link; the customer answers it on their phone, in their
 * language, without signing in, once. Their account manager sees the answer in the NPS dashboard, and works the
 * follow-up call the job made for an A customer in the touch-point tasks.
 */
jest.setTimeout(120_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let surveyPath: string;
const RETURNED = agencyDate(new Date(Date.now() - 2 * 86_400_000), 'Asia/Shanghai');

type Run = { id: string; state: string };
const apiCall = <T>(path: string, init: { method?: string; body?: unknown } = {}) => adminApi<T>(server.url, path, init);
const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
  const am = await apiCall<{ id: string }>('/users', { method: 'POST', body: { email: 'li.na@agency.test', name: '李娜', role: 'account_manager', password: 'password-123' } });
  const customer = async (name: string, tier: string, category: string, destination: string) => {
    const [{ id }] = await sql(
      server,
      `INSERT INTO customers (type, name, owner_id, tier, phone, consent_sms, created_at) VALUES ('individual', $1, $2, $3, '+447700900123', true, now() - interval '1 year') RETURNING id`,
      [name, am.id, tier],
    );
    await sql(
      server,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
       VALUES ('erp', $1, $2, 'completed', now() - interval '2 months', $3::date - 6, $3, $4, $5, 800000, 'CNY')`,
      [`T-${name}`, id, RETURNED, destination, category],
    );
  };
  await customer('Anna Smith', 'C', 'independent', 'Chiang Mai');
  await customer('王芳', 'A', 'group', '云南');
  const started = await apiCall<Run>('/jobs/trip-touchpoints/runs', { method: 'POST', body: { asOf: new Date().toISOString() } });
  await until('trip-touchpoints to finish', async () => (await apiCall<Run>(`/jobs/runs/${started.id}`)).state === 'completed');
  const [msg] = await sql(server, `SELECT body FROM outgoing_messages WHERE recipient = '+447700900123' AND subject LIKE 'How was%'`);
  surveyPath = new URL(/https?:\/\/\S+\/survey\/\S+/.exec(msg.body)![0]).pathname;
}, 120_000);

afterAll(() => session?.close());

test('the customer answers the survey from the link on a phone, in English, once', async () => {
  const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await p.goto(`${server.url}${surveyPath}`);
  await p.getByText('How likely are you to recommend us to a friend or colleague?').waitFor();
  await p.getByText(/Your trip to Chiang Mai, back on/).waitFor();
  await p.getByTestId('survey-submit').click();
  await p.getByText('Please choose a score first').waitFor();
  await p.getByTestId('survey-score-9').click();
  await p.locator('[data-testid="survey-score-9"][aria-checked="true"]').waitFor();
  await p.getByTestId('survey-comment').fill('The guide in Chiang Mai was wonderful.');
  await p.waitForTimeout(400); // the chosen score's colour transition, for the screenshot
  await shot(p, 'survey');
  await p.getByTestId('survey-submit').click();
  await p.getByText('Thank you for your feedback!').waitFor();
  expect(await sql(server, `SELECT score, comment FROM nps_surveys WHERE answered_at IS NOT NULL`)).toEqual([{ score: 9, comment: 'The guide in Chiang Mai was wonderful.' }]);

  await p.reload();
  await p.getByText('This survey has already been answered — thank you!').waitFor();

  const token = surveyPath.split('/').pop()!;
  const [id, exp, sig] = token.split('.');
  // an altered link says nothing of the survey, so the page speaks the phone's language (Chinese here)
  await p.goto(`${server.url}/survey/${id}.${Number(exp) + 60}.${sig}`);
  await p.getByTestId('survey-problem').getByText('这个问卷链接无效，请检查链接是否完整。').waitFor();
  await phone.close();
});

test('the account manager sees the answer in the NPS dashboard', async () => {
  await signInAs(page, server.url, 'li.na@agency.test', 'password-123');
  await page.getByRole('menuitem', { name: 'NPS 满意度' }).click();
  await page.waitForURL('**/nps');
  const overall = page.getByTestId('nps-overall');
  await overall.getByText('总体 NPS').waitFor();
  await overall.getByText('+100').waitFor();
  await page.getByTestId('nps-by-manager').locator('tbody tr').filter({ hasText: '李娜' }).getByText('+100').waitFor();
  await page.getByTestId('nps-by-destination').locator('tbody tr').filter({ hasText: 'Chiang Mai' }).waitFor();
  await page.getByTestId('nps-month-chart').getByRole('listitem', { name: /NPS \+100，1 个回答/ }).waitFor();
  const answer = page.getByTestId('nps-answers').locator('tbody tr').filter({ hasText: 'Anna Smith' });
  await answer.getByText('The guide in Chiang Mai was wonderful.').waitFor();
  await shot(page, 'nps-dashboard');

  await page.getByTestId('language-switch').getByText('English').click();
  await overall.getByText('Overall NPS').waitFor();
  await page.getByTestId('nps-month-chart').getByRole('listitem', { name: /NPS \+100, 1 answers/ }).waitFor();
  await page.getByTestId('language-switch').getByText('中文').click();
});

test('the account manager calls the A customer back and marks the task done', async () => {
  await page.getByRole('menuitem', { name: '行程关怀' }).click();
  await page.waitForURL('**/touchpoints');
  const row = page.getByTestId('touchpoint-task-row').filter({ hasText: '王芳' });
  await row.getByText('回程回访电话').waitFor();
  await row.getByText(/云南/).waitFor();
  expect(await page.getByTestId('touchpoint-task-row').count()).toBe(1);
  await shot(page, 'touchpoint-tasks');
  await row.getByTestId('task-toggle').click();
  await page.getByText('没有待办的关怀任务').waitFor();
  await page.getByTestId('task-state').getByText('已完成').click();
  await page.getByTestId('touchpoint-task-row').filter({ hasText: '王芳' }).getByRole('button', { name: '重新打开' }).waitFor();
  const [audit] = await sql(server, `SELECT action FROM audit_log WHERE action LIKE 'touchpoint_task.%'`);
  expect(audit.action).toBe('touchpoint_task.done');
});
