import { DEFAULT_HEALTH_POLICY, healthScore } from '../health-score';
import { storedFields } from '../lifecycle-stages.repository';

const health = healthScore(
  {
    pAlive: 0.812, typicalGapDays: 120, purchases: 3, daysSinceLastPurchase: 200, purchaseSpanDays: 300,
    trend: { tripsLast12m: 1, tripsPrior12m: 2, valueLast12m: 80000, valuePrior12m: 160000 },
    interactions: { last90d: 1, expected: 6.4 },
    complaints: { total: 1, open: 1, breached: 0, severe: 0, recent: 1, unsatisfied: 0, satisfied: 0 },
  },
  DEFAULT_HEALTH_POLICY,
)!;

describe('storedFields (the STORE statement reads them)', () => {
  it('a buyer: stage, score, band, policy, P(alive), trips, the window, then the reasons as JSON', () => {
    const fields = storedFields({ pAlive: 0.812, expectedTrips52w: 1.25, nextTripWindow: { from: '2026-11-01', to: '2026-11-30', basis: 'seasonal' } }, health, 'repeat');
    const f = fields.split('\t');
    expect(f).toHaveLength(10);
    expect(f.slice(0, 9)).toEqual(['repeat', String(health.score), health.band, '0', '0.812', '1.25', '2026-11-01', '2026-11-30', 'seasonal']);
    expect(JSON.parse(f[9])).toEqual(health.reasons);
    expect(fields).not.toContain('\n');
  });
  it('no window, no health, no prediction: empty fields (null to the statement)', () => {
    expect(storedFields({ pAlive: 1, expectedTrips52w: 0.33, nextTripWindow: null }, health, 'new').split('\t').slice(4, 9)).toEqual(['1', '0.33', '', '', '']);
    expect(storedFields(null, null, 'prospect')).toBe(`prospect${'\t'.repeat(9)}`);
  });
  it('numbers as JavaScript writes them, so the database reads back the same doubles', () => {
    const f = storedFields({ pAlive: 0.1 + 0.2, expectedTrips52w: 1e-7, nextTripWindow: null }, null, 'new').split('\t');
    expect(Number(f[4])).toBe(0.1 + 0.2);
    expect(Number(f[5])).toBe(1e-7);
  });
});
