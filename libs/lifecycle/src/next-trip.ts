import { BgNbdParams, pAlive } from './bg-nbd';
import { DAYS_PER_WEEK, DAY_MS, PurchaseHistory, dayNumber, dayString } from './purchase-history';

/** A trip of the customer's sales bookings: departure and return days (YYYY-MM-DD, agency calendar). */
export interface Trip {
  departure: string;
  return: string | null;
}

/** Days after asOf. */
export interface ModelWindow {
  fromDays: number;
  toDays: number;
}

export interface TripWindow {
  from: string;
  to: string;
  /** booked: a sale already made for a later trip; seasonal: the customer's own month; model: BG/NBD. */
  basis: 'booked' | 'seasonal' | 'model';
}

/** A window only where a purchase within the horizon is at least this likely. */
export const MODEL_WINDOW_MIN_PROBABILITY = 0.5;

/**
 * When the model expects the next purchase: the middle half (quartiles) of its timing given that it falls
 * within the horizon, or null where a purchase within the horizon is less likely than MODEL_WINDOW_MIN_PROBABILITY.
 * Alive, the customer buys at a rate λ ~ Gamma(r + x, α + T), so P(a purchase by t) = P(alive)·(1 − s(t)) with
 * s(t) = ((α+T)/(α+T+t))^(r+x), and the q-quantile solves s(t) = 1 − q(1 − s(h)).
 */
export function modelTripWindow(params: BgNbdParams, history: PurchaseHistory, horizonWeeks = 52): ModelWindow | null {
  const alive = pAlive(params, history);
  const { r, alpha } = params;
  const scale = alpha + history.T;
  const shape = r + history.x;
  const quiet = Math.pow(scale / (scale + horizonWeeks), shape);
  if (alive * (1 - quiet) < MODEL_WINDOW_MIN_PROBABILITY) return null;
  const quantile = (q: number) => scale * (Math.pow(1 - q * (1 - quiet), -1 / shape) - 1);
  const fromDays = Math.max(1, Math.round(quantile(0.25) * DAYS_PER_WEEK));
  return { fromDays, toDays: Math.max(fromDays, Math.round(quantile(0.75) * DAYS_PER_WEEK)) };
}

/**
 * The next trip as of asOf: a trip already booked for later; otherwise the customer's own season — a month
 * in which they departed in at least two different years — at its next occurrence not yet travelled;
 * otherwise the model's window; otherwise null. `trips` are those booked by asOf.
 */
export function nextTripWindow(asOf: string, trips: readonly Trip[], model: ModelWindow | null): TripWindow | null {
  const today = dayNumber(asOf);
  const booked = trips
    .filter((t) => dayNumber(t.departure) > today)
    .map((t) => ({ from: t.departure, to: t.return ?? t.departure }))
    .sort((u, v) => u.from.localeCompare(v.from) || u.to.localeCompare(v.to))[0];
  const past = trips.map((t) => dayNumber(t.departure)).filter((d) => d <= today);
  return nextTripWindowOfDays(today, booked ?? null, past, model);
}

/**
 * nextTripWindow on day numbers, as the churn-score job has them from SQL: `booked` the earliest trip booked
 * for after `today` (departure, then return), `past` the departure days on or before it (repeats allowed).
 */
export function nextTripWindowOfDays(today: number, booked: { from: string; to: string } | null, past: readonly number[], model: ModelWindow | null): TripWindow | null {
  if (booked) return { ...booked, basis: 'booked' };
  const season = nextSeason(today, past);
  if (season) return { from: dayString(Math.max(season.start, today + 1)), to: dayString(season.end), basis: 'seasonal' };
  return model ? { from: dayString(today + model.fromDays), to: dayString(today + model.toDays), basis: 'model' } : null;
}

/**
 * The soonest occurrence, this year or next, of a month in which the customer departed in at least two different
 * years that is not over yet and not already travelled (a trip in this very month counts as this occurrence); its
 * first and last days. Loops over plain arrays: the job runs it for every customer without a trip booked.
 */
function nextSeason(today: number, past: readonly number[]): { start: number; end: number } | null {
  const yearSeen: (number | undefined)[] = new Array(12);
  const seasonal: boolean[] = new Array(12).fill(false);
  let lastTrip = -Infinity;
  for (const n of past) {
    const d = new Date(n * DAY_MS);
    const month = d.getUTCMonth();
    const year = d.getUTCFullYear();
    if (yearSeen[month] === undefined) yearSeen[month] = year;
    else if (yearSeen[month] !== year) seasonal[month] = true;
    lastTrip = Math.max(lastTrip, n);
  }
  const thisYear = new Date(today * DAY_MS).getUTCFullYear();
  let soonest: { start: number; end: number } | null = null;
  for (let month = 0; month < 12; month++) {
    if (!seasonal[month]) continue;
    for (const year of [thisYear, thisYear + 1]) {
      const start = Date.UTC(year, month, 1) / DAY_MS;
      const end = Date.UTC(year, month + 1, 0) / DAY_MS;
      if (end > today && start > lastTrip && (soonest === null || start < soonest.start)) soonest = { start, end };
    }
  }
  return soonest;
}
