import { instantOf, wallOf } from '@crm/platform';

/** Calendar days as the agency counts them ("YYYY-MM-DD" in its time zone), for due dates, expiries and report ranges. */

/** "2026-02-30" matches YYYY-MM-DD but is no day. */
export function isCalendarDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** The agency date of an instant. */
export function agencyDate(instant: Date, timeZone: string): string {
  const w = wallOf(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The calendar day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant `day` starts at `ms` into it, in the agency's time zone. */
export function agencyInstant(day: string, timeZone: string, ms = 0): Date {
  const [year, month, d] = day.split('-').map(Number);
  return instantOf({ year, month, day: d, ms }, timeZone);
}
