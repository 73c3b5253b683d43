import ICAL from 'ical.js';
import { addDays, agencyDate, weekdayOf } from '@crm/platform';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';
import { wallInstant } from '../visit-schedule';

/** Plans → the schedule job (idempotent) → moves, edits, records → compliance and the overdue check; access; the .ics feed. */
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

describe('visits', () => {
  let t: TestApp;
  let admin: string;
  let am1: { id: string; token: string };
  let am2: { id: string; token: string };
  let mgr: { id: string; token: string };
  let customerA: string;
  let contactId: string;
  let customerB: string;
  let planId: string;
  const today = agencyDate(new Date(), TZ);
  const visitDay = addDays(today, 2);

  const runJob = async (name: string, asOf: string) => {
    const run = await runJobToEnd(t, admin, name, asOf);
    expect(run).toMatchObject({ state: 'completed' });
    return run.result;
  };
  const visitsOf = (plan: string) => sql(t, `SELECT id, plan_date::text, starts_at, status, detached, manager_id FROM visits WHERE plan_id = $1 ORDER BY plan_date`, [plan]);
  const count = (table: string) => rowCount(t, table);
  const customer = async (name: string, ownerId: string, extra: object = {}) => {
    const res = await http(t, admin).post('/api/v1/customers', { type: 'organization', name, ownerId, ...extra });
    expect(res.status).toBe(201);
    return res.body;
  };
  const plan = (over: object = {}, token = am1.token) =>
    http(t, token).post('/api/v1/visit-plans', {
      customerId: customerA, kind: 'in_person', recurrence: 'weekly', weekday: weekdayOf(visitDay), time: '10:00', durationMinutes: 60,
      startDate: today, place: '客户总部', routeOrder: 1, ...over,
    });
  const record = (over: object = {}) => ({
    attendees: [{ name: '张总', side: 'customer', role: '总经理' }, { name: 'am1', side: 'agency' }],
    feedback: '对上次三亚团满意', problems: [{ description: '酒店卫生不达标' }],
    opportunities: [{ kind: 'group_trip', description: '年底 40 人团建', budget: 40_000_000, expectedOn: addDays(today, 60) }],
    satisfaction: 4, nextSteps: [{ title: '发送云南团建方案', ownerId: am1.id, dueOn: addDays(today, 7) }], ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    am1 = await userWithRole(t, admin, 'account_manager', 'am1');
    am2 = await userWithRole(t, admin, 'account_manager', 'am2');
    mgr = await userWithRole(t, admin, 'manager', 'mgr');
    const a = await customer('华东科技', am1.id, { contacts: [{ name: '张总', role: '总经理', primary: true }] });
    customerA = a.id;
    contactId = a.contacts[0].id;
    customerB = (await customer('西南旅业', am2.id)).id;
    // A large loyal A account that got its tier 60 days ago and was never visited: overdue.
    await sql(t, `UPDATE customers SET tier = 'A', quadrant = 'large_loyal', tier_changed_at = now() - interval '60 days', created_at = now() - interval '400 days' WHERE id = $1`, [customerA]);
    await sql(t, `UPDATE customers SET tier = 'C', quadrant = 'small_loyal', tier_changed_at = now() - interval '10 days' WHERE id = $1`, [customerB]);
  }, 60_000);
  afterAll(() => t?.close());

  it('a plan makes its next 8 weeks of visits at once, at the wall-clock time in the agency zone', async () => {
    const res = await plan({ contactId });
    expect(res.status).toBe(201);
    planId = res.body.id;
    expect(res.body).toMatchObject({ customerName: '华东科技', contactName: '张总', managerId: am1.id, recurrence: 'weekly', time: '10:00' });
    expect(res.body.nextDates.slice(0, 2)).toEqual([visitDay, addDays(visitDay, 7)]);
    const visits = await visitsOf(planId);
    expect(visits.map((v) => v.plan_date)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((k) => addDays(visitDay, 7 * k)));
    expect(new Date(visits[0].starts_at).toISOString()).toBe(wallInstant(visitDay, 600, TZ).toISOString());
    const audit = await sql(t, `SELECT action FROM audit_log WHERE entity_id = $1`, [planId]);
    expect(audit.map((a) => a.action)).toEqual(['visit_plan.create']);
  });

  it('the visit-schedule job is idempotent and extends the window as days pass', async () => {
    const now = new Date().toISOString();
    const before = await count('visits');
    // The plan was scheduled through the window when it was made: nothing to expand.
    expect(await runJob('visit-schedule', now)).toMatchObject({ plans: 0, inserted: 0 });
    // Expanding everything again (as if the marks were lost, or two runs at once) still adds nothing: one visit per plan and date.
    await sql(t, `UPDATE visit_plans SET scheduled_through = NULL`);
    expect(await runJob('visit-schedule', now)).toMatchObject({ plans: 1, inserted: 0 });
    expect(await count('visits')).toBe(before);
    const weekLater = new Date(Date.now() + 7 * DAY).toISOString();
    expect(await runJob('visit-schedule', weekLater)).toMatchObject({ plans: 1, inserted: 1 });
    expect(await runJob('visit-schedule', weekLater)).toMatchObject({ plans: 0, inserted: 0 });
    expect((await visitsOf(planId)).length).toBe(9);
  });

  it('rejects bad plans field by field with problem+json and writes nothing', async () => {
    const before = await count('visit_plans');
    const res = await plan({ kind: 'tea', recurrence: 'every_n_weeks', weekday: 9, time: '25:00', durationMinutes: 0, startDate: '2026-02-30' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['durationMinutes', 'kind', 'startDate', 'time', 'weekday']);
    const rules = await plan({ recurrence: 'every_n_weeks', intervalWeeks: null, endDate: addDays(today, -1), contactId: customerB });
    expect(rules.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contactId', 'endDate', 'intervalWeeks']);
    expect((await plan({ managerId: am2.id })).body.errors).toEqual([{ field: 'managerId', message: 'account managers plan their own visits' }]);
    expect((await plan({ kind: 'executive' })).body.errors).toEqual([{ field: 'kind', message: 'executive visits are planned by managers and admins' }]);
    expect(await count('visit_plans')).toBe(before);
  });

  it('moving or cancelling one visit leaves the plan; a plan edit changes only the future untouched visits', async () => {
    const [first, second, third] = await visitsOf(planId);
    const moved = await http(t, am1.token).patch(`/api/v1/visits/${first.id}`, { startsAt: `${addDays(visitDay, 1)}T15:00:00+08:00`, place: '客户新办公室' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: wallInstant(addDays(visitDay, 1), 900, TZ).toISOString(), detached: true, status: 'planned', place: '客户新办公室', planDate: visitDay });
    const cancelled = await http(t, am1.token).post(`/api/v1/visits/${second.id}/cancel`, { reason: '客户出差' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', reason: '客户出差' });
    expect((await http(t, am1.token).post(`/api/v1/visits/${second.id}/cancel`, { reason: 'again' })).status).toBe(409);
    expect((await http(t, am1.token).post(`/api/v1/visits/${third.id}/missed`, { reason: 'not yet' })).status).toBe(409);
    expect((await http(t, am1.token).post(`/api/v1/visits/${third.id}/cancel`, {})).body.errors[0].field).toBe('reason');

    const edited = await http(t, am1.token).patch(`/api/v1/visit-plans/${planId}`, { time: '14:30', durationMinutes: 90 });
    expect(edited.status).toBe(200);
    const after = await visitsOf(planId);
    const byDate = new Map(after.map((v) => [v.plan_date, v]));
    expect(new Date(byDate.get(visitDay)!.starts_at).toISOString()).toBe(wallInstant(addDays(visitDay, 1), 900, TZ).toISOString());
    expect(byDate.get(addDays(visitDay, 7))!.status).toBe('cancelled');
    expect(new Date(byDate.get(addDays(visitDay, 14))!.starts_at).toISOString()).toBe(wallInstant(addDays(visitDay, 14), 870, TZ).toISOString());
    // The week the later job run added beyond today's window went with the edit; tonight's run brings it back.
    expect(after.length).toBe(8);
    // The plan job agrees afterwards: nothing to add, nothing doubled.
    expect(await runJob('visit-schedule', new Date().toISOString())).toMatchObject({ inserted: 0 });
  });

  it('shows conflicts: two visits of one manager at once, and a visit on a holiday', async () => {
    const second = await http(t, mgr.token).post('/api/v1/visit-plans', {
      customerId: customerA, managerId: am1.id, kind: 'phone', recurrence: 'monthly_day', monthDay: Number(addDays(visitDay, 14).slice(8)), time: '15:00',
      durationMinutes: 30, startDate: addDays(visitDay, 14), endDate: addDays(visitDay, 14),
    });
    expect(second.status).toBe(201);
    expect((await http(t, am1.token).put(`/api/v1/visit-holidays/${addDays(visitDay, 21)}`, { name: '公司年会' })).status).toBe(403);
    expect((await http(t, mgr.token).put(`/api/v1/visit-holidays/${addDays(visitDay, 21)}`, { name: '公司年会' })).status).toBe(200);
    const cal = await http(t, am1.token).get(`/api/v1/visits?from=${addDays(visitDay, 14)}&to=${addDays(visitDay, 21)}`);
    expect(cal.status).toBe(200);
    expect(cal.body.items).toHaveLength(3);
    expect(cal.body.conflicts.map((c: { kind: string }) => c.kind).sort()).toEqual(['holiday', 'overlap']);
    expect(cal.body.holidays).toEqual([{ date: addDays(visitDay, 21), name: '公司年会' }]);
    expect((await http(t, mgr.token).post(`/api/v1/visit-plans/${second.body.id}/end`, { endDate: addDays(visitDay, 13) })).body.errors[0].field).toBe('endDate');
    const phone = (await visitsOf(second.body.id))[0];
    await http(t, am1.token).post(`/api/v1/visits/${phone.id}/cancel`, { reason: '改期' });
    expect((await http(t, am1.token).get(`/api/v1/visits?from=${addDays(visitDay, 14)}&to=${addDays(visitDay, 14)}`)).body.conflicts).toEqual([]);
    expect((await http(t, am1.token).get(`/api/v1/visits?from=${today}&to=${addDays(today, 90)}`)).body.errors[0].field).toBe('to');
  });

  it('an unplanned visit with its record: problems, opportunities, next steps as tasks; a problem becomes a complaint once', async () => {
    const startsAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const res = await http(t, am1.token).post('/api/v1/visits', { customerId: customerA, kind: 'in_person', startsAt, durationMinutes: 45, record: record() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planId: null, status: 'done', hasRecord: true, managerId: am1.id });
    expect(res.body.record).toMatchObject({ satisfaction: 4, problems: [{ description: '酒店卫生不达标', complaintId: null }], authorId: am1.id });
    expect(res.body.record.nextSteps).toMatchObject([{ title: '发送云南团建方案', ownerId: am1.id, dueOn: addDays(today, 7), doneAt: null }]);
    const visitId = res.body.id;
    expect((await http(t, am1.token).get('/api/v1/visit-tasks')).body.items.map((x: { title: string }) => x.title)).toEqual(['发送云南团建方案']);

    const made = await http(t, am1.token).post(`/api/v1/visits/${visitId}/problems/0/complaint`, { category: 'hotel', severity: 'ordinary' });
    expect(made.status).toBe(201);
    expect(made.body.visit.record.problems[0].complaintId).toBe(made.body.complaintId);
    const complaint = await http(t, am1.token).get(`/api/v1/complaints/${made.body.complaintId}`);
    expect(complaint.body).toMatchObject({ customerId: customerA, description: '酒店卫生不达标', category: 'hotel', channel: 'in_person' });
    expect((await http(t, am1.token).post(`/api/v1/visits/${visitId}/problems/0/complaint`, { category: 'hotel', severity: 'ordinary' })).status).toBe(409);
    expect((await http(t, am1.token).post(`/api/v1/visits/${visitId}/problems/5/complaint`, { category: 'hotel', severity: 'ordinary' })).status).toBe(404);

    // Corrected: the complaint link stays, the kept step is updated, a new step for someone else notifies them.
    const taskId = res.body.record.nextSteps[0].id;
    const fixed = await http(t, am1.token).put(`/api/v1/visits/${visitId}/record`, record({
      satisfaction: 5, nextSteps: [{ id: taskId, title: '发送云南+贵州方案', ownerId: am1.id, dueOn: addDays(today, 8) }, { title: '安排总经理拜访', ownerId: mgr.id, dueOn: addDays(today, 20) }],
    }));
    expect(fixed.status).toBe(200);
    expect(fixed.body.record.problems[0].complaintId).toBe(made.body.complaintId);
    expect(fixed.body.record.nextSteps.map((s: { id: string; title: string }) => [s.id === taskId, s.title])).toEqual([[true, '发送云南+贵州方案'], [false, '安排总经理拜访']]);
    await runJob('outbox-relay', new Date().toISOString());
    expect((await http(t, mgr.token).get('/api/v1/notifications')).body.items.map((n: { kind: string }) => n.kind)).toContain('visit.task_assigned');

    const bad = await http(t, am1.token).put(`/api/v1/visits/${visitId}/record`, record({ satisfaction: 6, attendees: [{ name: '', side: 'them' }], nextSteps: [{ title: 'x', ownerId: 'nobody', dueOn: '2026-13-01' }] }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['attendees.0.name', 'attendees.0.side', 'nextSteps.0.dueOn', 'nextSteps.0.ownerId', 'satisfaction']);
    const future = await http(t, am1.token).post('/api/v1/visits', { customerId: customerA, kind: 'phone', startsAt: new Date(Date.now() + DAY).toISOString(), durationMinutes: 10, record: record() });
    expect(future.body.errors).toEqual([{ field: 'startsAt', message: expect.stringContaining('past') }]);
  });

  it('a planned visit is recorded once it started, or marked missed with a reason', async () => {
    const [, , third, fourth] = await visitsOf(planId);
    expect((await http(t, am1.token).put(`/api/v1/visits/${third.id}/record`, record())).status).toBe(409);
    // Moved into the past (the customer came earlier), then missed.
    await http(t, am1.token).patch(`/api/v1/visits/${fourth.id}`, { startsAt: new Date(Date.now() - 3 * DAY).toISOString() });
    const missed = await http(t, am1.token).post(`/api/v1/visits/${fourth.id}/missed`, { reason: '客户临时取消' });
    expect(missed.body).toMatchObject({ status: 'missed', reason: '客户临时取消' });
    const done = await http(t, am1.token).put(`/api/v1/visits/${fourth.id}/record`, record({ problems: [], nextSteps: [] }));
    expect(done.body).toMatchObject({ status: 'done', hasRecord: true });
  });

  it('my day: the visits in route order with the customer’s essentials', async () => {
    const day = await http(t, am1.token).get(`/api/v1/visits/day?date=${addDays(visitDay, 1)}`);
    expect(day.status).toBe(200);
    expect(day.body.items).toHaveLength(1);
    expect(day.body.items[0]).toMatchObject({ customerName: '华东科技', customerTier: 'A', openComplaints: 1, place: '客户新办公室' });
    expect(day.body.items[0].lastNextSteps.map((s: { title: string }) => s.title)).toEqual(['发送云南+贵州方案', '安排总经理拜访']);
    expect((await http(t, am1.token).get(`/api/v1/visits/day?managerId=${am2.id}`)).status).toBe(422);
  });

  it('compliance per customer (pure) agrees with the set-based list; interactions count as contact', async () => {
    await sql(t, `UPDATE visits SET status = 'cancelled' WHERE plan_id IS NULL`); // no visit done at all for the moment
    await sql(t, `UPDATE visits SET status = 'cancelled' WHERE status = 'done'`);
    const c = await http(t, am1.token).get(`/api/v1/customers/${customerA}/visit-compliance`);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ tier: 'A', visitMode: 'in_person', visit: { everyDays: 30, overdue: true, lastAt: null, coveredByPlan: false }, executive: { everyDays: 90 } });
    expect(c.body.visit.daysOverdue).toBeGreaterThanOrEqual(29);
    const list = await http(t, mgr.token).get('/api/v1/visit-compliance/customers');
    const rowA = list.body.items.find((r: { customerId: string }) => r.customerId === customerA);
    expect(rowA).toMatchObject({ overdue: true, dueBy: c.body.visit.dueBy, everyDays: 30, nextPlannedAt: c.body.visit.nextPlannedAt });
    const b = await http(t, am2.token).get(`/api/v1/customers/${customerB}/visit-compliance`);
    const rowB = list.body.items.find((r: { customerId: string }) => r.customerId === customerB);
    expect(rowB).toMatchObject({ overdue: b.body.visit.overdue, dueBy: b.body.visit.dueBy });
    expect((await http(t, am2.token).get('/api/v1/visit-compliance/customers')).body.items.map((r: { customerId: string }) => r.customerId)).toEqual([customerB]);
    expect((await http(t, mgr.token).get('/api/v1/visit-compliance/customers?overdue=true')).body.items.map((r: { customerId: string }) => r.customerId)).toEqual([customerA]);

    expect(c.body.contact.overdue).toBe(true);
    const call = await http(t, am1.token).post(`/api/v1/customers/${customerA}/interactions`, { kind: 'call', note: '确认团建人数' });
    expect(call.status).toBe(201);
    expect((await http(t, am1.token).post(`/api/v1/customers/${customerA}/interactions`, { kind: 'pigeon' })).body.errors[0].field).toBe('kind');
    const after = (await http(t, am1.token).get(`/api/v1/customers/${customerA}/visit-compliance`)).body;
    expect(after.contact).toMatchObject({ overdue: false, lastAt: call.body.at });
    expect(after.visit.overdue).toBe(true);
  });

  it('the overdue check notifies the owner once per episode', async () => {
    const now = new Date().toISOString();
    expect(await runJob('visit-overdue', now)).toMatchObject({ overdue: 1, notified: 1 });
    expect(await runJob('visit-overdue', now)).toMatchObject({ overdue: 1, notified: 0 });
    await runJob('outbox-relay', now);
    const notes = (await http(t, am1.token).get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'visit.overdue');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ entityType: 'customer', entityId: customerA, params: { customerName: '华东科技', tier: 'A' } });
    // Visited: the episode ends; overdue again later: a new episode, a new notice.
    await http(t, am1.token).post('/api/v1/visits', { customerId: customerA, kind: 'in_person', startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 30, record: record({ problems: [], nextSteps: [] }) });
    expect(await runJob('visit-overdue', new Date().toISOString())).toMatchObject({ overdue: 0, notified: 0, ended: 1 });
    expect(await runJob('visit-overdue', new Date(Date.now() + 40 * DAY).toISOString())).toMatchObject({ overdue: 1, notified: 1 });
    expect(Number((await sql(t, `SELECT count(*) AS n FROM visit_overdue_episodes WHERE customer_id = $1`, [customerA]))[0].n)).toBe(2);
  });

  it('per manager: planned, done, missed this month and A customers on time; executive visits due', async () => {
    const month = await http(t, mgr.token).get('/api/v1/visit-compliance/managers');
    expect(month.status).toBe(200);
    const row = month.body.items.find((r: { userId: string }) => r.userId === am1.id);
    expect(row).toMatchObject({ customers: 1, overdue: 0, aCustomers: 1, aOnTime: 1, aOnTimePercent: 100 });
    expect((await http(t, am2.token).get('/api/v1/visit-compliance/managers')).body.items.map((r: { userId: string }) => r.userId)).toEqual([am2.id]);
    // A large loyal A account, tiered 100 days ago, never visited by an executive: due (90 days) this quarter.
    await sql(t, `UPDATE customers SET tier_changed_at = now() - interval '100 days' WHERE id = $1`, [customerA]);
    const executiveDue = async () => (await http(t, mgr.token).get('/api/v1/visit-compliance/executive-due')).body.items.map((r: { customerId: string }) => r.customerId);
    expect(await executiveDue()).toEqual([customerA]);
    expect((await http(t, am1.token).get('/api/v1/visit-compliance/executive-due')).status).toBe(403);
    const exec = await http(t, mgr.token).post('/api/v1/visit-plans', {
      customerId: customerA, kind: 'executive', recurrence: 'monthly_nth_weekday', weekday: 2, nth: -1, time: '16:00', durationMinutes: 60, startDate: today,
    });
    expect(exec.body).toMatchObject({ managerId: mgr.id, kind: 'executive' });
    // Planned, but after it was due: still on the list until an executive has been there.
    expect(await executiveDue()).toEqual([customerA]);
    const visit = await http(t, mgr.token).post('/api/v1/visits', {
      customerId: customerA, kind: 'executive', startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 60, record: record({ problems: [], nextSteps: [] }),
    });
    expect(visit.status).toBe(201);
    expect(await executiveDue()).toEqual([]);
  });

  it('account managers see only their own customers’ visits (others answer 404); managers see all', async () => {
    const [v] = await visitsOf(planId);
    expect((await http(t, am2.token).get(`/api/v1/visits/${v.id}`)).status).toBe(404);
    expect((await http(t, am2.token).patch(`/api/v1/visits/${v.id}`, { startsAt: new Date().toISOString() })).status).toBe(404);
    expect((await http(t, am2.token).get(`/api/v1/visit-plans/${planId}`)).status).toBe(404);
    expect((await http(t, am2.token).patch(`/api/v1/visit-plans/${planId}`, { time: '09:00' })).status).toBe(404);
    expect((await plan({}, am2.token)).status).toBe(404);
    expect((await http(t, am2.token).get(`/api/v1/customers/${customerA}/visits`)).status).toBe(404);
    expect((await http(t, am2.token).get(`/api/v1/customers/${customerA}/visit-compliance`)).status).toBe(404);
    expect((await http(t, am2.token).get(`/api/v1/visits?from=${today}&to=${addDays(today, 30)}`)).body.items).toEqual([]);
    expect((await http(t, am2.token).get('/api/v1/visit-plans')).body.items).toEqual([]);
    expect((await http(t, mgr.token).get(`/api/v1/visits/${v.id}`)).status).toBe(200);
    expect((await http(t, mgr.token).get(`/api/v1/customers/${customerA}/visits`)).body.items.length).toBeGreaterThan(5);
    expect((await http(t, am1.token).get('/api/v1/visits/not-an-id')).status).toBe(404);
  });

  it('a new owner takes the plans and future visits; past visits stay with who made them', async () => {
    const pastBefore = await sql(t, `SELECT id, manager_id FROM visits WHERE customer_id = $1 AND starts_at < now() ORDER BY id`, [customerA]);
    expect(pastBefore.filter((v) => v.manager_id === am1.id).length).toBeGreaterThan(1);
    const res = await http(t, admin).patch(`/api/v1/customers/${customerA}`, { ownerId: am2.id });
    expect(res.status).toBe(200);
    const plans = await sql(t, `SELECT kind, manager_id FROM visit_plans WHERE customer_id = $1 ORDER BY kind`, [customerA]);
    expect(plans.map((x) => [x.kind, x.manager_id === am2.id])).toEqual([['executive', false], ['in_person', true], ['phone', true]]);
    const future = await sql(t, `SELECT manager_id, kind FROM visits WHERE customer_id = $1 AND starts_at > now() AND status = 'planned'`, [customerA]);
    expect(future.filter((v) => v.kind !== 'executive').every((v) => v.manager_id === am2.id)).toBe(true);
    const pastAfter = await sql(t, `SELECT id, manager_id FROM visits WHERE customer_id = $1 AND starts_at < now() ORDER BY id`, [customerA]);
    expect(pastAfter).toEqual(pastBefore);
    expect((await http(t, am1.token).get(`/api/v1/visit-plans/${planId}`)).status).toBe(404);
    expect((await http(t, am2.token).get(`/api/v1/visit-plans/${planId}`)).body.managerId).toBe(am2.id);

    // Transferring all of a manager's customers moves their plans too.
    const all = await http(t, admin).post('/api/v1/customers/transfers', { fromUserId: am2.id, toUserId: am1.id });
    expect(all.body).toEqual({ moved: 2 });
    expect((await sql(t, `SELECT manager_id FROM visit_plans WHERE id = $1`, [planId]))[0].manager_id).toBe(am1.id);
  });

  it('the private .ics feed parses, lists the holder’s visits and needs its secret token', async () => {
    expect((await http(t, am1.token).get('/api/v1/visits/calendar-feed')).body).toEqual({ exists: false, url: null, createdAt: null });
    const made = await http(t, am1.token).post('/api/v1/visits/calendar-feed');
    expect(made.body).toMatchObject({ exists: true, url: expect.stringMatching(/^\/api\/v1\/visits\/calendar-feed\/[\w-]+\.ics$/) });
    const feed = await http(t).get(made.body.url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const expected = await sql(t, `SELECT id FROM visits WHERE manager_id = $1 AND status <> 'cancelled' AND starts_at >= now() - interval '30 days'`, [am1.id]);
    expect(events.map((e) => e.uid).sort()).toEqual(expected.map((v) => v.id).sort());
    expect(events.some((e) => e.summary.startsWith('华东科技'))).toBe(true);
    expect((await http(t).get('/api/v1/visits/calendar-feed/not-the-token-at-all-xx.ics')).status).toBe(404);
    await http(t, am1.token).post('/api/v1/visits/calendar-feed');
    expect((await http(t).get(made.body.url)).status).toBe(404);
  });
});
