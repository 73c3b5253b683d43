import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * An administrator gives a booking system an API key in the console: the secret is shown once, works
 * against the API at once, and stops working the moment the key is revoked.
 */
const KEY_NAME = 'ERP 订单同步';

jest.setTimeout(60_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;
let secret: string;

/** What a booking system does with the key: list customers. */
const customersWith = (key: string) => fetch(`${server.url}/api/v1/customers`, { headers: { Authorization: `Bearer ${key}` } });

beforeAll(async () => {
  session = await openConsole({ context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  ({ server, page } = session);
}, 120_000);

afterAll(() => session?.close());

test('an admin creates a key and sees its secret once, with a copy button and a warning', async () => {
  await signInAsAdmin(page, server.url);
  await page.getByRole('menuitem', { name: 'API 密钥' }).click();
  await page.waitForURL('**/api-keys');

  await page.getByRole('button', { name: '新建密钥' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill(KEY_NAME);
  await dialog.getByRole('checkbox', { name: /读取客户/ }).check();
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/api-keys');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  expect((await created).status()).toBe(201);

  secret = (await page.getByTestId('api-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^crm_k_[\w-]{43}$/);
  await expect(dialog.getByRole('alert').textContent()).resolves.toContain('将无法再次查看');
  await dialog.getByRole('button', { name: '复制密钥' }).click();
  // (A string: the server tsconfig has no DOM types.)
  await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(secret);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-api-key-secret.png') });

  await dialog.getByRole('button', { name: '我已保存，关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.getByRole('row').filter({ hasText: KEY_NAME });
  await row.getByText('有效').waitFor();
  await expect(row.textContent()).resolves.toContain(`${secret.slice(0, 14)}…`);
  // Gone from the page for good: the list shows only the prefix.
  await expect(page.getByText(secret).count()).resolves.toBe(0);
  expect(await page.content()).not.toContain(secret);
});

test('the key works against the API at once, and the console shows it was used', async () => {
  const res = await customersWith(secret);
  expect(res.status).toBe(200);
  await expect(res.json()).resolves.toEqual({ items: [], nextCursor: null });

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: KEY_NAME });
  await row.waitFor();
  await expect(row.textContent()).resolves.not.toContain('从未使用');
});

test('revoking the key asks first, marks it revoked, and the key then gets 401', async () => {
  const row = page.getByRole('row').filter({ hasText: KEY_NAME });
  await row.getByRole('button', { name: /吊\s*销/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /吊\s*销/ }).click();
  await row.getByText('已吊销').waitFor();
  await expect(row.getByRole('button', { name: /吊\s*销/ }).count()).resolves.toBe(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-api-keys.png') });

  const res = await customersWith(secret);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});
