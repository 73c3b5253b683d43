import type { HealthBand } from './health-score';

/**
 * Lifecycle stages (issue 7). A trip is a sale: a purchase day, as the BG/NBD model counts them.
 * A pure function of the customer's facts as of a day; the stage before does not enter, so a rerun agrees.
 */
export const STAGES = ['prospect', 'new', 'repeat', 'loyal', 'at_risk', 'sleeping', 'lost', 'reactivated'] as const;
export type Stage = (typeof STAGES)[number];

export const SLEEPING_AFTER_DAYS = 365;
export const LOST_AFTER_DAYS = 730;
export const LOST_BELOW_P_ALIVE = 0.1;

export interface StageFacts {
  /** Distinct purchase days up to the day scored. */
  purchases: number;
  /** Days from the last purchase to the day scored; null without one. */
  daysSinceLastPurchase: number | null;
  /** Days between the last purchase and the one before it; null with fewer than two. */
  lastGapDays: number | null;
  pAlive: number | null;
  healthBand: HealthBand | null;
  /** High loyalty by the tiering policy (a loyal quadrant of the scale × loyalty matrix). */
  loyal: boolean;
}

/**
 * First match wins: no sale → prospect; no trip for 24 months or P(alive) under 0.1 → lost; for 12 months →
 * sleeping; red health → at_risk; the last sale came after 12+ months without one (they had been sleeping or
 * lost) → reactivated, until the next sale or another stage takes over; then loyal, repeat, new.
 */
export function lifecycleStage(f: StageFacts): Stage {
  if (f.purchases < 1 || f.daysSinceLastPurchase === null) return 'prospect';
  if (f.daysSinceLastPurchase >= LOST_AFTER_DAYS || (f.pAlive !== null && f.pAlive < LOST_BELOW_P_ALIVE)) return 'lost';
  if (f.daysSinceLastPurchase >= SLEEPING_AFTER_DAYS) return 'sleeping';
  if (f.healthBand === 'red') return 'at_risk';
  if (f.lastGapDays !== null && f.lastGapDays >= SLEEPING_AFTER_DAYS) return 'reactivated';
  if (f.purchases >= 2) return f.loyal ? 'loyal' : 'repeat';
  return 'new';
}
