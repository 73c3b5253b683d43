import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bgNbdLogLikelihood, fitBgNbd } from '../bg-nbd';
import { BacktestReport, HoldoutCustomer, backtestBgNbd, splitHoldout } from '../backtest';
import { HistoryGroup, groupHistories, purchaseHistory } from '../purchase-history';

// The CDNOW sample of Fader, Hardie & Lee (2005), copied from the shared datasets (bench/lifecycle/cdnow/README.md).
const DIR = join(__dirname, '../../../../bench/lifecycle/cdnow');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const CALIBRATION_END = '1997-09-30';
const HOLDOUT_END = '1998-06-30';

/** ID,frequency,recency,T: the calibration summary in weeks, rounded to 2 decimals as published. */
const summary = read('cdnow_customers_summary.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number))
  .map(([id, x, tx, T]) => ({ id: String(id), x, tx, T }));
/** One purchase a line: cohort id, sample id, YYYYMMDD, CDs, dollars. */
const purchases = read('CDNOW_sample.txt')
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .map(([, id, d]) => ({ customerId: String(Number(id)), day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` }));

describe('CDNOW (Fader, Hardie & Lee 2005)', () => {
  const groups: HistoryGroup[] = groupHistories(summary);

  it('fitting the calibration summary gives the published r, α, a, b and log-likelihood', () => {
    expect(summary).toHaveLength(2357);
    const fit = fitBgNbd(groups);
    expect(fit.customers).toBe(2357);
    const { r, alpha, a, b } = fit.params;
    // The paper prints three decimals; the fit rounds to them (and so agrees to two, as required).
    expect([r, alpha, a, b].map((v) => v.toFixed(3))).toEqual(['0.243', '4.414', '0.793', '2.426']);
    expect(fit.logLikelihood.toFixed(1)).toBe('-9582.4');
  });

  it('the published parameters are (to their printed precision) a maximum: nudging any one lowers the likelihood', () => {
    const fit = fitBgNbd(groups);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.98, 1.02]) {
        expect(bgNbdLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, groups)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('the raw transactions summarised as of the end of calibration give the published summary', () => {
    const days = new Map<string, string[]>();
    for (const p of purchases) days.set(p.customerId, days.get(p.customerId) ?? []).get(p.customerId)!.push(p.day);
    const mine = summary.map(({ id }) => purchaseHistory(days.get(id)!, CALIBRATION_END)!);
    mine.forEach((h, i) => {
      expect(h.x).toBe(summary[i].x);
      expect(h.tx.toFixed(2)).toBe(summary[i].tx.toFixed(2));
      expect(h.T.toFixed(2)).toBe(summary[i].T.toFixed(2));
    });
  });

  describe('the 39-week hold-out, fitted on the raw calibration transactions', () => {
    let customers: HoldoutCustomer[];
    let report: BacktestReport;
    beforeAll(() => {
      customers = splitHoldout(purchases, CALIBRATION_END, HOLDOUT_END);
      report = backtestBgNbd(customers, 273);
    });

    it('the cohort is the 2,357 first-quarter customers; the hold-out has 1,882 purchase days', () => {
      expect(customers).toHaveLength(2357);
      expect(report.horizonWeeks).toBe(39);
      expect(report.total.actual).toBe(1882);
    });
    it('fits the same parameters as the published summary (which is rounded to 2 decimals)', () => {
      expect([report.fit.params.r, report.fit.params.alpha, report.fit.params.a, report.fit.params.b].map((v) => v.toFixed(2))).toEqual(['0.24', '4.41', '0.79', '2.43']);
    });
    it('the per-customer predictions (eq. 10) add up to what the model expects of the cohort (eq. 9)', () => {
      expect(Math.abs(report.total.predicted / report.total.predictedUnconditional - 1)).toBeLessThan(0.01);
    });
    it('predicts the hold-out within 13 % in total, and each calibration frequency within 0.4 purchases a customer', () => {
      expect(report.total.predicted).toBeCloseTo(1653.4, 1);
      expect(report.total.predicted / report.total.actual).toBeGreaterThan(0.87);
      expect(report.byX.map((g) => g.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
      for (const g of report.byX) expect(Math.abs(g.predictedMean - g.actualMean)).toBeLessThan(0.4);
      const means = report.byX.map((g) => g.predictedMean);
      expect(means).toEqual([...means].sort((u, v) => u - v));
    });
    it('ranks who makes no purchase: P(no purchase) and the health score about as well as recency, P(alive) alone not (it is 1 at x = 0)', () => {
      const auc = Object.fromEntries(report.auc.map((a) => [a.name, a.auc.toFixed(3)]));
      expect(auc).toEqual({
        'BG/NBD P(alive)': '0.316',
        'BG/NBD P(no purchase in the hold-out)': '0.757',
        'recency only (weeks since the last purchase)': '0.771',
        // From transactions alone: P(alive) with a repeat purchase, recency against the customer's (or the cohort's) gap.
        'health score (P(alive) and recency against the usual gap; 100 − score)': '0.759',
      });
    });
  });
});
