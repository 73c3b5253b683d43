import { DataSource } from 'typeorm';
import { testRedisUrl } from '@crm/platform';
import { startTestApp, TestApp } from '../support/test-app';
import { catchUpRunsEnded, http, login, rowCount, runJobToEnd, sql, until, userWithRole } from '../support/http';
import { ServerProcess, buildServer, startServer } from '../support/processes';

/**
 * A worker process SIGKILLed in the middle of a nightly job: its statement is held on a row lock after it began
 * writing, the process is killed there, and a freshly started worker takes the job over once the dead one's lock
 * lapses (JOB_LOCK_SECONDS, 3 here). The end state must equal an uninterrupted run at the same `asOf`, with no tier
 * change, notification or outgoing message recorded twice.
 */
const AS_OF = '2026-06-30T18:00:00.000Z';
const EARLIER = '2026-03-02T18:00:00.000Z';
const LOCK_SECONDS = '3';
const ROW_LOCK = 'SELECT 1 FROM customers WHERE id = $1 FOR UPDATE';
/** churn-score writes its results to their own table, never to the customers row. */
const LIFECYCLE_ROW_LOCK = 'SELECT 1 FROM customer_lifecycle WHERE customer_id = $1 FOR UPDATE';

// Each test runs jobs in real worker processes: on a busy 2-core machine a job can take many times its usual time.
jest.setTimeout(240_000);

describe('a worker killed mid-job', () => {
  let t: TestApp;
  let build: ReturnType<typeof buildServer>;
  let worker: ServerProcess;
  let admin: string;
  let am: { id: string; token: string };
  const startWorker = () =>
    startServer(build.dir, 'worker', {
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: t.config.queuePrefix,
      JOB_LOCK_SECONDS: LOCK_SECONDS,
      DATABASE_POOL_SIZE: '4',
    });
  const runJob = (name: string, asOf: string) => runJobToEnd(t, admin, name, asOf, 90_000);
  const column = async (expr: string) => Object.fromEntries((await sql(t, `SELECT id, ${expr} AS v FROM customers ORDER BY id`)).map((r) => [r.id, r.v]));
  const prediction = () => column('(SELECT (l.p_alive, l.expected_trips_52w, l.next_trip_from, l.next_trip_to, l.next_trip_basis)::text FROM customer_lifecycle l WHERE l.customer_id = customers.id)');

  /**
   * Runs `job` at `asOf` while an open transaction holds `lock` (a row the run will write), so the run waits there
   * mid-way; kills the worker running it, starts another, ends the transaction, and returns the run once the new
   * worker completed it.
   */
  async function killMidway(job: string, asOf: string, lock: string, params: unknown[]) {
    const holder = t.app.get(DataSource).createQueryRunner();
    await holder.startTransaction();
    await holder.query(lock, params);
    const [{ pid }] = await holder.query('SELECT pg_backend_pid() AS pid');
    const started = await http(t, admin).post(`/api/v1/jobs/${job}/runs`, { asOf });
    await until(`${job} to block on the locked row`, async () => (await sql(t, `SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0);
    expect((await worker.signal('SIGKILL')).signal).toBe('SIGKILL');
    const killedAt = Date.now();
    expect((await http(t, admin).get(`/api/v1/jobs/runs/${started.body.id}`)).body.state).toBe('running');
    worker = await startWorker();
    await holder.rollbackTransaction();
    await holder.release();
    const run = await until(`${job} to be finished by the new worker`, async () => {
      const r = (await http(t, admin).get(`/api/v1/jobs/runs/${started.body.id}`)).body;
      return r.state === 'completed' || r.state === 'failed' ? r : null;
    }, 40_000);
    expect(run.state).toBe('completed');
    const [{ attempts }] = await sql(t, 'SELECT attempts FROM job_runs WHERE id = $1', [run.id]);
    return { run, attempts, takeoverMs: Date.now() - killedAt };
  }

  beforeAll(async () => {
    build = buildServer();
    t = await startTestApp({ redis: true });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'am');
    worker = await startWorker();
    // The worker's start runs every scheduled job it owes; let those finish on the empty database first.
    await catchUpRunsEnded(t, 30_000);
    // 300 customers, bookings spread over three years with cancellations and late payers.
    await sql(t, `SELECT setseed(0.42)`);
    await sql(t, `INSERT INTO customers (type, name, owner_id, created_at) SELECT 'individual', '旅客' || g, $1, $2::timestamptz - make_interval(days => 30 + (g * 7919) % 900) FROM generate_series(1, 300) g`, [am.id, AS_OF]);
    await sql(
      t,
      `WITH b AS (
         SELECT c.id, k, $1::timestamptz - make_interval(days => floor(random() * 1000)::int) AS at, random() AS r1, random() AS r2, random() AS r3
         FROM customers c, generate_series(1, 1 + abs(hashtext(c.name)) % 8) k WHERE abs(hashtext(c.name)) % 7 <> 0)
       INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency, payment_due_at, paid_at)
       SELECT 'erp', 'K' || id || '-' || k, id, (ARRAY['completed','completed','confirmed','cancelled'])[1 + floor(r1 * 4)::int], at,
              (100 + floor(power(r2, 3) * 5000000))::bigint, 'CNY', at + interval '10 days',
              CASE WHEN r3 < 0.8 THEN at + make_interval(days => floor(r3 * 25)::int) END
       FROM b`,
      [AS_OF],
    );
  }, 90_000);
  afterAll(async () => {
    await worker?.signal('SIGKILL');
    await t?.close();
    build?.remove();
  });

  it('retier: the next worker finishes it; tiers equal an uninterrupted run; each change and notification once', async () => {
    expect((await runJob('retier', AS_OF)).state).toBe('completed');
    const uninterrupted = await column(`concat_ws('|', tier, quadrant, tier_flags::text)`);
    expect((await runJob('retier', EARLIER)).state).toBe('completed');
    const before = await column(`concat_ws('|', tier, quadrant, tier_flags::text)`);
    const moving = Object.keys(before).filter((id) => before[id] !== uninterrupted[id]);
    expect(moving.length).toBeGreaterThan(10);
    const [changes, events] = [await rowCount(t, 'customer_tier_changes'), await rowCount(t, 'outbox_events')];

    const { run, attempts, takeoverMs } = await killMidway('retier', AS_OF, ROW_LOCK, [moving[moving.length >> 1]]);
    console.log(`retier: killed mid-statement; a new worker completed it ${takeoverMs} ms after the kill (attempt ${attempts})`);
    expect(attempts).toBe(2);
    expect(await column(`concat_ws('|', tier, quadrant, tier_flags::text)`)).toEqual(uninterrupted);
    expect(run.result.changed).toBe(moving.length);
    expect(await rowCount(t, 'customer_tier_changes')).toBe(changes + moving.length);
    expect(await rowCount(t, 'outbox_events')).toBe(events + moving.length);

    // However often the outbox is relayed, the owner hears of each change once.
    await runJob('outbox-relay', AS_OF);
    await runJob('outbox-relay', AS_OF);
    const [{ n }] = await sql(t, `SELECT count(*)::int AS n FROM notifications WHERE kind = 'tier.changed'`);
    expect(n).toBe(await rowCount(t, 'customer_tier_changes'));
  });

  it('churn-score: the next worker finishes it; predictions and the fit equal an uninterrupted run', async () => {
    const fit = `SELECT r, alpha, a, b, customers FROM lifecycle_model_fits WHERE as_of = $1`;
    expect((await runJob('churn-score', AS_OF)).state).toBe('completed');
    const uninterrupted = await prediction();
    const uninterruptedFit = await sql(t, fit, [AS_OF]);
    expect((await runJob('churn-score', EARLIER)).state).toBe('completed');
    const before = await prediction();
    const moving = Object.keys(before).filter((id) => before[id] !== uninterrupted[id]);
    expect(moving.length).toBeGreaterThan(10);

    const { run, attempts, takeoverMs } = await killMidway('churn-score', AS_OF, LIFECYCLE_ROW_LOCK, [moving[moving.length >> 1]]);
    console.log(`churn-score: killed mid-statement; a new worker completed it ${takeoverMs} ms after the kill (attempt ${attempts})`);
    expect(attempts).toBe(2);
    expect(run.result.changed).toBe(moving.length);
    expect(await prediction()).toEqual(uninterrupted);
    expect(await sql(t, fit, [AS_OF])).toEqual(uninterruptedFit);
  });
  it('reactivate-sleeping: the next worker finishes it; each sleeper picked once, each message written once', async () => {
    // 1,200 sleepers reachable by SMS (two pages of the job), whose last trip ended 19 months before AS_OF.
    await sql(t, `INSERT INTO customers (type, name, owner_id, phone, consent_sms, created_at) SELECT 'individual', '沉睡' || g, $1, '+86139' || lpad(g::text, 8, '0'), true, $2::timestamptz - interval '3 years' FROM generate_series(1, 1200) g`, [am.id, AS_OF]);
    await sql(
      t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, amount_value, amount_currency, destination, category, departure_date, return_date)
       SELECT 'erp', 'Z-' || c.id, c.id, 'completed', $1::timestamptz - interval '20 months', 500000, 'CNY', (ARRAY['清迈', '三亚', '京都'])[1 + abs(hashtext(c.name)) % 3], 'family',
              ($1::timestamptz - interval '19 months')::date, ($1::timestamptz - interval '19 months')::date + 5
       FROM customers c WHERE c.name LIKE '沉睡%'`,
      [AS_OF],
    );
    const created = await http(t, admin).post('/api/v1/campaigns', { name: '故障唤醒', discountPercent: 10, holdoutPercent: 20, channels: ['sms'], quietStart: null, quietEnd: null });
    expect(created.status).toBe(201);
    const campaign = created.body.id;
    const picks = () =>
      sql(t, `SELECT r.customer_id, r."group", r.channel, r.language, r.offer_destination, m.recipient, m.subject, m.body
              FROM campaign_recipients r LEFT JOIN outgoing_messages m ON m.id = r.outgoing_message_id WHERE r.campaign_id = $1 ORDER BY r.customer_id`, [campaign]);
    expect((await runJob('reactivate-sleeping', AS_OF)).state).toBe('completed');
    const uninterrupted = await picks();
    expect(uninterrupted).toHaveLength(1200);
    // Back to before the run, then the same run again, killed while its second page waits on a pick held open by the test.
    await sql(t, `WITH r AS (DELETE FROM campaign_recipients WHERE campaign_id = $1 RETURNING outgoing_message_id) DELETE FROM outgoing_messages WHERE id IN (SELECT outgoing_message_id FROM r)`, [campaign]);
    const messages = await rowCount(t, 'outgoing_messages');
    const [{ id: onPage2 }] = await sql(t, `SELECT id FROM customers WHERE name LIKE '沉睡%' ORDER BY id OFFSET 1100 LIMIT 1`);
    const { attempts, takeoverMs } = await killMidway(
      'reactivate-sleeping',
      AS_OF,
      `INSERT INTO campaign_recipients (campaign_id, customer_id, "group", channel, language, due_at, picked_at) VALUES ($1, $2, 'control', 'sms', 'zh-CN', now(), now())`,
      [campaign, onPage2],
    );
    console.log(`reactivate-sleeping: killed on its second page; a new worker completed it ${takeoverMs} ms after the kill (attempt ${attempts})`);
    expect(attempts).toBe(2);
    expect(await picks()).toEqual(uninterrupted);
    expect(await rowCount(t, 'outgoing_messages')).toBe(messages + uninterrupted.filter((p) => p.group === 'treated').length);
  });
});
