// Mixed load (issue 8) against the database made by bench/bookings/generate.mjs, loopback only, bounded in time:
// booking systems pushing batches and single PUTs, staff listing and searching customers, opening customer pages
// (customer + value + complaints, as the console does, at once) and stepping complaints along — all at once from
// closed-loop fetch clients (each sends its next request when the last is answered), while a worker runs the nightly
// jobs (retier, churn-score, visit-schedule, reactivate-sleeping). A worker owes every scheduled job its most recent
// missed fire when it starts; the jobs it owes run that way (as after any restart), the others are started through
// the jobs API. Prints per endpoint requests, throughput, p50/p95/p99 and statuses, the jobs' durations, and the
// machine's load average; writes the same as JSON.
// usage: node bench/load/run.mjs [seconds, default 180]
//   BENCH_DATABASE_URL (default crm_bench_bookings), LOAD_JOBS_AFTER (seconds into the load, default 15),
//   LOAD_MAX_SECONDS (the load goes on while a job runs, up to this; default 3 × seconds), LOAD_OUT (JSON path,
//   default tmp/bench-load.json). Writes to the database: new bookings, status changes, complaints and their steps.
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { buildServer } from '../support.mjs';

const require = createRequire(import.meta.url);
const seconds = Number(process.argv[2] ?? 180);
const jobsAfter = Number(process.env.LOAD_JOBS_AFTER ?? Math.min(15, seconds / 10));
const maxSeconds = Number(process.env.LOAD_MAX_SECONDS ?? seconds * 3);
const out = process.env.LOAD_OUT ?? 'tmp/bench-load.json';
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_bookings';
const NIGHTLY = ['retier', 'churn-score', 'visit-schedule', 'reactivate-sleeping'];
/** Concurrent clients per lane: 15 in all, on a 2-core machine. */
const CLIENTS = { batch: 2, put: 4, list: 1, search: 2, page: 3, complaint: 3 };
const BATCH = 500;
const COMPLAINTS = 60;
const port = 3392;
const base = `http://127.0.0.1:${port}/api/v1`;
const tag = Date.now().toString(36);
const prefix = `bench_load_${tag}`;

buildServer();
// The worker too (Nx-cached).
execFileSync('npx', ['nx', 'run', 'worker:build', '--output-style=static'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
const { JOBS, missedFire, parseConfig } = require('../../dist/server/libs/platform/src');
const { normalizePhone } = require('../../dist/server/libs/customers/src');
const { BOOKING_CATEGORIES } = require('../../dist/server/libs/bookings/src');
const timeZone = parseConfig({ ...process.env, DATABASE_URL: dbUrl }).timeZone;

pg.types.setTypeParser(1082, (v) => v);
const db = new pg.Pool({ connectionString: dbUrl, max: 2 });
const loadBefore = os.loadavg();
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const pct = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null);
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99), max: s.length ? s[s.length - 1] : null };
};

// ---------------------------------------------------------------------------------------------------------------------
// The workload, from a sample of the current data.
const t0prep = Date.now();
const { rows: [size] } = await db.query(`SELECT (SELECT count(*) FROM bookings)::int AS bookings, (SELECT count(*) FROM customers)::int AS customers`);
// About 8,000 customers, whatever the size of the database.
const samplePercent = Math.min(100, Math.max(0.1, (16_000 / Math.max(1, size.customers)) * 100));
const sample = (
  await db.query(
    `SELECT c.id, c.type, c.name, c.phone, c.email, c.birthday, c.organization, r.source, r.external_id AS ref
     FROM customers c TABLESAMPLE SYSTEM ($1)
     LEFT JOIN LATERAL (SELECT source, external_id FROM customer_external_refs r WHERE r.customer_id = c.id ORDER BY source LIMIT 1) r ON true
     WHERE c.merged_into_id IS NULL AND c.deleted_at IS NULL LIMIT 8000`,
    [samplePercent],
  )
).rows;
const withRef = sample.filter((c) => c.ref);
const terms = {
  name: sample.map((c) => c.name).filter((n) => n.length >= 3),
  phone4: sample.filter((c) => c.phone).map((c) => c.phone.slice(-4)),
};
if (!withRef.length) throw new Error('no customer with a booking-system reference: use a database made by bench/bookings/generate.mjs');
console.log(`database: ${size.customers.toLocaleString('en')} customers, ${size.bookings.toLocaleString('en')} bookings; sample ${sample.length} customers (${withRef.length} with a booking-system reference), ${Math.round((Date.now() - t0prep) / 1000)} s`);

const DESTINATIONS = ['三亚', '丽江', '成都', '西安', '东京', '大阪', '曼谷', '巴厘岛', '巴黎', '悉尼'];
const iso = (ms) => new Date(ms).toISOString();
const day = (ms) => iso(ms).slice(0, 10);
let bookingNo = 0;
/** A new booking of a known customer, as their booking system sends it (resolved by the system's reference). */
function newBooking() {
  const c = pick(withRef);
  const now = Date.now();
  const departure = now + (10 + Math.floor(Math.random() * 200)) * 86_400_000;
  const phone = c.phone && normalizePhone(c.phone) ? c.phone : null;
  return {
    source: c.source,
    externalId: `L${tag}-${++bookingNo}`,
    customer: { externalId: c.ref, type: c.type, name: c.name, phone, email: c.email, birthday: c.birthday, organization: c.organization },
    status: Math.random() < 0.3 ? 'inquiry' : 'confirmed',
    bookedAt: iso(now - Math.floor(Math.random() * 3_600_000)),
    departureDate: day(departure),
    returnDate: day(departure + 5 * 86_400_000),
    destination: pick(DESTINATIONS),
    product: '自由行5日',
    category: pick(BOOKING_CATEGORIES),
    travellers: 1 + Math.floor(Math.random() * 4),
    amount: { value: 200_000 + Math.floor(Math.random() * 3_000_000), currency: 'CNY' },
    paymentDueAt: iso(departure - 30 * 86_400_000),
    paidAt: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The API and the worker, on their own queue prefix.
const procEnv = {
  ...process.env, DATABASE_URL: dbUrl, HOST: '127.0.0.1', ADMIN_DIST_DIR: '', DEMO_DATA: 'false', LOG_LEVEL: 'warn',
  REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: prefix,
  // The load measures the service, not the per-key rate limiter.
  API_KEY_RATE_PER_SECOND: '100000', API_KEY_BURST: '1000000',
};
const children = [];
// Their logs (warnings and errors: a failed job attempt, a 5xx) go to tmp/bench-load-<name>.log.
mkdirSync('tmp', { recursive: true });
const start = (name, script, env) => {
  const child = spawn('node', [script], { env: { ...procEnv, ...env }, stdio: ['ignore', openSync(`tmp/bench-load-${name}.log`, 'w'), 'inherit'] });
  children.push(child);
  return child;
};
const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
process.on('exit', stopAll);
const apiStarted = new Date();
const api = start('api', 'dist/server/apps/api/src/main.js', { PORT: String(port), DATABASE_POOL_SIZE: '10' });
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {}
  if (i > 240 || api.exitCode !== null) throw new Error('API did not start');
  await new Promise((r) => setTimeout(r, 500));
}
const json = { 'content-type': 'application/json' };
const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@example.com', password: 'admin12345' }) })).json();
const staff = { authorization: `Bearer ${login.token}` };
const created = await fetch(`${base}/api-keys`, { method: 'POST', headers: { ...staff, ...json }, body: JSON.stringify({ name: `load ${tag}`, scopes: ['bookings:write'] }) });
if (created.status !== 201) throw new Error(`api key: ${created.status} ${await created.text()}`);
const key = { authorization: `Bearer ${(await created.json()).key}`, ...json };

// Complaints to step along, on sampled customers; each complaint client owns its share, so no two race on one.
const complaintIds = [];
for (let i = 0; i < COMPLAINTS; i++) {
  const res = await fetch(`${base}/complaints`, {
    method: 'POST',
    headers: { ...staff, ...json },
    body: JSON.stringify({ customerId: pick(sample).id, channel: 'phone', severity: i % 5 ? 'ordinary' : 'major', category: 'hotel', description: `负载测试投诉 ${tag}-${i}`, receivedAt: new Date().toISOString() }),
  });
  if (res.status !== 201) throw new Error(`complaint: ${res.status} ${await res.text()}`);
  complaintIds.push((await res.json()).id);
}

// ---------------------------------------------------------------------------------------------------------------------
// Measurement: per endpoint, every latency and status; anything but 2xx is an error (no request of the workload may
// rightly be refused; a batch's refused items are counted apart).
const stats = new Map();
const timeline = [];
const sentPuts = [];
async function call(endpoint, url, init = {}) {
  const s = performance.now();
  let status;
  let body;
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    body = await res.json().catch(() => null);
    status = res.status;
  } catch (e) {
    status = e.name === 'TimeoutError' ? 'timeout' : 'network';
  }
  const ms = performance.now() - s;
  // Per 30 s of the load, over all endpoints: when the errors and the slow answers came.
  const slot = (timeline[Math.floor((Date.now() - loadStart) / 30_000)] ??= { requests: 0, errors: 0, latencies: [] });
  slot.requests++;
  slot.latencies.push(ms);
  let st = stats.get(endpoint);
  if (!st) stats.set(endpoint, (st = { latencies: [], ok: 0, errors: 0, statuses: {}, samples: [] }));
  st.latencies.push(ms);
  st.statuses[status] = (st.statuses[status] ?? 0) + 1;
  if (typeof status === 'number' && status < 300) st.ok++;
  else {
    st.errors++;
    slot.errors++;
    if (st.samples.length < 3) st.samples.push(`${status} ${JSON.stringify(body)?.slice(0, 300)}`);
  }
  return { status, body };
}

const batchItems = { created: 0, updated: 0, refused: 0 };
const STEPS = { received: 'acknowledged', acknowledged: 'solution_proposed', solution_proposed: 'waiting_on_customer', waiting_on_customer: 'customer_replied' };
const lanes = {
  async batch() {
    const items = Array.from({ length: BATCH }, newBooking);
    const { status, body } = await call('POST /bookings/batch (500)', `${base}/bookings/batch`, { method: 'POST', headers: key, body: JSON.stringify({ items }) });
    if (status === 200) for (const r of body.results) batchItems[r.status === 201 ? 'created' : r.status === 200 ? 'updated' : 'refused']++;
  },
  async put() {
    // 70 %: a new booking; 30 %: a booking this run sent before, now paid or cancelled.
    let b;
    if (sentPuts.length > 50 && Math.random() < 0.3) {
      b = pick(sentPuts);
      b.status = b.status === 'inquiry' ? 'confirmed' : Math.random() < 0.8 ? 'confirmed' : 'cancelled';
      if (b.status === 'confirmed') b.paidAt = new Date().toISOString();
    } else sentPuts.push((b = newBooking()));
    const { source, externalId, ...body } = b;
    await call('PUT /bookings/{source}/{externalId}', `${base}/bookings/${source}/${encodeURIComponent(externalId)}`, { method: 'PUT', headers: key, body: JSON.stringify(body) });
  },
  async list() {
    const filter = pick(['', '&tier=A', '&sort=-value', '&lifecycleStage=at_risk']);
    await call('GET /customers (list)', `${base}/customers?limit=50${filter}`, { headers: staff });
  },
  async search() {
    const byPhone = Math.random() < 0.5;
    const q = byPhone ? pick(terms.phone4) : pick(terms.name);
    await call(byPhone ? 'GET /customers?q= (phone ending, 4 digits)' : 'GET /customers?q= (name)', `${base}/customers?limit=50&q=${encodeURIComponent(q)}`, { headers: staff });
  },
  async page() {
    const { id } = pick(sample);
    await Promise.all([
      call('GET /customers/{id}', `${base}/customers/${id}`, { headers: staff }),
      call('GET /customers/{id}/value', `${base}/customers/${id}/value`, { headers: staff }),
      call('GET /complaints?customerId=', `${base}/complaints?customerId=${id}&limit=20`, { headers: staff }),
    ]);
  },
  async complaint(client) {
    const mine = complaintIds.filter((_, i) => i % CLIENTS.complaint === client);
    const id = pick(mine);
    const { status, body } = await call('GET /complaints/{id}', `${base}/complaints/${id}`, { headers: staff });
    if (status !== 200) return;
    const type = Math.random() < 0.3 ? 'customer_update' : STEPS[body.status] ?? 'customer_update';
    await call('POST /complaints/{id}/events', `${base}/complaints/${id}/events`, { method: 'POST', headers: { ...staff, ...json }, body: JSON.stringify({ type, note: `步骤 ${type}` }) });
  },
};

// ---------------------------------------------------------------------------------------------------------------------
// The nightly jobs: the fires a new worker owes run by themselves; the rest through the jobs API.
const { rows: schedules } = await db.query(`SELECT name, last_success_at FROM job_schedules`);
const lastSuccess = new Map(schedules.map((r) => [r.name, r.last_success_at]));
let workerStarted = null;
const requested = [];
async function startNightly() {
  const now = new Date();
  const owed = NIGHTLY.filter((name) => missedFire(JOBS.find((j) => j.name === name).cron, lastSuccess.get(name) ?? null, now, timeZone));
  workerStarted = new Date();
  start('worker', 'dist/server/apps/worker/src/main.js', {});
  for (const name of NIGHTLY.filter((n) => !owed.includes(n))) {
    const res = await fetch(`${base}/jobs/${name}/runs`, { method: 'POST', headers: { ...staff, ...json }, body: '{}' });
    if (res.status !== 202) throw new Error(`run ${name}: ${res.status} ${await res.text()}`);
    requested.push(name);
  }
  console.log(`${Math.round((Date.now() - loadStart) / 1000)} s: worker started (catching up ${owed.join(', ') || 'nothing'}); started through the jobs API: ${requested.join(', ') || 'none'}`);
}
/** Runs of the nightly jobs since the worker started (a catch-up run appears once the worker takes it). */
async function nightlyRuns() {
  const { rows } = await db.query(
    `SELECT id, name, state, attempts, scheduled_for IS NOT NULL AS scheduled, created_at, started_at, finished_at, result, error FROM job_runs
     WHERE name = ANY($1) AND (created_at >= $2 OR started_at >= $2 OR state IN ('queued', 'running')) ORDER BY created_at`,
    [NIGHTLY, workerStarted],
  );
  return rows;
}
const nightlyDone = async () => {
  if (!workerStarted) return false;
  const runs = await nightlyRuns();
  return NIGHTLY.every((n) => runs.some((r) => r.name === n)) && runs.every((r) => r.state === 'completed' || r.state === 'failed');
};

// ---------------------------------------------------------------------------------------------------------------------
const loadStart = Date.now();
const loads = [];
// Every 5 s: the load average, and how many of the database's sessions wait on a lock (a job's transaction holding
// rows the requests want, or the reverse).
const lockWaits = [];
const loadTimer = setInterval(() => {
  loads.push(os.loadavg()[0]);
  void db
    .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)
    .then(({ rows: [r] }) => lockWaits.push({ second: Math.round((Date.now() - loadStart) / 1000), waiting: r.n }));
}, 5000);
let stopping = false;
const jobsTimer = setTimeout(() => void startNightly().catch((e) => { console.error(e); stopping = true; }), jobsAfter * 1000);
const watcher = (async () => {
  while (!stopping) {
    await new Promise((r) => setTimeout(r, 2000));
    const elapsed = (Date.now() - loadStart) / 1000;
    if (elapsed >= maxSeconds || (elapsed >= seconds && (await nightlyDone()))) stopping = true;
  }
})();
console.log(`load: ${Object.entries(CLIENTS).map(([l, n]) => `${l} ×${n}`).join(', ')} for ${seconds} s (longer while a nightly job runs, at most ${maxSeconds} s); load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);
await Promise.all(
  Object.entries(CLIENTS).flatMap(([lane, n]) =>
    Array.from({ length: n }, async (_, client) => {
      while (!stopping) await lanes[lane](client);
    }),
  ),
);
await watcher;
clearTimeout(jobsTimer);
clearInterval(loadTimer);
const loadSeconds = (Date.now() - loadStart) / 1000;

// ---------------------------------------------------------------------------------------------------------------------
const f = (x, d = 1) => (x === null ? '—' : x.toFixed(d));
const endpoints = [...stats].map(([endpoint, st]) => ({
  endpoint, requests: st.latencies.length, perSecond: st.latencies.length / loadSeconds, ...pct(st.latencies),
  ok: st.ok, errors: st.errors, errorRate: st.errors / st.latencies.length, statuses: st.statuses, errorSamples: st.samples,
}));
const runs = workerStarted ? await nightlyRuns() : [];
const jobs = runs.map((r) => ({
  name: r.name, how: r.scheduled ? 'catch-up of the missed nightly fire' : 'jobs API', state: r.state, attempts: r.attempts,
  waitedSeconds: r.started_at ? (r.started_at - Math.max(r.created_at, workerStarted)) / 1000 : null,
  seconds: r.started_at && r.finished_at ? (r.finished_at - r.started_at) / 1000 : null,
  fromSecond: r.started_at ? Math.round((r.started_at - loadStart) / 1000) : null,
  toSecond: r.finished_at ? Math.round((r.finished_at - loadStart) / 1000) : null,
  finishedUnderLoad: Boolean(r.finished_at && r.finished_at.getTime() <= loadStart + loadSeconds * 1000),
  result: r.result, error: r.error,
}));
// The worker's other scheduled jobs (each every minute or hour, and their catch-ups) ran beside them.
const { rows: others } = workerStarted
  ? await db.query(
      `SELECT name, count(*)::int AS runs, count(*) FILTER (WHERE state = 'failed')::int AS failed, max(extract(epoch FROM finished_at - started_at))::float AS "maxSeconds"
       FROM job_runs WHERE name <> ALL($1) AND started_at >= $2 GROUP BY name ORDER BY name`,
      [NIGHTLY, workerStarted],
    )
  : { rows: [] };
const slots = timeline.map((t, i) => ({ from: i * 30, requests: t?.requests ?? 0, errors: t?.errors ?? 0, p95: t ? pct(t.latencies).p95 : null }));
const totals = endpoints.reduce((t, e) => ({ requests: t.requests + e.requests, errors: t.errors + e.errors }), { requests: 0, errors: 0 });
const report = {
  at: new Date().toISOString(), command: `node bench/load/run.mjs ${seconds}`, database: size, clients: CLIENTS, batchSize: BATCH,
  loadSeconds, loadAverage: { before: loadBefore, duringMean: loads.reduce((a, b) => a + b, 0) / (loads.length || 1), duringMax: Math.max(...loads, 0), cores: os.cpus().length }, lockWaits,
  endpoints, batchItems, totals: { ...totals, errorRate: totals.errors / totals.requests }, jobs, otherJobs: others, timeline: slots,
};

console.log(`\n${f(loadSeconds)} s of load; load average before ${loadBefore[0].toFixed(2)}, during ${f(report.loadAverage.duringMean, 2)} (max ${f(report.loadAverage.duringMax, 2)}) on ${os.cpus().length} cores\n`);
console.log('| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | 2xx | errors | error rate | statuses |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const e of endpoints) console.log(`| ${e.endpoint} | ${e.requests} | ${f(e.perSecond)} | ${f(e.p50)} | ${f(e.p95)} | ${f(e.p99)} | ${f(e.max)} | ${e.ok} | ${e.errors} | ${f(e.errorRate * 100, 2)} % | ${JSON.stringify(e.statuses)} |`);
console.log(`| all | ${totals.requests} | ${f(totals.requests / loadSeconds)} | | | | | | ${totals.errors} | ${f(report.totals.errorRate * 100, 2)} % | |`);
console.log(`\nbatch items: ${batchItems.created} created, ${batchItems.updated} updated, ${batchItems.refused} refused (per-item 4xx)`);
for (const e of endpoints.filter((e) => e.errorSamples.length)) console.log(`errors on ${e.endpoint}: ${e.errorSamples.join(' | ')}`);
console.log('\n| job | started by | state | attempts | waited s | ran s (last attempt) | from–to s of the load | finished under load |');
console.log('| --- | --- | --- | ---: | ---: | ---: | --- | --- |');
for (const j of jobs) console.log(`| ${j.name} | ${j.how} | ${j.state} | ${j.attempts} | ${f(j.waitedSeconds)} | ${f(j.seconds)} | ${j.fromSecond ?? '—'}–${j.toSecond ?? '—'} | ${j.finishedUnderLoad ? 'yes' : 'no'} |${j.error ? ` ${j.error}` : ''}`);
console.log(`\nper 30 s (all endpoints): ${slots.map((t) => `${t.from} s: ${t.requests} req, ${t.errors} err, p95 ${f(t.p95, 0)} ms`).join('; ')}`);
const waited = lockWaits.filter((w) => w.waiting);
console.log(`\nsessions waiting on a lock: ${waited.length ? waited.map((w) => `${w.waiting} at ${w.second} s`).join(', ') : 'none'} (sampled every 5 s)`);
console.log(`\nother jobs the worker ran meanwhile: ${others.map((o) => `${o.name} ×${o.runs}${o.failed ? ` (${o.failed} failed)` : ''}, longest ${f(o.maxSeconds)} s`).join('; ') || 'none'}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(`\nJSON: ${out}`);

// Stop the processes, then remove this run's queue keys from Redis.
stopAll();
await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
const IORedis = require('ioredis');
const redis = new IORedis(procEnv.REDIS_URL);
for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) if (keys.length) await redis.unlink(...keys);
await redis.quit();
await db.end();
process.exitCode = totals.errors ? 1 : 0;
