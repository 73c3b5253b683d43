import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';

/** Teams: admins create and rename them, set the manager and put users in them; every write audited, bad input refused. */
describe('teams', () => {
  let t: TestApp;
  let admin: string;
  let manager: { id: string; token: string };
  let agent: { id: string; token: string };
  const count = async (table: string) => Number((await sql(t, `SELECT count(*) AS n FROM ${table}`))[0].n);
  const auditOf = (id: string) => sql(t, `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
  const problemFields = (res: { status: number; headers: Record<string, string>; body: { errors?: { field: string }[] } }) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return (res.body.errors ?? []).map((e) => e.field).sort();
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    manager = await userWithRole(t, admin, 'manager', 'mgr');
    agent = await userWithRole(t, admin, 'agent', 'agent');
  }, 60_000);
  afterAll(() => t?.close());

  it('an admin creates a team with a manager, renames it and changes the manager; each write is audited', async () => {
    const created = await http(t, admin).post('/api/v1/teams', { name: '  华东客服组 ', managerId: manager.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '华东客服组', managerId: manager.id });
    const id = created.body.id;
    const renamed = await http(t, admin).patch(`/api/v1/teams/${id}`, { name: '华东一组' });
    expect(renamed.body).toMatchObject({ name: '华东一组', managerId: manager.id });
    const unmanaged = await http(t, admin).patch(`/api/v1/teams/${id}`, { managerId: null });
    expect(unmanaged.body.managerId).toBeNull();
    expect(await auditOf(id)).toEqual([
      { action: 'team.create', changes: { name: { before: null, after: '华东客服组' }, managerId: { before: null, after: manager.id } } },
      { action: 'team.update', changes: { name: { before: '华东客服组', after: '华东一组' } } },
      { action: 'team.update', changes: { managerId: { before: manager.id, after: null } } },
    ]);
    // Nothing changed: nothing audited.
    await http(t, admin).patch(`/api/v1/teams/${id}`, { name: '华东一组' });
    expect((await auditOf(id)).length).toBe(3);
    expect((await http(t, agent.token).get('/api/v1/teams')).body.items.map((x: { name: string }) => x.name)).toContain('华东一组');
  });

  it('puts a user in a team and takes them out (at most one team), audited on the user', async () => {
    const a = (await http(t, admin).post('/api/v1/teams', { name: '甲组' })).body.id;
    const b = (await http(t, admin).post('/api/v1/teams', { name: '乙组' })).body.id;
    expect((await http(t, admin).patch(`/api/v1/users/${agent.id}`, { teamId: a })).body.teamId).toBe(a);
    expect((await http(t, admin).patch(`/api/v1/users/${agent.id}`, { teamId: b })).body.teamId).toBe(b);
    expect((await http(t, admin).get(`/api/v1/users/${agent.id}`)).body.teamId).toBe(b);
    expect((await http(t, admin).patch(`/api/v1/users/${agent.id}`, { teamId: null })).body.teamId).toBeNull();
    const audits = (await auditOf(agent.id)).filter((r) => r.action === 'user.update').map((r) => r.changes.teamId);
    expect(audits).toEqual([{ before: null, after: a }, { before: a, after: b }, { before: b, after: null }]);
  });

  it('refuses bad input with problem+json, field by field, and changes nothing', async () => {
    const team = (await http(t, admin).post('/api/v1/teams', { name: '丙组' })).body;
    const gone = await userWithRole(t, admin, 'manager', 'gone');
    await http(t, admin).patch(`/api/v1/users/${gone.id}`, { active: false });
    const before = { teams: await count('teams'), audit: await count('audit_log') };

    const empty = await http(t, admin).post('/api/v1/teams', { name: '   ', managerId: 'nope', extra: 1 });
    expect(empty.status).toBe(422);
    expect(problemFields(empty)).toEqual(['extra', 'managerId', 'name']);

    const taken = await http(t, admin).post('/api/v1/teams', { name: '丙组' });
    expect(taken.status).toBe(409);
    expect(problemFields(taken)).toEqual(['name']);
    const renameTaken = await http(t, admin).patch(`/api/v1/teams/${team.id}`, { name: '甲组' });
    expect(renameTaken.status).toBe(409);
    expect(problemFields(renameTaken)).toEqual(['name']);

    const notAManager = await http(t, admin).post('/api/v1/teams', { name: '丁组', managerId: agent.id });
    expect(notAManager.status).toBe(422);
    expect(notAManager.body.errors).toEqual([{ field: 'managerId', message: 'a team manager must have the role manager or admin' }]);
    const nobody = await http(t, admin).patch(`/api/v1/teams/${team.id}`, { managerId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.body.errors).toEqual([{ field: 'managerId', message: 'no such user' }]);
    const deactivated = await http(t, admin).patch(`/api/v1/teams/${team.id}`, { managerId: gone.id });
    expect(deactivated.body.errors).toEqual([{ field: 'managerId', message: 'the user is deactivated' }]);

    const noTeam = await http(t, admin).patch(`/api/v1/users/${agent.id}`, { teamId: '00000000-0000-4000-8000-000000000000', name: 'renamed' });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.errors).toEqual([{ field: 'teamId', message: 'no such team' }]);
    expect(problemFields(await http(t, admin).patch(`/api/v1/users/${agent.id}`, { teamId: 'x' }))).toEqual(['teamId']);
    expect((await http(t, admin).get(`/api/v1/users/${agent.id}`)).body.name).toBe('agent');

    expect((await http(t, admin).patch('/api/v1/teams/00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
    expect((await http(t, admin).patch('/api/v1/teams/nope', { name: 'x' })).status).toBe(404);
    expect({ teams: await count('teams'), audit: await count('audit_log') }).toEqual(before);
    expect((await http(t, admin).get('/api/v1/teams')).body.items.find((x: { id: string }) => x.id === team.id)).toMatchObject({ name: '丙组', managerId: null });
  });

  it('only admins change teams and memberships', async () => {
    expect((await http(t, manager.token).post('/api/v1/teams', { name: '戊组' })).status).toBe(403);
    const team = (await http(t, admin).post('/api/v1/teams', { name: '己组' })).body.id;
    expect((await http(t, manager.token).patch(`/api/v1/teams/${team}`, { managerId: manager.id })).status).toBe(403);
    expect((await http(t, manager.token).patch(`/api/v1/users/${agent.id}`, { teamId: team })).status).toBe(403);
    expect((await http(t).get('/api/v1/teams')).status).toBe(401);
  });
});
