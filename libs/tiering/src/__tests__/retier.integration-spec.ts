import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startTestApp, startWorker, TestApp } from '../../../../test/support/test-app';
import { catchUpRunsEnded, http, login, rowCount, runJobToEnd, sql, until, userWithRole } from '../../../../test/support/http';
import { BookingFact, DEFAULT_RULES, computeTiers, windowsFor } from '../tier-policy';

/**
 * The nightly re-tiering through BullMQ on real Redis and a separate worker, checked against the pure
 * policy on the same data: the set-based SQL must decide exactly what tier-policy.ts decides.
 */
const AS_OF = '2026-06-30T18:00:00.000Z';
const DAY = 86_400_000;

describe('retier job', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let am: { id: string; token: string };

  const runJob = (name: string, asOf = AS_OF) => runJobToEnd(t, admin, name, asOf, 30_000);
  const tiersInDb = async () =>
    Object.fromEntries((await sql(t, 'SELECT id, tier, quadrant, tier_flags FROM customers WHERE deleted_at IS NULL')).map((r) => [r.id, { tier: r.tier, quadrant: r.quadrant, flags: r.tier_flags }]));
  const decisions = async () => {
    const customers = (await sql(t, 'SELECT id, created_at FROM customers WHERE deleted_at IS NULL')).map((r) => ({ id: r.id, createdAt: new Date(r.created_at) }));
    const bookings: BookingFact[] = (await sql(t, 'SELECT customer_id, status, booked_at, amount_value, payment_due_at, paid_at FROM bookings')).map((b) => ({
      customerId: b.customer_id, status: b.status, bookedAt: new Date(b.booked_at), amount: Number(b.amount_value),
      paymentDueAt: b.payment_due_at && new Date(b.payment_due_at), paidAt: b.paid_at && new Date(b.paid_at),
    }));
    const rules = (await http(t, admin).get('/api/v1/tiering/policy')).body.rules;
    return computeTiers(customers, bookings, rules, windowsFor(rules, new Date(AS_OF), 'Asia/Shanghai'));
  };
  const expected = async () => Object.fromEntries((await decisions()).map((r) => [r.customerId, { tier: r.tier, quadrant: r.quadrant, flags: r.flags }]));
  const count = (table: string) => rowCount(t, table);

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'am');
    worker = await startWorker(t);
    // The worker first catches up the scheduled runs it missed (a retier among them): let them end before the data exists.
    await catchUpRunsEnded(t, 30_000);
    // 400 customers with a deterministic spread of bookings over three years: sales, cancellations,
    // late and unpaid payments, quiet and busy recent months.
    await sql(t, `SELECT setseed(0.17)`);
    await sql(
      t,
      `INSERT INTO customers (type, name, owner_id, created_at)
       SELECT 'individual', '客户' || g, $1, now() - make_interval(days => (g * 7919) % 900) FROM generate_series(1, 400) g`,
      [am.id],
    );
    await sql(
      t,
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM customers),
            b AS (SELECT c.id, c.n, k, random() AS r1, random() AS r2, random() AS r3, random() AS r4
                  FROM c, generate_series(1, 1 + (c.n * 37 % 11)::int) k WHERE c.n % 9 <> 0)
       INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency, payment_due_at, paid_at)
       SELECT 'erp', 'T' || n || '-' || k, id,
         (ARRAY['completed','completed','confirmed','cancelled','inquiry'])[1 + floor(r1 * 5)::int],
         $1::timestamptz - make_interval(days => floor(r2 * 1000)::int - 20),
         (100 + floor(power(r3, 3) * 5000000))::bigint,
         'CNY',
         CASE WHEN r4 < 0.6 THEN $1::timestamptz - make_interval(days => floor(r2 * 1000)::int - 30) END,
         CASE WHEN r4 < 0.3 THEN $1::timestamptz - make_interval(days => floor(r2 * 1000)::int - 30 - floor(r4 * 40)::int + 10) END
       FROM b`,
      [AS_OF],
    );
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('tiers every customer exactly as the pure policy does, with history and events for the changes', async () => {
    const run = await runJob('retier');
    expect(run).toMatchObject({ state: 'completed', progress: 100 });
    const want = await expected();
    expect(await tiersInDb()).toEqual(want);
    // Every changed customer carries the figures that decided, as the pure policy reports them.
    const reasons = Object.fromEntries((await sql(t, 'SELECT id, tier_reason FROM customers WHERE tier IS NOT NULL')).map((r) => [r.id, r.tier_reason]));
    expect(reasons).toEqual(Object.fromEntries((await decisions()).filter((r) => r.tier !== null).map((r) => [r.customerId, r.reason])));
    const tiers = Object.values(want).map((x) => x.tier);
    expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C', 'D', null]));
    expect(run.result.changed).toBe(tiers.filter((x) => x !== null).length);
    expect(await count('customer_tier_changes')).toBe(run.result.changed);
    expect(Number((await sql(t, "SELECT count(*) AS n FROM outbox_events WHERE type = 'tier.changed'"))[0].n)).toBe(run.result.changed);
    // The Pareto curve ends at 100 % and the A line sits near half the sales.
    expect(run.result.pareto.at(-1).cumulative_share_percent).toBe(100);
  });

  it('a second run changes nothing and records nothing', async () => {
    // Tier events only: other scheduled jobs (catching up at start) may write events of their own meanwhile.
    const tierEvents = async () => Number((await sql(t, "SELECT count(*) AS n FROM outbox_events WHERE type = 'tier.changed'"))[0].n);
    const before = [await count('customer_tier_changes'), await tierEvents()];
    const run = await runJob('retier');
    expect(run.result.changed).toBe(0);
    expect([await count('customer_tier_changes'), await tierEvents()]).toEqual(before);
  });

  it('owners get one notification per change, however often the outbox is relayed', async () => {
    await runJob('outbox-relay');
    await runJob('outbox-relay');
    const changes = await count('customer_tier_changes');
    const mine = await http(t, am.token).get('/api/v1/notifications?limit=500');
    expect(mine.body.items).toHaveLength(changes);
    expect(mine.body.unread).toBe(changes);
    expect(mine.body.items[0]).toMatchObject({ kind: 'tier.changed', entityType: 'customer', params: { customerName: expect.stringMatching(/^客户/) } });
    expect((await http(t, admin).get('/api/v1/notifications')).body.items).toEqual([]);
    const read = await http(t, am.token).post('/api/v1/notifications/read', { ids: [mine.body.items[0].id] });
    expect(read.body).toEqual({ marked: 1 });
    expect((await http(t, am.token).get('/api/v1/notifications?unread=true&limit=1')).body.unread).toBe(changes - 1);
  });

  it('a run killed inside its transaction leaves nothing half-applied; the rerun gives the uninterrupted result', async () => {
    // Tiers as of four months earlier first, so the run to kill has something to change.
    await runJob('retier', new Date(new Date(AS_OF).getTime() - 120 * DAY).toISOString());
    const before = await tiersInDb();
    expect(before).not.toEqual(await expected());
    const history = await count('customer_tier_changes');
    // Hold the retier lock so the run waits for it, then kill its connection there.
    const holder = t.app.get(DataSource).createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('retier', 0))`);
    await http(t, admin).post('/api/v1/jobs/retier/runs', { asOf: AS_OF });
    const victim = await until('the run to wait on the lock', async () => {
      const rows = await sql(t, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_lock%' AND pid <> pg_backend_pid()`);
      return rows[0]?.pid;
    });
    await sql(t, 'SELECT pg_terminate_backend($1)', [victim]);
    await holder.rollbackTransaction();
    await holder.release();
    expect(await tiersInDb()).toEqual(before);
    expect(await count('customer_tier_changes')).toBe(history);
    // BullMQ retries the killed attempt later (same asOf, so the same result); a fresh run now completes it.
    await runJob('retier');
    expect(await tiersInDb()).toEqual(await expected());
  });

  it('lets an admin move the A line, preview what moves, save a new version, and re-tier with it', async () => {
    const rules = { ...DEFAULT_RULES, aSharePercent: 45 };
    expect((await http(t, admin).put('/api/v1/tiering/policy', { rules: { ...rules, bSharePercent: 40 }, service: (await http(t, admin).get('/api/v1/tiering/policy')).body.service })).status).toBe(422);
    const preview = await http(t, admin).post('/api/v1/tiering/policy/preview', { rules });
    expect(preview.status).toBe(200);
    const movedToB = preview.body.moves.find((m: { from: string; to: string }) => m.from === 'A' && m.to === 'B');
    expect(movedToB?.customers).toBeGreaterThan(0);
    const { service } = (await http(t, admin).get('/api/v1/tiering/policy')).body;
    expect((await http(t, am.token).put('/api/v1/tiering/policy', { rules, service })).status).toBe(403);
    const saved = await http(t, admin).put('/api/v1/tiering/policy', { rules, service, note: '收紧A类' });
    expect(saved.body).toMatchObject({ version: 1, rules: { aSharePercent: 45 } });
    const run = await runJob('retier');
    expect(run.result).toMatchObject({ policyVersion: 1, changed: expect.any(Number) });
    expect(await tiersInDb()).toEqual(await expected());
    const moved = (await sql(t, "SELECT customer_id FROM customer_tier_changes WHERE from_tier = 'A' AND to_tier = 'B' AND policy_version = 1"))[0].customer_id;
    const history = await http(t, am.token).get(`/api/v1/customers/${moved}/tier-history`);
    expect(history.body.items[0]).toMatchObject({ fromTier: 'A', toTier: 'B', policyVersion: 1 });
    const customer = await http(t, am.token).get(`/api/v1/customers/${moved}`);
    expect(customer.body).toMatchObject({ tier: 'B', tierReason: { sales: history.body.items[0].sales } });
    const summary = await http(t, am.token).get('/api/v1/tiering/summary');
    expect(summary.body.runs[0]).toMatchObject({ state: 'completed' });
    expect(summary.body.tiers.map((x: { tier: string }) => x.tier)).toEqual(['A', 'B', 'C', 'D', null]);
    expect((await http(t, admin).get('/api/v1/tiering/policy/versions')).body.items).toHaveLength(1);
  });
});
