import { FieldError, addDays, agencyDate, dateOfDay, dayNumber, instantOf, wallOf, weekdayOf } from '@crm/platform';

/**
 * Visit plans as calendars: which local dates a plan falls on, the instants of those visits in the agency's
 * time zone, the conflicts among visits. Pure: calendar dates are 'YYYY-MM-DD' strings in the agency's zone,
 * and time is always an argument.
 */
export const RECURRENCES = ['weekly', 'every_n_weeks', 'monthly_nth_weekday', 'monthly_day'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface PlanRule {
  recurrence: Recurrence;
  /** every_n_weeks: weeks between visits (2–52), counted from the plan's first visit. */
  intervalWeeks: number | null;
  /** ISO weekday, 1 Monday … 7 Sunday: weekly, every_n_weeks, monthly_nth_weekday. */
  weekday: number | null;
  /** monthly_nth_weekday: 1–5, or -1 for the last such weekday of the month. */
  nth: number | null;
  /** monthly_day: 1–31; a month without that day gets its last day. */
  monthDay: number | null;
  /** Wall-clock start in the agency's zone, HH:MM. */
  time: string;
  durationMinutes: number;
  startDate: string;
  /** Inclusive; null for a plan that runs until changed. */
  endDate: string | null;
}

export interface Occurrence {
  /** The plan's date for it: with the plan, what makes a visit one and only one. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

const DAY_MS = 86_400_000;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The day of the month of its `nth` `weekday` (-1: the last), or null when the month has none (a 5th Monday). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): number | null {
  const last = daysInMonth(year, month);
  if (nth === -1) return last - ((weekdayOf(ymd(year, month, last)) - weekday + 7) % 7);
  const day = 1 + ((weekday - weekdayOf(ymd(year, month, 1)) + 7) % 7) + (nth - 1) * 7;
  return day <= last ? day : null;
}

/** The local dates of a plan's visits within [from, to] (inclusive), clipped to the plan's own dates. */
export function planDates(rule: PlanRule, from: string, to: string): string[] {
  const lo = Math.max(dayNumber(from), dayNumber(rule.startDate));
  const hi = Math.min(dayNumber(to), rule.endDate ? dayNumber(rule.endDate) : Infinity);
  const out: string[] = [];
  if (lo > hi) return out;
  if (rule.recurrence === 'weekly' || rule.recurrence === 'every_n_weeks') {
    const step = 7 * (rule.recurrence === 'weekly' ? 1 : rule.intervalWeeks!);
    // Anchored on the plan's first visit, so every-2-weeks keeps its rhythm whatever the window.
    const start = dayNumber(rule.startDate);
    const anchor = start + ((rule.weekday! - weekdayOf(rule.startDate) + 7) % 7);
    for (let d = anchor + Math.max(0, Math.ceil((lo - anchor) / step)) * step; d <= hi; d += step) out.push(dateOfDay(d));
    return out;
  }
  const first = new Date(lo * DAY_MS);
  for (let index = first.getUTCFullYear() * 12 + first.getUTCMonth(); ; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (dayNumber(ymd(year, month, 1)) > hi) break;
    const day = rule.recurrence === 'monthly_day' ? Math.min(rule.monthDay!, daysInMonth(year, month)) : nthWeekday(year, month, rule.weekday!, rule.nth!);
    if (day === null) continue;
    const d = dayNumber(ymd(year, month, day));
    if (d >= lo && d <= hi) out.push(dateOfDay(d));
  }
  return out;
}

/** Minutes after midnight of 'HH:MM'. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The instant of a wall-clock time on a local date. A time the zone skips (spring forward) is read with the
 * offset before the gap, as calendar programs do (02:30 becomes 03:30); a repeated one takes one of the two.
 */
export function wallInstant(date: string, minutes: number, timeZone: string): Date {
  // Thousands of plans share a few hundred (date, time) pairs in a window: the zone arithmetic is done once each.
  const key = `${timeZone}|${date}|${minutes}`;
  let at = instants.get(key);
  if (!at) {
    if (instants.size >= 100_000) instants.clear();
    instants.set(key, (at = computeWallInstant(date, minutes, timeZone)));
  }
  return new Date(at.getTime());
}

const instants = new Map<string, Date>();

function computeWallInstant(date: string, minutes: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = { year, month, day, ms: minutes * 60_000 };
  const at = instantOf(wall, timeZone);
  const back = wallOf(at, timeZone);
  if (back.year === year && back.month === month && back.day === day && back.ms === wall.ms) return at;
  const before = new Date(at.getTime() - DAY_MS / 2);
  const b = wallOf(before, timeZone);
  const offset = Date.UTC(b.year, b.month - 1, b.day) + b.ms - before.getTime();
  return new Date(Date.UTC(year, month - 1, day) + wall.ms - offset);
}

export function occurrences(rule: PlanRule, from: string, to: string, timeZone: string): Occurrence[] {
  const minutes = minutesOf(rule.time);
  return planDates(rule, from, to).map((date) => {
    const startsAt = wallInstant(date, minutes, timeZone);
    return { date, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
  });
}

/** The dates the schedule keeps materialised: today (local) and the `weeks` after it. */
export function scheduleWindow(asOf: Date, weeks: number, timeZone: string): { from: string; to: string } {
  const from = agencyDate(asOf, timeZone);
  return { from, to: addDays(from, weeks * 7 - 1) };
}

/** The rule with only the fields its recurrence uses (the others null), so stored plans compare cleanly. */
export function normalizeRule<T extends PlanRule>(r: T): T {
  return {
    ...r,
    intervalWeeks: r.recurrence === 'every_n_weeks' ? r.intervalWeeks : null,
    weekday: r.recurrence === 'monthly_day' ? null : r.weekday,
    nth: r.recurrence === 'monthly_nth_weekday' ? r.nth : null,
    monthDay: r.recurrence === 'monthly_day' ? r.monthDay : null,
  };
}

/** What class-validator cannot check field by field: which fields each recurrence needs, and the dates' order. */
export function planRuleErrors(r: PlanRule): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof PlanRule, ok: boolean, message: string) => {
    if (!ok) errors.push({ field, message });
  };
  if (r.recurrence !== 'monthly_day') need('weekday', Number.isInteger(r.weekday) && r.weekday! >= 1 && r.weekday! <= 7, `a ${r.recurrence} plan needs a weekday 1 (Monday) to 7 (Sunday)`);
  if (r.recurrence === 'every_n_weeks') need('intervalWeeks', Number.isInteger(r.intervalWeeks) && r.intervalWeeks! >= 2 && r.intervalWeeks! <= 52, 'an every_n_weeks plan needs intervalWeeks 2 to 52');
  if (r.recurrence === 'monthly_nth_weekday') need('nth', [1, 2, 3, 4, 5, -1].includes(r.nth as number), 'a monthly_nth_weekday plan needs nth 1 to 5, or -1 for the last');
  if (r.recurrence === 'monthly_day') need('monthDay', Number.isInteger(r.monthDay) && r.monthDay! >= 1 && r.monthDay! <= 31, 'a monthly_day plan needs monthDay 1 to 31');
  if (r.endDate !== null && r.endDate < r.startDate) errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
  if (minutesOf(r.time) + r.durationMinutes > 24 * 60) errors.push({ field: 'durationMinutes', message: 'a visit ends on the day it starts' });
  return errors;
}

export interface CalendarVisit {
  id: string;
  managerId: string;
  startsAt: Date;
  endsAt: Date;
}

export type Conflict =
  | { kind: 'overlap'; managerId: string; visitIds: [string, string] }
  | { kind: 'holiday'; visitId: string; date: string; name: string };

/** Two visits of one manager that overlap in time (touching ends do not), and visits on a holiday (local date). */
export function findConflicts(visits: readonly CalendarVisit[], holidays: ReadonlyMap<string, string>, timeZone: string): Conflict[] {
  const out: Conflict[] = [];
  const byManager = new Map<string, CalendarVisit[]>();
  for (const v of visits) byManager.set(v.managerId, [...(byManager.get(v.managerId) ?? []), v]);
  for (const [managerId, list] of byManager) {
    const sorted = [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
    let open: CalendarVisit[] = [];
    for (const v of sorted) {
      open = open.filter((o) => o.endsAt > v.startsAt);
      for (const o of open) out.push({ kind: 'overlap', managerId, visitIds: [o.id, v.id] });
      open.push(v);
    }
  }
  for (const v of visits) {
    const date = agencyDate(v.startsAt, timeZone);
    const name = holidays.get(date);
    if (name !== undefined) out.push({ kind: 'holiday', visitId: v.id, date, name });
  }
  return out;
}
