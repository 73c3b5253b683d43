import { INestApplicationContext } from '@nestjs/common';
import { wallOf } from '@crm/platform';
import { startTestApp, startWorker, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, until, userWithRole } from '../../../../test/support/http';
import { expectedPurchases, fitBgNbd, pAlive } from '../bg-nbd';
import { Trip, modelTripWindow, nextTripWindow } from '../next-trip';
import { groupHistories, purchaseHistory } from '../purchase-history';

/**
 * The nightly churn-score through BullMQ on real Redis and a separate worker, checked against the pure
 * functions on the same data: the SQL must build the same (x, tₓ, T) and next-trip windows as the
 * TypeScript, and the stored predictions must be the model's.
 */
const AS_OF = '2026-06-30T18:00:00.000Z'; // 2026-07-01 02:00 in Shanghai
const TZ = 'Asia/Shanghai';
const day = (d: Date) => {
  const w = wallOf(d, TZ);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

describe('churn-score job', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let am: { id: string; token: string };
  const named: Record<string, string> = {};

  const runJob = async (asOf = AS_OF) => {
    const started = await http(t, admin).post('/api/v1/jobs/churn-score/runs', { asOf });
    expect(started.status).toBe(202);
    return until('churn-score to finish', async () => {
      const run = (await http(t, admin).get(`/api/v1/jobs/runs/${started.body.id}`)).body;
      return run.state === 'completed' || run.state === 'failed' ? run : null;
    }, 60_000);
  };
  /** The stored predictions of the customers `where` picks, by id, as the API shows them. */
  const predictions = async (where = 'c.deleted_at IS NULL', params: unknown[] = []) =>
    Object.fromEntries(
      (
        await sql(
          t,
          `SELECT c.id, l.p_alive, l.expected_trips_52w, l.next_trip_from::text, l.next_trip_to::text, l.next_trip_basis
           FROM customers c LEFT JOIN customer_lifecycle l ON l.customer_id = c.id WHERE ${where}`,
          params,
        )
      ).map((r) => [
        r.id,
        r.p_alive === null ? null : {
          pAlive: r.p_alive,
          expectedTrips52w: r.expected_trips_52w,
          nextTripWindow: r.next_trip_basis === null ? null : { from: r.next_trip_from, to: r.next_trip_to, basis: r.next_trip_basis },
        },
      ]),
    );

  /** What the pure functions say, from the same rows: sales bookings known at AS_OF, live customers. */
  const expected = async (params?: { r: number; alpha: number; a: number; b: number }, asOf = AS_OF) => {
    const asOfDay = day(new Date(asOf));
    const rows = await sql(
      t,
      `SELECT b.customer_id, b.booked_at, b.departure_date::text AS departure, b.return_date::text AS "return"
       FROM bookings b JOIN customers c ON c.id = b.customer_id
       WHERE c.deleted_at IS NULL AND b.status IN ('confirmed', 'completed') AND b.booked_at <= $1`,
      [asOf],
    );
    const byCustomer = new Map<string, { days: string[]; trips: Trip[] }>();
    for (const r of rows) {
      const c = byCustomer.get(r.customer_id) ?? byCustomer.set(r.customer_id, { days: [], trips: [] }).get(r.customer_id)!;
      c.days.push(day(new Date(r.booked_at)));
      if (r.departure) c.trips.push({ departure: r.departure, return: r.return });
    }
    const histories = new Map([...byCustomer].map(([id, c]) => [id, purchaseHistory(c.days, asOfDay)!]));
    const fit = fitBgNbd(groupHistories(histories.values()));
    const p = params ?? fit.params;
    const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
    const want = Object.fromEntries(
      [...histories].map(([id, h]) => [
        id,
        {
          pAlive: round(pAlive(p, h), 3),
          expectedTrips52w: round(expectedPurchases(p, h, 52), 2),
          nextTripWindow: nextTripWindow(asOfDay, byCustomer.get(id)!.trips, modelTripWindow(p, h, 52)),
        },
      ]),
    );
    return { fit, want };
  };

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await login(t);
    am = await userWithRole(t, admin, 'account_manager', 'am');
    worker = await startWorker(t);
    // 300 customers with a deterministic spread of bookings over three years — sales, cancellations and
    // inquiries, several on one day, some after asOf — with departures a few weeks after booking.
    await sql(t, `SELECT setseed(0.42)`);
    await sql(
      t,
      `INSERT INTO customers (type, name, owner_id, created_at)
       SELECT 'individual', '客户' || g, $1, $2::timestamptz - interval '1100 days' FROM generate_series(1, 300) g`,
      [am.id, AS_OF],
    );
    await sql(
      t,
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM customers),
            b AS (SELECT c.id, c.n, k, random() AS r1, random() AS r2, random() AS r3
                  FROM c, generate_series(1, 1 + (c.n * 37 % 9)::int) k WHERE c.n % 10 <> 0)
       INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, amount_value, amount_currency)
       SELECT 'erp', 'T' || n || '-' || k, id,
         (ARRAY['completed','completed','confirmed','cancelled','inquiry'])[1 + floor(r1 * 5)::int],
         -- customers buy at their own pace (n % 7) and some stop early (n % 3 = 0): drop-out for the model to find
         $1::timestamptz - make_interval(days => floor(r2 * (CASE WHEN n % 3 = 0 THEN 300 ELSE 1050 END) + (CASE WHEN n % 3 = 0 THEN 700 ELSE 0 END))::int - 20, hours => floor(r3 * 24)::int),
         ($1::timestamptz - make_interval(days => floor(r2 * 1000)::int - 20))::date + 30 + (n % 40)::int,
         ($1::timestamptz - make_interval(days => floor(r2 * 1000)::int - 20))::date + 37 + (n % 40)::int,
         10000, 'CNY'
       FROM b`,
      [AS_OF],
    );
    const customer = async (name: string, bookings: [string, string | null, string][]) => {
      const [{ id }] = await sql(t, `INSERT INTO customers (type, name, owner_id) VALUES ('individual', $1, $2) RETURNING id`, [name, am.id]);
      named[name] = id;
      for (const [i, [bookedAt, departure, status]] of bookings.entries()) {
        await sql(
          t,
          `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, amount_value, amount_currency)
           VALUES ('erp', $1, $2, $3, $4, $5, $5::date + 6, 50000, 'CNY')`,
          [`${name}-${i}`, id, status, bookedAt, departure],
        );
      }
    };
    // Yunnan every November.
    await customer('每年十一月', [['2024-09-01T02:00:00Z', '2024-11-10', 'completed'], ['2025-09-03T02:00:00Z', '2025-11-08', 'completed'], ['2026-03-01T02:00:00Z', '2026-04-02', 'completed']]);
    // A trip already booked for August, and also a November habit: the booking wins.
    await customer('已订八月', [['2024-09-01T02:00:00Z', '2024-11-10', 'completed'], ['2025-09-03T02:00:00Z', '2025-11-08', 'completed'], ['2026-06-20T02:00:00Z', '2026-08-10', 'confirmed']]);
    // Two sales on one Shanghai day (00:30 and 23:30 local): one purchase.
    await customer('同日两单', [['2026-05-31T16:30:00Z', '2026-07-20', 'completed'], ['2026-06-01T15:30:00Z', '2026-07-22', 'completed']]);
    // Only inquiries and a cancellation: no sale, no prediction.
    await customer('只询价', [['2026-05-01T02:00:00Z', '2026-07-01', 'inquiry'], ['2026-05-02T02:00:00Z', '2026-07-01', 'cancelled']]);
    // A sale after asOf does not exist yet for the run.
    await customer('未来才买', [['2026-07-05T02:00:00Z', '2026-08-01', 'completed']]);
    // A deleted customer is not scored.
    await customer('已删除', [['2025-05-01T02:00:00Z', '2025-06-01', 'completed']]);
    await sql(t, `UPDATE customers SET deleted_at = $2 WHERE id = $1`, [named['已删除'], AS_OF]);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('has no model before its first run', async () => {
    const res = await http(t, admin).get('/api/v1/lifecycle/model');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('fits the model the pure functions fit, and stores every customer’s prediction as they compute it', async () => {
    const run = await runJob();
    expect(run).toMatchObject({ state: 'completed', progress: 100 });
    const { fit, want } = await expected();
    expect(run.result.customers).toBe(Object.keys(want).length);
    expect(run.result.customers).toBe(fit.customers);

    const model = (await http(t, admin).get('/api/v1/lifecycle/model')).body;
    expect(model).toMatchObject({ customers: fit.customers, timeUnit: 'week', asOf: AS_OF, fittedAt: expect.any(String) });
    // The same histories, so the same maximum of the likelihood. These data show no spread in drop-out (a and b
    // run towards the bound), so the likelihood is flat along a ridge and the parameters agree less closely.
    expect(Math.abs(model.logLikelihood / fit.logLikelihood - 1)).toBeLessThan(1e-9);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(model[k] / fit.params[k] - 1)).toBeLessThan(1e-3);

    // Every prediction, to the last rounded digit, with the stored parameters.
    const stored = await predictions();
    const { want: exact } = await expected(model);
    for (const id of Object.keys(stored)) expect([id, stored[id]]).toEqual([id, exact[id] ?? null]);
    expect(run.result.changed).toBe(Object.keys(exact).length);
    const bases = new Set(Object.values(exact).map((p) => p.nextTripWindow?.basis ?? null));
    expect(bases).toEqual(new Set(['booked', 'seasonal', 'model', null]));
  });

  it('the named customers: the November habit, the booked trip, one purchase a day, no sale, later sales, deleted', async () => {
    const stored = await predictions();
    expect(stored[named['每年十一月']].nextTripWindow).toEqual({ from: '2026-11-01', to: '2026-11-30', basis: 'seasonal' });
    expect(stored[named['已订八月']].nextTripWindow).toEqual({ from: '2026-08-10', to: '2026-08-16', basis: 'booked' });
    expect(stored[named['同日两单']].pAlive).toBe(1); // one purchase day: x = 0, and P(alive) is 1 at x = 0
    expect(stored[named['只询价']]).toBeNull();
    expect(stored[named['未来才买']]).toBeNull();
    expect(await predictions('c.id = $1', [named['已删除']])).toEqual({ [named['已删除']]: null });
  });

  it('the owner reads it in the customer response', async () => {
    const res = await http(t, am.token).get(`/api/v1/customers/${named['每年十一月']}`);
    expect(res.status).toBe(200);
    expect(res.body.prediction).toEqual({
      pAlive: expect.any(Number),
      expectedTrips52w: expect.any(Number),
      nextTripWindow: { from: '2026-11-01', to: '2026-11-30', basis: 'seasonal' },
    });
    expect((await http(t, am.token).get(`/api/v1/customers/${named['只询价']}`)).body.prediction).toBeNull();
  });

  it('a second run with the same asOf changes nothing and keeps one fit', async () => {
    const before = await predictions();
    const run = await runJob();
    expect(run.state).toBe('completed');
    expect(run.result.changed).toBe(0);
    expect(await predictions()).toEqual(before);
    expect(await sql(t, 'SELECT as_of FROM lifecycle_model_fits')).toHaveLength(1);
  });

  it('a later asOf refits, becomes the current model, and the predictions follow it', async () => {
    const later = '2026-09-30T18:00:00.000Z'; // 2026-10-01 in Shanghai
    const run = await runJob(later);
    expect(run.state).toBe('completed');
    expect(run.result.changed).toBeGreaterThan(0);
    const model = (await http(t, admin).get('/api/v1/lifecycle/model')).body;
    expect(model.asOf).toBe(later);
    expect(await sql(t, 'SELECT as_of FROM lifecycle_model_fits')).toHaveLength(2);
    const stored = await predictions();
    const { want } = await expected(model, later);
    for (const id of Object.keys(stored)) expect([id, stored[id]]).toEqual([id, want[id] ?? null]);
    expect(stored[named['未来才买']]).not.toBeNull(); // its sale of 2026-07-05 exists now
    expect(stored[named['每年十一月']].nextTripWindow).toEqual({ from: '2026-11-01', to: '2026-11-30', basis: 'seasonal' });
  });
});
