import { BACKTEST_COLUMNS, rocAuc, splitHoldout, transactionHealth, typicalGapDays } from '../backtest';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, ½ for a useless one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
  });
  it('is the share of (positive, negative) pairs ordered right, ties counting half', () => {
    // Positives 0.4, 0.7; negatives 0.1, 0.4, 0.8: pairs right 1 + ½ + 0 + 1 + 1 + 0 = 3.5 of 6.
    expect(rocAuc([0.1, 0.4, 0.4, 0.7, 0.8], [false, false, true, true, false])).toBeCloseTo(3.5 / 6, 12);
  });
  it('refuses a single class, mismatched lengths and non-finite scores', () => {
    expect(() => rocAuc([1, 2], [true, true])).toThrow(RangeError);
    expect(() => rocAuc([1, 2], [true])).toThrow(RangeError);
    expect(() => rocAuc([1, NaN], [true, false])).toThrow(RangeError);
  });
});

describe('splitHoldout', () => {
  const purchases = [
    { customerId: 'a', day: '2026-01-01' },
    { customerId: 'a', day: '2026-01-15' },
    { customerId: 'a', day: '2026-02-05' }, // hold-out
    { customerId: 'a', day: '2026-02-05' }, // same day: one purchase
    { customerId: 'a', day: '2026-03-01' }, // after the hold-out
    { customerId: 'b', day: '2026-01-29' },
    { customerId: 'c', day: '2026-02-10' }, // first bought in the hold-out: not in the cohort
  ];
  it('summarises the calibration period and counts hold-out purchase days', () => {
    expect(splitHoldout(purchases, '2026-01-29', '2026-02-26')).toEqual([
      { id: 'a', calibration: { x: 1, tx: 2, T: 4 }, holdoutPurchases: 1 },
      { id: 'b', calibration: { x: 0, tx: 0, T: 0 }, holdoutPurchases: 0 },
    ]);
  });
});

describe('BACKTEST_COLUMNS', () => {
  const model = { params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, horizonWeeks: 39, typicalGapDays: 49 };
  const customer = (x: number, tx: number, T: number) => ({ id: 'c', calibration: { x, tx, T }, holdoutPurchases: 0 });
  it.each(BACKTEST_COLUMNS.map((c) => [c.name, c]))('%s scores a long-quiet customer above a recent one', (_, column) => {
    expect(column.score(model, customer(3, 5, 38))).toBeGreaterThan(column.score(model, customer(3, 37, 38)));
  });
});

describe('transactionHealth', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it('scores P(alive) and recency only: the trend has no second year in a 39-week calibration', () => {
    const h = transactionHealth(params, { x: 2, tx: 10, T: 38 }, 49);
    expect(h.reasons.map((r) => r.component).sort()).toEqual(['pAlive', 'recency']);
    // 196 days since the last purchase against a usual gap of 35: recency 0
    expect(h.reasons.find((r) => r.component === 'recency')!.facts).toEqual({ daysSinceLastPurchase: 196, usualGapDays: 35, ratio: 5.6 });
  });
  it('a one-time buyer is judged on recency alone, against the population’s typical gap', () => {
    const h = transactionHealth(params, { x: 0, tx: 0, T: 14 }, 49);
    expect(h.reasons).toEqual([{ component: 'recency', score: 50, weight: 1, impact: 50, facts: { daysSinceLastPurchase: 98, usualGapDays: 49, ratio: 2 } }]);
    expect(transactionHealth(params, { x: 0, tx: 0, T: 14 }, null).score).toBe(100); // the policy's year, while nobody bought twice
  });
});

describe('typicalGapDays', () => {
  it('is the median of tₓ / x in days over the repeat buyers', () => {
    expect(typicalGapDays([{ x: 0, tx: 0, T: 5 }, { x: 1, tx: 2, T: 5 }, { x: 2, tx: 2, T: 5 }, { x: 4, tx: 12, T: 20 }])).toBe(14);
    expect(typicalGapDays([{ x: 1, tx: 2, T: 5 }, { x: 2, tx: 2, T: 5 }])).toBe(10.5);
    expect(typicalGapDays([{ x: 0, tx: 0, T: 5 }])).toBeNull();
  });
});
