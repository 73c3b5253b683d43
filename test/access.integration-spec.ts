import request from 'supertest';
import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from './support/test-app';
import { http, login, sql, userWithRole } from './support/http';
import { bookingBody } from './support/booking-fixture';
import { AppRoute, appRoutes, isPublic, rolesOf, scopesOf } from './support/routes';
import { changedTables, dbFingerprint } from './support/db-fingerprint';

const ROLES = ['admin', 'manager', 'account_manager', 'agent'];
const SCOPES = ['bookings:write', 'customers:read', 'complaints:write'];
const RANDOM_ID = '0b5f3c9e-8d1a-4c2b-9e7f-1a2b3c4d5e6f';

/** A concrete URL for a route: ids from `ids` (by the route's resource) or a random uuid, plausible values elsewhere. */
function urlOf(route: AppRoute, id = RANDOM_ID): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'id' ? id : ({ source: 'erp', externalId: 'X-1', date: '2026-05-01', index: '0', name: 'retier', token: 'x' } as Record<string, string>)[name] ?? 'x',
  );
}

/**
 * Access over every route the application registers (read from Nest, so new routes are covered without editing this
 * file): no or dead credentials get 401, a role or key scope the route does not admit gets 403 and an audit entry,
 * and an account manager reaching for another's records — by id, list filter, search, export, merge, visit or
 * complaint — learns nothing: the same answer as for a record that does not exist, nothing changed, the refusal audited.
 */
describe('access on every route', () => {
  let t: TestApp;
  let admin: string;
  let routes: AppRoute[];
  const tokens: Record<string, string> = {};
  const keys: Record<string, string> = {};
  let am1: { id: string; token: string };
  let am2: { id: string; token: string };
  /** Records of the second account manager, which the first may not see. */
  const theirs = { customer: '', booking: '', complaint: '', name: '陈其他客户' };
  let mine = '';

  const call = (route: AppRoute, token: string | null, url = urlOf(route), body: object = {}) => {
    let req = request(t.app.getHttpServer())[route.method.toLowerCase() as 'get'](url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return route.method === 'GET' || route.method === 'DELETE' ? req : req.send(body);
  };
  const key = async (scopes: string[], expiresAt?: string) => {
    const res = await http(t, admin).post('/api/v1/api-keys', { name: scopes.join('+') || 'none', scopes, ...(expiresAt ? { expiresAt } : {}) });
    if (res.status !== 201) throw new Error(`key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; key: string };
  };
  const denials = (reason: string, from: number): Promise<{ request: string; entity_id: string | null; actor_id: string }[]> =>
    sql(t, `SELECT details->>'request' AS request, entity_id, actor_id FROM audit_log WHERE id > $1 AND action IN ('access.denied', 'api_key.denied') AND details->>'reason' = $2 ORDER BY id`, [from, reason]);
  const lastAuditId = async () => Number((await sql(t, `SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
    routes = appRoutes(t);
    for (const role of ROLES) tokens[role] = role === 'admin' ? admin : (await userWithRole(t, admin, role)).token;
    am1 = await userWithRole(t, admin, 'account_manager', 'am1');
    am2 = await userWithRole(t, admin, 'account_manager', 'am2');

    const all = await key(SCOPES);
    keys.all = all.key;
    const revoked = await key(SCOPES);
    await http(t, admin).delete(`/api/v1/api-keys/${revoked.id}`);
    keys.revoked = revoked.key;
    const expired = await key(SCOPES, new Date(Date.now() + 3600_000).toISOString());
    await sql(t, `UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    keys.expired = expired.key;
    tokens.expiredSession = await login(t);
    await sql(t, `UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE expires_at = (SELECT max(expires_at) FROM sessions)`);
    tokens.loggedOut = await login(t);
    await http(t, tokens.loggedOut).post('/api/v1/auth/logout');

    mine = (await http(t, am1.token).post('/api/v1/customers', { type: 'individual', name: '我的客户' })).body.id;
    const booking = await http(t, keys.all).put('/api/v1/bookings/erp/B-THEIRS', bookingBody({}, { externalId: 'C-THEIRS', name: theirs.name }));
    theirs.customer = booking.body.customerId;
    theirs.booking = booking.body.id;
    await http(t, admin).patch(`/api/v1/customers/${theirs.customer}`, { ownerId: am2.id });
    const complaint = await http(t, keys.all).put('/api/v1/complaints/erp/CP-THEIRS', {
      customer: { externalId: 'C-THEIRS' }, severity: 'ordinary', category: 'hotel', description: '房间有霉味', receivedAt: '2026-03-02T21:15:00+08:00',
    });
    theirs.complaint = complaint.body.id;
    expect([theirs.customer, theirs.booking, theirs.complaint].every(Boolean)).toBe(true);
  }, 90_000);
  const counts = { unauthenticated: 0, role: 0, scope: 0, byId: 0 };
  afterAll(async () => {
    console.log(`access: ${routes?.length} routes; ${counts.unauthenticated} requests with no or dead credentials, ${counts.role} role and ${counts.scope} scope refusals, ${counts.byId} reaches by id`);
    await t?.close();
  });

  it('finds the routes, every one with a declared rule', () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.filter((r) => !r.rule).map((r) => r.handler)).toEqual([]);
  });

  it.each([
    ['no credentials', null],
    ['a malformed token', 'garbage'],
    ['a forged session token', 'crm_s_forged'],
    ['an unknown API key', 'crm_k_unknown'],
    ['an expired session', 'expiredSession'],
    ['a signed-out session', 'loggedOut'],
    ['a revoked API key', 'revoked'],
    ['an expired API key', 'expired'],
  ])('answers every non-public route with 401 problem+json for %s', async (_what, which) => {
    const token = which === null ? null : (tokens[which] ?? keys[which] ?? which);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !isPublic(r))) {
      const res = await call(route, token);
      counts.unauthenticated++;
      if (res.status !== 401 || !/problem\+json/.test(res.headers['content-type'])) wrong.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('audits every request of a revoked or expired key', async () => {
    const rows: { reason: string; n: string }[] = await sql(t, `SELECT details->>'reason' AS reason, count(*) AS n FROM audit_log WHERE action = 'api_key.denied' GROUP BY 1`);
    const closed = routes.filter((r) => !isPublic(r)).length;
    expect(Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]))).toMatchObject({ revoked: closed, expired: closed });
  });

  it('audits the first use of an expired session, which ends it (later uses are unknown tokens, not audited again)', async () => {
    const rows = await sql(t, `SELECT entity_type, details->>'request' AS request FROM audit_log WHERE action = 'access.denied' AND details->>'reason' = 'session_expired'`);
    const first = routes.find((r) => !isPublic(r))!;
    expect(rows).toEqual([{ entity_type: 'session', request: `${first.method} ${urlOf(first)}` }]);
  });

  it('answers 403 to every role a route does not admit, and audits each refusal with its request', async () => {
    const from = await lastAuditId();
    const expected: string[] = [];
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !isPublic(r))) {
      for (const role of ROLES.filter((r) => !rolesOf(route).includes(r))) {
        const res = await call(route, tokens[role]);
        expected.push(`${route.method} ${urlOf(route)}`);
        if (res.status !== 403) wrong.push(`${role}: ${route.method} ${route.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(expected.length).toBeGreaterThan(50);
    counts.role = expected.length;
    expect((await denials('role', from)).map((d) => d.request).sort()).toEqual(expected.sort());
  });

  it('answers 403 to a key without the scope a route needs, and audits each refusal', async () => {
    const from = await lastAuditId();
    const expected: string[] = [];
    const wrong: string[] = [];
    const byScopes = new Map<string, string>();
    for (const route of routes.filter((r) => !isPublic(r))) {
      const others = SCOPES.filter((s) => !scopesOf(route).includes(s));
      if (!others.length) continue;
      if (!byScopes.has(others.join())) byScopes.set(others.join(), (await key(others)).key);
      const res = await call(route, byScopes.get(others.join())!);
      expected.push(`${route.method} ${urlOf(route)}`);
      if (res.status !== 403) wrong.push(`[${others}] ${route.method} ${route.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    counts.scope = expected.length;
    expect((await denials('scope', from)).map((d) => d.request).sort()).toEqual(expected.sort());
  });

  describe('an account manager reaching for another’s records', () => {
    /** The record of the other manager a route's {id} names, by the route's resource. */
    const theirId = (route: AppRoute) =>
      route.path.startsWith('/api/v1/customers/{id}') ? theirs.customer : route.path.startsWith('/api/v1/bookings/{id}') ? theirs.booking : route.path.startsWith('/api/v1/complaints/{id}') ? theirs.complaint : null;
    const masked = (body: unknown, id: string) => JSON.stringify(body).split(id).join('<id>');

    it('by id, on every route: the same answer as for a record that does not exist, nothing changed, the refusal audited', async () => {
      const targets = routes.filter((r) => theirId(r) && rolesOf(r).includes('account_manager'));
      expect(targets.length).toBeGreaterThan(8);
      counts.byId = targets.length;
      const leaks: string[] = [];
      for (const route of targets) {
        const id = theirId(route)!;
        const before = await dbFingerprint(t);
        const from = await lastAuditId();
        const theirsRes = await call(route, am1.token, urlOf(route, id));
        const changed = changedTables(before, await dbFingerprint(t));
        const ghost = await call(route, am1.token, urlOf(route, RANDOM_ID));
        if (theirsRes.status !== ghost.status || masked(theirsRes.body, id) !== masked(ghost.body, RANDOM_ID)) {
          leaks.push(`${route.method} ${route.path}: theirs ${theirsRes.status} ${masked(theirsRes.body, id)} vs missing ${ghost.status} ${masked(ghost.body, RANDOM_ID)}`);
        }
        if (theirsRes.status < 400) leaks.push(`${route.method} ${route.path} answered ${theirsRes.status}`);
        if (changed.length) leaks.push(`${route.method} ${route.path} changed ${changed}`);
        if (theirsRes.status === 404 && !(await denials('not_owner', from)).some((d) => d.actor_id === am1.id)) leaks.push(`${route.method} ${route.path}: 404 not audited`);
      }
      expect(leaks).toEqual([]);
    });

    it('reads of their customer answer 404, as named in the issue', async () => {
      for (const path of ['', '/owner-history', '/value', '/tier-history', '/visits', '/interactions']) {
        expect((await http(t, am1.token).get(`/api/v1/customers/${theirs.customer}${path}`)).status).toBe(404);
      }
      expect((await http(t, am1.token).get(`/api/v1/bookings/${theirs.booking}`)).status).toBe(404);
      expect((await http(t, am1.token).get(`/api/v1/complaints/${theirs.complaint}`)).status).toBe(404);
      expect((await http(t, am1.token).patch(`/api/v1/customers/${theirs.customer}`, { name: '改名' })).status).toBe(404);
    });

    it('by list filter: every list that takes a customerId answers 404 or nothing for theirs; owner filters show nothing', async () => {
      const lists = routes.filter((r) => r.method === 'GET' && rolesOf(r).includes('account_manager') && !r.path.includes('{'));
      const wrong: string[] = [];
      for (const route of lists) {
        for (const q of [`customerId=${theirs.customer}`, `ownerId=${am2.id}`, `managerId=${am2.id}`, `userId=${am2.id}`]) {
          const res = await call(route, am1.token, `${route.path}?${q}`);
          const text = JSON.stringify(res.body ?? '');
          if (res.status < 400 && (text.includes(theirs.customer) || text.includes(theirs.name))) wrong.push(`${route.path}?${q} → ${res.status} shows their record`);
          if (res.status >= 500) wrong.push(`${route.path}?${q} → ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
      const filtered = await http(t, am1.token).get(`/api/v1/customers?ownerId=${am2.id}`);
      expect(filtered.status).toBe(200);
      expect(filtered.body.items).toEqual([]);
      for (const path of ['/api/v1/bookings', '/api/v1/complaints', '/api/v1/visits', '/api/v1/visit-plans']) {
        const res = await http(t, am1.token).get(`${path}?customerId=${theirs.customer}`);
        expect([path, res.status === 404 || (res.status === 200 && res.body.items.length === 0)]).toEqual([path, true]);
      }
    });

    it('by search and by export: their customer is not found, mine is', async () => {
      const search = await http(t, am1.token).get(`/api/v1/customers?q=${encodeURIComponent(theirs.name)}`);
      expect(search.body.items).toEqual([]);
      expect((await http(t, admin).get(`/api/v1/customers?q=${encodeURIComponent(theirs.name)}`)).body.items).toHaveLength(1);
      const names = async (token: string) => {
        const res = await http(t, token).get('/api/v1/customers/export.xlsx').buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
        expect(res.status).toBe(200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.body);
        const cells: string[] = [];
        book.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
        return cells;
      };
      const exported = await names(am1.token);
      expect(exported).toContain('我的客户');
      expect(exported).not.toContain(theirs.name);
      expect(await names(admin)).toContain(theirs.name);
    });

    it('through a merge, a visit, a visit plan, a complaint or an interaction: refused, audited, nothing changed', async () => {
      const before = await dbFingerprint(t);
      const from = await lastAuditId();
      const attempts = [
        await http(t, am1.token).post(`/api/v1/customers/${mine}/merge`, { mergedId: theirs.customer }),
        await http(t, am1.token).post('/api/v1/visits', {
          customerId: theirs.customer, kind: 'in_person', startsAt: '2026-05-01T10:00:00+08:00', durationMinutes: 60,
          record: { attendees: [], problems: [], opportunities: [], nextSteps: [] },
        }),
        await http(t, am1.token).post('/api/v1/visit-plans', { customerId: theirs.customer, kind: 'in_person', recurrence: 'weekly', weekday: 2, time: '10:00', durationMinutes: 60, startDate: '2026-05-01' }),
        await http(t, am1.token).post('/api/v1/complaints', { customerId: theirs.customer, severity: 'ordinary', category: 'hotel', description: '冒充', receivedAt: '2026-03-02T21:15:00+08:00', channel: 'phone' }),
        await http(t, am1.token).post(`/api/v1/customers/${theirs.customer}/interactions`, { kind: 'call', note: '冒充' }),
      ];
      expect(attempts.map((r) => r.status)).toEqual([403, 404, 404, 404, 404]);
      expect(changedTables(before, await dbFingerprint(t))).toEqual([]);
      expect((await denials('role', from)).map((d) => d.request)).toEqual([`POST /api/v1/customers/${mine}/merge`]);
      expect((await denials('not_owner', from)).map((d) => [d.entity_id, d.request])).toEqual([
        [theirs.customer, 'POST /api/v1/visits'],
        [theirs.customer, 'POST /api/v1/visit-plans'],
        [theirs.customer, 'POST /api/v1/complaints'],
        [theirs.customer, `POST /api/v1/customers/${theirs.customer}/interactions`],
      ]);
    });
  });

  describe('mass assignment', () => {
    it('refuses fields a caller may not set with 422 naming the field, and changes nothing', async () => {
      const before = await dbFingerprint(t);
      const cases: [string, Promise<request.Response>, string][] = [
        ['owner of my customer', http(t, am1.token).patch(`/api/v1/customers/${mine}`, { ownerId: am2.id }), 'ownerId'],
        ['owner on create', http(t, am1.token).post('/api/v1/customers', { type: 'individual', name: '新客户', ownerId: am2.id }), 'ownerId'],
        ['tier', http(t, am1.token).patch(`/api/v1/customers/${mine}`, { tier: 'A' }), 'tier'],
        ['tier on create', http(t, admin).post('/api/v1/customers', { type: 'individual', name: '新客户', tier: 'A' }), 'tier'],
        ['deletedAt', http(t, am1.token).patch(`/api/v1/customers/${mine}`, { deletedAt: null }), 'deletedAt'],
        ['role on sign-in', http(t).post('/api/v1/auth/login', { email: 'x@y.cn', password: 'password-123', role: 'admin' }), 'role'],
        ['id of a user', http(t, admin).patch(`/api/v1/users/${am1.id}`, { id: am2.id }), 'id'],
        ['createdBy of a key', http(t, admin).post('/api/v1/api-keys', { name: 'k', scopes: ['customers:read'], createdBy: am1.id }), 'createdBy'],
        ['customer of a booking item', http(t, keys.all).put('/api/v1/bookings/erp/B-MASS', { ...bookingBody(), customerId: theirs.customer }), 'customerId'],
      ];
      for (const [what, pending, field] of cases) {
        const res = await pending;
        expect([what, res.status, (res.body.errors ?? []).map((e: { field: string }) => e.field)]).toEqual([what, 422, expect.arrayContaining([field])]);
      }
      expect(changedTables(before, await dbFingerprint(t))).toEqual([]);
    });

    it('keeps role changes for admins: a manager setting a role, even their own, gets 403 and nothing changes', async () => {
      const manager = await userWithRole(t, admin, 'manager', 'mgr-mass');
      const before = await dbFingerprint(t);
      expect((await http(t, manager.token).patch(`/api/v1/users/${manager.id}`, { role: 'admin' })).status).toBe(403);
      expect((await http(t, am1.token).patch(`/api/v1/users/${am1.id}`, { role: 'admin' })).status).toBe(403);
      expect(changedTables(before, await dbFingerprint(t))).toEqual([]);
    });
  });
});
