import { instantOf, wallOf } from './agency-time';

/**
 * Calendar days as the agency counts them: 'YYYY-MM-DD' strings in its time zone, for due dates, expiries,
 * report ranges, holidays and visit schedules. Pure: the zone and the instant are always arguments.
 */
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export const dateOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** A real day written YYYY-MM-DD ("2026-02-30" matches the pattern but is no day). */
export const isCalendarDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && dateOfDay(dayNumber(s)) === s;

/** The calendar day `days` after `date` (negative: before). */
export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (date: string): number => ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;

/** The agency date of an instant. */
export function agencyDate(instant: Date, timeZone: string): string {
  const w = wallOf(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant `date` starts at `ms` into it, in the agency's time zone. */
export function agencyInstant(date: string, timeZone: string, ms = 0): Date {
  const [year, month, day] = date.split('-').map(Number);
  return instantOf({ year, month, day, ms }, timeZone);
}
