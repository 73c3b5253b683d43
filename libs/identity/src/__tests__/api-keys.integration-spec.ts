import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';

const base = '/api/v1/api-keys';

type AuditRow = { action: string; actor_type: string; actor_id: string | null; entity_id: string; details: Record<string, unknown> | null };
const auditOf = (t: TestApp, keyId: string): Promise<AuditRow[]> =>
  sql(t, `SELECT action, actor_type, actor_id, entity_id, details FROM audit_log WHERE entity_type = 'api_key' AND entity_id = $1 ORDER BY id`, [keyId]);

/** Creates a key as `admin` and returns the 201 body (with the secret). */
async function createKey(t: TestApp, admin: string, body: object) {
  const res = await http(t, admin).post(base, body);
  if (res.status !== 201) throw new Error(`creating a key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; key: string; prefix: string; lastUsedAt: string | null };
}

describe('API keys', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    adminId = (await http(t, admin).get('/api/v1/auth/me')).body.id;
    customerId = (await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '张三' })).body.id;
  });
  afterAll(() => t.close());

  const keyCount = async () => Number((await sql(t, 'SELECT count(*) AS n FROM api_keys'))[0].n);

  it('creates a key: the secret is in the 201 answer only, stored as its SHA-256, and never listed', async () => {
    const res = await http(t, admin).post(base, { name: ' ERP 订单同步 ', scopes: ['customers:read', 'bookings:write'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      key: expect.stringMatching(/^crm_k_[\w-]{43}$/),
      name: 'ERP 订单同步',
      scopes: ['customers:read', 'bookings:write'],
      prefix: res.body.key.slice(0, 14),
      createdAt: expect.any(String),
      createdBy: adminId,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const [row] = await sql(t, 'SELECT key_hash FROM api_keys WHERE id = $1', [res.body.id]);
    expect(row.key_hash).toBe(createHash('sha256').update(res.body.key).digest('hex'));

    const list = await http(t, admin).get(base);
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    const { key, ...listed } = res.body;
    expect(list.body.items).toContainEqual(listed);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toContain(row.key_hash);
  });

  it('lets a customers:read key list and read customers, and records its use at most once a minute', async () => {
    const k = await createKey(t, admin, { name: 'reader', scopes: ['customers:read'] });
    const list = await http(t, k.key).get('/api/v1/customers');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(customerId);
    const one = await http(t, k.key).get(`/api/v1/customers/${customerId}`);
    expect(one.status).toBe(200);
    expect(one.body.name).toBe('张三');

    const [{ last_used_at: first }] = await sql(t, 'SELECT last_used_at FROM api_keys WHERE id = $1', [k.id]);
    expect(first).toBeInstanceOf(Date);
    // The second request came within the minute: no new write.
    expect((await http(t, k.key).get('/api/v1/customers')).status).toBe(200);
    const [{ last_used_at: second }] = await sql(t, 'SELECT last_used_at FROM api_keys WHERE id = $1', [k.id]);
    expect(second).toEqual(first);
    const listed = (await http(t, admin).get(base)).body.items.find((i: { id: string }) => i.id === k.id);
    expect(listed.lastUsedAt).toBe(first.toISOString());
  });

  it('keeps a key to its scopes: bookings:write alone cannot read customers, and no key reaches staff routes', async () => {
    const writer = await createKey(t, admin, { name: 'writer', scopes: ['bookings:write'] });
    const all = await createKey(t, admin, { name: 'all', scopes: ['bookings:write', 'customers:read', 'complaints:write'] });
    expect((await http(t, writer.key).get('/api/v1/customers')).status).toBe(403);
    expect((await http(t, writer.key).get(`/api/v1/customers/${customerId}`)).status).toBe(403);
    for (const key of [writer.key, all.key]) {
      expect((await http(t, key).get('/api/v1/users')).status).toBe(403);
      expect((await http(t, key).post('/api/v1/customers', { type: 'individual', name: 'x' })).status).toBe(403);
      expect((await http(t, key).get('/api/v1/auth/me')).status).toBe(403);
      expect((await http(t, key).get(base)).status).toBe(403);
      expect((await http(t, key).post(base, { name: 'escalate', scopes: ['customers:read'] })).status).toBe(403);
    }
    const denied = await auditOf(t, writer.id);
    expect(denied[0]).toEqual({ action: 'api_key.create', actor_type: 'user', actor_id: adminId, entity_id: writer.id, details: { name: 'writer', scopes: ['bookings:write'], expiresAt: null } });
    expect(denied.slice(1)).toContainEqual({ action: 'api_key.denied', actor_type: 'api_key', actor_id: writer.id, entity_id: writer.id, details: { reason: 'scope', request: 'GET /api/v1/customers' } });
  });

  it('revokes a key: 401 at once, idempotent, the row kept and the revocation audited', async () => {
    const k = await createKey(t, admin, { name: 'to revoke', scopes: ['customers:read'] });
    expect((await http(t, k.key).get('/api/v1/customers')).status).toBe(200);
    expect((await http(t, admin).delete(`${base}/${k.id}`)).status).toBe(204);
    const refused = await http(t, k.key).get('/api/v1/customers');
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toBe('This API key is revoked.');

    expect((await http(t, admin).delete(`${base}/${k.id}`)).status).toBe(204);
    const listed = (await http(t, admin).get(base)).body.items.find((i: { id: string }) => i.id === k.id);
    expect(listed.revokedAt).toEqual(expect.any(String));
    const actions = (await auditOf(t, k.id)).map((r) => [r.action, r.actor_type, r.details?.reason]);
    expect(actions).toEqual([
      ['api_key.create', 'user', undefined],
      ['api_key.revoke', 'user', undefined],
      ['api_key.denied', 'api_key', 'revoked'],
    ]);
  });

  it('answers 404 for revoking a key that does not exist', async () => {
    expect((await http(t, admin).delete(`${base}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await http(t, admin).delete(`${base}/not-a-uuid`)).status).toBe(404);
  });

  it('refuses an expired key with 401, and an expiry in the past at creation', async () => {
    const k = await createKey(t, admin, { name: 'short-lived', scopes: ['customers:read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await http(t, k.key).get('/api/v1/customers')).status).toBe(200);
    await sql(t, `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [k.id]);
    const refused = await http(t, k.key).get('/api/v1/customers');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('This API key is expired.');
    expect((await auditOf(t, k.id)).map((r) => r.details?.reason)).toContain('expired');

    const past = await http(t, admin).post(base, { name: 'past', scopes: ['customers:read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
  });

  it('answers an unknown key like any bad token', async () => {
    expect((await http(t, 'crm_k_forged').get('/api/v1/customers')).status).toBe(401);
  });

  it('lets only admins manage keys', async () => {
    const manager = await userWithRole(t, admin, 'manager');
    const before = await keyCount();
    expect((await http(t, manager.token).post(base, { name: 'x', scopes: ['customers:read'] })).status).toBe(403);
    expect((await http(t, manager.token).get(base)).status).toBe(403);
    expect((await http(t).get(base)).status).toBe(401);
    expect(await keyCount()).toBe(before);
  });

  it.each([
    ['an unknown scope', { name: 'x', scopes: ['customers:write'] }, ['scopes']],
    ['no scopes', { name: 'x', scopes: [] }, ['scopes']],
    ['an empty name', { name: '  ', scopes: ['customers:read'] }, ['name']],
    ['an unknown field', { name: 'x', scopes: ['customers:read'], owner: 'me' }, ['owner']],
    ['a client-chosen secret', { name: 'x', scopes: ['customers:read'], key: 'crm_k_mine' }, ['key']],
    ['a malformed expiry', { name: 'x', scopes: ['customers:read'], expiresAt: 'tomorrow' }, ['expiresAt']],
    ['nothing', {}, ['name', 'scopes']],
  ])('refuses %s with 422 naming the field, creating nothing', async (_, body, fields) => {
    const before = await keyCount();
    const res = await http(t, admin).post(base, body);
    expect(res.status).toBe(422);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
    expect(await keyCount()).toBe(before);
  });
});

describe('API key rate limit (2 requests/s, burst 3)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { API_KEY_RATE_PER_SECOND: '2', API_KEY_BURST: '3' } });
    admin = await login(t);
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After past the burst, audits it once a minute, and lets the key in again later', async () => {
    const k = await createKey(t, admin, { name: 'busy', scopes: ['customers:read'] });
    const other = await createKey(t, admin, { name: 'quiet', scopes: ['customers:read'] });
    const answers = await Promise.all(Array.from({ length: 10 }, () => http(t, k.key).get('/api/v1/customers')));
    const statuses = answers.map((r) => r.status);
    // The burst of 3, plus whatever refilled (2/s) while the requests were arriving.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain(429);
    const limited = answers.find((r) => r.status === 429)!;
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body).toMatchObject({ status: 429, title: 'Too many requests' });

    // Buckets are per key: another key is not slowed down; staff sessions are not limited.
    expect((await http(t, other.key).get('/api/v1/customers')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await http(t, admin).get('/api/v1/customers')).status).toBe(200);

    const rows = (await auditOf(t, k.id)).filter((r) => r.action === 'api_key.rate_limited');
    expect(rows).toEqual([{ action: 'api_key.rate_limited', actor_type: 'api_key', actor_id: k.id, entity_id: k.id, details: { request: 'GET /api/v1/customers' } }]);

    await new Promise((r) => setTimeout(r, 1000));
    expect((await http(t, k.key).get('/api/v1/customers')).status).toBe(200);
  });
});
