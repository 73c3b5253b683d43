import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';
import { bookingBody } from '../../../../test/support/booking-fixture';

/** The contract's complaint intake (booking-api.md, "Complaints in"), the handling steps and sla-watch. */
describe('complaints', () => {
  let t: TestApp;
  let admin: string;
  let writer: string;
  let bookingsKey: string;
  let manager: { id: string; token: string };
  let agent: { id: string; token: string };
  let customerId: string;

  const key = async (scopes: string[]) => {
    const res = await http(t, admin).post('/api/v1/api-keys', { name: scopes.join('+'), scopes });
    if (res.status !== 201) throw new Error(`key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.key as string;
  };
  const body = (over: Record<string, unknown> = {}) => ({
    customer: { externalId: 'C-1001' }, bookingExternalId: 'B-1', severity: 'ordinary', category: 'hotel',
    description: '酒店房间有霉味', receivedAt: '2026-03-02T21:15:00+08:00', ...over,
  });
  const put = (id: string, b: object, token = writer) => http(t, token).put(`/api/v1/complaints/erp/${id}`, b);
  const count = (table: string) => rowCount(t, table);
  const runJob = (name: string, asOf: string) => runJobToEnd(t, admin, name, asOf);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    writer = await key(['complaints:write']);
    bookingsKey = await key(['bookings:write']);
    manager = await userWithRole(t, admin, 'manager', 'mgr');
    agent = await userWithRole(t, admin, 'agent', 'agent');
    const b = await http(t, bookingsKey).put('/api/v1/bookings/erp/B-1', bookingBody());
    expect(b.status).toBe(201);
    customerId = b.body.customerId;
  }, 60_000);
  afterAll(() => t?.close());

  it('creates with 201, priority and deadlines, then answers a retry with 200 and changes nothing', async () => {
    const first = await put('CP-1', body());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ customerId, priority: 'P4', severity: 'ordinary', status: 'received', source: 'erp', externalId: 'CP-1' });
    expect(first.body.sla).toEqual([
      { metric: 'initial_solution', dueAt: '2026-03-02T15:15:00.000Z', warnAt: '2026-03-02T14:51:00.000Z', state: 'breached', metAt: null },
      { metric: 'resolution', dueAt: '2026-03-05T13:15:00.000Z', warnAt: '2026-03-04T22:51:00.000Z', state: 'breached', metAt: null },
    ]);
    const audits = await count('audit_log');
    const again = await put('CP-1', body());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count('audit_log')).toBe(audits);
  });

  it('two identical PUTs at once make one complaint', async () => {
    const [a, b] = await Promise.all([put('CP-2', body()), put('CP-2', body())]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await sql(t, `SELECT count(*) AS n FROM complaints WHERE external_id = 'CP-2'`))[0].n).toBe('1');
  });

  it('takes the priority from the tier (A → P2, B → P3) and P1 for every major complaint', async () => {
    await sql(t, `UPDATE customers SET tier = 'A' WHERE id = $1`, [customerId]);
    expect((await put('CP-3', body())).body.priority).toBe('P2');
    const major = await put('CP-4', body({ severity: 'major', customer: undefined, customerId }));
    expect(major.body.priority).toBe('P1');
    expect(major.body.sla.map((c: { metric: string; dueAt: string }) => [c.metric, c.dueAt])).toEqual([
      ['emergency_team', '2026-03-02T13:45:00.000Z'], ['customer_update', '2026-03-02T15:15:00.000Z'], ['resolution', '2026-03-03T13:15:00.000Z'],
    ]);
    await sql(t, `UPDATE customers SET tier = 'B' WHERE id = $1`, [customerId]);
    expect((await put('CP-5', body())).body.priority).toBe('P3');
  });

  it('a changed complaint is updated (200) and its clocks follow', async () => {
    const res = await put('CP-5', body({ severity: 'major' }));
    expect(res.status).toBe(200);
    expect(res.body.priority).toBe('P1');
    expect(res.body.sla.map((c: { metric: string }) => c.metric)).toEqual(['emergency_team', 'customer_update', 'resolution']);
  });

  it('rejects bad input field by field with 422 problem+json and writes nothing', async () => {
    const before = await count('complaints');
    const res = await put('CP-9', { customer: { externalId: 'has space' }, severity: 'huge', category: 'weather', description: '', receivedAt: 'yesterday' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'customer.externalId', 'description', 'receivedAt', 'severity']);
    expect((await put('CP-9', body({ customer: { externalId: 'C-unknown' } }))).body.errors).toEqual([{ field: 'customer.externalId', message: expect.stringContaining('C-unknown') }]);
    expect((await put('CP-9', body({ customerId }))).body.errors[0].field).toBe('customer');
    expect((await http(t, writer).put('/api/v1/complaints/ERP/x', body())).body.errors[0].field).toBe('source');
    expect(await count('complaints')).toBe(before);
  });

  it('needs the complaints:write scope: 401 without a key, 403 with another scope or for staff', async () => {
    expect((await http(t).put('/api/v1/complaints/erp/CP-1', body())).status).toBe(401);
    expect((await put('CP-1', body(), bookingsKey)).status).toBe(403);
    expect((await put('CP-1', body(), agent.token)).status).toBe(403);
    expect((await http(t, writer).get('/api/v1/complaints')).status).toBe(403);
  });

  it('staff take, handle and resolve a complaint; the timeline and the audit log show each step', async () => {
    const created = await http(t, agent.token).post('/api/v1/complaints', {
      customerId, channel: 'phone', category: 'luggage', severity: 'ordinary', description: '行李丢失', receivedAt: new Date().toISOString(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId: agent.id, status: 'received', priority: 'P3' });
    const id = created.body.id;
    const step = (type: string) => http(t, agent.token).post(`/api/v1/complaints/${id}/events`, { type, note: type });
    expect((await step('acknowledged')).status).toBe(201);
    expect((await step('acknowledged')).status).toBe(409);
    expect((await step('solution_proposed')).body.sla[0]).toMatchObject({ metric: 'initial_solution', state: 'met' });
    const waiting = await step('waiting_on_customer');
    expect(waiting.body.sla[1]).toMatchObject({ metric: 'resolution', state: 'paused', dueAt: null });
    await step('customer_replied');
    const resolved = await http(t, agent.token).post(`/api/v1/complaints/${id}/resolve`, { attribution: 'service_failure' });
    expect(resolved.body).toMatchObject({ status: 'resolved', attribution: 'service_failure' });
    expect(resolved.body.compensations.map((c: { kind: string }) => c.kind)).toEqual(['apology', 'voucher']);
    const closing = await step('closed');
    expect(closing.status).toBe(422);
    const report = { whatHappened: '行李未到', stepsTaken: '联系航司', customerReaction: '理解', outcome: '次日送达', responsibility: '航司' };
    expect((await http(t, agent.token).put(`/api/v1/complaints/${id}/incident-report`, report)).status).toBe(200);
    const closed = await step('closed');
    expect(closed.body.status).toBe('closed');
    expect(closed.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer', 'customer_replied', 'resolved', 'closed']);
    const actions = (await sql(t, `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).map((r) => r.action);
    expect(actions).toEqual(['complaint.create', 'complaint.acknowledged', 'complaint.solution_proposed', 'complaint.waiting_on_customer', 'complaint.customer_replied', 'complaint.resolved', 'complaint.incident_report', 'complaint.closed']);
  });

  it('a service failure on a known booking proposes 10 % of it back', async () => {
    const res = await http(t, admin).post(`/api/v1/complaints/${(await put('CP-1', body())).body.id}/resolve`, { attribution: 'service_failure' });
    expect(res.body.compensations[1]).toEqual({ kind: 'refund', amount: 128000 });
  });

  it('a complaint taken by staff naming the booking number proposes 10 % of it back too', async () => {
    const created = await http(t, admin).post('/api/v1/complaints', {
      customerId, bookingExternalId: 'B-1', channel: 'phone', category: 'hotel', severity: 'ordinary', description: '房间不符', receivedAt: new Date().toISOString(),
    });
    const res = await http(t, admin).post(`/api/v1/complaints/${created.body.id}/resolve`, { attribution: 'service_failure' });
    expect(res.body.compensations[1]).toEqual({ kind: 'refund', amount: 128000 });
  });

  it('lists the queue by priority then nearest deadline, filtered, page by page', async () => {
    const all = (await http(t, admin).get('/api/v1/complaints?limit=500')).body.items;
    const keys = all.map((c: { priority: string; nextDueAt: string | null }) => `${c.priority}|${c.nextDueAt ?? 'z'}`);
    expect(keys).toEqual([...keys].sort());
    const first = await http(t, admin).get('/api/v1/complaints?limit=2');
    const second = await http(t, admin).get(`/api/v1/complaints?limit=500&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((c: { id: string }) => c.id)).toEqual(all.map((c: { id: string }) => c.id));
    const majors = (await http(t, admin).get('/api/v1/complaints?severity=major')).body.items;
    expect(majors.length).toBe(2);
    expect((await http(t, admin).get('/api/v1/complaints?status=bogus')).status).toBe(422);
  });

  it('sla-watch warns, breaches and escalates each clock exactly once, and notifies', async () => {
    const recv = await http(t, admin).post('/api/v1/complaints', {
      customerId, channel: 'chat', category: 'guide', severity: 'ordinary', description: '导游迟到', receivedAt: '2030-01-01T10:00:00+08:00', ownerId: agent.id,
    });
    const id = recv.body.id;
    const watch = async (asOf: string) => (await runJob('sla-watch', asOf)).result;
    // The other tests' complaints are long overdue; only this one is watched here.
    await sql(t, `UPDATE complaint_sla_clocks SET warned_at = $1, breached_at = $1, escalated_at = $1 WHERE complaint_id <> $2`, ['2000-01-01', id]);
    expect(await watch('2030-01-01T03:40:00Z')).toEqual({ warnings: 1, breaches: 0, escalations: 0 }); // 10:00 + 96 min (80 % of 2 h) has passed
    expect(await watch('2030-01-01T03:40:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 0 });
    expect(await watch('2030-01-01T04:01:00Z')).toEqual({ warnings: 0, breaches: 1, escalations: 0 });
    expect(await watch('2030-01-01T04:02:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 0 });
    expect(await watch('2030-01-01T06:01:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 1 }); // another 2 h past the deadline
    expect(await watch('2030-01-01T07:00:00Z')).toEqual({ warnings: 0, breaches: 0, escalations: 0 });
    const clock = (await sql(t, `SELECT state FROM complaint_sla_clocks WHERE complaint_id = $1 AND metric = 'initial_solution'`, [id]))[0];
    expect(clock.state).toBe('breached');
    await runJob('outbox-relay', '2030-01-01T07:00:00Z');
    const notes = await sql(t, `SELECT n.kind, u.role FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.entity_id = $1 ORDER BY n.kind, u.role`, [id]);
    expect(notes.map((n) => `${n.kind}:${n.role}`)).toEqual(['complaint.sla_breach:agent', 'complaint.sla_breach:manager', 'complaint.sla_escalation:admin', 'complaint.sla_warning:agent']);
  });
});
