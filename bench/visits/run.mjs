// Visit-schedule benchmark (issue 6): materialising the next 8 weeks of visits for N plans (default 50,000), on a
// scratch database made and dropped here. Plans are a realistic mix (60 % weekly, 15 % every 2–4 weeks, 15 % monthly
// on the nth weekday, 10 % monthly on a day) for as many customers. Measured:
//   expand  the pure expansion alone (visit-schedule.ts over every plan, no database): the floor of the JS side;
//   cold    the job on an empty visits table (every visit inserted, as on the first night);
//   rerun   the job again at the same moment (every plan already scheduled through the window: nothing to do);
//   next    the next night (each plan expanded by one day: the usual night).
// usage: node bench/visits/run.mjs [plans]   (TEST_DATABASE_URL's server, default local postgres)
import { createRequire } from 'node:module';
import { buildServer } from '../support.mjs';

const require = createRequire(import.meta.url);
const plans = Number(process.argv[2] ?? 50_000);

buildServer();
const { createApp } = require('../../dist/server/apps/api/src/create-app.js');
const { parseConfig, createScratchDatabase } = require('../../dist/server/libs/platform/src');
const { GENERATE_CUSTOMERS_SQL } = require('../../dist/server/libs/customers/src');
const { occurrences, scheduleWindow } = require('../../dist/server/libs/visits/src');
const { VisitPlansService } = require('../../dist/server/libs/visits/src/visit-plans.service.js');
const { DataSource } = require('typeorm');

const db = await createScratchDatabase('crm_bench_visits');
// A Redis URL keeps this process from running jobs itself; nothing is queued.
const config = { ...parseConfig({ ADMIN_DIST_DIR: '', ADMIN_PASSWORD: 'admin12345', DEMO_DATA: 'false', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'bench_visits' }), databaseUrl: db.url };
const app = await createApp(config);
try {
  const ds = app.get(DataSource);
  const [{ id: owner }] = await ds.query(`SELECT id FROM users LIMIT 1`);
  await ds.query(GENERATE_CUSTOMERS_SQL, [plans, [owner], 0.42, 0, false]);
  await ds.query(
    `INSERT INTO visit_plans (customer_id, manager_id, kind, recurrence, interval_weeks, weekday, nth, month_day, time, duration_minutes, place, route_order, start_date)
     SELECT id, $1, CASE WHEN r1 < 0.7 THEN 'in_person' ELSE 'phone' END,
       CASE WHEN r2 < 0.6 THEN 'weekly' WHEN r2 < 0.75 THEN 'every_n_weeks' WHEN r2 < 0.9 THEN 'monthly_nth_weekday' ELSE 'monthly_day' END,
       CASE WHEN r2 >= 0.6 AND r2 < 0.75 THEN 2 + floor(r3 * 3)::int END,
       CASE WHEN r2 < 0.9 THEN 1 + floor(r4 * 5)::int END,
       CASE WHEN r2 >= 0.75 AND r2 < 0.9 THEN (ARRAY[1, 2, 3, 4, -1])[1 + floor(r3 * 5)::int] END,
       CASE WHEN r2 >= 0.9 THEN 1 + floor(r3 * 31)::int END,
       lpad((9 + floor(r5 * 8))::int::text, 2, '0') || ':' || (ARRAY['00', '30'])[1 + floor(r1 * 2)::int], 60, '客户办公室', 1 + floor(r4 * 6)::int,
       current_date - floor(r3 * 400)::int
     FROM (SELECT id, random() r1, random() r2, random() r3, random() r4, random() r5 FROM customers) c`,
    [owner],
  );
  const service = app.get(VisitPlansService);
  const asOf = new Date();
  const seconds = async (work) => {
    const t0 = process.hrtime.bigint();
    const result = await work();
    return { s: Number(process.hrtime.bigint() - t0) / 1e9, result };
  };
  const all = await ds.query(`SELECT recurrence, interval_weeks AS "intervalWeeks", weekday, nth, month_day AS "monthDay", time, duration_minutes AS "durationMinutes", start_date::text AS "startDate", end_date::text AS "endDate" FROM visit_plans`);
  const { from, to } = scheduleWindow(asOf, 8, config.timeZone);
  const expand = await seconds(async () => all.reduce((n, p) => n + occurrences(p, from, to, config.timeZone).length, 0));
  const cold = await seconds(() => service.schedule(asOf));
  const rerun = await seconds(() => service.schedule(asOf));
  const next = await seconds(() => service.schedule(new Date(asOf.getTime() + 86_400_000)));
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM visits`);
  console.log(`${plans.toLocaleString('en')} plans, window ${from} … ${to}, ${n.toLocaleString('en')} visits\n`);
  console.log('| run | seconds | visits inserted | visits per second |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| expand only (pure, no database) | ${expand.s.toFixed(2)} | (${expand.result.toLocaleString('en')} made) | ${Math.round(expand.result / expand.s).toLocaleString('en')} |`);
  console.log(`| visit-schedule, cold (empty table) | ${cold.s.toFixed(2)} | ${cold.result.inserted.toLocaleString('en')} | ${Math.round(cold.result.inserted / cold.s).toLocaleString('en')} |`);
  console.log(`| visit-schedule, rerun (same moment) | ${rerun.s.toFixed(2)} | ${rerun.result.inserted} | — |`);
  console.log(`| visit-schedule, next night (one more day) | ${next.s.toFixed(2)} | ${next.result.inserted.toLocaleString('en')} | ${Math.round(next.result.inserted / next.s).toLocaleString('en')} |`);
} finally {
  await app.close();
  await db.drop();
}
