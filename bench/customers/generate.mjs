// Loads N realistic customers (default 1,000,000) into a benchmark database, set-based, in batches.
// usage: node bench/customers/generate.mjs [count]    (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/crm_bench)
import { createRequire } from 'node:module';
import pg from 'pg';
import { buildServer, freshDatabase } from '../support.mjs';

const require = createRequire(import.meta.url);
const count = Number(process.argv[2] ?? 1_000_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench';
const BATCH = 100_000;

buildServer();
const { GENERATE_CUSTOMERS_SQL, GENERATED_OWNER_HISTORY_SQL } = require('../../dist/server/libs/customers/src');
const { hashPassword } = require('../../dist/server/libs/identity/src');

await freshDatabase(url);

const db = new pg.Client({ connectionString: url });
await db.connect();
const hash = await hashPassword('bench12345');
await db.query(
  `INSERT INTO users (email, name, role, password_hash)
   SELECT 'am' || i || '@bench.local', '客户经理' || i, 'account_manager', $1 FROM generate_series(1, 50) i`,
  [hash],
);
const owners = (await db.query(`SELECT id FROM users WHERE role = 'account_manager' ORDER BY email`)).rows.map((r) => r.id);
const started = Date.now();
for (let offset = 0; offset < count; offset += BATCH) {
  const n = Math.min(BATCH, count - offset);
  await db.query(GENERATE_CUSTOMERS_SQL, [n, owners, (offset / count) * 0.9, offset, true]);
  process.stdout.write(`\r${offset + n} customers (${Math.round((Date.now() - started) / 1000)} s)`);
}
await db.query(GENERATED_OWNER_HISTORY_SQL);
await db.query('VACUUM ANALYZE customers');
const { rows } = await db.query(`SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('customers')) AS size FROM customers`);
console.log(`\nloaded ${rows[0].n} customers (${rows[0].size} with indexes) in ${Math.round((Date.now() - started) / 1000)} s`);
await db.end();
