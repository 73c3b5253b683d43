import { openConsole, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * The content security policy sent by helmet lets the console and the API docs work as they are: a page is walked
 * through while every policy violation the browser reports is collected, and there must be none.
 */
describe('security headers in a real browser', () => {
  let c: ConsoleSession;
  const violations: string[] = [];

  beforeAll(async () => {
    c = await openConsole();
    c.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await c.page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    // As script text: this file is type-checked without the DOM library.
    await c.page.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));" });
  }, 60_000);
  afterAll(() => c?.close());

  it('signs in and opens the customer list, complaints and visits without a single CSP violation', async () => {
    await signInAsAdmin(c.page, c.server.url);
    await c.page.getByRole('table').first().waitFor();
    for (const path of ['/complaints', '/visits/calendar']) {
      await c.page.goto(`${c.server.url}${path}`);
      await c.page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
  });

  it('shows the API docs (Swagger UI) without a CSP violation', async () => {
    await c.page.goto(`${c.server.url}/api/docs`);
    await c.page.getByText('Travel CRM API').first().waitFor();
    expect(violations).toEqual([]);
  });

  it('would report a violation: an inline script is refused (the check can fail)', async () => {
    await c.page.goto(`${c.server.url}/login`);
    await c.page.evaluate("const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s);");
    await c.page.waitForTimeout(200);
    expect(await c.page.evaluate('window.__inline')).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    violations.length = 0;
  });
});
