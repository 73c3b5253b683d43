import { parseExpression } from 'cron-parser';

/** The next time a cron pattern fires strictly after `after`, in the given time zone. */
export function nextFire(cron: string, after: Date, timeZone: string): Date {
  return parseExpression(cron, { currentDate: after, tz: timeZone }).next().toDate();
}

/** The last time a cron pattern fired at or before `at`. */
export function previousFire(cron: string, at: Date, timeZone: string): Date {
  // cron-parser's prev() is strictly before currentDate; nudge by 1 ms so a fire exactly at `at` counts.
  return parseExpression(cron, { currentDate: new Date(at.getTime() + 1), tz: timeZone }).prev().toDate();
}

/**
 * A schedule does not replay every run missed while no worker was up, but the most recent missed one
 * is owed: it is due when the last fire at or before `now` is later than the last successful run.
 */
export function missedFire(cron: string, lastSuccessAt: Date | null, now: Date, timeZone: string): Date | null {
  const prev = previousFire(cron, now, timeZone);
  return lastSuccessAt === null || lastSuccessAt < prev ? prev : null;
}
