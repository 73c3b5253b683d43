import { DEFAULT_HEALTH_POLICY, HealthFacts, HealthPolicy, healthBand, healthScore } from '../health-score';

const NO_COMPLAINTS = { total: 0, open: 0, breached: 0, severe: 0, recent: 0, unsatisfied: 0, satisfied: 0 };
/** A steady customer: alive, on their usual rhythm, flat trend, contacted as the tier asks, no complaints. */
const base = (over: Partial<HealthFacts> = {}): HealthFacts => ({
  pAlive: 1,
  typicalGapDays: 200,
  purchases: 3,
  daysSinceLastPurchase: 100,
  purchaseSpanDays: 360,
  trend: { tripsLast12m: 1, tripsPrior12m: 1, valueLast12m: 1000, valuePrior12m: 1000 },
  interactions: { last90d: 3, expected: 3 },
  complaints: NO_COMPLAINTS,
  ...over,
});
const reason = (facts: HealthFacts, component: string, policy?: HealthPolicy) => healthScore(facts, policy)!.reasons.find((r) => r.component === component);

describe('healthScore', () => {
  it('is null without a sale: there is nothing to be healthy about', () => {
    expect(healthScore(base({ purchases: 0, pAlive: null, daysSinceLastPurchase: null, purchaseSpanDays: null }))).toBeNull();
  });

  it('weights the components with data: a steady customer scores the flat trend’s 50 at 15 % of 100', () => {
    // pAlive 100, recency 100, trend 50, interactions 100 → (25·100 + 25·100 + 15·50 + 15·100) / 80
    const h = healthScore(base())!;
    expect(h.score).toBe(Math.round((2500 + 2500 + 750 + 1500) / 80));
    expect(h.band).toBe('green');
    expect(h.policyVersion).toBe(DEFAULT_HEALTH_POLICY.version);
    expect(h.reasons.map((r) => r.component)).toEqual(['trend', 'pAlive', 'recency', 'interactions']);
    expect(h.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 2);
  });

  it('leaves out a component without data and renormalises, rather than scoring it 0', () => {
    const without = healthScore(base({ interactions: { last90d: 0, expected: null } }))!;
    expect(without.reasons.map((r) => r.component)).not.toContain('interactions');
    expect(without.score).toBe(Math.round((2500 + 2500 + 750) / 65));
    expect(reason(base({ interactions: { last90d: 0, expected: null } }), 'pAlive')!.weight).toBeCloseTo(25 / 65, 3);
    // No complaints in 24 months and no NPS answers are no data either.
    expect(reason(base(), 'complaints')).toBeUndefined();
    expect(reason(base(), 'nps')).toBeUndefined();
    expect(reason(base({ nps: null }), 'nps')).toBeUndefined();
    expect(reason(base({ nps: { answers: 0, average: 0 } }), 'nps')).toBeUndefined();
  });

  it('a policy weight of 0 drops the component', () => {
    const policy = { ...DEFAULT_HEALTH_POLICY, weights: { ...DEFAULT_HEALTH_POLICY.weights, trend: 0 } };
    expect(healthScore(base(), policy)!.score).toBe(100);
  });

  it.each([
    [0.05, 5],
    [0.5, 50],
    [0.999, 99.9],
  ])('P(alive) %p scores %p', (pAlive, score) => {
    expect(reason(base({ pAlive }), 'pAlive')!.score).toBe(score);
  });

  it.each([
    // days since the last purchase, span, purchases → recency score (usual gap = span / (purchases − 1))
    [100, 360, 3, 100], // within the usual 180 days
    [180, 360, 3, 100], // exactly the usual gap
    [360, 360, 3, 50], // twice it
    [540, 360, 3, 0], // three times it
    [900, 360, 3, 0],
    [270, 360, 3, 75],
    [200, null, 1, 100], // one purchase: the population's typical gap of 200 days
    [400, null, 1, 50],
    [600, null, 1, 0],
    [10, 0, 2, 0], // two purchases on days 0 apart would be one purchase; a zero span floors the gap at 1 day
  ])('recency %p days with span %p over %p purchases scores %p', (days, span, purchases, score) => {
    const r = reason(base({ daysSinceLastPurchase: days, purchaseSpanDays: span, purchases }), 'recency')!;
    expect(r.score).toBe(score);
    expect(r.facts.daysSinceLastPurchase).toBe(days);
  });

  it('judges a one-time buyer against the policy’s default gap while nobody has bought twice', () => {
    expect(reason(base({ purchases: 1, purchaseSpanDays: 0, daysSinceLastPurchase: 730, typicalGapDays: null }), 'recency')!.facts).toEqual({ daysSinceLastPurchase: 730, usualGapDays: 365, ratio: 2 });
  });

  it('leaves P(alive) out for a one-time buyer: it is 1 by construction, not evidence', () => {
    const h = healthScore(base({ purchases: 1, purchaseSpanDays: 0, pAlive: 1, daysSinceLastPurchase: 400 }))!;
    expect(h.reasons.map((r) => r.component)).not.toContain('pAlive');
    expect(reason(base({ purchases: 2, pAlive: 0.6 }), 'pAlive')!.score).toBe(60);
  });

  it('explains recency with the usual gap and the ratio', () => {
    expect(reason(base({ daysSinceLastPurchase: 360 }), 'recency')!.facts).toEqual({ daysSinceLastPurchase: 360, usualGapDays: 180, ratio: 2 });
  });

  it.each([
    // trips last, prior, value last, prior → trend score
    [1, 1, 100, 100, 50],
    [0, 2, 0, 500, 0], // stopped
    [2, 0, 500, 0, 100], // started
    [1, 2, 500, 1000, 25], // halved both
    [2, 1, 1000, 500, 75], // doubled both
    [1, 1, 500, 1000, 37.5], // same trips, half the value
    [3, 1, 300, 900, 66.7 - 16.7], // more trips, less value: (2/3 − 2/3) → 50
  ])('trend trips %p vs %p, value %p vs %p scores %p', (tl, tp, vl, vp, score) => {
    expect(reason(base({ trend: { tripsLast12m: tl, tripsPrior12m: tp, valueLast12m: vl, valuePrior12m: vp } }), 'trend')!.score).toBeCloseTo(score, 1);
  });

  it('has no trend without trips in either year', () => {
    expect(reason(base({ trend: { tripsLast12m: 0, tripsPrior12m: 0, valueLast12m: 0, valuePrior12m: 0 } }), 'trend')).toBeUndefined();
  });

  it.each([
    [0, 3, 0],
    [1, 3, 33.3],
    [3, 3, 100],
    [9, 3, 100], // more than asked is still full marks
    [1, 0.5, 100],
  ])('%p interactions against %p expected score %p', (last90d, expected, score) => {
    expect(reason(base({ interactions: { last90d, expected } }), 'interactions')!.score).toBe(score);
  });

  it.each([
    [{ total: 1 }, 100], // an old, closed, answered-nothing complaint costs nothing by itself
    [{ total: 1, open: 1, recent: 1 }, 75],
    [{ total: 1, open: 1, breached: 1, recent: 1 }, 55],
    [{ total: 1, severe: 1 }, 80],
    [{ total: 1, unsatisfied: 1 }, 75],
    [{ total: 1, recent: 1, satisfied: 1 }, 100], // handled well: the follow-up gives back what it cost
    [{ total: 3, open: 3, breached: 3, severe: 3, recent: 3, unsatisfied: 1 }, 0],
    [{ total: 0, open: 1 }, 85], // an open complaint older than the window still counts
  ])('complaints %p score %p', (c, score) => {
    expect(reason(base({ complaints: { ...NO_COMPLAINTS, ...c } }), 'complaints')!.score).toBe(score);
  });

  it.each([
    [10, 100],
    [9, 90],
    [6, 60],
    [0, 0],
  ])('NPS average %p scores %p', (average, score) => {
    expect(reason(base({ nps: { answers: 2, average } }), 'nps')!.score).toBe(score);
  });

  it('orders the reasons by the points they took off, the worst first', () => {
    const h = healthScore(base({ pAlive: 0.5, daysSinceLastPurchase: 400, complaints: { ...NO_COMPLAINTS, total: 1, open: 1, unsatisfied: 1 } }))!;
    const impacts = h.reasons.map((r) => r.impact);
    expect(impacts).toEqual([...impacts].sort((u, v) => v - u));
    expect(h.reasons[0].component).toBe('recency');
    for (const r of h.reasons) expect(r.impact).toBeCloseTo((100 - r.score) * r.weight, 0);
  });

  it('turns red when the customer drifts away on every front', () => {
    const h = healthScore(base({
      pAlive: 0.15,
      daysSinceLastPurchase: 500,
      trend: { tripsLast12m: 0, tripsPrior12m: 2, valueLast12m: 0, valuePrior12m: 5000 },
      interactions: { last90d: 0, expected: 3 },
      complaints: { ...NO_COMPLAINTS, total: 1, unsatisfied: 1 },
      nps: { answers: 1, average: 3 },
    }))!;
    expect(h.band).toBe('red');
    expect(h.score).toBeLessThan(20);
  });

  it('is the same for the same facts', () => {
    expect(healthScore(base({ pAlive: 0.4 }))).toEqual(healthScore(base({ pAlive: 0.4 })));
  });

  it.each([
    [100, 'green'],
    [70, 'green'],
    [69, 'yellow'],
    [40, 'yellow'],
    [39, 'red'],
    [0, 'red'],
  ])('band of %p is %p', (score, band) => {
    expect(healthBand(score)).toBe(band);
  });

  it('bands follow the policy', () => {
    expect(healthBand(75, { ...DEFAULT_HEALTH_POLICY, bands: { green: 80, yellow: 50 } })).toBe('yellow');
  });
});
