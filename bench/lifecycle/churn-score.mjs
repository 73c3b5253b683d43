// churn-score benchmark (issue 7) on the database made by bench/bookings/generate.mjs (the app migrates it first):
//   floor  one bare SQL statement computing every customer's (x, tₓ, T) from their sales, as the job's first step does;
//   cold   the whole job: every live customer's facts (one pass over the bookings), the BG/NBD fit and its figures
//          per group, then every customer's prediction, health score and stage through the pure functions, in
//          batches, written with their history; every value written as on the first night;
//   warm   the same again with the same asOf: nothing changes, nothing is written;
//   next   asOf one day later: every customer's T moves, so most predictions and scores move and are written.
// Prints Markdown with the time of each phase (from the job's progress calls); the figures go in docs/benchmarks.md.
// usage: node bench/lifecycle/churn-score.mjs   (BENCH_DATABASE_URL, default crm_bench_bookings)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { buildServer } from '../support.mjs';

const require = createRequire(import.meta.url);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_bookings';

buildServer();
const { createApp } = require('../../dist/server/apps/api/src/create-app.js');
const { parseConfig } = require('../../dist/server/libs/platform/src');
const { LifecycleService } = require('../../dist/server/libs/lifecycle/src');
const { DataSource } = require('typeorm');

// A Redis URL keeps this process from running jobs itself (only workers do); nothing is queued.
const config = { ...parseConfig({ ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'bench_churn' }), databaseUrl: url };
const app = await createApp(config);
const ds = app.get(DataSource);
const lifecycle = app.get(LifecycleService);
const [{ asOf }] = await ds.query(`SELECT max(booked_at) AS "asOf" FROM bookings`);
const now = () => Number(process.hrtime.bigint()) / 1e9;

const [size] = await ds.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM bookings)::int AS bookings`);
console.log(`database: ${size.customers.toLocaleString('en')} customers, ${size.bookings.toLocaleString('en')} bookings; asOf ${asOf.toISOString()}\n`);

// The job's history step without its temporary table: (x, tₓ, T) in days per live customer, counted.
const FLOOR = `
SELECT count(*) AS customers, sum(p.x) AS repeats FROM (
  SELECT b.customer_id, count(DISTINCT (b.booked_at AT TIME ZONE $2)::date) - 1 AS x,
    max((b.booked_at AT TIME ZONE $2)::date) - min((b.booked_at AT TIME ZONE $2)::date) AS tx_days,
    ($1::timestamptz AT TIME ZONE $2)::date - min((b.booked_at AT TIME ZONE $2)::date) AS t_days
  FROM bookings b WHERE b.status IN ('confirmed', 'completed') AND b.booked_at <= $1
  GROUP BY b.customer_id
) p JOIN customers c ON c.id = p.customer_id WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL`;
// With the job's own work_mem, so both sort in memory.
const t0 = now();
await ds.transaction(async (m) => (await m.query(`SET LOCAL work_mem = '256MB'`), m.query(FLOOR, [asOf, config.timeZone])));
const floor = now() - t0;
const floorLoad = loadavg()[0];

/**
 * The job, timed per phase: the progress calls mark the facts (30), fit and predict (60), score and store (100).
 * Each run starts from a settled database, as a real night does a day after the last: the previous run's rows
 * vacuumed (autovacuum's work; HOT updates reuse their space) and flushed (a checkpoint), outside the timing.
 */
async function run(asOf) {
  await ds.query(`VACUUM ANALYZE customer_lifecycle`);
  await ds.query(`CHECKPOINT`);
  const marks = [];
  const start = now();
  let last = start;
  const result = await lifecycle.churnScore(asOf, async (percent) => {
    const t = now();
    marks.push({ percent, s: t - last });
    last = t;
  });
  // The machine is shared: the 1-minute load average as the run ends goes with its figure.
  return { s: now() - start, marks: Object.fromEntries(marks.map((m) => [m.percent, m.s])), result, load: loadavg()[0] };
}

// Cold: as on the first night, every prediction, score and stage is new.
await ds.query(`TRUNCATE customer_lifecycle`);
await ds.query(`TRUNCATE lifecycle_stage_changes, customer_health_scores`);
await ds.query(`DELETE FROM lifecycle_model_fits`);
await ds.query(`VACUUM ANALYZE customers`);
const cold = await run(asOf);
const warm = await run(asOf);
const next = await run(new Date(asOf.getTime() + 86_400_000));

const f = (s) => s.toFixed(2);
console.log('| run | seconds | ratio to floor | facts (one pass) | fit + predict | score + store | predictions changed | health/stage changed | stage moves | load |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| floor (bare SQL: x, tₓ, T per customer) | ${f(floor)} | 1.00 | | | | | | | ${floorLoad.toFixed(1)} |`);
const runs = [
  ['churn-score, cold (everything written)', cold],
  ['churn-score, warm (same asOf: nothing to write)', warm],
  ['churn-score, next day (asOf + 1 day)', next],
];
for (const [name, r] of runs) {
  const m = r.marks;
  console.log(
    `| ${name} | ${f(r.s)} | ${(r.s / floor).toFixed(2)} | ${f(m[30])} | ${f(m[60])} | ${f(m[100])} | ${r.result.changed} | ${r.result.stages.changed} | ${r.result.stages.stageChanges} | ${r.load.toFixed(1)} |`,
  );
}
const { fit, customers, groups } = cold.result;
console.log(`\n${customers.toLocaleString('en')} customers with a sale, ${groups.toLocaleString('en')} distinct (x, tₓ, T); fit r = ${fit.r.toFixed(3)}, α = ${fit.alpha.toFixed(2)}, a = ${fit.a.toFixed(3)}, b = ${fit.b.toFixed(3)}`);
const funnel = await ds.query(`SELECT l.stage, count(*)::int AS n FROM customers c LEFT JOIN customer_lifecycle l ON l.customer_id = c.id GROUP BY 1 ORDER BY 2 DESC`);
console.log(`stages: ${funnel.map((r) => `${r.stage ?? 'none'} ${r.n.toLocaleString('en')}`).join(', ')}`);
await app.close();
