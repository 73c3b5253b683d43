// Customer list and search under load, against the database made by generate.mjs, next to the floor:
// the same query in bare SQL through `pg` at the same concurrency. Loopback only, bounded in time.
// usage: node bench/customers/run.mjs [seconds per scenario, default 10] [concurrency, default 8]
import pg from 'pg';
import { startApi } from '../support.mjs';

const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 8);
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench';
const port = 3300;
const base = `http://127.0.0.1:${port}/api/v1`;

const { stop } = await startApi(dbUrl, port);

const login = async (email, password) => {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return (await res.json()).token;
};
const admin = await login('admin@example.com', 'admin12345');
const am = await login('am1@bench.local', 'bench12345');

// Realistic terms, sampled from the data: parts of names, phone endings, email prefixes.
const db = new pg.Pool({ connectionString: dbUrl, max: concurrency });
const sample = (await db.query(`SELECT name, phone, email FROM customers TABLESAMPLE SYSTEM (0.1) WHERE type = 'individual' LIMIT 300`)).rows;
const chinese = sample.map((r) => [...r.name]).filter((c) => c.length === 3 && /\p{Script=Han}/u.test(c[0]));
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const terms = {
  surname: () => pick(chinese)[0],
  given2: () => pick(chinese).slice(1, 3).join(''),
  name3: () => pick(chinese).join(''),
  phone4: () => pick(sample.filter((r) => r.phone)).phone.slice(-4),
  email: () => pick(sample.filter((r) => r.email)).email.split('@')[0],
};
const firstPage = await (await fetch(`${base}/customers?limit=50`, { headers: { authorization: `Bearer ${admin}` } })).json();

const SEARCH = `lower((c.name || ' ' || coalesce(c.phone, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.organization, '')) COLLATE "default")`;
const page = (where, order = 'c.name, c.id') =>
  `SELECT c.*, u.name AS owner_name, v.lifetime_value FROM customers c JOIN users u ON u.id = c.owner_id JOIN customer_values v ON v.customer_id = c.id WHERE c.deleted_at IS NULL ${where} ORDER BY ${order} LIMIT 51`;
const like = (s) => `%${s.toLowerCase()}%`;

const scenarios = [
  ['first page, by name', () => ['/customers?limit=50', admin], () => [page('')]],
  ['first page, by value desc', () => ['/customers?limit=50&sort=-value', admin], () => [page('', 'v.lifetime_value DESC, v.customer_id DESC')]],
  ['second page (cursor)', () => [`/customers?limit=50&cursor=${firstPage.nextCursor}`, admin], () => [page(`AND (c.name, c.id) > ($1, $2)`), [firstPage.items.at(-1).name, firstPage.items.at(-1).id]]],
  ['account manager, own customers', () => ['/customers?limit=50', am], null],
  ['search 1 char (surname)', () => { const t = terms.surname(); return [`/customers?limit=50&q=${encodeURIComponent(t)}`, admin, t]; }, (t) => [page(`AND c.name LIKE $1`), [t + '%']]],
  ['search 2 chars (given name)', () => { const t = terms.given2(); return [`/customers?limit=50&q=${encodeURIComponent(t)}`, admin, t]; }, (t) => [page(`AND c.search_bigrams @> ARRAY[$1]::text[]`), [t]]],
  ['search 3 chars (full name)', () => { const t = terms.name3(); return [`/customers?limit=50&q=${encodeURIComponent(t)}`, admin, t]; }, (t) => [page(`AND ${SEARCH} LIKE $1`), [like(t)]]],
  ['search phone ending (4 digits)', () => { const t = terms.phone4(); return [`/customers?limit=50&q=${t}`, admin, t]; }, (t) => [page(`AND reverse(c.phone) LIKE $1`), [[...t].reverse().join('') + '%']]],
  ['search email prefix', () => { const t = terms.email(); return [`/customers?limit=50&q=${encodeURIComponent(t)}`, admin, t]; }, (t) => [page(`AND ${SEARCH} LIKE $1`), [like(t)]]],
];

async function load(fn) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          await fn();
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { n: latencies.length, rps: latencies.length / seconds, p50: p(0.5), p95: p(0.95), p99: p(0.99), errors };
}

const f = (x) => x.toFixed(1);
const { rows: [{ n }] } = await db.query('SELECT count(*)::int AS n FROM customers');
console.log(`${n.toLocaleString('en')} customers, ${concurrency} concurrent clients, ${seconds} s per scenario\n`);
console.log('| scenario | API req/s | API p50 ms | API p95 ms | API p99 ms | errors | SQL p95 ms | API/SQL p95 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, request, floor] of scenarios) {
  const r = await load(async () => {
    const [path, token] = request();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(String(res.status));
    await res.json();
  });
  const s = floor
    ? await load(async () => {
        const [, , term] = request();
        const [sql, params] = floor(term);
        await db.query(sql, params);
      })
    : null;
  console.log(`| ${name} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${s ? f(s.p95) : '–'} | ${s ? f(r.p95 / s.p95) : '–'} |`);
}
await db.end();
stop();
