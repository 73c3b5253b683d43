import request from 'supertest';
import { startTestApp, TestApp, TEST_ADMIN } from '../../../../test/support/test-app';
import { http, login, sql } from '../../../../test/support/http';

/** Sign-in hardening, cookie flags, security headers and CORS, each against the real application. */
describe('security of sign-in, headers and CORS', () => {
  let t: TestApp;
  let plain: TestApp;
  let plainAdmin: string;
  /** A user of `t` besides the admin (whom the first test locks out). */
  let agent: string;
  const CONSOLE = 'https://crm.example.com';

  const signIn = (email: string, password: string, ip: string, app = t) =>
    request(app.app.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  const newUser = async (app: TestApp, admin: string, name: string) => {
    const email = `${name}.${Math.random().toString(36).slice(2, 8)}@test.local`;
    const res = await http(app, admin).post('/api/v1/users', { email, name, role: 'agent', password: 'password-123' });
    if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
    return email;
  };

  beforeAll(async () => {
    // Behind a proxy we believe (X-Forwarded-For / -Proto), so each test can sign in from an address of its own.
    t = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_LOCKOUT_MINUTES: '15', CORS_ORIGINS: CONSOLE } });
    plain = await startTestApp();
    plainAdmin = await login(plain);
    const admin = (await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.0.0.1')).body.token;
    agent = await newUser(t, admin, 'agent');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await plain?.close();
  });

  describe('sign-in', () => {
    it('locks an account after repeated failures: 429 problem+json with Retry-After, even for the right password, and audits the lock', async () => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await signIn(TEST_ADMIN.email, 'wrong-password', '10.0.1.1')).status);
      expect(answers).toEqual([401, 401, 401]);
      const locked = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.0.1.2');
      expect(locked.status).toBe(429);
      expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(locked.body).toMatchObject({ status: 429, type: '/problems/rate-limited', detail: 'Too many failed sign-ins; try again in 15 min.' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(890);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
      const audit = await sql(t, `SELECT actor_type, entity_id, details FROM audit_log WHERE action = 'auth.locked'`);
      const adminId = (await sql(t, `SELECT id FROM users WHERE email = $1`, [TEST_ADMIN.email]))[0].id;
      expect(audit).toEqual([{ actor_type: 'system', entity_id: adminId, details: { scope: 'account' } }]);
      // The lock is the account's: another account signs in from the address that failed.
      expect((await signIn(agent, 'password-123', '10.0.1.1')).status).toBe(200);
    });

    it('answers an unknown email exactly like a known one, locked or not: no enumeration by message or status', async () => {
      const known = await newUser(plain, plainAdmin, 'known');
      const seq = async (email: string, ip: string) => {
        const out = [];
        for (let i = 0; i < 6; i++) {
          const res = await signIn(email, 'wrong-password', ip, plain);
          out.push([res.status, res.body.detail, res.headers['retry-after'] === undefined]);
        }
        return out;
      };
      // plain has the default policy: the fifth failure locks the account (known or not), the address allows 50.
      const ghost = await seq('ghost@test.local', '10.0.2.1');
      expect(ghost.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(await seq(known, '10.0.2.1')).toEqual(ghost);
    });

    it('takes as long for an unknown email as for a wrong password (the same scrypt work)', async () => {
      const emails = [await newUser(plain, plainAdmin, 'timing'), await newUser(plain, plainAdmin, 'timing')];
      const time = async (e: string) => {
        const start = process.hrtime.bigint();
        const res = await signIn(e, 'wrong-password', '10.0.3.1', plain);
        expect(res.status).toBe(401);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, and each known email stays below the account lock (the default 5 per 15 minutes).
      for (let i = 0; i < 8; i++) {
        known.push(await time(emails[i % 2]));
        unknown.push(await time(`nobody${i}@test.local`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // Skipping scrypt for an unknown email would answer in a fraction of the time (< 0.2); the bounds leave room
      // for a loaded machine's noise.
      const ratio = median(unknown) / median(known);
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(2.5);
    });

    it('locks an address after failures across many emails, and only that address', async () => {
      for (let i = 0; i < 6; i++) expect((await signIn(`guess${i}@test.local`, 'wrong-password', '10.0.4.1')).status).toBe(401);
      const blocked = await signIn('guess-new@test.local', 'wrong-password', '10.0.4.1');
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      expect((await signIn('guess-new@test.local', 'wrong-password', '10.0.4.2')).status).toBe(401);
      expect(await sql(t, `SELECT details FROM audit_log WHERE action = 'auth.locked' AND details->>'scope' = 'ip'`)).toEqual([{ details: { scope: 'ip' } }]);
    });

    it('clears an account’s failures when it signs in', async () => {
      const email = await newUser(plain, plainAdmin, 'resets');
      for (const round of [1, 2]) {
        for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong-password', `10.0.5.${round}`, plain)).status).toBe(401);
        expect((await signIn(email, 'password-123', `10.0.5.${round}`, plain)).status).toBe(200);
      }
    });
  });

  describe('the session cookie', () => {
    const cookieOf = (res: request.Response) => String(res.headers['set-cookie']);

    it('is httpOnly and SameSite=Lax, and not Secure over plain http', async () => {
      const cookie = cookieOf(await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.0.6.1', plain));
      expect(cookie).toMatch(/crm_session=crm_s_/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
    });

    it('is Secure when the request came over https through a trusted proxy, and is cleared with the same flags', async () => {
      const untrusted = await request(plain.app.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-Proto', 'https').send(TEST_ADMIN);
      expect(untrusted.status).toBe(200);
      expect(cookieOf(untrusted)).not.toMatch(/Secure/); // plain trusts no proxy: the header is ignored
      const viaProxy = await signIn(agent, 'password-123', '10.0.7.1').set('X-Forwarded-Proto', 'https');
      expect(viaProxy.status).toBe(200);
      expect(cookieOf(viaProxy)).toMatch(/Secure/);
      const out = await request(t.app.getHttpServer()).post('/api/v1/auth/logout').set('X-Forwarded-Proto', 'https').set('Authorization', `Bearer ${viaProxy.body.token}`);
      expect(out.status).toBe(204);
      expect(cookieOf(out)).toMatch(/crm_session=;/);
      expect(cookieOf(out)).toMatch(/HttpOnly/);
      expect(cookieOf(out)).toMatch(/Secure/);
      expect(cookieOf(out)).toMatch(/SameSite=Lax/);
    });
  });

  describe('requests refused before any handler (found by test/hostile-input.integration-spec.ts)', () => {
    const server = () => plain.app.getHttpServer();
    const isProblem = (res: request.Response, status: number) => {
      expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
      return (typeof res.body === 'object' && Object.keys(res.body).length ? res.body : JSON.parse(res.text)) as { status: number; detail: string; errors?: unknown[] };
    };

    it('answers bad percent-encoding and an oversized URL as problem+json', async () => {
      expect(isProblem(await request(server()).get('/api/v1/customers/%FF'), 400).detail).toBe('The URL is malformed (bad percent-encoding).');
      expect(isProblem(await request(server()).get(`/api/v1/customers?q=${'x'.repeat(20_000)}`), 431).status).toBe(431);
    });

    it('refuses JSON nested deeper than 32 levels with 400, and NUL or unpaired surrogates with 422 naming the fields', async () => {
      const admin = await login(plain);
      const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const tooDeep = await request(server()).post('/api/v1/customers').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send(deep);
      expect(isProblem(tooDeep, 400).detail).toBe('The JSON body nests deeper than 32 levels.');
      const text = await request(server()).post('/api/v1/customers').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send('{"type":"individual","name":"a\\u0000b","tags":["\\ud800"]}');
      expect(isProblem(text, 422).errors).toEqual([
        { field: 'tags.0', message: 'tags.0 must be text without NUL characters or unpaired surrogates' },
        { field: 'name', message: 'name must be text without NUL characters or unpaired surrogates' },
      ]);
      expect(isProblem(await request(server()).get('/api/v1/customers?q=%00').set('Authorization', `Bearer ${admin}`), 422).errors).toHaveLength(1);
    });
  });

  describe('headers', () => {
    it('sends the security headers on pages, API answers and errors alike', async () => {
      for (const path of ['/api/v1/health', '/api/v1/customers', '/api/v1/no-such-route', '/api/docs']) {
        const res = await request(plain.app.getHttpServer()).get(path);
        expect([path, res.headers['content-security-policy']]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });
  });

  describe('CORS', () => {
    const preflight = (app: TestApp, origin: string) =>
      request(app.app.getHttpServer()).options('/api/v1/customers').set('Origin', origin).set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');

    it('lets the configured console origin call with credentials', async () => {
      const res = await preflight(t, CONSOLE);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      const get = await request(t.app.getHttpServer()).get('/api/v1/health').set('Origin', CONSOLE);
      expect(get.headers['access-control-allow-origin']).toBe(CONSOLE);
    });

    it('gives no other origin the right to read answers, nor any origin when none is configured', async () => {
      for (const [app, origin] of [[t, 'https://evil.example'], [t, 'https://crm.example.com.evil.example'], [t, 'null'], [plain, CONSOLE], [plain, 'https://evil.example']] as const) {
        const res = await preflight(app, origin);
        expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
        const get = await request(app.app.getHttpServer()).get('/api/v1/health').set('Origin', origin);
        expect([origin, get.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
      }
    });
  });

});
