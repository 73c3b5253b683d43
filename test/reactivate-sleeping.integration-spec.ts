import { INestApplicationContext } from '@nestjs/common';
import { startTestApp, startWorker, TestApp } from './support/test-app';
import { http, login, sql, until, userWithRole } from './support/http';

/**
 * reactivate-sleeping on real Redis with two workers running it at the same moment: however the runs overlap,
 * every sleeping customer is picked once per campaign and every treated one gets exactly one message.
 */
const AS_OF = '2026-11-20T02:00:00.000Z';
const CUSTOMERS = 2500; // several pages of the job, so the two runs overlap for a while

describe('reactivate-sleeping on two workers', () => {
  let t: TestApp;
  const workers: INestApplicationContext[] = [];
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
    // Starting workers runs the missed daily run (at the wall clock, with no campaign yet): let it finish first.
    workers.push(await startWorker(t), await startWorker(t));
    await until('the catch-up run', async () => (await sql(t, `SELECT 1 FROM job_runs WHERE name = 'reactivate-sleeping' AND state = 'completed'`)).length > 0, 30_000);
    const owner = (await userWithRole(t, admin, 'account_manager')).id;
    await sql(t,
      `INSERT INTO customers (type, name, owner_id, phone, consent_sms, created_at)
       SELECT 'individual', '沉睡客户' || n, $1, '+86139' || lpad(n::text, 8, '0'), true, '2024-01-01' FROM generate_series(1, $2) n`,
      [owner, CUSTOMERS]);
    await sql(t,
      `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
       SELECT 'erp', 'S-' || c.id, c.id, 'completed', '2024-09-01T10:00:00+08:00', '2024-10-01', '2024-10-06', '丽江', 'independent', 300000, 'CNY' FROM customers c`);
    const res = await http(t, admin).post('/api/v1/campaigns', { name: '双十一唤醒', discountPercent: 20, holdoutPercent: 20, channels: ['sms'] });
    expect(res.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) await w.close();
    await t?.close();
  });

  it('writes each message once when two runs go at once', async () => {
    const started = await Promise.all([1, 2].map(() => http(t, admin).post('/api/v1/jobs/reactivate-sleeping/runs', { asOf: AS_OF })));
    const runs = await Promise.all(started.map((s) =>
      until('both runs to finish', async () => {
        const run = (await http(t, admin).get(`/api/v1/jobs/runs/${s.body.id}`)).body;
        return run.state === 'completed' || run.state === 'failed' ? run : null;
      }, 60_000)));
    expect(runs.map((r) => r.state)).toEqual(['completed', 'completed']);
    const [{ treated, control, messages, distinct_customers }] = await sql(t,
      `SELECT count(*) FILTER (WHERE r."group" = 'treated')::int AS treated, count(*) FILTER (WHERE r."group" = 'control')::int AS control,
              (SELECT count(*) FROM outgoing_messages)::int AS messages, count(DISTINCT r.customer_id)::int AS distinct_customers
       FROM campaign_recipients r`);
    expect(distinct_customers).toBe(CUSTOMERS);
    expect(treated + control).toBe(CUSTOMERS);
    expect(messages).toBe(treated);
    expect(control / CUSTOMERS).toBeGreaterThan(0.15);
    expect(control / CUSTOMERS).toBeLessThan(0.25);
    // Between them the two runs reported each pick once.
    expect(runs[0].result.treated + runs[1].result.treated).toBe(treated);
    expect(runs[0].result.control + runs[1].result.control).toBe(control);
    const [{ recipients }] = await sql(t, `SELECT count(DISTINCT recipient)::int AS recipients FROM outgoing_messages`);
    expect(recipients).toBe(treated);
  }, 90_000);
});
