import { StageFacts, lifecycleStage } from '../lifecycle-stage';

const facts = (over: Partial<StageFacts> = {}): StageFacts => ({
  purchases: 1, daysSinceLastPurchase: 30, lastGapDays: null, pAlive: 1, healthBand: 'green', loyal: false, ...over,
});

describe('lifecycleStage', () => {
  it.each<[string, Partial<StageFacts>, string]>([
    ['no sale', { purchases: 0, daysSinceLastPurchase: null, pAlive: null, healthBand: null }, 'prospect'],
    ['one trip', {}, 'new'],
    ['one trip, health not yet scored', { healthBand: null }, 'new'],
    ['two trips', { purchases: 2, lastGapDays: 90 }, 'repeat'],
    ['two trips, loyal by tiering', { purchases: 2, lastGapDays: 90, loyal: true }, 'loyal'],
    ['one trip, loyal quadrant: loyal needs repeat', { loyal: true }, 'new'],
    ['red health', { purchases: 3, lastGapDays: 90, healthBand: 'red' }, 'at_risk'],
    ['yellow health is not at risk', { purchases: 3, lastGapDays: 90, healthBand: 'yellow' }, 'repeat'],
    ['364 days without a trip', { daysSinceLastPurchase: 364 }, 'new'],
    ['365 days without a trip', { daysSinceLastPurchase: 365 }, 'sleeping'],
    ['sleeping beats red health', { daysSinceLastPurchase: 400, healthBand: 'red' }, 'sleeping'],
    ['sleeping beats loyal', { purchases: 5, lastGapDays: 60, daysSinceLastPurchase: 500, loyal: true }, 'sleeping'],
    ['729 days', { daysSinceLastPurchase: 729 }, 'sleeping'],
    ['730 days', { daysSinceLastPurchase: 730 }, 'lost'],
    ['P(alive) under 0.1', { purchases: 4, lastGapDays: 20, daysSinceLastPurchase: 200, pAlive: 0.09 }, 'lost'],
    ['P(alive) of exactly 0.1', { purchases: 4, lastGapDays: 20, daysSinceLastPurchase: 200, pAlive: 0.1 }, 'repeat'],
    ['a sale after a year without one', { purchases: 2, lastGapDays: 365, daysSinceLastPurchase: 10 }, 'reactivated'],
    ['a sale after two years without one', { purchases: 3, lastGapDays: 800, daysSinceLastPurchase: 10, loyal: true }, 'reactivated'],
    ['a gap of 364 days was never sleeping', { purchases: 2, lastGapDays: 364, daysSinceLastPurchase: 10 }, 'repeat'],
    ['reactivated, then red', { purchases: 2, lastGapDays: 400, daysSinceLastPurchase: 200, healthBand: 'red' }, 'at_risk'],
    ['reactivated, then asleep again', { purchases: 2, lastGapDays: 400, daysSinceLastPurchase: 380 }, 'sleeping'],
    ['the next sale after the reactivating one ends it', { purchases: 3, lastGapDays: 30, daysSinceLastPurchase: 5 }, 'repeat'],
  ])('%s → %s', (_, over, stage) => {
    expect(lifecycleStage(facts(over))).toBe(stage);
  });
});
