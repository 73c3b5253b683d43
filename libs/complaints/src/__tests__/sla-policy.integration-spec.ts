import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';
import { businessTime } from '../business-time';

/**
 * The versioned service-level policy: who may read and change it, field-by-field refusals, the audit trail, and
 * which version a complaint's clocks follow (the one in force when it was received, kept through later changes).
 */
describe('SLA policy', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let manager: string;
  let agent: string;
  let accountManager: string;
  let writer: string;
  let customerId: string;

  const URL = '/api/v1/complaints/sla-policy';
  const count = (table: string) => rowCount(t, table);
  /** The business-hours calendar: Monday to Friday 09:00–18:00, New Year's Day 2030 off, a make-up Saturday. */
  const calendar = { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: ['2030-01-01'], extraWorkingDays: ['2030-01-05'] };
  const v1 = {
    targets: { ordinary: { initial_solution: 120, resolution: 4320 }, major: { emergency_team: 30, customer_update: 120, resolution: 1440 } },
    tierTargets: { A: { ordinary: { initial_solution: 60, resolution: null } }, B: { ordinary: { initial_solution: null } } },
    businessHours: { initial_solution: true },
    calendar,
    note: '初步方案按工作时间计',
  };
  const complaint = (receivedAt: string, token = admin) =>
    http(t, token).post('/api/v1/complaints', { customerId, channel: 'phone', category: 'hotel', severity: 'ordinary', description: '房间有霉味', receivedAt });
  const due = (c: { sla: { metric: string; dueAt: string | null }[] }, metric: string) => c.sla.find((k) => k.metric === metric)?.dueAt;
  const runJob = (name: string, asOf: string) => runJobToEnd(t, admin, name, asOf);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    adminId = (await http(t, admin).get('/api/v1/auth/me')).body.id;
    manager = (await userWithRole(t, admin, 'manager', 'mgr')).token;
    agent = (await userWithRole(t, admin, 'agent', 'agent')).token;
    accountManager = (await userWithRole(t, admin, 'account_manager', 'am')).token;
    const key = await http(t, admin).post('/api/v1/api-keys', { name: 'erp', scopes: ['complaints:write'] });
    writer = key.body.key;
    customerId = (await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '时限测试客户', phone: '13911112222' })).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('answers the built-in defaults as version 0 to every role; only managers and admins see the versions', async () => {
    const res = await http(t, agent).get(URL);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      version: 0,
      targets: { ordinary: { initial_solution: 120, resolution: 4320 }, major: { emergency_team: 30, customer_update: 120, resolution: 1440 } },
      tierTargets: {},
      businessHours: { initial_solution: false, emergency_team: false, customer_update: false, resolution: false },
      calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [], extraWorkingDays: [] },
      timeZone: 'Asia/Shanghai',
      createdBy: null, createdAt: null, note: null,
    });
    expect((await http(t, manager).get(`${URL}/versions`)).body).toEqual({ items: [] });
    expect((await http(t, agent).get(`${URL}/versions`)).status).toBe(403);
    expect((await http(t).get(URL)).status).toBe(401);
  });

  it('only an admin may change it: 403 for managers, agents and account managers, 401 without a session, and nothing saved', async () => {
    for (const token of [manager, agent, accountManager, writer]) expect((await http(t, token).put(URL, v1)).status).toBe(403);
    expect((await http(t).put(URL, v1)).status).toBe(401);
    expect(await count('sla_policies')).toBe(0);
  });

  it('refuses bad shapes field by field with 422 problem+json: negative minutes, unknown metric or tier, bad times and weekdays', async () => {
    const audits = await count('audit_log');
    const res = await http(t, admin).put(URL, {
      ...v1,
      targets: { ordinary: { initial_solution: -5, resolution: 4320, first_call: 10 }, major: { emergency_team: 1.5, resolution: 99_999_999 } },
      tierTargets: { E: { ordinary: { initial_solution: 10 } } },
      businessHours: { resolution: 'yes', lunch: true },
      calendar: { ...calendar, workingDays: [0, 8], opensAt: '9:00', closesAt: '25:00', holidays: [20300101] },
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'businessHours.lunch', 'businessHours.resolution', 'calendar.closesAt', 'calendar.holidays', 'calendar.opensAt', 'calendar.workingDays',
      'targets.major.emergency_team', 'targets.major.resolution', 'targets.ordinary.first_call', 'targets.ordinary.initial_solution', 'tierTargets.E',
    ]);
    expect(res.body.errors).toContainEqual({ field: 'targets.ordinary.initial_solution', message: 'initial_solution must be at least 1 minute' });
    expect(await count('sla_policies')).toBe(0);
    expect(await count('audit_log')).toBe(audits);
  });

  it('refuses what the shape allows but makes no sense: closing before opening, impossible dates, a day both off and worked, no resolution target', async () => {
    const res = await http(t, admin).put(URL, {
      ...v1,
      targets: { ...v1.targets, major: { emergency_team: 30 } },
      calendar: { ...calendar, opensAt: '18:00', closesAt: '09:00', holidays: ['2030-01-01', '2030-02-30', '2030-1-2'], extraWorkingDays: ['2030-01-01'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'targets.major.resolution', message: 'every complaint needs a resolution target' },
      { field: 'calendar.closesAt', message: expect.stringContaining('close after it opens') },
      { field: 'calendar.holidays.1', message: '2030-02-30 is not a date YYYY-MM-DD' },
      { field: 'calendar.holidays.2', message: '2030-1-2 is not a date YYYY-MM-DD' },
      { field: 'calendar.extraWorkingDays.0', message: '2030-01-01 is also a holiday' },
    ]);
    expect(await count('sla_policies')).toBe(0);
  });

  it('saves a new version with who and when, audited, listed first among the versions', async () => {
    const res = await http(t, admin).put(URL, { ...v1, calendar: { ...calendar, holidays: ['2030-01-01', '2029-12-31', '2030-01-01'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 1, createdBy: adminId, note: '初步方案按工作时间计', createdAt: expect.any(String),
      // Empty entries mean "no target" and are dropped; dates come back sorted, once each.
      tierTargets: { A: { ordinary: { initial_solution: 60 } } },
      businessHours: { initial_solution: true, emergency_team: false, customer_update: false, resolution: false },
      calendar: { ...calendar, holidays: ['2029-12-31', '2030-01-01'] },
    });
    expect((await http(t, agent).get(URL)).body).toEqual(res.body);
    const versions = (await http(t, manager).get(`${URL}/versions`)).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const [audit] = await sql(t, `SELECT action, actor_id, details, changes FROM audit_log WHERE action = 'sla_policy.save'`);
    expect(audit).toMatchObject({ action: 'sla_policy.save', actor_id: adminId, details: { version: 1, note: '初步方案按工作时间计' } });
    expect(Object.keys(audit.changes).sort()).toEqual(['businessHours', 'calendar', 'tierTargets']);
    expect(audit.changes.businessHours).toEqual({
      before: { initial_solution: false, emergency_team: false, customer_update: false, resolution: false },
      after: { initial_solution: true, emergency_team: false, customer_update: false, resolution: false },
    });
  });

  it('a complaint received under it gets business-hours deadlines and keeps the version', async () => {
    // Friday 4 January 2030, 20:00: the desk is closed; the make-up Saturday counts: due Saturday 11:00.
    const friday = await complaint('2030-01-04T20:00:00+08:00');
    expect(friday.status).toBe(201);
    expect(friday.body.slaPolicyVersion).toBe(1);
    expect(due(friday.body, 'initial_solution')).toBe('2030-01-05T03:00:00.000Z');
    // Resolution still runs around the clock: 72 h.
    expect(due(friday.body, 'resolution')).toBe('2030-01-07T12:00:00.000Z');
    // Monday 7 January 16:30: 90 min that day, 30 the next morning.
    expect(due((await complaint('2030-01-07T16:30:00+08:00')).body, 'initial_solution')).toBe('2030-01-08T01:30:00.000Z');
    // A-tier customers have their own (business-hours) target: Friday night → Saturday 10:00.
    await sql(t, `UPDATE customers SET tier = 'A' WHERE id = $1`, [customerId]);
    const tierA = await complaint('2030-01-04T20:00:00+08:00');
    await sql(t, `UPDATE customers SET tier = NULL WHERE id = $1`, [customerId]);
    expect(due(tierA.body, 'initial_solution')).toBe('2030-01-05T02:00:00.000Z');
  });

  it('a change applies to complaints received from then on; running deadlines do not move', async () => {
    // Received now, under v1: two business hours, wherever now falls in the week.
    const receivedAt = new Date();
    const running = await complaint(receivedAt.toISOString());
    const dueUnderV1 = businessTime(calendar, 'Asia/Shanghai').add(receivedAt, 120 * 60_000).toISOString();
    expect(running.body.slaPolicyVersion).toBe(1);
    expect(due(running.body, 'initial_solution')).toBe(dueUnderV1);

    const v2 = await http(t, admin).put(URL, { ...v1, targets: { ...v1.targets, ordinary: { initial_solution: 30, resolution: 4320 } }, businessHours: {}, note: null });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);
    // The running complaint takes a step: its clocks are recomputed, under v1 still.
    const stepped = await http(t, admin).post(`/api/v1/complaints/${running.body.id}/events`, { type: 'acknowledged' });
    expect(stepped.body).toMatchObject({ slaPolicyVersion: 1, status: 'acknowledged' });
    expect(due(stepped.body, 'initial_solution')).toBe(dueUnderV1);
    // A new one follows v2: 30 minutes around the clock.
    const later = new Date();
    const fresh = await complaint(later.toISOString());
    expect(fresh.body.slaPolicyVersion).toBe(2);
    expect(due(fresh.body, 'initial_solution')).toBe(new Date(later.getTime() + 30 * 60_000).toISOString());
    expect((await http(t, manager).get(`${URL}/versions`)).body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('a complaint received before any version follows the defaults, and a corrected received time re-decides the version', async () => {
    const put = (receivedAt: string) =>
      http(t, writer).put('/api/v1/complaints/erp/CP-LATE', { customerId, severity: 'ordinary', category: 'guide', description: '导游迟到', receivedAt });
    const early = await put('2026-03-02T21:15:00+08:00');
    expect(early.status).toBe(201);
    expect(early.body.slaPolicyVersion).toBe(0);
    expect(due(early.body, 'initial_solution')).toBe('2026-03-02T15:15:00.000Z');
    const corrected = await put('2030-01-04T20:00:00+08:00');
    expect(corrected.status).toBe(200);
    expect(corrected.body.slaPolicyVersion).toBe(2);
    expect(due(corrected.body, 'initial_solution')).toBe('2030-01-04T12:30:00.000Z');
  });

  it('sla-watch escalates a business-hours breach a further target period later in business time, not calendar time', async () => {
    await http(t, admin).put(URL, v1); // v3: initial solution on business hours again
    // Monday 14 January 16:00: due at 18:00 closing; escalated after two more open hours, Tuesday 11:00 — not Monday 20:00.
    const c = await complaint('2030-01-14T16:00:00+08:00');
    expect(c.body.slaPolicyVersion).toBe(3);
    const [clock] = await sql(t, `SELECT due_at, escalate_at FROM complaint_sla_clocks WHERE complaint_id = $1 AND metric = 'initial_solution'`, [c.body.id]);
    expect([clock.due_at.toISOString(), clock.escalate_at.toISOString()]).toEqual(['2030-01-14T10:00:00.000Z', '2030-01-15T03:00:00.000Z']);
    await sql(t, `UPDATE complaint_sla_clocks SET warned_at = $1, breached_at = $1, escalated_at = $1 WHERE complaint_id <> $2`, ['2000-01-01', c.body.id]);
    const watch = async (asOf: string) => (await runJob('sla-watch', asOf)).result;
    expect(await watch('2030-01-14T10:01:00Z')).toEqual({ warnings: 1, breaches: 1, escalations: 0 });
    expect(await watch('2030-01-14T12:01:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 0 }); // Monday 20:01: the desk is closed
    expect(await watch('2030-01-15T03:01:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 1 });
  });
});
