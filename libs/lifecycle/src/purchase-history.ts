/**
 * A customer's purchase history as the BG/NBD model sees it, in weeks: x repeat purchases (purchase days
 * after the first), tₓ from the first purchase to the last, T from the first purchase to asOf.
 */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/** Customers with identical histories, counted once: the likelihood is a sum over these groups. */
export interface HistoryGroup extends PurchaseHistory {
  count: number;
}

export const DAY_MS = 86_400_000;
export const DAYS_PER_WEEK = 7;

/** Days since 1970-01-01 of a calendar day written YYYY-MM-DD. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return ms / DAY_MS;
}

/** The calendar day (YYYY-MM-DD) a number of days after 1970-01-01. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * (x, tₓ, T) from the calendar days of a customer's purchases, as of the end of the day asOf. Several
 * purchases on one day are one purchase; days after asOf do not exist yet. Null without a purchase.
 */
export function purchaseHistory(days: Iterable<string>, asOf: string): PurchaseHistory | null {
  const end = dayNumber(asOf);
  const distinct = new Set<number>();
  for (const day of days) {
    const d = dayNumber(day);
    if (d <= end) distinct.add(d);
  }
  if (distinct.size === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const d of distinct) {
    first = Math.min(first, d);
    last = Math.max(last, d);
  }
  return { x: distinct.size - 1, tx: (last - first) / DAYS_PER_WEEK, T: (end - first) / DAYS_PER_WEEK };
}

/** Counts identical histories. */
export function groupHistories(histories: Iterable<PurchaseHistory>): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  for (const { x, tx, T } of histories) {
    const key = `${x} ${tx} ${T}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { x, tx, T, count: 1 });
  }
  return [...groups.values()];
}

/** Throws on a history the model cannot have produced. */
export function assertHistory({ x, tx, T }: PurchaseHistory): void {
  const valid = Number.isInteger(x) && x >= 0 && Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && tx <= T && (x > 0 || tx === 0);
  if (!valid) throw new RangeError(`not a purchase history: x = ${x}, tx = ${tx}, T = ${T}`);
}
