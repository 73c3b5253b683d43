// Backtest of the BG/NBD model on CDNOW (issue 7), from the raw transactions in bench/lifecycle/cdnow (a copy of ../shared/datasets/cdnow):
// fits on the 39-week calibration period (1997-01-01 … 1997-09-30), predicts each customer's purchases in the
// 39-week hold-out (… 1998-06-30), and prints the fit, predicted vs actual purchases (in total and by calibration
// frequency, as in the paper's conditional-expectations figure), and the AUC of each score for "made no purchase
// in the hold-out". Prints Markdown; the figures are recorded in docs/lifecycle.md.
// usage: npm run backtest:cdnow [-- path/to/cdnow]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const dir = process.argv[2] ?? join(root, 'bench/lifecycle/cdnow');

execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
const { backtestBgNbd, splitHoldout } = require(join(root, 'dist/server/libs/lifecycle/src/backtest.js'));

// One purchase a line: cohort id, sample id, YYYYMMDD, CDs, dollars.
const purchases = readFileSync(join(dir, 'CDNOW_sample.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .map(([, id, d]) => ({ customerId: id, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` }));

const t0 = process.hrtime.bigint();
const customers = splitHoldout(purchases, '1997-09-30', '1998-06-30');
const report = backtestBgNbd(customers, 273);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

const { r, alpha, a, b } = report.fit.params;
const f = (v, d = 3) => v.toFixed(d);
console.log(`CDNOW: ${customers.length} customers, ${purchases.length} transactions; calibration to 1997-09-30, hold-out ${report.horizonWeeks} weeks to 1998-06-30 (split, fit, predict and score: ${ms.toFixed(0)} ms)\n`);
console.log('| | r | α | a | b | log-likelihood |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(`| fitted on the raw calibration transactions | ${f(r)} | ${f(alpha)} | ${f(a)} | ${f(b)} | ${f(report.fit.logLikelihood, 1)} |`);
console.log('| published (Fader, Hardie & Lee 2005) | 0.243 | 4.414 | 0.793 | 2.426 | −9582.4 |\n');

const { actual, predicted, predictedUnconditional } = report.total;
console.log('| hold-out purchases (purchase days) | total | vs actual |');
console.log('| --- | ---: | ---: |');
console.log(`| actual | ${actual} | |`);
console.log(`| predicted per customer, E[Y(39) \\| x, tₓ, T] summed | ${f(predicted, 1)} | ${f((predicted / actual - 1) * 100, 1)} % |`);
console.log(`| predicted for the cohort, Σ E[X(T+39)] − E[X(T)] | ${f(predictedUnconditional, 1)} | ${f((predictedUnconditional / actual - 1) * 100, 1)} % |\n`);

console.log('| calibration repeat purchases x | customers | actual hold-out mean | predicted mean |');
console.log('| ---: | ---: | ---: | ---: |');
for (const g of report.byX) console.log(`| ${g.x} | ${g.customers} | ${f(g.actualMean)} | ${f(g.predictedMean)} |`);

const none = customers.filter((c) => c.holdoutPurchases === 0).length;
console.log(`\n| score for "made no purchase in the hold-out" (${none} of ${customers.length}) | AUC |`);
console.log('| --- | ---: |');
for (const { name, auc } of report.auc) console.log(`| ${name} | ${f(auc)} |`);
