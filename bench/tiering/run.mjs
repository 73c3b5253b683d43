// Re-tiering benchmark (issue 4) on the database made by bench/bookings/generate.mjs:
//   retier  the job's one set-based statement over every customer: first as a cold run (every tier written, as on the
//           first night), then as a warm run (nothing changed: the usual night), next to
//   floor   one bare SQL statement computing the same sales per customer and their cumulative shares;
//   naive   an entity-by-entity implementation (load each customer's bookings, decide in JS with the same pure policy,
//           save each customer) on a sample of customers, extrapolated per customer, for the speed-up.
// usage: node bench/tiering/run.mjs [naive sample, default 10000]   (BENCH_DATABASE_URL, default crm_bench_bookings)
import { createRequire } from 'node:module';
import { buildServer } from '../support.mjs';

const require = createRequire(import.meta.url);
const sample = Number(process.argv[2] ?? 10_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_bookings';

buildServer();
const { createApp } = require('../../dist/server/apps/api/src/create-app.js');
const { parseConfig } = require('../../dist/server/libs/platform/src');
const { TieringService, DEFAULT_RULES, computeTiers, windowsFor } = require('../../dist/server/libs/tiering/src');
const { DataSource } = require('typeorm');

// A Redis URL keeps this process from running jobs itself (only workers do); nothing is queued.
const config = { ...parseConfig({ ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'bench_tiering' }), databaseUrl: url };
const app = await createApp(config);
const ds = app.get(DataSource);
const tiering = app.get(TieringService);
const asOf = new Date();
const w = windowsFor(DEFAULT_RULES, asOf, config.timeZone);
const seconds = async (work) => {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { s: Number(process.hrtime.bigint() - t0) / 1e9, result };
};

const [size] = await ds.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM bookings)::int AS bookings`);
console.log(`database: ${size.customers.toLocaleString('en')} customers, ${size.bookings.toLocaleString('en')} bookings; asOf ${asOf.toISOString()}\n`);

const FLOOR = `
SELECT count(*) AS customers, max(cumulative) AS top FROM (
  SELECT id, sum(sales) OVER (ORDER BY sales DESC, created_at, id ROWS UNBOUNDED PRECEDING) * 10000 / nullif(sum(sales) OVER (), 0) AS cumulative
  FROM (SELECT c.id, c.created_at, coalesce(sum(b.amount_value), 0) AS sales
        FROM customers c LEFT JOIN bookings b ON b.customer_id = c.id AND b.status IN ('confirmed', 'completed') AND b.booked_at > $1 AND b.booked_at <= $2
        WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL GROUP BY c.id) s
) t`;
// With the job's own work_mem, so both sort in memory.
const floor = await seconds(() => ds.transaction(async (m) => (await m.query(`SET LOCAL work_mem = '256MB'`), m.query(FLOOR, [w.salesFrom, asOf]))));
await ds.query(`UPDATE customers SET tier = NULL, quadrant = NULL, tier_flags = '{}'`);
const progress = async () => {};
const cold = await seconds(() => tiering.retier(asOf, progress));
const warm = await seconds(() => tiering.retier(asOf, progress));

// Entity by entity: what a first implementation with the ORM would do.
const customers = await ds.query(`SELECT id, created_at FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT $1`, [sample]);
const naive = await seconds(async () => {
  const bookings = [];
  for (const c of customers) {
    const rows = await ds.query(`SELECT customer_id, status, booked_at, amount_value, payment_due_at, paid_at FROM bookings WHERE customer_id = $1`, [c.id]);
    for (const b of rows) bookings.push({ customerId: b.customer_id, status: b.status, bookedAt: b.booked_at, amount: Number(b.amount_value), paymentDueAt: b.payment_due_at, paidAt: b.paid_at });
  }
  const results = computeTiers(customers.map((c) => ({ id: c.id, createdAt: c.created_at })), bookings, DEFAULT_RULES, w);
  for (const r of results) await ds.query(`UPDATE customers SET tier = $2, quadrant = $3, tier_flags = $4 WHERE id = $1`, [r.customerId, r.tier, r.quadrant, r.flags]);
  return results.length;
});
// Put the sample back as the set-based job decided (the naive one ranked only its sample).
await ds.query(`UPDATE customers SET tier = NULL, quadrant = NULL, tier_flags = '{}' WHERE id = ANY($1::uuid[])`, [customers.map((c) => c.id)]);
await tiering.retier(asOf, progress);

const perCustomer = (s, n) => (s / n) * 1e6;
console.log('| run | customers | seconds | µs per customer | ratio to floor | changed |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(`| floor (bare SQL: sales and cumulative shares) | ${size.customers} | ${floor.s.toFixed(2)} | ${perCustomer(floor.s, size.customers).toFixed(1)} | 1.00 | — |`);
console.log(`| retier, cold (every tier written) | ${size.customers} | ${cold.s.toFixed(2)} | ${perCustomer(cold.s, size.customers).toFixed(1)} | ${(cold.s / floor.s).toFixed(2)} | ${cold.result.changed} |`);
console.log(`| retier, warm (nothing to change) | ${size.customers} | ${warm.s.toFixed(2)} | ${perCustomer(warm.s, size.customers).toFixed(1)} | ${(warm.s / floor.s).toFixed(2)} | ${warm.result.changed} |`);
console.log(`| entity by entity (sample) | ${customers.length} | ${naive.s.toFixed(2)} | ${perCustomer(naive.s, customers.length).toFixed(1)} | — | ${naive.result} |`);
console.log(`\nspeed-up of the set-based run over entity by entity, per customer: ${(perCustomer(naive.s, customers.length) / perCustomer(warm.s, size.customers)).toFixed(0)}× (warm), ${(perCustomer(naive.s, customers.length) / perCustomer(cold.s, size.customers)).toFixed(0)}× (cold)`);
await app.close();
