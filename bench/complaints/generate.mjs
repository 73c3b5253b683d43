// Makes a benchmark database for sla-watch (issue 5): N open complaints (default 100,000) received at random in the
// 80 hours before AS_OF, each with its service-level clocks as intake computes them (the app's own computeClocks with
// the default policy, so nothing marked yet: as if no sla-watch had run), 10 % of them major; 20,000 customers,
// 60 agents (50 in five teams with their managers, 10 in none), 6 managers and 2 admins.
// usage: node bench/complaints/generate.mjs [complaints]   (BENCH_DATABASE_URL, default crm_bench_complaints)
import { createRequire } from 'node:module';
import pg from 'pg';
import { buildServer, freshDatabase } from '../support.mjs';
import { AS_OF, BENCH_URL, HOURS } from './scenario.mjs';

const require = createRequire(import.meta.url);
const count = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = 20_000;
const CHUNK = 10_000;

buildServer();
const { GENERATE_CUSTOMERS_SQL } = require('../../dist/server/libs/customers/src');
const { CATEGORIES, DEFAULT_SLA_POLICY, computeClocks, nextDueAt } = require('../../dist/server/libs/complaints/src');
const { hashPassword } = require('../../dist/server/libs/identity/src');

await freshDatabase(BENCH_URL, { LOG_LEVEL: 'warn' });

const db = new pg.Client({ connectionString: BENCH_URL });
await db.connect();
await db.query('SET synchronous_commit = off'); // a benchmark database being loaded: no need to wait for each flush
const started = Date.now();
const secs = () => Math.round((Date.now() - started) / 1000);

// Staff: the first admin exists; one more admin, managers m1..m6 (m1..m5 lead a team each), agents a1..a60.
const hash = await hashPassword('bench12345');
await db.query(
  `INSERT INTO users (email, name, role, password_hash)
   SELECT 'admin2@bench.local', '管理员二', 'admin', $1
   UNION ALL SELECT 'm' || i || '@bench.local', '经理' || i, 'manager', $1 FROM generate_series(1, 6) i
   UNION ALL SELECT 'a' || i || '@bench.local', '客服' || i, 'agent', $1 FROM generate_series(1, 60) i`,
  [hash],
);
await db.query(`INSERT INTO teams (name, manager_id) SELECT '客服' || i || '组', (SELECT id FROM users WHERE email = 'm' || i || '@bench.local') FROM generate_series(1, 5) i`);
await db.query(
  `UPDATE users u SET team_id = t.id
   FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE role = 'agent') a
   JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM teams) t ON t.n = 1 + (a.n - 1) / 10
   WHERE u.id = a.id AND a.n <= 50`,
);
const agents = (await db.query(`SELECT id FROM users WHERE role = 'agent' ORDER BY email`)).rows.map((r) => r.id);
await db.query(GENERATE_CUSTOMERS_SQL, [CUSTOMERS, agents, 0.42, 0, false]);
await db.query(`UPDATE customers SET tier = (ARRAY['A', 'B', 'C', 'D', NULL])[1 + floor(random() * 5)::int]`);
console.log(`staff and ${CUSTOMERS} customers (${secs()} s)`);

// The complaints, set-based: a customer and an agent at random, priority from severity and tier as priorityOf decides.
await db.query(
  `WITH seed AS (SELECT setseed(0.17)),
   c AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(tier ORDER BY id) AS tiers FROM customers),
   r AS (SELECT g, random() AS r_customer, random() AS r_owner, random() AS r_sev, random() AS r_cat, random() AS r_recv
         FROM seed, generate_series(1, $1::int) g)
   INSERT INTO complaints (customer_id, channel, category, severity, description, received_at, owner_id, priority, tier, status)
   SELECT c.ids[i], 'phone', ($3::text[])[1 + floor(r_cat * array_length($3::text[], 1))::int], sev, '基准测试投诉 #' || g,
     $4::timestamptz - make_interval(secs => r_recv * $5::int * 3600), ($2::uuid[])[1 + floor(r_owner * array_length($2::uuid[], 1))::int],
     CASE WHEN sev = 'major' THEN 'P1' WHEN c.tiers[i] = 'A' THEN 'P2' WHEN c.tiers[i] = 'B' THEN 'P3' ELSE 'P4' END, c.tiers[i], 'received'
   FROM r, c, LATERAL (SELECT 1 + floor(r_customer * array_length(c.ids, 1))::int AS i, CASE WHEN r_sev < 0.1 THEN 'major' ELSE 'ordinary' END AS sev) x`,
  [count, agents, CATEGORIES, AS_OF, HOURS],
);
await db.query(`INSERT INTO complaint_events (complaint_id, type, at) SELECT id, 'received', received_at FROM complaints`);
console.log(`${count} complaints (${secs()} s)`);

// Their clocks as intake computes them (as of receipt: all running), chunk by chunk.
let after = '00000000-0000-0000-0000-000000000000';
let clocks = 0;
for (;;) {
  const rows = (await db.query(`SELECT id, severity, tier, received_at FROM complaints WHERE id > $1 ORDER BY id LIMIT ${CHUNK}`, [after])).rows;
  if (!rows.length) break;
  after = rows[rows.length - 1].id;
  const k = { id: [], metric: [], period: [], minutes: [], due: [], warn: [], escalate: [], state: [] };
  const next = { id: [], due: [] };
  for (const c of rows) {
    const computed = computeClocks(c.severity, c.tier, [{ type: 'received', at: c.received_at }], DEFAULT_SLA_POLICY, c.received_at);
    for (const x of computed) {
      k.id.push(c.id); k.metric.push(x.metric); k.period.push(x.period); k.minutes.push(x.minutes);
      k.due.push(x.dueAt); k.warn.push(x.warnAt); k.escalate.push(x.escalateAt); k.state.push(x.state);
    }
    next.id.push(c.id);
    next.due.push(nextDueAt(computed));
  }
  await db.query(
    `INSERT INTO complaint_sla_clocks (complaint_id, metric, period, minutes, due_at, warn_at, escalate_at, state)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::text[])`,
    [k.id, k.metric, k.period, k.minutes, k.due, k.warn, k.escalate, k.state],
  );
  await db.query(`UPDATE complaints c SET next_due_at = n.due FROM unnest($1::uuid[], $2::timestamptz[]) n(id, due) WHERE c.id = n.id`, [next.id, next.due]);
  clocks += k.id.length;
  process.stdout.write(`\r${clocks} clocks (${secs()} s)   `);
}
await db.query('VACUUM ANALYZE');
const [size] = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS db, pg_size_pretty(pg_total_relation_size('complaint_sla_clocks')) AS clocks`)).rows;
console.log(`\ndone in ${secs()} s: ${count} complaints, ${clocks} clocks (${size.clocks} with indexes), database ${size.db}`);
await db.end();
