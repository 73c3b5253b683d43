import { FieldError, addDays, agencyDate, agencyInstant, wallOf } from '@crm/platform';

/**
 * Quiet hours: agency wall-clock times between which no message goes out. Pure, with the instant and the
 * time zone as arguments. A window may wrap midnight (21:00–09:00); start is inside it, end is not.
 */
export interface QuietHours {
  start: string; // 'HH:MM'
  end: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Both or neither, and not the same time (a window of nothing, or of everything, is a mistake). */
export function quietHoursErrors(start: string | null, end: string | null): FieldError[] {
  if ((start === null) !== (end === null)) return [{ field: start === null ? 'quietStart' : 'quietEnd', message: 'quiet hours need both a start and an end' }];
  if (start !== null && start === end) return [{ field: 'quietEnd', message: 'quietEnd must differ from quietStart' }];
  return [];
}

export function isQuiet(at: Date, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet) return false;
  const m = Math.floor(wallOf(at, timeZone).ms / 60_000);
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** `at` itself when it is outside quiet hours, otherwise the moment they end. */
export function nextAllowedTime(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet || !isQuiet(at, quiet, timeZone)) return at;
  const today = agencyDate(at, timeZone);
  const m = Math.floor(wallOf(at, timeZone).ms / 60_000);
  // In a window that wraps midnight, the part before midnight ends tomorrow.
  const endDay = minutesOf(quiet.start) > minutesOf(quiet.end) && m >= minutesOf(quiet.start) ? addDays(today, 1) : today;
  return agencyInstant(endDay, timeZone, minutesOf(quiet.end) * 60_000);
}
