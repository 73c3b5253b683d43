import { type FieldError, addDays, agencyInstant, isCalendarDate, weekdayOf } from '@crm/platform';
import type { Principal } from '@crm/identity';

/** The service-level report's range rules and its weeks; the figures themselves are set-based SQL. */

/** Whose complaints a figure covers: everyone's, those of customers a user owns, or those a user handles. */
export type ReportScope = { all: true } | { customerOwnerId: string } | { complaintOwnerId: string };

/**
 * Managers and admins see the whole desk; an account manager the complaints of the customers they own (as
 * everywhere), an agent the complaints they handle: their own service levels, not their colleagues'.
 */
export function reportScope(p: Principal): ReportScope {
  if (p.kind === 'api_key' || p.role === 'admin' || p.role === 'manager') return { all: true };
  return p.role === 'account_manager' ? { customerOwnerId: p.id } : { complaintOwnerId: p.id };
}

/** A year at most: the report reads every clock of the range. */
export const MAX_REPORT_DAYS = 366;

/** `from` and `to` are agency dates, both included. */
export function reportRangeProblems(from: string, to: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isCalendarDate(from)) problems.push({ field: 'from', message: 'from must be a calendar date YYYY-MM-DD' });
  if (!isCalendarDate(to)) problems.push({ field: 'to', message: 'to must be a calendar date YYYY-MM-DD' });
  if (problems.length) return problems;
  if (to < from) return [{ field: 'to', message: 'to must not be before from' }];
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) return [{ field: 'to', message: `the report covers at most ${MAX_REPORT_DAYS} days` }];
  return [];
}

/** The instants the range covers: from the start of `from` to the start of the day after `to`, in the agency's time zone. */
export function reportWindow(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: agencyInstant(from, timeZone), end: agencyInstant(addDays(to, 1), timeZone) };
}

/** The Monday of the week `day` is in. */
export function weekOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** Every week the range touches, by its Monday, oldest first: the chart shows weeks without complaints too. */
export function weekStarts(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = weekOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Met targets over decided ones (met or missed); null when none was decided. */
export function shareMet(met: number, decided: number): number | null {
  return decided ? met / decided : null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
