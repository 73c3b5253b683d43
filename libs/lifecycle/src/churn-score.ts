import { BgNbdFit, expectedPurchases, fitBgNbd, pAlive } from './bg-nbd';
import { ModelWindow, TripWindow, modelTripWindow } from './next-trip';
import { DAYS_PER_WEEK, PurchaseHistory } from './purchase-history';

/** Customers with identical histories, in whole days (as the database counts them). */
export interface DayGroup {
  x: number;
  txDays: number;
  tDays: number;
  count: number;
}

/** The model's figures for one group of histories. */
export interface GroupPrediction extends DayGroup {
  pAlive: number;
  expectedTrips52w: number;
  window: ModelWindow | null;
}

/** A customer's prediction as stored: their group's figures and their own next-trip window. */
export interface Prediction {
  pAlive: number;
  expectedTrips52w: number;
  nextTripWindow: TripWindow | null;
}

export const PREDICTION_HORIZON_WEEKS = 52;

export function weeksOf(g: DayGroup): PurchaseHistory {
  return { x: g.x, tx: g.txDays / DAYS_PER_WEEK, T: g.tDays / DAYS_PER_WEEK };
}

/**
 * Fits the model on every customer's history and predicts each group. Figures are rounded (P(alive) to
 * 3 decimals, trips to 2) so that a night that changes nothing one could see writes nothing.
 */
export function predictGroups(groups: readonly DayGroup[]): { fit: BgNbdFit; predictions: GroupPrediction[] } {
  const fit = fitBgNbd(groups.map((g) => ({ ...weeksOf(g), count: g.count })));
  const predictions = groups.map((g) => {
    const h = weeksOf(g);
    // Fields spelled out: a spread over half a million groups costs seconds in allocation.
    return {
      x: g.x,
      txDays: g.txDays,
      tDays: g.tDays,
      count: g.count,
      pAlive: round(pAlive(fit.params, h), 3),
      expectedTrips52w: round(expectedPurchases(fit.params, h, PREDICTION_HORIZON_WEEKS), 2),
      window: modelTripWindow(fit.params, h, PREDICTION_HORIZON_WEEKS),
    };
  });
  return { fit, predictions };
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
