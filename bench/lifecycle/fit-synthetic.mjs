// The BG/NBD fit at scale (issue 7: "a million customers fit in seconds"), without a database: simulates
// customers from known parameters — first purchases spread over five years, histories at day resolution as
// the churn-score job groups them — then times the fit and the per-group predictions, and shows how well the
// parameters are recovered.
// usage: node bench/lifecycle/fit-synthetic.mjs [customers, default 1000000]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const customers = Number(process.argv[2] ?? 1_000_000);
execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
const { predictGroups } = require(join(root, 'dist/server/libs/lifecycle/src/churn-score.js'));

// mulberry32: a seeded uniform generator, so every run draws the same customers.
let seed = 7;
const uniform = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let q = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  q = (q + Math.imul(q ^ (q >>> 7), 61 | q)) ^ q;
  return (((q ^ (q >>> 14)) >>> 0) + 0.5) / 4294967296;
};
const gamma = (shape) => {
  if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const v = (1 + c * n) ** 3;
    if (v > 0 && Math.log(uniform()) < (n * n) / 2 + d - d * v + d * Math.log(v)) return d * v;
  }
};

const truth = { r: 0.6, alpha: 40, a: 0.7, b: 3 }; // weeks: about one trip in 67 weeks while active
const counts = new Map();
for (let i = 0; i < customers; i++) {
  const tDays = Math.floor(uniform() * 1826);
  const perDay = gamma(truth.r) / truth.alpha / 7;
  const g = gamma(truth.a);
  const drop = g / (g + gamma(truth.b));
  let x = 0;
  let last = 0;
  for (let t = 0; ; ) {
    t += -Math.log(uniform()) / perDay;
    if (t > tDays) break;
    if (Math.floor(t) > last) {
      x++; // a purchase on a new day (several on one day are one purchase)
      last = Math.floor(t);
    }
    if (uniform() < drop) break;
  }
  const key = `${x} ${last} ${tDays}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const groups = [...counts].map(([key, count]) => {
  const [x, txDays, tDays] = key.split(' ').map(Number);
  return { x, txDays, tDays, count };
});

const t0 = process.hrtime.bigint();
const { fit, predictions } = predictGroups(groups);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const f = (v) => v.toFixed(3);
console.log(`${customers.toLocaleString('en')} customers, ${groups.length.toLocaleString('en')} distinct (x, tₓ, T); fit (${fit.evaluations} likelihood evaluations) and ${predictions.length.toLocaleString('en')} group predictions: ${seconds.toFixed(2)} s\n`);
console.log('| | r | α | a | b |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(`| simulated from | ${f(truth.r)} | ${f(truth.alpha)} | ${f(truth.a)} | ${f(truth.b)} |`);
console.log(`| fitted | ${f(fit.params.r)} | ${f(fit.params.alpha)} | ${f(fit.params.a)} | ${f(fit.params.b)} |`);
