import { addDays, agencyDate, agencyInstant, dayNumber } from '@crm/platform';

/**
 * Which trip touch-points are due, as of a moment: pure, with the agency's time zone and the moment as arguments.
 * Each touch-point fills a slot — before a trip, after it, a year's birthday greeting, a year's birthday gift — and
 * the job stores (customer, occasion) under a unique key, so a slot is filled once even if which kind fills it
 * changes between runs (a customer who turns A after their NPS survey went out gets no call on top). A window
 * rather than a single day lets a run missed while no
 * worker was up still happen later, as long as it still makes sense.
 */
export const MESSAGE_KINDS = ['pre_trip_handbook', 'nps_survey', 'where_next_vote', 'birthday_greeting'] as const;
export const TASK_KINDS = ['return_call', 'birthday_gift'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type TouchpointKind = MessageKind | TaskKind;
export const isTaskKind = (k: string): k is TaskKind => (TASK_KINDS as readonly string[]).includes(k);

/** The handbook goes out from 3 days before departure until the day before. */
export const HANDBOOK_DAYS_BEFORE = 3;
/** The follow-up starts the day after return; after two weeks it is stale and skipped. */
export const FOLLOW_UP_LAST_DAY = 14;
/** The owner hears of a birthday gift a week ahead, so there is time to send one. */
export const GIFT_DAYS_BEFORE = 7;
/** The follow-up call is due within 3 days of the task. */
export const CALL_WITHIN_DAYS = 3;

export interface TripFacts {
  bookingId: string;
  status: string;
  category: string | null;
  departureDate: string | null;
  returnDate: string | null;
  /** The customer's tier now (A … D), null when not tiered yet. */
  tier: string | null;
}

export interface BirthdayFacts {
  birthday: string | null;
  tier: string | null;
}

export interface DueTouchpoint {
  kind: TouchpointKind;
  /** The slot: `<booking id>/before`, `<booking id>/after`, `greeting/<year>`, `gift/<year>`. */
  occasion: string;
  /** For a task, its due date; for a message, the day it is about (departure, return, birthday). */
  dueOn: string;
}

const TRAVELLING = ['confirmed', 'completed'];

/** The day after a trip's end, counted from the return date (or the departure for a day trip with none). */
export function tripTouchpoints(t: TripFacts, today: string): DueTouchpoint[] {
  if (!TRAVELLING.includes(t.status) || !t.departureDate) return [];
  const due: DueTouchpoint[] = [];
  const toDeparture = dayNumber(t.departureDate) - dayNumber(today);
  if (toDeparture >= 1 && toDeparture <= HANDBOOK_DAYS_BEFORE) due.push({ kind: 'pre_trip_handbook', occasion: `${t.bookingId}/before`, dueOn: t.departureDate });
  const end = t.returnDate ?? t.departureDate;
  const sinceReturn = dayNumber(today) - dayNumber(end);
  if (sinceReturn >= 1 && sinceReturn <= FOLLOW_UP_LAST_DAY) {
    const kind = followUpKind(t);
    due.push({ kind, occasion: `${t.bookingId}/after`, dueOn: kind === 'return_call' ? addDays(today, CALL_WITHIN_DAYS) : end });
  }
  return due;
}

/**
 * After return, by tier and trip type: A customers and custom trips get a personal call from their owner, groups
 * vote where to go next, and everyone else — travellers on their own (independent, family, honeymoon, business) —
 * gets the NPS survey.
 */
export function followUpKind(t: Pick<TripFacts, 'tier' | 'category'>): 'return_call' | 'where_next_vote' | 'nps_survey' {
  if (t.tier === 'A' || t.category === 'custom') return 'return_call';
  if (t.category === 'group') return 'where_next_vote';
  return 'nps_survey';
}

/** The birthday's date in `year`: 29 February is kept on 28 February in common years. */
export function birthdayIn(birthday: string, year: number): string {
  const [, m, d] = birthday.split('-').map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The next birthday on or after `today`. */
export function nextBirthday(birthday: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= today ? thisYear : birthdayIn(birthday, year + 1);
}

/** A greeting on the day; for A customers, a gift task a week ahead (due on the day). Once per birthday year. */
export function birthdayTouchpoints(c: BirthdayFacts, today: string): DueTouchpoint[] {
  if (!c.birthday) return [];
  const next = nextBirthday(c.birthday, today);
  const year = next.slice(0, 4);
  const due: DueTouchpoint[] = [];
  if (c.tier === 'A' && dayNumber(next) - dayNumber(today) <= GIFT_DAYS_BEFORE) due.push({ kind: 'birthday_gift', occasion: `gift/${year}`, dueOn: next });
  if (next === today) due.push({ kind: 'birthday_greeting', occasion: `greeting/${year}`, dueOn: next });
  return due;
}

/** The month-days (MM-DD) whose birthdays can be due from `today`: today and the gift window ahead, 29 February with 28th. */
export function birthdayMonthDays(today: string): string[] {
  const days = new Set<string>();
  for (let i = 0; i <= GIFT_DAYS_BEFORE; i++) {
    const d = addDays(today, i);
    days.add(d.slice(5));
    if (d.slice(5) === '02-28') days.add('02-29');
  }
  return [...days];
}

/** Messages to customers wait for the day: none before 09:00 or from 21:00 agency time. */
export const SEND_FROM_HOUR = 9;
export const SEND_UNTIL_HOUR = 21;

/** When a message composed at `asOf` may go out: at once in the day, else at 09:00 (the next day after 21:00). */
export function sendTime(asOf: Date, timeZone: string): Date {
  const today = agencyDate(asOf, timeZone);
  const from = agencyInstant(today, timeZone, SEND_FROM_HOUR * 3_600_000);
  const until = agencyInstant(today, timeZone, SEND_UNTIL_HOUR * 3_600_000);
  if (asOf < from) return from;
  if (asOf >= until) return agencyInstant(addDays(today, 1), timeZone, SEND_FROM_HOUR * 3_600_000);
  return asOf;
}

export type MessageLanguage = 'zh-CN' | 'en';

/** The customer has no language field: a Chinese name or a Greater China phone number means Chinese, else English. */
export function messageLanguage(c: { name: string; phone: string | null }): MessageLanguage {
  if (/[\u3400-\u9fff]/.test(c.name)) return 'zh-CN';
  if (c.phone && /^\+(86|852|853|886)/.test(c.phone)) return 'zh-CN';
  return 'en';
}

export type Channel = 'email' | 'sms';

/** E-mail where the customer consented and has an address, else SMS likewise; null: no message may go. */
export function messageChannel(c: { doNotContact: boolean; consentEmail: boolean; email: string | null; consentSms: boolean; phone: string | null }): { channel: Channel; recipient: string } | null {
  if (c.doNotContact) return null;
  if (c.consentEmail && c.email) return { channel: 'email', recipient: c.email };
  if (c.consentSms && c.phone) return { channel: 'sms', recipient: c.phone };
  return null;
}
