import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, TEST_ADMIN, type TestApp } from './test-app';

/** The console (built once by test/browser/global-setup.ts) served by the real API, and a headless Chromium page on it. */
export interface ConsoleSession {
  server: TestApp;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

export async function openConsole(opts: { env?: Record<string, string>; context?: BrowserContextOptions } = {}): Promise<ConsoleSession> {
  const dist = process.env.ADMIN_TEST_DIST;
  if (!dist) throw new Error('ADMIN_TEST_DIST is unset: run browser specs through Jest (the browser project builds the console first)');
  const server = await startTestApp({ listen: true, env: { ADMIN_DIST_DIR: dist, ...opts.env } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...opts.context });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs in on the login page as the test admin and waits for the customer list. */
export async function signInAsAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('邮箱').fill(TEST_ADMIN.email);
  await page.getByLabel('密码').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/customers');
}

/** Signs in as someone else (in whichever language the console is in) and waits for the customer list. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL('**/customers');
}

/** Calls the API as the test admin (to arrange data, and to check what the console saved). */
export async function adminApi<T>(baseUrl: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
