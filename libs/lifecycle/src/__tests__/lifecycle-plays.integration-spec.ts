import { OutboxService } from '@crm/platform';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { catchUpRunsEnded, http, login, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';

/**
 * Plays through the churn-score job: an A customer turning red gives their owner one "call within 3 days" and
 * one notification per red episode — a rerun adds nothing, leaving red ends the episode, turning red again
 * starts a second — while a C customer turning red gets none; the owner sees and closes their plays. The
 * score's history has a row per change of the score or band, none for a rerun.
 */
const AS_OF = '2026-06-30T18:00:00.000Z'; // 2026-07-01 02:00 in Shanghai
const DAY = 86_400_000;
const daysBefore = (days: number, asOf = AS_OF) => new Date(Date.parse(asOf) - days * DAY).toISOString();
const later = (days: number) => new Date(Date.parse(AS_OF) + days * DAY).toISOString();

describe('lifecycle plays (churn-score job)', () => {
  let t: TestApp;
  let admin: string;
  let am: { id: string; token: string };
  let otherAm: { id: string; token: string };
  const named: Record<string, string> = {};

  const runJob = async (asOf: string) => {
    const run = await runJobToEnd(t, admin, 'churn-score', asOf, 60_000);
    expect(run.state).toBe('completed');
    return run.result.stages;
  };
  const relay = () => t.app.get(OutboxService).relay();
  const plays = () => sql(t, `SELECT customer_id, owner_id, started_at, to_char(due_on, 'YYYY-MM-DD') AS due_on, ended_at FROM lifecycle_plays ORDER BY started_at`);
  const notes = () => sql(t, `SELECT user_id, entity_id, params FROM notifications WHERE kind = 'lifecycle.play' ORDER BY created_at`);
  const band = async (name: string) => (await sql(t, `SELECT health_band AS band FROM customer_lifecycle WHERE customer_id = $1`, [named[name]]))[0].band;
  /** Three trips, the last 250 days ago, an open breached complaint and an unhappy follow-up: red by asOf. */
  const drifting = async (name: string, tier: string) => {
    const [{ id }] = await sql(t, `WITH c AS (INSERT INTO customers (type, name, owner_id, tier) VALUES ('individual', $1, $2, $3) RETURNING id),
       v AS (INSERT INTO customer_values (customer_id, lifetime_value) SELECT id, 1000000 FROM c) SELECT id FROM c`, [name, am.id, tier]);
    named[name] = id;
    for (const [i, days] of [420, 390, 250].entries()) {
      await sql(t, `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency) VALUES ('erp', $1, $2, 'completed', $3, 80000, 'CNY')`, [
        `${name}-${i}`, id, daysBefore(days),
      ]);
    }
    const insert = `INSERT INTO complaints (customer_id, channel, category, severity, description, received_at, owner_id, priority, status)
                    VALUES ($1, 'phone', 'hotel', $2, '房间不干净', $3, $4, 'P2', $5) RETURNING id`;
    const [open] = await sql(t, insert, [id, 'ordinary', daysBefore(20), am.id, 'acknowledged']);
    await sql(t, `INSERT INTO complaint_sla_clocks (complaint_id, metric, period, minutes, due_at, state, breached_at) VALUES ($1, 'first_response', 1, 120, $2, 'breached', $2)`, [open.id, daysBefore(19)]);
    const [closed] = await sql(t, insert, [id, 'major', daysBefore(60), am.id, 'closed']);
    await sql(t, `INSERT INTO complaint_events (complaint_id, type, at) VALUES ($1, 'closed', $2)`, [closed.id, daysBefore(50)]);
    await sql(t, `INSERT INTO complaint_follow_ups (complaint_id, closed_at, due_at, status, satisfied, answered_at) VALUES ($1, $2, $3, 'answered', false, $3)`, [
      closed.id, daysBefore(50), daysBefore(43),
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'am');
    otherAm = await userWithRole(t, admin, 'account_manager', 'other-am');
    await catchUpRunsEnded(t);
    // 200 customers buying at their own pace, so the model has a population to fit.
    await sql(t, `SELECT setseed(0.7)`);
    await sql(t, `INSERT INTO customers (type, name, owner_id) SELECT 'individual', '背景' || g, $1 FROM generate_series(1, 200) g`, [otherAm.id]);
    await sql(
      t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency)
       SELECT 'erp', 'B' || c.id || '-' || k, c.id, 'completed', $1::timestamptz - make_interval(days => floor(random() * 1000)::int + 1), 30000, 'CNY'
       FROM customers c, generate_series(1, 1 + (abs(hashtext(c.name)) % 6)) k WHERE c.name LIKE '背景%'`,
      [AS_OF],
    );
    await drifting('大客户', 'A');
    await drifting('小客户', 'C');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('an A customer turning red gives their owner one play, due 3 agency days later, and one notification', async () => {
    const result = await runJob(AS_OF);
    expect(result).toMatchObject({ plays: 1, playsEnded: 0 });
    expect([await band('大客户'), await band('小客户')]).toEqual(['red', 'red']);
    expect(await plays()).toEqual([{ customer_id: named['大客户'], owner_id: am.id, started_at: new Date(AS_OF), due_on: '2026-07-04', ended_at: null }]);
    await relay();
    const [note, ...more] = await notes();
    expect(more).toEqual([]);
    expect(note).toMatchObject({ user_id: am.id, entity_id: named['大客户'], params: { customerName: '大客户', tier: 'A', dueOn: '2026-07-04', score: expect.any(Number) } });
  });

  it('a rerun with the same asOf starts nothing new', async () => {
    expect(await runJob(AS_OF)).toMatchObject({ changed: 0, plays: 0, playsEnded: 0 });
    await relay();
    expect(await plays()).toHaveLength(1);
    expect(await notes()).toHaveLength(1);
  });

  it('lists the open plays to their owner and managers, and marks one done once (audited)', async () => {
    const mine = await http(t, am.token).get('/api/v1/lifecycle/plays');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ customerId: named['大客户'], customerName: '大客户', tier: 'A', ownerId: am.id, dueOn: '2026-07-04', doneAt: null, endedAt: null }),
    ]);
    const [play] = mine.body.items;
    expect((await http(t, otherAm.token).get('/api/v1/lifecycle/plays')).body.items).toEqual([]);
    expect((await http(t, admin).get(`/api/v1/lifecycle/plays?ownerId=${am.id}`)).body.items).toHaveLength(1);
    expect((await http(t, admin).get(`/api/v1/lifecycle/plays?ownerId=${otherAm.id}`)).body.items).toEqual([]);
    const bad = await http(t, admin).get('/api/v1/lifecycle/plays?ownerId=nope');
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'ownerId', message: 'ownerId must be a user id' }]);

    expect((await http(t, otherAm.token).post(`/api/v1/lifecycle/plays/${play.id}/done`)).status).toBe(404);
    const done = await http(t, am.token).post(`/api/v1/lifecycle/plays/${play.id}/done`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: play.id, doneBy: am.id, doneAt: expect.any(String), endedAt: null });
    expect((await http(t, am.token).post(`/api/v1/lifecycle/plays/${play.id}/done`)).status).toBe(409);
    expect(await sql(t, `SELECT actor_id, entity_id, details FROM audit_log WHERE action = 'lifecycle_play.done'`)).toEqual([
      { actor_id: am.id, entity_id: named['大客户'], details: { playId: play.id } },
    ]);
    expect((await http(t, am.token).get('/api/v1/lifecycle/plays')).body.items).toEqual([]);
  });

  it('leaving red ends the episode; turning red again starts a second play', async () => {
    // A trip five days before the next run and contact every week: no longer red.
    await sql(t, `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency) VALUES ('erp', 'rescue', $1, 'completed', $2, 80000, 'CNY')`, [
      named['大客户'], later(5),
    ]);
    for (let w = 0; w < 10; w++) {
      await sql(t, `INSERT INTO customer_interactions (customer_id, kind, at, user_id) VALUES ($1, 'call', $2, $3)`, [named['大客户'], later(10 - w * 7), am.id]);
    }
    expect(await runJob(later(10))).toMatchObject({ plays: 0, playsEnded: 1 });
    expect(await band('大客户')).not.toBe('red');
    expect((await plays())[0].ended_at).toEqual(new Date(later(10)));

    // The trip is cancelled and the calls never happened after all.
    await sql(t, `UPDATE bookings SET status = 'cancelled' WHERE external_id = 'rescue'`);
    await sql(t, `DELETE FROM customer_interactions WHERE customer_id = $1`, [named['大客户']]);
    expect(await runJob(later(20))).toMatchObject({ plays: 1, playsEnded: 0 });
    expect(await band('大客户')).toBe('red');
    const [first, second] = await plays();
    expect(first.ended_at).toEqual(new Date(later(10)));
    expect(second).toEqual({ customer_id: named['大客户'], owner_id: am.id, started_at: new Date(later(20)), due_on: '2026-07-24', ended_at: null });
    await relay();
    expect((await notes()).map((n) => n.params.dueOn)).toEqual(['2026-07-04', '2026-07-24']);
    expect((await http(t, am.token).get('/api/v1/lifecycle/plays')).body.items.map((p: { dueOn: string }) => p.dueOn)).toEqual(['2026-07-24']);
  });

  it('keeps the health score’s history one row per change, not per night, to the owner only', async () => {
    const res = await http(t, am.token).get(`/api/v1/customers/${named['大客户']}/health-history`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: { band: string; asOf: string }) => [h.asOf, h.band === 'red'])).toEqual([[later(20), true], [later(10), false], [AS_OF, true]]);
    expect(res.body.items[0]).toMatchObject({ score: expect.any(Number), policyVersion: 0 });
    expect((await http(t, otherAm.token).get(`/api/v1/customers/${named['大客户']}/health-history`)).status).toBe(404);
  });

  it('a C customer turning red gets no play', async () => {
    expect(await band('小客户')).toBe('red');
    expect((await plays()).filter((p) => p.customer_id === named['小客户'])).toEqual([]);
    expect((await notes()).filter((n) => n.entity_id === named['小客户'])).toEqual([]);
  });
});
