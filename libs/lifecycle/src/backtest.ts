import { BgNbdFit, BgNbdParams, expectedPurchases, expectedPurchasesUnconditional, fitBgNbd, pAlive, pNoPurchase } from './bg-nbd';
import { Health, healthScore } from './health-score';
import { DAYS_PER_WEEK, PurchaseHistory, dayNumber, groupHistories, purchaseHistory } from './purchase-history';

/** A customer seen in the calibration period, with what they then did in the hold-out period. */
export interface HoldoutCustomer {
  id: string;
  calibration: PurchaseHistory;
  /** Purchase days in the hold-out period. */
  holdoutPurchases: number;
}

/**
 * Splits purchases at the end of the calibration period: (x, tₓ, T) as of calibrationEnd for everyone who
 * bought by then, and their purchase days in (calibrationEnd, holdoutEnd]. Later first-time buyers are not
 * in the cohort.
 */
export function splitHoldout(purchases: Iterable<{ customerId: string; day: string }>, calibrationEnd: string, holdoutEnd: string): HoldoutCustomer[] {
  const end = dayNumber(calibrationEnd);
  const last = dayNumber(holdoutEnd);
  const byCustomer = new Map<string, { calibration: string[]; holdout: Set<number> }>();
  for (const { customerId, day } of purchases) {
    const d = dayNumber(day);
    const c = byCustomer.get(customerId) ?? byCustomer.set(customerId, { calibration: [], holdout: new Set() }).get(customerId)!;
    if (d <= end) c.calibration.push(day);
    else if (d <= last) c.holdout.add(d);
  }
  const customers: HoldoutCustomer[] = [];
  for (const [id, c] of byCustomer) {
    const calibration = purchaseHistory(c.calibration, calibrationEnd);
    if (calibration) customers.push({ id, calibration, holdoutPurchases: c.holdout.size });
  }
  return customers;
}

/** A score per customer where higher means "more likely to make no purchase in the hold-out". */
export interface ScoreColumn {
  name: string;
  score: (model: { params: BgNbdParams; horizonWeeks: number; typicalGapDays: number | null }, customer: HoldoutCustomer) => number;
}

/**
 * The columns every backtest compares; a new score (the health score) is one more entry. P(alive) is 1
 * for everyone without a repeat purchase (they cannot have dropped out: dropping out follows a purchase),
 * so it cannot rank them; P(no purchase in the hold-out) is the model's own answer to the question.
 */
export const BACKTEST_COLUMNS: readonly ScoreColumn[] = [
  { name: 'BG/NBD P(alive)', score: ({ params }, c) => 1 - pAlive(params, c.calibration) },
  { name: 'BG/NBD P(no purchase in the hold-out)', score: ({ params, horizonWeeks }, c) => pNoPurchase(params, c.calibration, horizonWeeks) },
  { name: 'recency only (weeks since the last purchase)', score: (_, c) => c.calibration.T - c.calibration.tx },
  {
    name: 'health score (P(alive) and recency against the usual gap; 100 − score)',
    score: ({ params, typicalGapDays }, c) => 100 - transactionHealth(params, c.calibration, typicalGapDays).score,
  },
];

/**
 * The health score from transactions alone, as CDNOW allows: P(alive) and recency against the customer's
 * own gap. The trend is left out (no data): its two 12-month windows are longer than a 39-week calibration,
 * so it would score every customer the same. Interactions, complaints and NPS are not in the data.
 */
export function transactionHealth(params: BgNbdParams, h: PurchaseHistory, typicalGapDays: number | null): Health {
  return healthScore({
    pAlive: pAlive(params, h),
    typicalGapDays,
    purchases: h.x + 1,
    daysSinceLastPurchase: Math.round((h.T - h.tx) * DAYS_PER_WEEK),
    purchaseSpanDays: Math.round(h.tx * DAYS_PER_WEEK),
    trend: { tripsLast12m: 0, tripsPrior12m: 0, valueLast12m: 0, valuePrior12m: 0 },
    interactions: { last90d: 0, expected: null },
    complaints: { total: 0, open: 0, breached: 0, severe: 0, recent: 0, unsatisfied: 0, satisfied: 0 },
  })!;
}

/** The median usual gap in days (tₓ / x) of the customers with a repeat purchase, as the churn-score job takes it. */
export function typicalGapDays(histories: readonly PurchaseHistory[]): number | null {
  const gaps = histories.filter((h) => h.x > 0).map((h) => (h.tx * DAYS_PER_WEEK) / h.x).sort((u, v) => u - v);
  if (!gaps.length) return null;
  const mid = gaps.length / 2;
  return gaps.length % 2 ? gaps[Math.floor(mid)] : (gaps[mid - 1] + gaps[mid]) / 2;
}

export interface BacktestReport {
  fit: BgNbdFit;
  horizonWeeks: number;
  /** Hold-out purchases: actual, predicted per customer (eq. 10, summed), and predicted for the cohort without histories (eq. 9). */
  total: { actual: number; predicted: number; predictedUnconditional: number };
  /** By calibration repeat purchases, as in the paper's conditional-expectations figure; the last group is "maxX or more". */
  byX: { x: string; customers: number; actualMean: number; predictedMean: number }[];
  /** AUC of each column for "made no purchase in the hold-out". */
  auc: { name: string; auc: number }[];
}

/** Fits on the calibration histories, predicts the hold-out of each customer and scores the columns. */
export function backtestBgNbd(
  customers: readonly HoldoutCustomer[],
  holdoutDays: number,
  columns: readonly ScoreColumn[] = BACKTEST_COLUMNS,
  maxX = 7,
): BacktestReport {
  const horizonWeeks = holdoutDays / DAYS_PER_WEEK;
  const fit = fitBgNbd(groupHistories(customers.map((c) => c.calibration)));
  const predicted = customers.map((c) => expectedPurchases(fit.params, c.calibration, horizonWeeks));
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const byX = Array.from({ length: maxX + 1 }, (_, x) => {
    const members = customers.map((c, i) => ({ c, i })).filter(({ c }) => (x === maxX ? c.calibration.x >= x : c.calibration.x === x));
    const n = members.length;
    return {
      x: x === maxX ? `${x}+` : `${x}`,
      customers: n,
      actualMean: n ? sum(members.map(({ c }) => c.holdoutPurchases)) / n : NaN,
      predictedMean: n ? sum(members.map(({ i }) => predicted[i])) / n : NaN,
    };
  });
  const none = customers.map((c) => c.holdoutPurchases === 0);
  const model = { params: fit.params, horizonWeeks, typicalGapDays: typicalGapDays(customers.map((c) => c.calibration)) };
  return {
    fit,
    horizonWeeks,
    total: {
      actual: sum(customers.map((c) => c.holdoutPurchases)),
      predicted: sum(predicted),
      predictedUnconditional: sum(
        customers.map((c) => expectedPurchasesUnconditional(fit.params, c.calibration.T + horizonWeeks) - expectedPurchasesUnconditional(fit.params, c.calibration.T)),
      ),
    },
    byX,
    auc: columns.map((col) => ({ name: col.name, auc: rocAuc(customers.map((c) => col.score(model, c)), none) })),
  };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting half (the Mann–Whitney U statistic over the two group sizes).
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  if (scores.length !== positive.length) throw new RangeError('rocAuc: one label per score');
  if (!scores.every(Number.isFinite)) throw new RangeError('rocAuc: scores must be finite');
  const order = scores.map((s, i) => ({ s, p: positive[i] })).sort((u, v) => u.s - v.s);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    const meanRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (; i < j; i++) {
      if (!order[i].p) continue;
      positives++;
      rankSum += meanRank;
    }
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('rocAuc: needs positives and negatives');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
