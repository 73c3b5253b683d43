// Booking benchmarks against the database made by bench/bookings/generate.mjs (issue 3):
//   batch  POST /api/v1/bookings/batch (1000 items) with 1, 2 and 4 concurrent clients, next to the floor: the same rows
//          as bare multi-row INSERT … ON CONFLICT (source, external_id) DO UPDATE batches of 1000 from one pg client
//          (into a copy of the bookings table with the same indexes, so the API's data is not disturbed);
//   put    PUT /api/v1/bookings/{source}/{externalId} with 32 concurrent clients;
//   value  GET /api/v1/customers/{id}/value for the customer with 500 bookings, sequential, next to the same SQL via pg.
// Every run makes a fresh workload from the current data (new ids), so it can be repeated.
// usage: node bench/bookings/run.mjs [parts, default batch,put,value] [bookings per batch scenario, default 150000]
//        [PUT seconds, default 20]    (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/crm_bench_bookings;
//        BENCH_CLIENTS, default 1,2,4; BENCH_POOL_SIZE, the API's pool, default 10)
import { createRequire } from 'node:module';
import pg from 'pg';
import { startApi } from '../support.mjs';

const require = createRequire(import.meta.url);
const parts = new Set((process.argv[2] ?? 'batch,put,value').split(','));
const perScenario = Number(process.argv[3] ?? 150_000);
const putSeconds = Number(process.argv[4] ?? 20);
const clientCounts = (process.env.BENCH_CLIENTS ?? '1,2,4').split(',').map(Number);
const PUT_CONCURRENCY = 32;
const VALUE_CALLS = 200;
const BATCH = 1000;
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_bookings';
const port = 3391;
const base = `http://127.0.0.1:${port}/api/v1`;

pg.types.setTypeParser(1082, (v) => v); // dates stay YYYY-MM-DD
require('reflect-metadata');
const { GENERATE_BOOKINGS_SQL } = require('../../dist/server/libs/bookings/src');
const { BookingsRepository } = require('../../dist/server/libs/bookings/src/bookings.repository.js');
const { CustomerIdentityRepository } = require('../../dist/server/libs/customers/src/customer-identity.repository.js');
const { normalizePhone } = require('../../dist/server/libs/customers/src');
const isValidPhoneNumber = (p) => normalizePhone(p) !== null;

const db = new pg.Pool({ connectionString: dbUrl, max: 4 });
const f = (x) => x.toFixed(1);
const pct = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99), max: s[s.length - 1] };
};
const shuffle = (xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

// ---------------------------------------------------------------------------------------------------------------------
// The workload, made set-based from the current data. A booking system's traffic: mostly new bookings of known customers
// (resolved by their reference in that system, else by phone or email), status changes of existing bookings, and some
// people never seen before.
const tag = Date.now().toString(36);
const batchTotal = parts.has('batch') ? perScenario * clientCounts.length : 0;
const putTotal = parts.has('put') ? Math.max(20_000, putSeconds * 1500) : 0;
const total = batchTotal + putTotal;
let items = [];
let floorRows = [];
if (total) {
  const t0 = Date.now();
  const pendingSql = (prefix) => {
    const from = `'G' || ord || '-' || t`;
    if (!GENERATE_BOOKINGS_SQL.includes(from) || !GENERATE_BOOKINGS_SQL.includes('INSERT INTO bookings ')) throw new Error('GENERATE_BOOKINGS_SQL changed: update bench/bookings/run.mjs');
    return GENERATE_BOOKINGS_SQL.replace(from, `'${prefix}' || ord || '-' || t`).replace('INSERT INTO bookings ', 'INSERT INTO bench_pending ');
  };
  await db.query(`CREATE TABLE IF NOT EXISTS bench_pending (LIKE bookings INCLUDING DEFAULTS)`);
  await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS bench_pending_key ON bench_pending (source, external_id)`);
  await db.query(`TRUNCATE bench_pending`);
  const now = new Date();
  // 70 %: new bookings of existing customers (about 9.5 per sampled customer).
  const known = (await db.query(`SELECT id FROM customers WHERE merged_into_id IS NULL AND deleted_at IS NULL ORDER BY random() LIMIT $1`, [Math.ceil((total * 0.7) / 9)])).rows.map((r) => r.id);
  await db.query(pendingSql(`R${tag}-`), [known, Math.random() * 2 - 1, now, 10]);
  // 10 %: people never seen before.
  const ghosts = (await db.query(`SELECT gen_random_uuid() AS id FROM generate_series(1, $1)`, [Math.ceil((total * 0.1) / 9)])).rows.map((r) => r.id);
  await db.query(pendingSql(`N${tag}-`), [ghosts, Math.random() * 2 - 1, now, 10]);
  const personCols = `c.type, c.name, c.phone, c.email, c.birthday, c.organization,
    (SELECT min(r.external_id) FROM customer_external_refs r WHERE r.customer_id = b.customer_id AND r.source = b.source) AS ref`;
  const fresh = (await db.query(`SELECT b.*, ${personCols} FROM bench_pending b LEFT JOIN customers c ON c.id = b.customer_id`)).rows;
  // 20 %: status changes of existing bookings (inquiry → confirmed/cancelled, confirmed → completed/cancelled or paid).
  // Few bookings are still open (inquiry or confirmed: about one in eighty, the upcoming trips); pick them at random.
  const updates = (
    await db.query(
      `SELECT b.*, ${personCols} FROM bookings b JOIN customers c ON c.id = b.customer_id
       WHERE b.status IN ('inquiry', 'confirmed') AND b.external_id LIKE 'G%' ORDER BY random() LIMIT $1`,
      [Math.ceil(total * 0.2)],
    )
  ).rows;
  for (const b of updates) {
    const r = Math.random();
    const past = b.departure_date < now.toISOString().slice(0, 10);
    if (b.status === 'inquiry') b.status = r < 0.8 ? 'confirmed' : 'cancelled';
    else if (past) b.status = r < 0.9 ? 'completed' : 'cancelled';
    else if (!b.paid_at && r < 0.7) b.paid_at = now;
    else b.status = 'cancelled';
    b.update = true;
  }
  const mix = { update: 0, byRef: 0, byPhone: 0, byEmail: 0, newPerson: 0 };
  const rows = shuffle([...fresh, ...updates]).slice(0, total);
  for (const b of rows) {
    let customer;
    if (b.type) {
      const via = b.update ? 'update' : b.ref ? 'byRef' : b.phone && isValidPhoneNumber(b.phone) ? 'byPhone' : b.email ? 'byEmail' : 'newPerson';
      mix[via]++;
      // The customer generator makes about 5 % numbers in unallocated ranges (+86179…), which the API rightly refuses
      // (422); a booking system would not have them, so they are sent without a phone.
      const phone = b.phone && isValidPhoneNumber(b.phone) ? b.phone : null;
      customer = { externalId: b.ref ?? `C${b.customer_id}`, type: b.type, name: b.name, phone, email: b.email, birthday: b.birthday, organization: b.organization };
    } else {
      mix.newPerson++;
      const n = Number.parseInt(b.customer_id.replaceAll('-', '').slice(0, 12), 16);
      customer = {
        externalId: `P${b.customer_id}`,
        type: 'individual',
        name: '王李张刘陈杨黄赵吴周'[n % 10] + '新客户晓明子涵思远'[Math.floor(n / 10) % 9] + '一二三四五六七八九'[Math.floor(n / 90) % 9],
        phone: `+86166${String(n % 1e8).padStart(8, '0')}`,
        email: n % 3 ? `n${n}@example.cn` : null,
      };
    }
    const iso = (d) => (d ? new Date(d).toISOString() : null);
    items.push({
      source: b.source,
      externalId: b.external_id,
      customer,
      status: b.status,
      bookedAt: iso(b.booked_at),
      departureDate: b.departure_date,
      returnDate: b.return_date,
      destination: b.destination,
      product: b.product,
      category: b.category,
      travellers: b.travellers,
      amount: { value: Number(b.amount_value), currency: b.amount_currency },
      paymentDueAt: iso(b.payment_due_at),
      paidAt: iso(b.paid_at),
    });
    floorRows.push([b.source, b.external_id, b.customer_id, b.status, b.booked_at, b.departure_date, b.return_date, b.destination, b.product, b.category, b.travellers, b.amount_value, b.amount_currency, b.payment_due_at, b.paid_at]);
  }
  const share = (n) => `${((n / rows.length) * 100).toFixed(0)} %`;
  console.log(
    `workload: ${rows.length} bookings in ${Math.round((Date.now() - t0) / 1000)} s — status changes ${share(mix.update)}, new bookings of known customers by reference ${share(mix.byRef)}, ` +
      `by phone ${share(mix.byPhone)}, by email ${share(mix.byEmail)}, new people ${share(mix.newPerson)}`,
  );
}

// The floor writes into a copy of the bookings table with the same indexes, made once (before the first run's API writes).
if (parts.has('batch')) {
  const { rows: [{ exists }] } = await db.query(`SELECT to_regclass('bench_floor_bookings') IS NOT NULL AS exists`);
  if (!exists) {
    const t0 = Date.now();
    await db.query(`CREATE TABLE bench_floor_bookings (LIKE bookings INCLUDING ALL)`);
    await db.query(`INSERT INTO bench_floor_bookings SELECT * FROM bookings`);
    await db.query(`VACUUM ANALYZE bench_floor_bookings`);
    console.log(`(copied the bookings into bench_floor_bookings for the floor in ${Math.round((Date.now() - t0) / 1000)} s)`);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// BENCH_CPU_PROF=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const { stop } = await startApi(dbUrl, port, {
  // With a Redis URL the API runs no jobs itself (workers do, and none runs here): without it, the in-process driver
  // would catch up the missed nightly re-tiering of a million customers in the middle of the measurement.
  REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `bench_${tag}`,
  // The benchmark measures the write path, not the per-key rate limiter.
  API_KEY_RATE_PER_SECOND: '100000', API_KEY_BURST: '1000000',
  // BENCH_POOL_SIZE: the API's DATABASE_POOL_SIZE (default 10, as in production).
  ...(process.env.BENCH_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE } : {}),
}, profile);
const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'admin12345' }) })).json();
const staff = { authorization: `Bearer ${login.token}` };
const created = await fetch(`${base}/api-keys`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ name: `bench ${tag}`, scopes: ['bookings:write'] }) });
if (created.status !== 201) throw new Error(`api key: ${created.status} ${await created.text()}`);
const key = { authorization: `Bearer ${(await created.json()).key}`, 'content-type': 'application/json' };
const { rows: [size] } = await db.query(`SELECT (SELECT count(*) FROM bookings)::int AS bookings, (SELECT count(*) FROM customers)::int AS customers`);
console.log(`database: ${size.bookings.toLocaleString('en')} bookings, ${size.customers.toLocaleString('en')} customers\n`);

// ---------------------------------------------------------------------------------------------------------------------
if (parts.has('batch')) {
  console.log('| clients | bookings | batches | seconds | bookings/s | batch p50 ms | batch p95 ms | batch p99 ms | created | updated | 422 | errors |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  let offset = 0;
  for (const clients of clientCounts) {
    const mine = items.slice(offset, offset + perScenario);
    offset += perScenario;
    const batches = [];
    for (let i = 0; i < mine.length; i += BATCH) batches.push(JSON.stringify({ items: mine.slice(i, i + BATCH) }));
    const latencies = [];
    const counts = { 200: 0, 201: 0, 422: 0, errors: 0 };
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < batches.length) {
          const body = batches[next++];
          const s = performance.now();
          try {
            const res = await fetch(`${base}/bookings/batch`, { method: 'POST', headers: key, body });
            const out = await res.json();
            if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(out).slice(0, 300)}`);
            for (const r of out.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
          } catch (e) {
            counts.errors++;
            if (counts.errors < 3) console.error(String(e));
          }
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const l = pct(latencies);
    console.log(`| ${clients} | ${mine.length} | ${batches.length} | ${f(seconds)} | ${Math.round(mine.length / seconds)} | ${Math.round(l.p50)} | ${Math.round(l.p95)} | ${Math.round(l.p99)} | ${counts[201]} | ${counts[200]} | ${counts[422]} | ${counts.errors} |`);
  }

  // The floor: the same rows, bare INSERT … ON CONFLICT DO UPDATE, 1000 per statement, one client, into the copy.
  const cols = ['source', 'external_id', 'customer_id', 'status', 'booked_at', 'departure_date', 'return_date', 'destination', 'product', 'category', 'travellers', 'amount_value', 'amount_currency', 'payment_due_at', 'paid_at'];
  const floorInsert = (n) =>
    `INSERT INTO bench_floor_bookings (${cols.join(', ')}) VALUES ${Array.from({ length: n }, (_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(', ')})`).join(', ')}
     ON CONFLICT (source, external_id) DO UPDATE SET ${cols.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`;
  const floor = floorRows.slice(0, offset);
  const client = await db.connect();
  const latencies = [];
  const t0 = performance.now();
  for (let i = 0; i < floor.length; i += BATCH) {
    const chunk = floor.slice(i, i + BATCH);
    const s = performance.now();
    await client.query(floorInsert(chunk.length), chunk.flat());
    latencies.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  client.release();
  const l = pct(latencies);
  console.log(`\nfloor (bare INSERT … ON CONFLICT DO UPDATE, 1000 rows per statement, 1 client): ${floor.length} bookings in ${f(seconds)} s = ${Math.round(floor.length / seconds)} bookings/s; statement p50 ${Math.round(l.p50)} ms, p95 ${Math.round(l.p95)} ms, p99 ${Math.round(l.p99)} ms\n`);
}

// ---------------------------------------------------------------------------------------------------------------------
if (parts.has('put')) {
  const mine = items.slice(batchTotal);
  const { source, externalId, ...sample } = mine[0];
  let next = 0;
  const put = async () => {
    const { source, externalId, ...body } = mine[next++ % mine.length];
    const res = await fetch(`${base}/bookings/${source}/${encodeURIComponent(externalId)}`, { method: 'PUT', headers: key, body: JSON.stringify(body) });
    await res.arrayBuffer();
    return res.status;
  };
  // Warm-up: JIT, connections, caches.
  await Promise.all(Array.from({ length: PUT_CONCURRENCY }, async () => { for (let i = 0; i < 10; i++) await put(); }));
  const latencies = [];
  const statuses = {};
  const end = Date.now() + putSeconds * 1000;
  const t0 = performance.now();
  // BENCH_PUT_RATE=<requests/s>: paced instead of back-to-back; each client sends on a fixed schedule and latency is
  // measured from the scheduled moment (a late send counts as waiting), so queueing is not hidden.
  const rate = Number(process.env.BENCH_PUT_RATE ?? 0);
  const interval = rate ? (PUT_CONCURRENCY / rate) * 1000 : 0;
  await Promise.all(
    Array.from({ length: PUT_CONCURRENCY }, async (_, client) => {
      for (let k = 0; Date.now() < end && next < mine.length; k++) {
        let s = performance.now();
        if (interval) {
          const at = t0 + (client / PUT_CONCURRENCY) * interval + k * interval;
          if (at > s) await new Promise((r) => setTimeout(r, at - s));
          s = at;
        }
        let status;
        try {
          status = await put();
        } catch {
          status = 'error';
        }
        latencies.push(performance.now() - s);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const l = pct(latencies);
  console.log(`| PUT /bookings/{source}/{externalId} | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | statuses |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
  console.log(`| ${putSeconds} s, ${rate ? `paced at ${rate} req/s` : 'back-to-back'} | ${PUT_CONCURRENCY} | ${latencies.length} | ${f(latencies.length / seconds)} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.p99)} | ${f(l.max)} | ${JSON.stringify(statuses)} |`);

  // The floor: the same requests' SQL with no HTTP, validation or framework, from 32 pg connections back-to-back —
  // the key lookup, then one transaction with the advisory locks, the identity lookup and the upsert, each the
  // repositories' own statement. Only bookings of existing customers (a new person's customer is not made here), from
  // the part of the workload the API did not reach, so every one is written as new or changed.
  const asManager = (c) => ({ query: async (sql, params) => (await c.query(sql, params)).rows, queryRunner: { connect: async () => c } });
  const identity = new CustomerIdentityRepository();
  const repo = new BookingsRepository();
  const [{ key_hash: keyHash }] = (await db.query(`SELECT key_hash FROM api_keys ORDER BY created_at DESC LIMIT 1`)).rows;
  const actor = { actorType: 'api_key', actorId: null, ip: '127.0.0.1' };
  const rest = mine.map((item, i) => [item, floorRows[batchTotal + i]]).slice(next).filter(([item]) => !item.customer.externalId.startsWith('P'));
  const conns = new pg.Pool({ connectionString: dbUrl, max: PUT_CONCURRENCY });
  let n = 0;
  const floorLatencies = [];
  const floorEnd = Date.now() + putSeconds * 1000;
  const f0 = performance.now();
  await Promise.all(
    Array.from({ length: PUT_CONCURRENCY }, async () => {
      const c = await conns.connect();
      const m = asManager(c);
      while (Date.now() < floorEnd && n < rest.length) {
        const [item, row] = rest[n++];
        const s = performance.now();
        await c.query('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash]);
        await c.query('BEGIN');
        await identity.lockKeys(m, [`booking:${item.source}/${item.externalId}`, `ref:${item.source}/${item.customer.externalId}`]);
        await identity.known(m, [{ source: item.source, externalId: item.customer.externalId, phone: item.customer.phone, email: item.customer.email }]);
        const [source, externalId, customerId, status, bookedAt, departureDate, returnDate, destination, product, category, travellers, amountValue, amountCurrency, paymentDueAt, paidAt] = row;
        await repo.upsert(m, [{ source, externalId, customerId, status, bookedAt, departureDate, returnDate, destination, product, category, travellers, amountValue, amountCurrency, paymentDueAt, paidAt }], actor);
        await c.query('COMMIT');
        floorLatencies.push(performance.now() - s);
      }
      c.release();
    }),
  );
  const fs = (performance.now() - f0) / 1000;
  const fl = pct(floorLatencies);
  console.log(`| floor: the same SQL from ${PUT_CONCURRENCY} pg connections | ${PUT_CONCURRENCY} | ${floorLatencies.length} | ${f(floorLatencies.length / fs)} | ${f(fl.p50)} | ${f(fl.p95)} | ${f(fl.p99)} | ${f(fl.max)} | |\n`);
  await conns.end();
}

// ---------------------------------------------------------------------------------------------------------------------
if (parts.has('value')) {
  const { rows: [heavy] } = await db.query(
    `SELECT customer_id AS id, count(*)::int AS n FROM bookings WHERE customer_id = (SELECT customer_id FROM bookings WHERE external_id LIKE 'V%' LIMIT 1) GROUP BY 1`,
  );
  // The repository's own SQL, captured, so the floor is exactly the query the API runs.
  let captured;
  await new BookingsRepository({ query: async (sql, params) => ((captured = { sql, params }), [{}]) }).customerValue(heavy.id, new Date());
  const time = async (fn) => {
    for (let i = 0; i < 20; i++) await fn();
    const xs = [];
    for (let i = 0; i < VALUE_CALLS; i++) {
      const s = performance.now();
      await fn();
      xs.push(performance.now() - s);
    }
    return pct(xs);
  };
  const viaApi = await time(async () => {
    const res = await fetch(`${base}/customers/${heavy.id}/value`, { headers: staff });
    if (res.status !== 200) throw new Error(`value: ${res.status}`);
    await res.json();
  });
  const viaSql = await time(() => db.query(captured.sql, [heavy.id, new Date()]));
  console.log(`| GET /customers/{id}/value, ${heavy.n} bookings, ${VALUE_CALLS} sequential calls | p50 ms | p95 ms | p99 ms | max ms |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |`);
  console.log(`| API | ${f(viaApi.p50)} | ${f(viaApi.p95)} | ${f(viaApi.p99)} | ${f(viaApi.max)} |`);
  console.log(`| SQL floor (same query via pg) | ${f(viaSql.p50)} | ${f(viaSql.p95)} | ${f(viaSql.p99)} | ${f(viaSql.max)} |`);
  console.log(`| ratio API/SQL | ${f(viaApi.p50 / viaSql.p50)} | ${f(viaApi.p95 / viaSql.p95)} | ${f(viaApi.p99 / viaSql.p99)} | |\n`);
}

await db.end();
stop();
