import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ACCESS } from '@crm/identity';
import { startTestApp, TestApp, TEST_ADMIN } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';

describe('sign-in, sessions and users', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
  });
  afterAll(() => t.close());

  it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD and signs in with a token and an httpOnly cookie', async () => {
    const res = await http(t).post('/api/v1/auth/login', { email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.stringMatching(/^crm_s_/), user: { id: expect.any(String), email: TEST_ADMIN.email, name: 'Administrator', role: 'admin' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/crm_session=crm_s_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await http(t).get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(TEST_ADMIN.email);
  });

  it('answers a wrong password and an unknown email alike, with 401 problem+json', async () => {
    const wrong = await http(t).post('/api/v1/auth/login', { email: TEST_ADMIN.email, password: 'nope-nope' });
    const unknown = await http(t).post('/api/v1/auth/login', { email: 'ghost@test.local', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('logs out: the token stops working', async () => {
    const token = await login(t);
    expect((await http(t, token).get('/api/v1/auth/me')).status).toBe(200);
    expect((await http(t, token).post('/api/v1/auth/logout')).status).toBe(204);
    expect((await http(t, token).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects requests without or with a bad token', async () => {
    expect((await http(t).get('/api/v1/customers')).status).toBe(401);
    expect((await http(t, 'crm_s_forged').get('/api/v1/customers')).status).toBe(401);
    expect((await http(t, 'garbage').get('/api/v1/users')).status).toBe(401);
  });

  it('lets admins create users, change roles and deactivate them; a deactivated user is signed out and cannot sign in', async () => {
    const created = await http(t, admin).post('/api/v1/users', { email: 'Li.Na@Test.Local', name: '李娜', role: 'account_manager', password: 'password-123' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'li.na@test.local', role: 'account_manager', active: true });
    const token = await login(t, 'li.na@test.local', 'password-123');

    const promoted = await http(t, admin).patch(`/api/v1/users/${created.body.id}`, { role: 'manager' });
    expect(promoted.body.role).toBe('manager');
    expect((await http(t, token).get('/api/v1/auth/me')).body.role).toBe('manager');

    const off = await http(t, admin).patch(`/api/v1/users/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await http(t, token).get('/api/v1/auth/me')).status).toBe(401);
    expect((await http(t).post('/api/v1/auth/login', { email: 'li.na@test.local', password: 'password-123' })).status).toBe(401);
  });

  it('refuses a duplicate email with 409 naming the field, and bad user input with 422', async () => {
    const dup = await http(t, admin).post('/api/v1/users', { email: TEST_ADMIN.email, name: 'x', role: 'agent', password: 'password-123' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ field: 'email', message: 'email is already in use' }]);
    const bad = await http(t, admin).post('/api/v1/users', { email: 'x', name: '', role: 'boss', password: 'short' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('keeps user management for admins', async () => {
    const manager = await userWithRole(t, admin, 'manager');
    expect((await http(t, manager.token).post('/api/v1/users', { email: 'a@b.cn', name: 'a', role: 'admin', password: 'password-123' })).status).toBe(403);
    expect((await http(t, manager.token).patch(`/api/v1/users/${manager.id}`, { role: 'admin' })).status).toBe(403);
    expect((await http(t, manager.token).get('/api/v1/users')).status).toBe(200);
  });

  it('does not let an admin remove their own admin access', async () => {
    const me = (await http(t, admin).get('/api/v1/auth/me')).body;
    const res = await http(t, admin).patch(`/api/v1/users/${me.id}`, { active: false });
    expect(res.status).toBe(409);
  });

  it('records logins and user changes in the audit log', async () => {
    const rows: { action: string; actor_type: string }[] = await sql(t, `SELECT action, actor_type FROM audit_log ORDER BY id`);
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('user.create');
    expect(actions).toContain('user.update');
    expect(rows.every((r) => r.actor_type === 'user')).toBe(true);
  });

  it('declares an access rule on every route (closed by default)', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const open: string[] = [];
    for (const c of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(c.instance);
      for (const m of scanner.getAllMethodNames(proto)) {
        if (Reflect.getMetadata(METHOD_METADATA, proto[m]) === undefined) continue; // not a route
        const rule = reflector.getAllAndOverride(ACCESS, [proto[m], c.metatype as Function]);
        if (!rule) open.push(`${c.name}.${m}`);
      }
    }
    expect(open).toEqual([]);
  });
});
