import request from 'supertest';
import fc from 'fast-check';
import { ProblemFilter, toProblem } from '@crm/platform';
import { startTestApp, TestApp } from './support/test-app';
import { http, login, sql } from './support/http';
import { bookingBody } from './support/booking-fixture';
import { AppRoute, appRoutes, isPublic, rolesOf } from './support/routes';
import { changedTables, dbFingerprint } from './support/db-fingerprint';
import { deepJson, fromSchema, hostileString, hostileValue, malformedJson } from './support/hostile';

/**
 * Property-based hostile input over every route the application registers, with the inputs its OpenAPI document
 * declares (path, query, body) filled from plausible and hostile values. Every answer must be 2xx or a 4xx
 * problem+json within the timeout, and a refused request must leave every table as it was (the audit log may gain
 * only refusal entries). Rerun one failure with FUZZ_SEED=<seed printed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 25);
const REQUEST_TIMEOUT_MS = 10_000;
/** Audit actions a refused request may leave behind (refusals are audited on purpose). */
const REFUSAL_ACTIONS = /(\.denied|\.refused|\.rate_limited|\.locked)$/;

type Operation = { parameters?: { name: string; in: string; schema?: object; required?: boolean }[]; requestBody?: { content: Record<string, { schema?: object }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, never> } };

/** Percent-encodes every UTF-8 byte (lone surrogates arrive as U+FFFD), so any string can sit in a URL. */
const encode = (s: string) => Buffer.from(s, 'utf8').toString('hex').replace(/../g, '%$&');
/** Raw URL fragments no encoder would produce: invalid UTF-8 and broken escapes. */
/** A JSON body just over the default 1 MB limit (413). */
const OVER_BODY_LIMIT = JSON.stringify({ name: 'x'.repeat(1_100_000) });
const RAW_URL_BITS = ['%FF', '%ED%A0%80', '%C0%AF', '%', '%zz', '%00', '..%2F..%2F'];

describe('hostile input on every route', () => {
  let t: TestApp;
  let admin: string;
  let key: string;
  let doc: Doc;
  let routes: AppRoute[];
  let ids: fc.Arbitrary<string>;
  const stats = { requests: 0, byStatus: {} as Record<string, number> };

  // The server-side cause of a 5xx, for the failure message (the app runs without a logger in tests).
  let lastServerError = '';
  const filterCatch = ProblemFilter.prototype.catch;
  jest.spyOn(ProblemFilter.prototype, 'catch').mockImplementation(function (this: ProblemFilter, e, host) {
    if (toProblem(e).status >= 500) lastServerError = String((e as Error)?.stack ?? e).slice(0, 1500);
    return filterCatch.call(this, e, host);
  });

  beforeAll(async () => {
    // Redis without a worker: jobs and outbox events are queued but nothing runs behind the test's back.
    t = await startTestApp({ redis: true, env: { LOGIN_MAX_FAILURES: '100000', LOGIN_MAX_FAILURES_PER_IP: '100000' } });
    admin = await login(t);
    const k = await http(t, admin).post('/api/v1/api-keys', { name: 'fuzz', scopes: ['bookings:write', 'customers:read', 'complaints:write'] });
    key = k.body.key;
    const booking = await http(t, key).put('/api/v1/bookings/erp/B-1', bookingBody());
    const complaint = await http(t, key).put('/api/v1/complaints/erp/CP-1', {
      customer: { externalId: 'C-1001' }, bookingExternalId: 'B-1', severity: 'ordinary', category: 'hotel', description: '房间有霉味', receivedAt: '2026-03-02T21:15:00+08:00',
    });
    const users: { id: string }[] = (await http(t, admin).get('/api/v1/users')).body.items ?? [];
    const known = [booking.body.customerId, booking.body.id, complaint.body.id, ...users.map((u) => u.id)].filter(Boolean);
    ids = fc.oneof(fc.constantFrom(...known), fc.uuid());
    doc = (await http(t).get('/api/docs-json')).body;
    routes = appRoutes(t);
  }, 60_000);
  afterAll(async () => {
    console.log(`hostile input: seed ${SEED}, ${stats.requests} requests, answers ${JSON.stringify(stats.byStatus)}`);
    await t?.close();
  });

  it('documents every registered route in the OpenAPI document it fuzzes from, and every route declares who may call it', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    expect(routes.filter((r) => !documented.has(`${r.method} ${r.path}`)).map((r) => r.handler)).toEqual([]);
    expect(routes.filter((r) => !r.rule).map((r) => r.handler)).toEqual([]);
    expect(routes.length).toBeGreaterThan(90);
  });

  /** One request for a route: every declared input drawn from plausible and hostile values. */
  function requestFor(route: AppRoute) {
    const op = doc.paths[route.path][route.method.toLowerCase()];
    const params = op.parameters ?? [];
    const pathValue = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: (name === 'id' ? ids : fc.constantFrom('erp', 'B-1', 'CP-1', '2026-05-01', '0', 'retier')).map(encodeURIComponent) },
        { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0).map(encode) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_BITS) },
      );
    const pathArb = fc.tuple(...params.filter((p) => p.in === 'path').map((p) => pathValue(p.name).map((v) => [p.name, v] as const)));
    const queryArb = fc.array(
      fc.tuple(
        fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...params.filter((p) => p.in === 'query').map((p) => p.name), 'limit') }, { weight: 1, arbitrary: fc.constantFrom('ownerId[]', '__proto__', 'a'.repeat(300)) }),
        fc.oneof(fromSchema(undefined, doc, ids), hostileString, ids, fc.constantFrom('1', '0', '-1', '501', '1.5', 'true', 'A', 'individual')),
      ),
      { maxLength: 4 },
    );
    const content = op.requestBody?.content ?? {};
    const json = content['application/json'];
    const bodyArb: fc.Arbitrary<{ type: string; text: string | Buffer } | null> = json
      ? fc.oneof(
          { weight: 8, arbitrary: fromSchema(json.schema, doc, ids).map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })) },
          { weight: 1, arbitrary: deepJson.map((text) => ({ type: 'application/json', text })) },
          { weight: 1, arbitrary: malformedJson.map((text) => ({ type: 'application/json', text })) },
          { weight: 1, arbitrary: fc.constant({ type: 'application/json', text: OVER_BODY_LIMIT }) },
          { weight: 1, arbitrary: hostileString.map((text) => ({ type: 'text/plain', text })) },
        )
      : Object.keys(content).length
        ? fc.oneof(
            fc.uint8Array({ maxLength: 4000 }).map((b) => ({ type: Object.keys(content)[0], text: Buffer.from(b) })),
            fc.constantFrom('name,phone\n张伟,13800138000\n', 'PK\u0003\u0004garbage', '=cmd|/c calc!A1,1\n').map((text) => ({ type: Object.keys(content)[0], text: Buffer.from(text) })),
          )
        : fc.option(hostileValue.map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })), { freq: 3 });
    return fc.record({ path: pathArb, query: queryArb, body: bodyArb });
  }

  /** The caller a route is meant for: nobody on public routes, the admin where staff may call it, else the all-scope key. */
  async function tokenFor(route: AppRoute): Promise<string | null> {
    if (isPublic(route)) return null;
    if (route.handler.endsWith('.logout')) return login(t); // a session of its own to end
    return rolesOf(route).includes('admin') ? admin : key;
  }

  async function send(route: AppRoute, token: string | null, input: { path: (readonly [string, string])[]; query: [string, unknown][]; body: { type: string; text: string | Buffer } | null }) {
    let url = route.path;
    for (const [name, value] of input.path) url = url.replace(`{${name}}`, value);
    if (input.query.length) url += '?' + input.query.map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`).join('&');
    let req = request(t.app.getHttpServer())[route.method.toLowerCase() as 'get'](url).timeout({ response: REQUEST_TIMEOUT_MS, deadline: REQUEST_TIMEOUT_MS });
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (input.body) req = req.set('Content-Type', input.body.type).send(input.body.text as string);
    return { url, res: await req.buffer(true).parse((res, cb) => { let raw = ''; res.setEncoding('utf8'); res.on('data', (c: string) => (raw += c)); res.on('end', () => cb(null, raw)); }) };
  }

  const maxAuditId = async () => Number((await sql(t, `SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);

  it('answers every route 2xx or 4xx problem+json, never 5xx or a hang, and a refusal changes nothing', async () => {
    const start = Date.now();
    const failures: string[] = [];
    for (const [i, route] of routes.entries()) {
      const seed = SEED + i;
      // Each route on its own, so one run reports every failing route; the cause, not the (huge) counterexample.
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (input) => {
          const token = await tokenFor(route);
          const before = await dbFingerprint(t);
          const auditFrom = await maxAuditId();
          const { url, res } = await send(route, token, input);
          stats.requests++;
          stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
          const what = `${route.method} ${url.slice(0, 300)} (body ${String(input.body?.text ?? '').slice(0, Number(process.env.FUZZ_DETAIL ?? 200))}) → ${res.status} ${String(res.body).slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`server error: ${lastServerError} — ${what}`);
          if (res.status < 400) return;
          if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) throw new Error(`not problem+json: ${what}`);
          if (JSON.parse(res.body).status !== res.status) throw new Error(`problem status differs: ${what}`);
          const changed = changedTables(before, await dbFingerprint(t));
          if (changed.length) throw new Error(`refused but changed ${changed.join(', ')}: ${what}`);
          const audited: { action: string }[] = await sql(t, `SELECT action FROM audit_log WHERE id > $1`, [auditFrom]);
          const stray = audited.filter((a) => !REFUSAL_ACTIONS.test(a.action));
          if (stray.length) throw new Error(`refused but audited ${stray.map((a) => a.action).join(', ')}: ${what}`);
        }),
        { seed, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      ).catch((err: Error) => failures.push(`[seed ${seed}] ${String((err.cause as Error | undefined)?.message ?? err.message).slice(0, Number(process.env.FUZZ_DETAIL ?? 600))}`));
    }
    expect(failures).toEqual([]);
    console.log(`hostile input: ${routes.length} routes in ${Math.round((Date.now() - start) / 1000)} s`);
  }, 170_000);
});
