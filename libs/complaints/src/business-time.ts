import { addDays, agencyDate, agencyInstant, isCalendarDate, weekdayOf } from '@crm/platform';

/**
 * Business time: only the hours the complaint desk is open count. The calendar is wall-clock time in the
 * agency's time zone (a day with a DST change simply has that many real hours open); a date is worked when
 * it is a working weekday and not a holiday, or when it is an extra working day (China's make-up workdays,
 * 调休, fall on weekends). Pure: no clock of its own, no zone of its own.
 */
export interface WorkCalendar {
  /** ISO weekdays the desk works: 1 Monday … 7 Sunday. */
  workingDays: number[];
  /** Opening and closing wall-clock time, "HH:MM"; closing may be "24:00" (open until midnight). */
  opensAt: string;
  closesAt: string;
  /** Dates ("YYYY-MM-DD") the desk is closed although they fall on a working weekday. */
  holidays: string[];
  /** Dates the desk works although they do not fall on a working weekday. */
  extraWorkingDays: string[];
}

export const DEFAULT_WORK_CALENDAR: WorkCalendar = { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [], extraWorkingDays: [] };

/** How a clock measures time, in milliseconds: around the clock, or open hours only. */
export interface TimeMeasure {
  /** The instant `ms` of measured time after `from`; for 0, the first measured instant at or after `from`. */
  add(from: Date, ms: number): Date;
  /** Measured time from `from` to `to`; 0 when `to` is not after `from`. */
  between(from: Date, to: Date): number;
}

export const CALENDAR_TIME: TimeMeasure = {
  add: (from, ms) => new Date(from.getTime() + ms),
  between: (from, to) => Math.max(0, to.getTime() - from.getTime()),
};

const MINUTE = 60_000;
/** A calendar with no open day in this many days ahead is broken (validation keeps at least one working weekday). */
const MAX_DAYS = 20 * 366;

/** "HH:MM" → milliseconds into the day. */
export const msOfTime = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE;

/** The open hours of a calendar as a measure. */
export function businessTime(cal: WorkCalendar, timeZone: string): TimeMeasure {
  const holidays = new Set(cal.holidays);
  const extra = new Set(cal.extraWorkingDays);
  const opens = msOfTime(cal.opensAt);
  const closes = msOfTime(cal.closesAt);
  /** [opening, closing) of a day as epoch milliseconds, or null when the desk is closed all day. */
  const openHours = (day: string): [number, number] | null => {
    const works = extra.has(day) || (cal.workingDays.includes(weekdayOf(day)) && !holidays.has(day));
    return works ? [agencyInstant(day, timeZone, opens).getTime(), agencyInstant(day, timeZone, closes).getTime()] : null;
  };

  return {
    add(from, ms) {
      let left = ms;
      let d = agencyDate(from, timeZone);
      for (let i = 0; i < MAX_DAYS; i++, d = addDays(d, 1)) {
        const open = openHours(d);
        if (!open) continue;
        const start = Math.max(from.getTime(), open[0]);
        if (start >= open[1]) continue;
        if (left <= open[1] - start) return new Date(start + left);
        left -= open[1] - start;
      }
      throw new Error(`the business-hours calendar has no open hours within ${MAX_DAYS} days of ${from.toISOString()}`);
    },
    between(from, to) {
      if (to <= from) return 0;
      const last = agencyDate(to, timeZone);
      let sum = 0;
      for (let d = agencyDate(from, timeZone); d <= last; d = addDays(d, 1)) {
        const open = openHours(d);
        if (open) sum += Math.max(0, Math.min(open[1], to.getTime()) - Math.max(open[0], from.getTime()));
      }
      return sum;
    },
  };
}

export const OPENING_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOSING_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** What the shape checks cannot see: real dates, closing after opening, no date both off and on. Paths are under `calendar`. */
export function calendarErrors(cal: WorkCalendar): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (OPENING_PATTERN.test(cal.opensAt) && CLOSING_PATTERN.test(cal.closesAt) && msOfTime(cal.closesAt) <= msOfTime(cal.opensAt)) {
    errors.push({ field: 'calendar.closesAt', message: `the desk must close after it opens (${cal.opensAt})` });
  }
  for (const list of ['holidays', 'extraWorkingDays'] as const) {
    cal[list].forEach((date, i) => {
      if (!isCalendarDate(date)) errors.push({ field: `calendar.${list}.${i}`, message: `${date} is not a date YYYY-MM-DD` });
    });
  }
  const holidays = new Set(cal.holidays);
  cal.extraWorkingDays.forEach((date, i) => {
    if (holidays.has(date)) errors.push({ field: `calendar.extraWorkingDays.${i}`, message: `${date} is also a holiday` });
  });
  return errors;
}
