// sla-watch benchmark (issue 5) on the database made by bench/complaints/generate.mjs, as of AS_OF:
//   first   the first pass over the open complaints: with them received over the last 80 hours and no pass before,
//           nearly every clock is due a warning, a breach and an escalation at once (the worst case: the worker was
//           down for days); every mark and one outbox event per recipient, in the job's one statement
//   quiet   the same moment again: nothing new to mark (what most runs of an idle minute look like)
//   minute  a minute later: only what crossed a threshold in that minute (the usual run)
// each through the application's ComplaintsService.watch, next to the floor: the same statement (WATCH_SQL) as bare
// SQL through `pg`. The marks and events are reset before each series; each series runs twice, alternating with the
// other, and the faster run of each pass is kept.
// usage: node bench/complaints/run.mjs   (BENCH_DATABASE_URL, default crm_bench_complaints)
import { createRequire } from 'node:module';
import pg from 'pg';
import { AS_OF, BENCH_URL } from './scenario.mjs';
import { buildServer } from '../support.mjs';

const require = createRequire(import.meta.url);
buildServer();
const { createApp } = require('../../dist/server/apps/api/src/create-app.js');
const { parseConfig } = require('../../dist/server/libs/platform/src');
const { ComplaintsService, WATCH_SQL } = require('../../dist/server/libs/complaints/src');

// A Redis URL keeps this process from running jobs itself (only workers do); nothing is queued.
const config = { ...parseConfig({ ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'bench_complaints' }), databaseUrl: BENCH_URL };
const app = await createApp(config);
const complaints = app.get(ComplaintsService);
const db = new pg.Client({ connectionString: BENCH_URL });
await db.connect();

const MINUTE_LATER = new Date(AS_OF.getTime() + 60_000);
const seconds = async (work) => {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { s: Number(process.hrtime.bigint() - t0) / 1e9, result };
};
/** As generated: no clock marked, no sla-watch event; vacuumed, so every pass starts from the same pages. */
const reset = async () => {
  await db.query(`UPDATE complaint_sla_clocks SET warned_at = NULL, breached_at = NULL, escalated_at = NULL, state = 'running' WHERE warned_at IS NOT NULL OR breached_at IS NOT NULL OR escalated_at IS NOT NULL`);
  await db.query(`DELETE FROM outbox_events WHERE type = 'complaint.sla'`);
  await db.query('VACUUM ANALYZE complaint_sla_clocks, outbox_events');
};
/** Clocks marked per level, as the job counts them, from the statement's rows. */
const counted = (rows) => {
  const clocks = (level) => new Set(rows.filter((r) => r.level === level).map((r) => `${r.complaint_id}:${r.metric}`)).size;
  return { warnings: clocks('warning'), breaches: clocks('breach'), escalations: clocks('escalation'), events: rows.length };
};
const floorPass = async (asOf) => {
  const { s, result } = await seconds(() => db.query(WATCH_SQL, [asOf]));
  return { s, result: counted(result.rows) };
};
const appPass = async (asOf) => {
  const before = Number((await db.query(`SELECT count(*) FROM outbox_events WHERE type = 'complaint.sla'`)).rows[0].count);
  const { s, result } = await seconds(() => complaints.watch(asOf));
  const events = Number((await db.query(`SELECT count(*) FROM outbox_events WHERE type = 'complaint.sla'`)).rows[0].count) - before;
  return { s, result: { ...result, events } };
};

const [size] = (await db.query(
  `SELECT (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM complaint_sla_clocks)::int AS clocks,
          (SELECT count(*) FROM users WHERE active)::int AS users, pg_size_pretty(pg_total_relation_size('complaint_sla_clocks')) AS clock_size`,
)).rows;
console.log(`database: ${size.complaints.toLocaleString('en')} open complaints, ${size.clocks.toLocaleString('en')} clocks (${size.clock_size}), ${size.users} staff; asOf ${AS_OF.toISOString()}\n`);

// Each series twice, alternating, the faster of the two kept: neither side gets the colder cache.
const series = async (pass) => {
  await reset();
  return { first: await pass(AS_OF), quiet: await pass(AS_OF), minute: await pass(MINUTE_LATER) };
};
const faster = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k].s <= b[k].s ? a[k] : b[k]]));
const [floor1, job1] = [await series(floorPass), await series(appPass)];
const [floor2, job2] = [await series(floorPass), await series(appPass)];
const floor = faster(floor1, floor2);
const job = faster(job1, job2);

const LABELS = { first: 'first pass (everything due at once)', quiet: 'quiet pass (same moment again)', minute: 'a minute later' };
console.log('| pass | warnings | breaches | escalations | outbox events | sla-watch s | floor s (bare SQL) | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const k of Object.keys(LABELS)) {
  const j = job[k];
  const f = floor[k];
  const same = ['warnings', 'breaches', 'escalations', 'events'].every((x) => j.result[x] === f.result[x]);
  if (!same) console.warn(`! ${k}: the job and the floor marked differently`, j.result, f.result);
  console.log(`| ${LABELS[k]} | ${j.result.warnings} | ${j.result.breaches} | ${j.result.escalations} | ${j.result.events} | ${j.s.toFixed(2)} | ${f.s.toFixed(2)} | ${(j.s / f.s).toFixed(2)} |`);
}
await db.end();
await app.close();
