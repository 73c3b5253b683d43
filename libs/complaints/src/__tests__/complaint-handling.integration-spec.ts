import type { Principal } from '@crm/identity';
import { startTestApp, TestApp, TEST_ADMIN } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';
import { followUpDueAt } from '../complaint-follow-up';
import { ComplaintsService } from '../complaints.service';
import type { EventType } from '../complaint-rules';

/** Issue 5's handling and report: compensations after resolution and their totals, the satisfaction follow-up, the service-level report. */
describe('complaint handling', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let manager: { id: string; token: string };
  let agent: { id: string; token: string };
  let agent2: { id: string; token: string };
  let am: { id: string; token: string };
  let service: ComplaintsService;

  const count = (table: string) => rowCount(t, table);
  const customer = async (name: string, ownerId?: string, tier?: string) => {
    const res = await http(t, admin).post('/api/v1/customers', { type: 'individual', name, phone: `139${Math.floor(1e7 + Math.random() * 9e7)}`, ownerId });
    expect(res.status).toBe(201);
    if (tier) await sql(t, `UPDATE customers SET tier = $1 WHERE id = $2`, [tier, res.body.id]);
    return res.body.id as string;
  };
  const complaint = async (customerId: string, token = agent.token, over: Record<string, unknown> = {}) => {
    const res = await http(t, token).post('/api/v1/complaints', {
      customerId, channel: 'phone', category: 'hotel', severity: 'ordinary', description: '房间有霉味', receivedAt: new Date().toISOString(), ...over,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const step = (id: string, type: string, token = agent.token) => http(t, token).post(`/api/v1/complaints/${id}/events`, { type });
  const resolve = (id: string, body: object = { attribution: 'service_failure' }, token = agent.token) => http(t, token).post(`/api/v1/complaints/${id}/resolve`, body);
  const editComp = (id: string, body: object, token = agent.token) => http(t, token).put(`/api/v1/complaints/${id}/compensations`, body);
  const row = async (id: string) => (await sql(t, `SELECT compensations, corrective_action, compensations_decided_by, compensations_decided_at FROM complaints WHERE id = $1`, [id]))[0];
  const audits = async (id: string) => (await sql(t, `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]));
  const runJob = (name: string, asOf: string) => runJobToEnd(t, admin, name, asOf);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    adminId = (await sql(t, `SELECT id FROM users WHERE email = $1`, [TEST_ADMIN.email]))[0].id;
    manager = await userWithRole(t, admin, 'manager', 'mgr');
    agent = await userWithRole(t, admin, 'agent', 'Zhang Wei');
    agent2 = await userWithRole(t, admin, 'agent', 'Li Na');
    am = await userWithRole(t, admin, 'account_manager', 'am');
    service = t.app.get(ComplaintsService);
  }, 60_000);
  afterAll(() => t?.close());

  describe('compensations', () => {
    let id: string;
    const standard = () => row(id).then((r) => r.compensations);

    beforeAll(async () => {
      id = await complaint(await customer('补偿测试王芳'));
    });

    it('are settled only after resolution: 409 before, and nothing changes', async () => {
      const res = await editComp(id, { compensations: [{ kind: 'apology' }] });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await row(id)).compensations).toEqual([]);
    });

    it('the proposal stands until someone accepts it; accepting is audited once', async () => {
      const resolved = await resolve(id);
      expect(resolved.body).toMatchObject({ compensationsDecidedBy: null, compensationsDecidedAt: null });
      const proposal = resolved.body.compensations;
      const accepted = await editComp(id, { compensations: proposal });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ compensations: proposal, compensationsDecidedBy: agent.id });
      expect(accepted.body.compensationsDecidedAt).not.toBeNull();
      expect((await editComp(id, { compensations: proposal })).status).toBe(200);
      expect((await audits(id)).filter((a) => a.action.startsWith('complaint.compensations'))).toEqual([{ action: 'complaint.compensations_accepted', changes: null }]);
    });

    it('staff change the voucher and add a refund, a gift and a corrective action; the audit has before and after', async () => {
      const before = await standard();
      const compensations = [
        { kind: 'apology' }, { kind: 'voucher', percent: 30, expiresOn: '2099-01-31' }, { kind: 'refund', amount: 50000 }, { kind: 'gift', note: '  景区门票两张 ' },
      ];
      const correctiveAction = { action: '酒店供应商复查', ownerId: agent2.id, dueOn: '2099-02-01' };
      const res = await editComp(id, { compensations, correctiveAction }, manager.token);
      expect(res.status).toBe(200);
      expect(res.body.compensations).toEqual([compensations[0], compensations[1], compensations[2], { kind: 'gift', note: '景区门票两张' }]);
      expect(res.body.correctiveAction).toEqual(correctiveAction);
      expect(res.body.compensationsDecidedBy).toBe(manager.id);
      const last = (await audits(id)).pop();
      expect(last.action).toBe('complaint.compensations_changed');
      expect(last.changes.compensations.before).toEqual(before);
      expect(last.changes.compensations.after).toEqual(res.body.compensations);
      expect(last.changes.correctiveAction).toEqual({ before: null, after: correctiveAction });
    });

    it('an omitted corrective action stays, a null one is removed', async () => {
      const kept = await editComp(id, { compensations: [{ kind: 'apology' }] });
      expect(kept.body.correctiveAction).toMatchObject({ action: '酒店供应商复查' });
      const removed = await editComp(id, { compensations: [{ kind: 'apology' }], correctiveAction: null });
      expect(removed.body.correctiveAction).toBeNull();
    });

    it('rejects bad input field by field with 422 problem+json and changes nothing', async () => {
      const before = await row(id);
      const auditsBefore = await count('audit_log');
      const shape = await editComp(id, {
        compensations: [{ kind: 'cash' }, { kind: 'voucher', percent: 150, expiresOn: '31/01/2099' }, { kind: 'refund', amount: -5 }],
        correctiveAction: { action: '', ownerId: 'someone', dueOn: 'soon' },
      });
      expect(shape.status).toBe(422);
      expect(shape.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([...new Set(shape.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'compensations.0.kind', 'compensations.1.expiresOn', 'compensations.1.percent', 'compensations.2.amount',
        'correctiveAction.action', 'correctiveAction.dueOn', 'correctiveAction.ownerId',
      ]);
      const rules = await editComp(id, {
        compensations: [{ kind: 'refund' }, { kind: 'voucher', percent: 20, expiresOn: '2020-01-01' }, { kind: 'gift' }, { kind: 'apology', amount: 100 }],
        correctiveAction: { action: '复查', dueOn: '2099-02-30' },
      });
      expect(rules.status).toBe(422);
      expect(rules.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'compensations.0.amount', 'compensations.1.expiresOn', 'compensations.2.note', 'compensations.3.amount', 'correctiveAction.dueOn',
      ]);
      const nobody = await editComp(id, { compensations: [], correctiveAction: { action: '复查', ownerId: '00000000-0000-4000-8000-000000000000' } });
      expect(nobody.status).toBe(422);
      expect(nobody.body.errors).toEqual([{ field: 'correctiveAction.ownerId', message: 'no such user' }]);
      expect((await editComp(id, {})).body.errors[0].field).toBe('compensations');
      expect(await row(id)).toEqual(before);
      expect(await count('audit_log')).toBe(auditsBefore);
    });

    it('resolving with compensations given follows the same rules and records who decided', async () => {
      const other = await complaint(await customer('补偿测试李雷'));
      const bad = await resolve(other, { attribution: 'service_failure', compensations: [{ kind: 'voucher', percent: 20 }] });
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([{ field: 'compensations.0.expiresOn', message: 'a voucher needs an expiry date' }]);
      expect((await sql(t, `SELECT status FROM complaints WHERE id = $1`, [other]))[0].status).toBe('received');
      const good = await resolve(other, { attribution: 'force_majeure', compensations: [{ kind: 'apology' }, { kind: 'upgrade', note: '升级套房' }] });
      expect(good.status).toBe(201);
      expect(good.body.compensationsDecidedBy).toBe(agent.id);
    });
  });

  describe('compensation totals', () => {
    let mine: string;
    let theirs: string;

    beforeAll(async () => {
      mine = await customer('合计测试客户', am.id);
      theirs = await customer('合计测试他人');
      const given = async (customerId: string, compensations: object[], resolvedAt: string, status = 'resolved') => {
        const id = await complaint(customerId, admin);
        expect((await resolve(id, { attribution: 'service_failure', compensations }, admin)).status).toBe(201);
        if (status === 'closed') expect((await step(id, 'closed', admin)).status).toBe(201);
        await sql(t, `UPDATE complaint_events SET at = $2 WHERE complaint_id = $1 AND type = 'resolved'`, [id, resolvedAt]);
        return id;
      };
      await given(mine, [{ kind: 'apology' }, { kind: 'refund', amount: 12000 }, { kind: 'voucher', percent: 20, expiresOn: '2099-01-01' }], '2026-01-15T10:00:00+08:00');
      // 04:00 on 1 March in Shanghai is still February in UTC: the month is the agency's.
      await given(mine, [{ kind: 'refund', amount: 3000 }, { kind: 'gift', note: '茶叶' }, { kind: 'priority_booking' }], '2026-02-28T20:00:00Z', 'closed');
      await given(mine, [{ kind: 'apology' }], '2026-03-05T10:00:00+08:00'); // an apology alone is no compensation given
      const reopened = await given(mine, [{ kind: 'refund', amount: 99999 }], '2026-03-06T10:00:00+08:00');
      expect((await step(reopened, 'reopened', admin)).status).toBe(201); // open again: nothing given yet
      await given(theirs, [{ kind: 'refund', amount: 7000 }], '2026-03-10T10:00:00+08:00');
    });

    it("total one customer's compensations per agency month", async () => {
      const res = await http(t, admin).get(`/api/v1/complaints/compensation-totals?customerId=${mine}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        currency: 'CNY',
        months: [
          { month: '2026-01', complaints: 1, refunds: 12000, vouchers: 1, others: 0 },
          { month: '2026-03', complaints: 1, refunds: 3000, vouchers: 0, others: 2 },
        ],
        customers: [{ customerId: mine, customerName: '合计测试客户', complaints: 2, refunds: 15000, vouchers: 1, others: 2 }],
        total: { complaints: 2, refunds: 15000, vouchers: 1, others: 2 },
      });
    });

    it('bound by resolution dates, and refused field by field when the dates are wrong', async () => {
      const march = await http(t, admin).get(`/api/v1/complaints/compensation-totals?from=2026-03-01&to=2026-03-31`);
      expect(march.body.total).toEqual({ complaints: 2, refunds: 10000, vouchers: 0, others: 2 });
      expect(march.body.customers.map((c: { customerName: string }) => c.customerName)).toEqual(['合计测试他人', '合计测试客户']);
      const bad = await http(t, admin).get(`/api/v1/complaints/compensation-totals?from=2026-02-30&to=March&customerId=x`);
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerId', 'to']);
      expect((await http(t, admin).get(`/api/v1/complaints/compensation-totals?from=2026-02-30`)).body.errors).toEqual([{ field: 'from', message: 'from is not a calendar date' }]);
      expect((await http(t, admin).get(`/api/v1/complaints/compensation-totals?from=2026-03-02&to=2026-03-01`)).body.errors[0].field).toBe('to');
    });

    it("an account manager sees their own customers' totals only: another's customer is 404", async () => {
      expect((await http(t, am.token).get(`/api/v1/complaints/compensation-totals?customerId=${mine}`)).body.total.refunds).toBe(15000);
      expect((await http(t, am.token).get(`/api/v1/complaints/compensation-totals?customerId=${theirs}`)).status).toBe(404);
      const all = await http(t, am.token).get(`/api/v1/complaints/compensation-totals?from=2026-01-01&to=2026-03-31`);
      expect(all.body.customers.map((c: { customerId: string }) => c.customerId)).toEqual([mine]);
    });
  });

  describe('follow-up', () => {
    let customerId: string;
    let id: string;
    const followUps = async (cid = id, token = agent.token) => (await http(t, token).get(`/api/v1/complaints/${cid}/follow-ups`)).body.items;
    const answer = (body: object, token = agent.token, cid = id) => http(t, token).post(`/api/v1/complaints/${cid}/follow-up/answer`, body);

    beforeAll(async () => {
      customerId = await customer('回访测试赵敏', am.id);
      id = await complaint(customerId);
      expect((await resolve(id)).status).toBe(201);
    });

    it('has none until the complaint is closed, so no answer can be recorded', async () => {
      expect(await followUps()).toEqual([]);
      expect((await answer({ satisfied: true })).status).toBe(409);
    });

    it('closing creates one due at nine, seven agency days later, on the lists of its owner', async () => {
      const closed = await step(id, 'closed');
      const closedAt = closed.body.events.at(-1).at;
      const [f] = await followUps();
      expect(f).toMatchObject({ complaintId: id, customerId, ownerId: agent.id, status: 'pending', closedAt, satisfied: null, answeredAt: null });
      expect(f.dueAt).toBe(followUpDueAt(new Date(closedAt), 'Asia/Shanghai').toISOString());
      const mine = await http(t, agent.token).get('/api/v1/complaints/follow-ups?mine=true');
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([f.id]);
      expect((await http(t, agent2.token).get('/api/v1/complaints/follow-ups?mine=true')).body.items).toEqual([]);
      expect((await http(t, agent2.token).get('/api/v1/complaints/follow-ups')).body.items.map((x: { id: string }) => x.id)).toContain(f.id);
      expect((await http(t, agent.token).get('/api/v1/complaints/follow-ups?mine=true&due=true')).body.items).toEqual([]); // due next week
    });

    it('reopening cancels it; closing again makes a new one', async () => {
      expect((await step(id, 'reopened')).status).toBe(201);
      expect((await followUps()).map((f: { status: string }) => f.status)).toEqual(['cancelled']);
      expect((await answer({ satisfied: true })).status).toBe(409);
      expect((await http(t, agent.token).get('/api/v1/complaints/follow-ups?mine=true')).body.items).toEqual([]);
      expect((await resolve(id)).status).toBe(201);
      expect((await step(id, 'closed')).status).toBe(201);
      expect((await followUps()).map((f: { status: string }) => f.status)).toEqual(['pending', 'cancelled']);
    });

    it('bad input to the answer is 422 problem+json and records nothing', async () => {
      const res = await answer({ satisfied: 'yes', note: 5, extra: 1 });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['extra', 'note', 'satisfied']);
      expect((await followUps())[0]).toMatchObject({ status: 'pending', satisfied: null });
    });

    it('the answer is recorded once, with who and when, audited, and read back for the health score', async () => {
      const res = await answer({ satisfied: false, note: ' 退款太慢 ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'answered', satisfied: false, note: '退款太慢', answeredBy: agent.id });
      expect(Date.now() - Date.parse(res.body.answeredAt)).toBeLessThan(60_000);
      const again = await answer({ satisfied: true }, manager.token);
      expect(again.status).toBe(409);
      expect((await followUps())[0]).toMatchObject({ satisfied: false, answeredBy: agent.id });
      const audit = (await audits(id)).pop();
      expect(audit).toEqual({ action: 'complaint.follow_up_answered', changes: { satisfied: { before: null, after: false }, note: { before: null, after: '退款太慢' } } });
      const answers = await service.followUpAnswers([customerId]);
      expect(answers).toEqual([{ customerId, complaintId: id, satisfied: false, answeredAt: new Date(res.body.answeredAt) }]);
      const answered = await http(t, agent.token).get('/api/v1/complaints/follow-ups?status=answered&mine=true');
      expect(answered.body.items.map((f: { complaintId: string }) => f.complaintId)).toEqual([id]);
    });

    it("an account manager sees their customers' follow-ups, and another's complaint is 404", async () => {
      const other = await complaint(await customer('回访测试他人'));
      await resolve(other);
      await step(other, 'closed');
      const list = (await http(t, am.token).get('/api/v1/complaints/follow-ups?status=answered')).body.items;
      expect(list.map((f: { complaintId: string }) => f.complaintId)).toEqual([id]);
      const pending = (await http(t, am.token).get('/api/v1/complaints/follow-ups')).body.items.map((f: { complaintId: string }) => f.complaintId);
      expect(pending.length).toBeGreaterThan(0); // the totals' closed complaint, of their customer
      expect(pending).not.toContain(other);
      expect((await http(t, admin).get('/api/v1/complaints/follow-ups')).body.items.map((f: { complaintId: string }) => f.complaintId)).toContain(other);
      expect((await http(t, am.token).get(`/api/v1/complaints/${other}/follow-ups`)).status).toBe(404);
      expect((await answer({ satisfied: true }, am.token, other)).status).toBe(404);
      expect((await editComp(other, { compensations: [] }, am.token)).status).toBe(404);
    });

    it('pages through the list by due time', async () => {
      const first = await http(t, admin).get('/api/v1/complaints/follow-ups?limit=1');
      expect(first.body.items).toHaveLength(1);
      const rest = await http(t, admin).get(`/api/v1/complaints/follow-ups?limit=50&cursor=${first.body.nextCursor}`);
      const all = (await http(t, admin).get('/api/v1/complaints/follow-ups?limit=50')).body.items;
      expect([...first.body.items, ...rest.body.items]).toEqual(all);
      expect((await http(t, admin).get('/api/v1/complaints/follow-ups?status=open')).status).toBe(422);
    });

    it('the owner is notified once when it falls due, however often the job runs', async () => {
      const due = await complaint(await customer('回访到期测试'), agent2.token);
      await resolve(due, undefined, agent2.token);
      await step(due, 'closed', agent2.token);
      const [f] = await followUps(due, agent2.token);
      const before = new Date(Date.parse(f.dueAt) - 60_000).toISOString();
      const after = new Date(Date.parse(f.dueAt) + 60_000).toISOString();
      const events = async () => Number((await sql(t, `SELECT count(*) AS n FROM outbox_events WHERE type = 'complaint.follow_up_due' AND payload->>'followUpId' = $1`, [f.id]))[0].n);
      await runJob('follow-up-watch', before);
      expect(await events()).toBe(0);
      const [a, b] = await Promise.all([runJob('follow-up-watch', after), runJob('follow-up-watch', after)]);
      expect([a.state, b.state]).toEqual(['completed', 'completed']);
      await runJob('follow-up-watch', after);
      expect(await events()).toBe(1);
      expect((await http(t, agent2.token).get('/api/v1/complaints/follow-ups?mine=true&due=true')).body.items).toEqual([]); // not due yet in real time
      await runJob('outbox-relay', after);
      await runJob('outbox-relay', after);
      const notes = await sql(t, `SELECT user_id, kind, params FROM notifications WHERE entity_id = $1 AND kind = 'complaint.follow_up_due'`, [due]);
      expect(notes).toEqual([{ user_id: agent2.id, kind: 'complaint.follow_up_due', params: { customerName: '回访到期测试', dueAt: f.dueAt } }]);
    });
  });

  describe('service-level report', () => {
    const as = (id: string, role: string): Principal => ({ kind: 'user', id, email: `${role}@test.local`, name: role, role: role as never });
    const at = (s: string) => new Date(s);
    /** A complaint received and handled at the given agency times, through the service (time is its parameter). */
    const handled = async (customerId: string, ownerId: string, received: string, steps: [EventType | 'resolve', string][], severity = 'ordinary', compensations?: object[]) => {
      const p = as(adminId, 'admin');
      const c = await service.create(p, { customerId, ownerId, channel: 'phone', category: 'guide', severity, description: '导游问题', receivedAt: received } as never, at(received));
      for (const [type, when] of steps) {
        if (type === 'resolve') await service.resolve(p, c.id, { attribution: 'service_failure', compensations } as never, at(when));
        else await service.addEvent(p, c.id, { type } as never, at(when));
      }
      return c.id;
    };
    const report = (token: string, from = '2025-06-02', to = '2025-06-15') => http(t, token).get(`/api/v1/complaints/report?from=${from}&to=${to}`);

    beforeAll(async () => {
      const tierA = await customer('报表测试A', undefined, 'A');
      const tierB = await customer('报表测试B', undefined, 'B');
      const untiered = await customer('报表测试无等级');
      const amCustomer = await customer('报表测试客户经理的', am.id, 'A');
      // Week of 2 June 2025: one ordinary complaint met both targets, one missed both.
      await handled(tierA, agent.id, '2025-06-02T10:00:00+08:00', [['solution_proposed', '2025-06-02T10:30:00+08:00'], ['resolve', '2025-06-03T10:00:00+08:00']], 'ordinary', [
        { kind: 'apology' }, { kind: 'refund', amount: 5000 }, { kind: 'voucher', percent: 20, expiresOn: '2099-06-03' },
      ]);
      await handled(tierB, agent2.id, '2025-06-03T10:00:00+08:00', [['solution_proposed', '2025-06-03T13:00:00+08:00'], ['resolve', '2025-06-10T10:00:00+08:00']], 'ordinary', [
        { kind: 'gift', note: '茶叶' }, { kind: 'upgrade', note: '海景房' },
      ]);
      // Week of 9 June: a major one handled in time, an ordinary one nobody touched.
      await handled(amCustomer, agent.id, '2025-06-10T09:00:00+08:00', [
        ['team_assembled', '2025-06-10T09:20:00+08:00'], ['customer_update', '2025-06-10T10:00:00+08:00'], ['resolve', '2025-06-10T12:00:00+08:00'],
      ], 'major');
      await handled(untiered, agent2.id, '2025-06-11T10:00:00+08:00', []);
      // Outside the range, on either side.
      await handled(tierA, agent.id, '2025-06-01T23:59:00+08:00', [['resolve', '2025-06-02T10:00:00+08:00']], 'ordinary', [{ kind: 'refund', amount: 100 }]);
      await handled(tierA, agent.id, '2025-06-16T00:00:00+08:00', []);
    }, 60_000);

    it('gives the share of targets met per metric, severity, tier, agent and week, with median and p90 times, and the compensations', async () => {
      const res = await report(manager.token);
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r).toMatchObject({ from: '2025-06-02', to: '2025-06-15', timeZone: 'Asia/Shanghai', scope: 'all', complaints: 4 });
      expect(r.overall).toEqual({ targets: 10, met: 6, missed: 4, pending: 0, share: 0.6 });
      expect(r.byMetric).toEqual([
        { metric: 'initial_solution', targets: 3, met: 1, missed: 2, pending: 0, share: 1 / 3, medianMinutes: 105, p90Minutes: 165 },
        { metric: 'emergency_team', targets: 1, met: 1, missed: 0, pending: 0, share: 1, medianMinutes: 20, p90Minutes: 20 },
        { metric: 'customer_update', targets: 2, met: 2, missed: 0, pending: 0, share: 1, medianMinutes: 90, p90Minutes: 114 },
        { metric: 'resolution', targets: 4, met: 2, missed: 2, pending: 0, share: 0.5, medianMinutes: 1440, p90Minutes: 8352 },
      ]);
      expect(r.bySeverity.map((s: { severity: string; met: number; targets: number }) => [s.severity, s.met, s.targets])).toEqual([['ordinary', 2, 6], ['major', 4, 4]]);
      expect(r.byTier.map((s: { tier: string | null; met: number; targets: number }) => [s.tier, s.met, s.targets])).toEqual([['A', 6, 6], ['B', 0, 2], [null, 0, 2]]);
      expect(r.byAgent.map((s: { agentName: string; met: number; targets: number }) => [s.agentName, s.met, s.targets]).sort()).toEqual([['Li Na', 0, 4], ['Zhang Wei', 6, 6]]);
      expect(r.byWeek.map((s: { week: string; met: number; targets: number }) => [s.week, s.met, s.targets])).toEqual([['2025-06-02', 2, 4], ['2025-06-09', 4, 6]]);
      // By resolution date: the complaint received the day before the range but resolved in it counts here.
      expect(r.compensation.months).toEqual([{ month: '2025-06', complaints: 4, refunds: 5100, vouchers: 2, others: 2 }]);
      expect(r.compensation.total).toEqual({ complaints: 4, refunds: 5100, vouchers: 2, others: 2 });
    });

    it('admins see the same; an agent sees their own complaints, an account manager their customers\'', async () => {
      expect((await report(admin)).body.overall).toEqual({ targets: 10, met: 6, missed: 4, pending: 0, share: 0.6 });
      const own = (await report(agent.token)).body;
      expect(own).toMatchObject({ scope: 'own', complaints: 2, overall: { targets: 6, met: 6 } });
      expect(own.byAgent.map((a: { agentId: string }) => a.agentId)).toEqual([agent.id]);
      const am2 = (await report(am.token)).body;
      expect(am2).toMatchObject({ scope: 'own', complaints: 1, overall: { targets: 4, met: 4 }, byTier: [{ tier: 'A', targets: 4 }] });
      expect(am2.compensation.total).toEqual({ complaints: 1, refunds: 0, vouchers: 1, others: 0 }); // the standard remedy's voucher
    });

    it('an API key may not read it', async () => {
      const key = await http(t, admin).post('/api/v1/api-keys', { name: 'erp', scopes: ['complaints:write'] });
      expect((await report(key.body.key)).status).toBe(403);
    });

    it('is empty, not an error, for a range without complaints', async () => {
      const res = await report(manager.token, '2020-01-06', '2020-01-19');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ complaints: 0, overall: { targets: 0, share: null }, byMetric: [], byWeek: [{ week: '2020-01-06', targets: 0 }, { week: '2020-01-13', targets: 0 }] });
    });

    it('refuses a bad range field by field with 422 problem+json', async () => {
      const none = await http(t, manager.token).get('/api/v1/complaints/report');
      expect(none.status).toBe(422);
      expect(none.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'to']);
      expect((await report(manager.token, '2025-06-15', '2025-06-02')).body.errors).toEqual([{ field: 'to', message: 'to must not be before from' }]);
      expect((await report(manager.token, '2024-01-01', '2025-06-02')).body.errors[0]).toMatchObject({ field: 'to' });
      expect((await report(manager.token, '2025-02-29', '2025-06-02')).body.errors[0]).toMatchObject({ field: 'from' });
    });
  });
});
