// Pre-loads a benchmark database for the booking benchmarks: N customers (default 1,000,000) and about M bookings
// (default 9,550,000; the load script then sends the rest of the ten million through the API), set-based, in chunks of
// 50,000 customers so memory stays bounded. Plus one customer with exactly 500 bookings (the value-section benchmark).
// usage: node bench/bookings/generate.mjs [customers] [bookings] [minutes]
//   minutes: stop adding bookings after the chunk that passes this time (the customers after it have no bookings).
//   --resume: continue the bookings of an existing database (e.g. after a stop) instead of making a new one.
//   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/crm_bench_bookings)
import { createRequire } from 'node:module';
import pg from 'pg';
import { buildServer, freshDatabase } from '../support.mjs';

const require = createRequire(import.meta.url);
const resume = process.argv.includes('--resume');
const args = process.argv.slice(2).filter((a) => a !== '--resume');
const customerCount = Number(args[0] ?? 1_000_000);
const bookingTarget = Number(args[1] ?? 9_550_000);
const minutes = Number(args[2] ?? Infinity);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_bookings';
const CUSTOMER_BATCH = 100_000;
const CHUNK = 50_000;

buildServer();
const { GENERATE_CUSTOMERS_SQL, GENERATED_OWNER_HISTORY_SQL } = require('../../dist/server/libs/customers/src');
const { GENERATE_BOOKINGS_SQL, GENERATED_BOOKING_EXTRAS_SQL } = require('../../dist/server/libs/bookings/src');
const { hashPassword } = require('../../dist/server/libs/identity/src');

/** The generator numbers bookings by the customer's position in the call ('G<ord>-<trip>'): across chunks, add an offset. */
const bookingsSql = (prefix = 'G') => {
  const from = `'G' || ord || '-' || t`;
  if (!GENERATE_BOOKINGS_SQL.includes(from)) throw new Error('GENERATE_BOOKINGS_SQL changed: update bench/bookings/generate.mjs');
  return GENERATE_BOOKINGS_SQL.replace(from, `'${prefix}' || (ord + $5::bigint) || '-' || t`);
};

// A fresh database, migrated by the application itself.
if (!resume) await freshDatabase(url);

const db = new pg.Client({ connectionString: url });
await db.connect();
await db.query('SET synchronous_commit = off'); // a benchmark database being loaded: no need to wait for each flush
const started = Date.now();
const secs = () => Math.round((Date.now() - started) / 1000);
if (!resume) {
const hash = await hashPassword('bench12345');
await db.query(
  `INSERT INTO users (email, name, role, password_hash)
   SELECT 'am' || i || '@bench.local', '客户经理' || i, 'account_manager', $1 FROM generate_series(1, 50) i`,
  [hash],
);
const owners = (await db.query(`SELECT id FROM users WHERE role = 'account_manager' ORDER BY email`)).rows.map((r) => r.id);
for (let offset = 0; offset < customerCount; offset += CUSTOMER_BATCH) {
  const n = Math.min(CUSTOMER_BATCH, customerCount - offset);
  // No invented lifetime values: they come from the bookings.
  await db.query(GENERATE_CUSTOMERS_SQL, [n, owners, (offset / customerCount) * 0.9, offset, false]);
  process.stdout.write(`\r${offset + n} customers (${secs()} s)`);
}
await db.query(GENERATED_OWNER_HISTORY_SQL);
await db.query('VACUUM ANALYZE customers');
console.log();
}

// Bookings, chunk by chunk of customers (in id order, i.e. random with respect to everything else). The mean number
// of trips handed to the generator is steered so the total lands near the target.
const now = new Date();
const perCustomer = bookingTarget / customerCount;
let mean = perCustomer * 1.1;
let done = 0;
let bookings = 0;
let after = '00000000-0000-0000-0000-000000000000';
const bookingsStarted = Date.now();
if (resume) {
  // Chunks are whole customers in id order; the last one may lack its extras (they are idempotent: redo them).
  const { rows: [r] } = await db.query(`SELECT max(customer_id::text) AS after, count(*)::int AS n FROM bookings WHERE external_id LIKE 'G%'`);
  if (r.after) {
    after = r.after;
    bookings = r.n;
    done = (await db.query(`SELECT count(*)::int AS n FROM customers WHERE id <= $1`, [after])).rows[0].n;
    const last = (await db.query(`SELECT id FROM customers WHERE id <= $1 ORDER BY id DESC LIMIT ${CHUNK}`, [after])).rows.map((x) => x.id);
    for (const extra of GENERATED_BOOKING_EXTRAS_SQL) await db.query(extra, [last]);
    mean = Math.max(1, perCustomer * ((perCustomer * done) / Math.max(1, bookings)));
  }
}
const sql = bookingsSql('G');
for (let chunk = 0; ; chunk++) {
  const ids = (await db.query(`SELECT id FROM customers WHERE id > $1 ORDER BY id LIMIT ${CHUNK}`, [after])).rows.map((r) => r.id);
  if (!ids.length || Date.now() - bookingsStarted > minutes * 60_000) break;
  after = ids[ids.length - 1];
  const wanted = perCustomer * (done + ids.length) - bookings;
  const { rowCount } = await db.query(sql, [ids, ((chunk * 0.37) % 1.8) - 0.9, now, mean, done]);
  for (const extra of GENERATED_BOOKING_EXTRAS_SQL) await db.query(extra, [ids]);
  if (chunk === 0) await db.query('ANALYZE bookings; ANALYZE booking_status_changes; ANALYZE customer_external_refs');
  done += ids.length;
  bookings += rowCount;
  mean = Math.max(1, mean * (wanted / Math.max(1, rowCount)));
  process.stdout.write(`\r${done} customers, ${bookings} bookings (${secs()} s)   `);
}
console.log();

// One customer with exactly 500 bookings, for the customer page's value section.
const [{ id: heavy }] = (await db.query(`SELECT id FROM customers WHERE type = 'individual' AND phone IS NOT NULL ORDER BY id DESC LIMIT 1`)).rows;
await db.query(`DELETE FROM booking_status_changes WHERE booking_id IN (SELECT id FROM bookings WHERE customer_id = $1)`, [heavy]);
await db.query(`DELETE FROM bookings WHERE customer_id = $1`, [heavy]);
await db.query(bookingsSql('V'), [Array(200).fill(heavy), 0.5, now, 5, 0]);
await db.query(`DELETE FROM bookings WHERE customer_id = $1 AND id NOT IN (SELECT id FROM bookings WHERE customer_id = $1 ORDER BY external_id LIMIT 500)`, [heavy]);
for (const extra of GENERATED_BOOKING_EXTRAS_SQL) await db.query(extra, [[heavy]]);

await db.query('VACUUM ANALYZE bookings');
await db.query('VACUUM ANALYZE booking_status_changes');
await db.query('VACUUM ANALYZE customer_external_refs');
await db.query('VACUUM ANALYZE customers');
const { rows: [s] } = await db.query(
  `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM bookings)::int AS bookings,
          (SELECT count(*) FROM bookings WHERE customer_id = $1)::int AS heavy,
          pg_size_pretty(pg_total_relation_size('bookings')) AS bookings_size,
          pg_size_pretty(pg_total_relation_size('booking_status_changes')) AS history_size,
          pg_size_pretty(pg_database_size(current_database())) AS db_size`,
  [heavy],
);
console.log(`loaded ${s.customers} customers, ${s.bookings} bookings (${s.bookings_size} with indexes; status history ${s.history_size}; database ${s.db_size}); customer ${heavy} has ${s.heavy} bookings; ${secs()} s`);
await db.end();
