import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, until, userWithRole } from '../../../../test/support/http';
import { AuditService } from '../audit.service';

const base = '/api/v1/audit';
const CLIENT = '203.0.113.7';

type AuditRow = { action: string; actor_type: string; actor_id: string | null; ip: string | null; details: Record<string, unknown> | null; changes: Record<string, unknown> | null };
const auditOf = (t: TestApp, entityId: string): Promise<AuditRow[]> =>
  sql(t, `SELECT action, actor_type, actor_id, host(ip) AS ip, details, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);

async function createCustomer(t: TestApp, token: string, body: object): Promise<{ id: string }> {
  const res = await http(t, token).post('/api/v1/customers', body);
  if (res.status !== 201) throw new Error(`creating a customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function createKey(t: TestApp, admin: string, name: string, scopes: string[]): Promise<{ id: string; key: string }> {
  const res = await http(t, admin).post('/api/v1/api-keys', { name, scopes });
  if (res.status !== 201) throw new Error(`creating a key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('audit log (no proxy trusted)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    admin = await login(t);
    adminId = (await http(t, admin).get('/api/v1/auth/me')).body.id;
  });
  afterAll(() => t.close());

  it('records a customer PATCH with its changed fields before and after, and the socket IP (X-Forwarded-For ignored)', async () => {
    const c = await createCustomer(t, admin, { type: 'individual', name: '审计甲', city: '上海', tags: ['family'] });
    const res = await http(t, admin).patch(`/api/v1/customers/${c.id}`, { city: '杭州', tags: ['family'], phone: '13800138000' }).set('X-Forwarded-For', CLIENT);
    expect(res.status).toBe(200);

    const [created, updated] = await auditOf(t, c.id);
    expect(created).toMatchObject({
      action: 'customer.create',
      actor_type: 'user',
      actor_id: adminId,
      changes: { name: { before: null, after: '审计甲' }, city: { before: null, after: '上海' }, tags: { before: null, after: ['family'] }, type: { before: null, after: 'individual' } },
    });
    // Unchanged fields (tags, the same list again) are left out.
    expect(updated).toMatchObject({ action: 'customer.update', changes: { city: { before: '上海', after: '杭州' }, phone: { before: null, after: '+8613800138000' } } });
    expect(Object.keys(updated.changes!).sort()).toEqual(['city', 'phone']);
    expect(updated.ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  });

  it('records contacts and external references a PATCH replaces', async () => {
    const c = await createCustomer(t, admin, { type: 'organization', name: '审计机构', contacts: [{ name: '王总', primary: true }], externalRefs: [{ source: 'erp', externalId: 'A-1' }] });
    await http(t, admin).patch(`/api/v1/customers/${c.id}`, { contacts: [{ name: '王总', primary: true }, { name: '小刘' }], externalRefs: [{ source: 'erp', externalId: 'A-1' }] });
    const [, updated] = await auditOf(t, c.id);
    expect(updated.changes).toEqual({
      contacts: {
        before: [{ name: '王总', role: null, phone: null, email: null, primary: true }],
        after: [{ name: '王总', role: null, phone: null, email: null, primary: true }, { name: '小刘', role: null, phone: null, email: null, primary: false }],
      },
    });
  });

  it('records delete and restore as the change of deletedAt', async () => {
    const c = await createCustomer(t, admin, { type: 'individual', name: '审计删' });
    expect((await http(t, admin).delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
    expect((await http(t, admin).post(`/api/v1/customers/${c.id}/restore`)).status).toBe(200);
    const [, deleted, restored] = await auditOf(t, c.id);
    expect(deleted).toMatchObject({ action: 'customer.delete', changes: { deletedAt: { before: null, after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } } });
    const deletedAt = (deleted.changes!.deletedAt as { after: string }).after;
    expect(restored).toMatchObject({ action: 'customer.restore', changes: { deletedAt: { before: deletedAt, after: null } } });
  });

  it('leaves no audit row for a write that fails and rolls back (409 inside the transaction, 422 before it)', async () => {
    await createCustomer(t, admin, { type: 'individual', name: '持有人', externalRefs: [{ source: 'erp', externalId: 'TAKEN-1' }] });
    const c = await createCustomer(t, admin, { type: 'individual', name: '审计回滚', city: '上海' });
    const conflict = await http(t, admin).patch(`/api/v1/customers/${c.id}`, { city: '北京', externalRefs: [{ source: 'erp', externalId: 'TAKEN-1' }] });
    expect(conflict.status).toBe(409);
    const invalid = await http(t, admin).patch(`/api/v1/customers/${c.id}`, { city: '北京', type: 'spaceship' });
    expect(invalid.status).toBe(422);
    expect((await auditOf(t, c.id)).map((r) => r.action)).toEqual(['customer.create']);
    expect((await http(t, admin).get(`/api/v1/customers/${c.id}`)).body.city).toBe('上海');

    const email = `dup.${Date.now()}@test.local`;
    expect((await http(t, admin).post('/api/v1/users', { email, name: 'Dup', role: 'agent', password: 'password-123' })).status).toBe(201);
    const before = await sql(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create'`);
    expect((await http(t, admin).post('/api/v1/users', { email, name: 'Dup 2', role: 'agent', password: 'password-123' })).status).toBe(409);
    expect(await sql(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create'`)).toEqual(before);
  });

  it('records user changes without the password or its hash', async () => {
    const u = await userWithRole(t, admin, 'agent', 'Redact');
    expect((await http(t, admin).patch(`/api/v1/users/${u.id}`, { name: 'Redacted', password: 'another-password-1' })).status).toBe(200);
    const all = await auditOf(t, u.id);
    const rows = all.filter((r) => r.action.startsWith('user.'));
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update']);
    expect(rows[0].changes).toMatchObject({ role: { before: null, after: 'agent' }, password: { before: null, after: '[redacted]' } });
    expect(rows[1].changes).toEqual({ name: { before: 'Redact', after: 'Redacted' }, password: { before: '[redacted]', after: '[redacted]' } });
    const [{ password_hash: hash }] = await sql(t, 'SELECT password_hash FROM users WHERE id = $1', [u.id]);
    expect(JSON.stringify(all)).not.toContain(hash);
    expect(JSON.stringify(all)).not.toContain('another-password-1');
  });

  it('records API key creation and revocation with their changes, never the secret', async () => {
    const k = await createKey(t, admin, 'ERP', ['customers:read']);
    expect((await http(t, admin).delete(`/api/v1/api-keys/${k.id}`)).status).toBe(204);
    const rows = await auditOf(t, k.id);
    expect(rows[0].changes).toEqual({ name: { before: null, after: 'ERP' }, scopes: { before: null, after: ['customers:read'] } });
    expect(rows[1]).toMatchObject({ action: 'api_key.revoke', changes: { revokedAt: { before: null, after: expect.any(String) } } });
    expect(JSON.stringify(rows)).not.toContain(k.key);
  });

  it('audits a 413 (body over the limit) sent with a known API key, with the IP; not one with an unknown key or a session', async () => {
    const k = await createKey(t, admin, 'Big sender', ['bookings:write']);
    const big = { type: 'individual', name: 'x', motivations: ['x'.repeat(8192)] };
    expect((await http(t, k.key).post('/api/v1/customers', big)).status).toBe(413);
    const row = await until('the 413 audit entry', async () => (await auditOf(t, k.id)).find((r) => r.action === 'api_key.denied'));
    expect(row).toMatchObject({ actor_type: 'api_key', actor_id: k.id, details: { reason: 'body_too_large', request: 'POST /api/v1/customers' } });
    expect(row.ip).toMatch(/127\.0\.0\.1|::1/);

    const before = await sql(t, `SELECT count(*)::int AS n FROM audit_log`);
    expect((await http(t, 'crm_k_unknown').post('/api/v1/customers', big)).status).toBe(413);
    expect((await http(t, admin).post('/api/v1/customers', big)).status).toBe(413);
    await new Promise((r) => setTimeout(r, 300));
    expect(await sql(t, `SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
  });

  it('records refusals decided in the guard with the caller IP too', async () => {
    const k = await createKey(t, admin, 'Scope-less reader', ['bookings:write']);
    expect((await http(t, k.key).get('/api/v1/customers')).status).toBe(403);
    const [denied] = (await auditOf(t, k.id)).filter((r) => r.action === 'api_key.denied');
    expect(denied.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('writes no IP for entries recorded outside a request (jobs, the worker)', async () => {
    await t.app.get(AuditService).record(null, { action: 'test.job', entityType: 'job', entityId: 'outside-request' });
    expect(await auditOf(t, 'outside-request')).toEqual([{ action: 'test.job', actor_type: 'system', actor_id: null, ip: null, details: null, changes: null }]);
  });

  describe('GET /audit', () => {
    let manager: { id: string; token: string };
    let customer: { id: string };

    beforeAll(async () => {
      manager = await userWithRole(t, admin, 'manager', 'Audit Manager');
      customer = await createCustomer(t, manager.token, { type: 'individual', name: '筛选客户' });
      for (const city of ['一', '二', '三', '四']) await http(t, manager.token).patch(`/api/v1/customers/${customer.id}`, { city });
    });

    it('is for admins only: 401 without credentials, 403 for other staff and for API keys', async () => {
      expect((await http(t).get(base)).status).toBe(401);
      expect((await http(t, manager.token).get(base)).status).toBe(403);
      const k = await createKey(t, admin, 'All scopes', ['bookings:write', 'customers:read', 'complaints:write']);
      expect((await http(t, k.key).get(base)).status).toBe(403);
      expect((await http(t, admin).get(base)).status).toBe(200);
    });

    it('lists newest first with the actor resolved to a display name', async () => {
      const res = await http(t, admin).get(`${base}?entityType=customer&entityId=${customer.id}`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.map((i: { action: string }) => i.action)).toEqual(['customer.update', 'customer.update', 'customer.update', 'customer.update', 'customer.create']);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        at: expect.stringMatching(/Z$/),
        actor: { type: 'user', id: manager.id, name: 'Audit Manager' },
        action: 'customer.update',
        entityType: 'customer',
        entityId: customer.id,
        ip: expect.any(String),
        details: null,
        changes: { city: { before: '三', after: '四' } },
      });
      const ids = res.body.items.map((i: { id: string }) => Number(i.id));
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    });

    it('names API keys as actors', async () => {
      const k = await createKey(t, admin, '订单系统', ['bookings:write']);
      await http(t, k.key).get('/api/v1/customers');
      const res = await http(t, admin).get(`${base}?actorType=api_key&actorId=${k.id}`);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ actor: { type: 'api_key', id: k.id, name: '订单系统' }, action: 'api_key.denied' });
    });

    it('pages through a filter with the cursor, without gaps or repeats', async () => {
      const all = (await http(t, admin).get(`${base}?entityId=${customer.id}`)).body.items.map((i: { id: string }) => i.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await http(t, admin).get(`${base}?entityId=${customer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(seen).toHaveLength(5);
    });

    it('filters by actor, action (exact or prefix) and time range', async () => {
      const byActor = (await http(t, admin).get(`${base}?actorType=user&actorId=${manager.id}`)).body.items;
      expect(byActor.length).toBeGreaterThanOrEqual(5);
      expect(byActor.every((i: { actor: { id: string } }) => i.actor.id === manager.id)).toBe(true);
      expect((await http(t, admin).get(`${base}?actorType=api_key&actorId=${manager.id}`)).body.items).toEqual([]);

      const exact = (await http(t, admin).get(`${base}?action=customer.create&actorId=${manager.id}`)).body.items;
      expect(exact.map((i: { action: string }) => i.action)).toEqual(['customer.create']);
      const prefix = (await http(t, admin).get(`${base}?action=customer.&actorId=${manager.id}`)).body.items;
      expect(prefix).toHaveLength(5);
      expect((await http(t, admin).get(`${base}?action=api_key.&actorId=${manager.id}`)).body.items).toEqual([]);
      // A LIKE wildcard in the filter is a literal character, not "anything".
      expect((await http(t, admin).get(`${base}?action=%25&actorId=${manager.id}`)).body.items).toEqual([]);

      const [newest] = byActor;
      const at = Date.parse(newest.at);
      const since = (await http(t, admin).get(`${base}?actorId=${manager.id}&from=${new Date(at).toISOString()}`)).body.items;
      expect(since.map((i: { id: string }) => i.id)).toContain(newest.id);
      const until = (await http(t, admin).get(`${base}?actorId=${manager.id}&to=${new Date(at).toISOString()}`)).body.items;
      expect(until.map((i: { id: string }) => i.id)).not.toContain(newest.id);
      expect((await http(t, admin).get(`${base}?actorId=${manager.id}&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`)).body.items).toEqual([]);
    });

    it.each([
      ['an unknown actor type', 'actorType=robot', 'actorType'],
      ['a malformed actor id', 'actorId=nobody', 'actorId'],
      ['a malformed time', 'from=yesterday', 'from'],
      ['a range that ends before it starts', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['a forged cursor', `cursor=${Buffer.from(JSON.stringify(['1 OR 1=1'])).toString('base64url')}`, 'cursor'],
      ['a limit over 500', 'limit=501', 'limit'],
      ['an unknown filter', 'who=me', 'who'],
    ])('refuses %s with 422 naming the field', async (_, query, field) => {
      const res = await http(t, admin).get(`${base}?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});

describe('audit log behind a trusted proxy', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
    admin = await login(t);
  });
  afterAll(() => t.close());

  const patchCity = async (customerId: string, city: string, forwardedFor: string) => {
    const res = await http(t, admin).patch(`/api/v1/customers/${customerId}`, { city }).set('X-Forwarded-For', forwardedFor);
    expect(res.status).toBe(200);
    return (await auditOf(t, customerId)).at(-1)!.ip;
  };

  it('takes the client IP from X-Forwarded-For as far as the trusted proxies go', async () => {
    const c = await createCustomer(t, admin, { type: 'individual', name: '代理' });
    expect(await patchCity(c.id, '一', CLIENT)).toBe(CLIENT);
    // A client that sends its own X-Forwarded-For cannot pass off a made-up address: the proxy appends the real one.
    expect(await patchCity(c.id, '二', `198.51.100.9, ${CLIENT}`)).toBe(CLIENT);
  });

  it('keeps the write and stores no IP when the forwarded address is not an address', async () => {
    const c = await createCustomer(t, admin, { type: 'individual', name: '代理乱码' });
    expect(await patchCity(c.id, '三', 'not-an-ip')).toBeNull();
  });
});
