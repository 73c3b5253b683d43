import { INestApplicationContext } from '@nestjs/common';
import { startTestApp, startWorker, TestApp } from './support/test-app';
import { http, login, runJobToEnd, sql, userWithRole } from './support/http';

/**
 * sla-watch on real Redis with a separate worker, through the jobs API with `asOf` moved: the warning (80 %), the
 * breach (the deadline) and the escalation (a further target period) each exactly once however often the job runs,
 * to the right people: the owner; the owner's team's manager (every active manager when the owner has no team or
 * the team no manager); the admins. Each alert is also an e-mail kept in the outgoing messages (no SMTP_URL here).
 */
describe('sla-watch on Redis', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  const users: Record<string, string> = {};
  const complaints: Record<string, string> = {};
  const name = (id: string) => Object.keys(users).find((k) => users[k] === id) ?? id;

  const runJob = async (job: string, asOf: string) => {
    const run = await runJobToEnd(t, admin, job, asOf);
    expect(run.state).toBe('completed');
    return run.result;
  };
  /** What the job reports, and then what a second run at the same moment reports. */
  const watchTwice = async (asOf: string) => [await runJob('sla-watch', asOf), await runJob('sla-watch', asOf)];
  const none = { warnings: 0, breaches: 0, escalations: 0 };
  /** Who got which notification, per complaint: "complaint: kind → people". */
  const notified = async (kind: string) => {
    await runJob('outbox-relay', '2030-01-01T07:00:00Z');
    const rows = await sql(t, `SELECT entity_id, user_id FROM notifications WHERE kind = $1 ORDER BY created_at`, [kind]);
    const by: Record<string, string[]> = {};
    for (const [c, id] of Object.entries(complaints)) by[c] = rows.filter((r) => r.entity_id === id).map((r) => name(r.user_id)).sort();
    return by;
  };

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    worker = await startWorker(t);
    admin = await login(t);
    users.admin = (await http(t, admin).get('/api/v1/auth/me')).body.id;
    for (const [key, role] of [['admin2', 'admin'], ['lead', 'manager'], ['otherManager', 'manager'], ['retiredManager', 'manager'], ['ann', 'agent'], ['ben', 'agent'], ['cat', 'agent']]) {
      users[key] = (await userWithRole(t, admin, role, key)).id;
    }
    await http(t, admin).patch(`/api/v1/users/${users.retiredManager}`, { active: false });
    const team = (await http(t, admin).post('/api/v1/teams', { name: '一线客服', managerId: users.lead })).body.id;
    const leaderless = (await http(t, admin).post('/api/v1/teams', { name: '夜班' })).body.id;
    for (const [who, teamId] of [['ann', team], ['lead', team], ['cat', leaderless]]) {
      expect((await http(t, admin).patch(`/api/v1/users/${users[who]}`, { teamId })).status).toBe(200);
    }
    const customer = (await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '赵敏' })).body.id;
    // ann is in the lead's team, ben in none, cat in a team without a manager; the lead owns one himself.
    for (const owner of ['ann', 'ben', 'cat', 'lead']) {
      const res = await http(t, admin).post('/api/v1/complaints', {
        customerId: customer, channel: 'phone', category: 'hotel', severity: 'ordinary', description: `${owner} 的投诉`,
        receivedAt: '2030-01-01T10:00:00+08:00', ownerId: users[owner],
      });
      expect(res.status).toBe(201);
      complaints[owner] = res.body.id;
    }
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('warns the owner once at 80 % of the target', async () => {
    // Received 02:00Z with 2 hours for an initial solution: 80 % is 03:36Z.
    expect(await watchTwice('2030-01-01T03:35:00Z')).toEqual([none, none]);
    expect(await watchTwice('2030-01-01T03:40:00Z')).toEqual([{ ...none, warnings: 4 }, none]);
    expect(await notified('complaint.sla_warning')).toEqual({ ann: ['ann'], ben: ['ben'], cat: ['cat'], lead: ['lead'] });
  });

  it("records the breach once, to the owner and the team's manager, or every active manager without one", async () => {
    expect(await watchTwice('2030-01-01T04:01:00Z')).toEqual([{ ...none, breaches: 4 }, none]);
    expect(await watchTwice('2030-01-01T04:30:00Z')).toEqual([none, none]);
    expect(await notified('complaint.sla_breach')).toEqual({
      ann: ['ann', 'lead'],
      ben: ['ben', 'lead', 'otherManager'],
      cat: ['cat', 'lead', 'otherManager'],
      lead: ['lead'],
    });
    const states = await sql(t, `SELECT DISTINCT state FROM complaint_sla_clocks WHERE metric = 'initial_solution'`);
    expect(states).toEqual([{ state: 'breached' }]);
  });

  it('escalates to the admins once, after a further target period still open', async () => {
    expect(await watchTwice('2030-01-01T05:59:00Z')).toEqual([none, none]);
    expect(await watchTwice('2030-01-01T06:01:00Z')).toEqual([{ ...none, escalations: 4 }, none]);
    expect(await watchTwice('2030-01-01T07:00:00Z')).toEqual([none, none]);
    const admins = ['admin', 'admin2'];
    expect(await notified('complaint.sla_escalation')).toEqual({ ann: admins, ben: admins, cat: admins, lead: admins });
  });

  it('nobody got anything twice, and every alert is also an e-mail waiting in the outgoing messages (no SMTP)', async () => {
    const notes = await sql(t, `SELECT n.source_event_id, n.kind, n.user_id FROM notifications n WHERE n.kind LIKE 'complaint.sla_%'`);
    expect(notes).toHaveLength(4 + (2 + 3 + 3 + 1) + 4 * 2); // warnings, breaches as above, escalations
    expect(new Set(notes.map((n) => `${n.kind}|${n.user_id}|${n.source_event_id}`)).size).toBe(notes.length);
    const mails = await sql(t, `SELECT source_event_id, user_id, status, recipient FROM outgoing_messages WHERE channel = 'email'`);
    expect(mails.map((m) => m.source_event_id).sort()).toEqual(notes.map((n) => n.source_event_id).sort());
    expect(new Set(mails.map((m) => m.status))).toEqual(new Set(['pending']));
    expect(await runJob('send-messages', '2030-01-01T07:00:00Z')).toEqual({ sent: 0, retrying: 0, failed: 0, interrupted: 0, skipped: 'SMTP_URL is not set' });
    const listed = (await http(t, admin).get('/api/v1/outgoing-messages?status=pending&channel=email&limit=500')).body;
    expect(listed.delivery).toEqual({ email: false, sms: false });
    expect(listed.items).toHaveLength(mails.length);
  });

  it('the board filters by team: complaints whose owner is in the team', async () => {
    const teams = (await http(t, admin).get('/api/v1/teams')).body.items;
    const team = teams.find((x: { name: string }) => x.name === '一线客服').id;
    const items = (await http(t, admin).get(`/api/v1/complaints?teamId=${team}`)).body.items.map((c: { id: string }) => c.id).sort();
    expect(items).toEqual([complaints.ann, complaints.lead].sort());
    expect((await http(t, admin).get('/api/v1/complaints?teamId=bad')).status).toBe(422);
  });
});
