import dayjs, { type Dayjs } from 'dayjs';
import type { VisitPlan } from '@crm/contracts';
import type { MessageKey, Translate } from './i18n/translate';

/** The visits pages' view logic, free of React: week grids, where a dropped visit lands, plan rules in words. */

export const VISIT_KINDS = ['in_person', 'phone', 'video', 'executive'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const RECURRENCES = ['weekly', 'every_n_weeks', 'monthly_nth_weekday', 'monthly_day'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const INTERACTION_KINDS = ['call', 'message', 'email', 'wechat', 'meeting'] as const;
export const OPPORTUNITY_KINDS = ['travel_need', 'group_trip', 'budget', 'other'] as const;
export const STATUS_COLORS: Record<string, string> = { planned: 'blue', done: 'green', missed: 'orange', cancelled: 'default' };

/** The calendar's hours: a visit outside them is drawn at the edge. */
export const DAY_START_HOUR = 7;
export const DAY_END_HOUR = 21;
/** A drop lands on the quarter hour. */
export const SNAP_MINUTES = 15;

/** Monday of the week of `date` (weeks start on Monday, as in China). */
export function weekStart(date: Dayjs): Dayjs {
  return date.startOf('day').subtract((date.day() + 6) % 7, 'day');
}

export function weekDays(monday: Dayjs): Dayjs[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => monday.add(i, 'day'));
}

/** Minutes after midnight, local. */
export const minuteOfDay = (d: Dayjs) => d.hour() * 60 + d.minute();

/** A visit's block in a day column, as fractions of the column's height (clipped to the calendar's hours). */
export function blockOf(startsAt: string, endsAt: string): { top: number; height: number } {
  const span = (DAY_END_HOUR - DAY_START_HOUR) * 60;
  const clip = (m: number) => Math.min(Math.max(m - DAY_START_HOUR * 60, 0), span);
  const start = clip(minuteOfDay(dayjs(startsAt)));
  const end = Math.max(clip(minuteOfDay(dayjs(endsAt))), start + 15);
  return { top: start / span, height: Math.min(end, span) / span - start / span };
}

/**
 * Where a visit dropped on a day column lands: the pointer's height in the column gives the time, on the
 * quarter hour, kept inside the calendar's hours with the visit's whole length.
 */
export function dropTime(day: Dayjs, fraction: number, durationMinutes: number): Dayjs {
  const span = (DAY_END_HOUR - DAY_START_HOUR) * 60;
  const raw = DAY_START_HOUR * 60 + Math.min(Math.max(fraction, 0), 1) * span;
  const snapped = Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES;
  const minutes = Math.min(Math.max(snapped, DAY_START_HOUR * 60), DAY_END_HOUR * 60 - Math.min(durationMinutes, span));
  return day.startOf('day').add(minutes, 'minute');
}

export const durationOf = (v: { startsAt: string; endsAt: string }) => dayjs(v.endsAt).diff(dayjs(v.startsAt), 'minute');

/** "每周二 10:00" / "every 2 weeks on Tuesday at 10:00" / "每月最后一个周五 16:00" / "每月 31 日（小月取月末）". */
export function recurrenceText(t: Translate, p: Pick<VisitPlan, 'recurrence' | 'intervalWeeks' | 'weekday' | 'nth' | 'monthDay' | 'time'>): string {
  const weekday = p.weekday ? t(`visit.weekday.${p.weekday}` as MessageKey) : '';
  switch (p.recurrence) {
    case 'weekly':
      return t('visitPlan.rule.weekly', { weekday, time: p.time });
    case 'every_n_weeks':
      return t('visitPlan.rule.everyNWeeks', { n: p.intervalWeeks ?? 2, weekday, time: p.time });
    case 'monthly_nth_weekday':
      return t('visitPlan.rule.monthlyNth', { nth: t(p.nth === -1 ? 'visitPlan.nth.last' : (`visitPlan.nth.${p.nth}` as MessageKey)), weekday, time: p.time });
    default:
      return t('visitPlan.rule.monthlyDay', { day: p.monthDay ?? 1, time: p.time });
  }
}

/** Per manager a distinct colour in the team view, stable across renders. */
const PALETTE = ['#1668dc', '#389e0d', '#d46b08', '#722ed1', '#c41d7f', '#08979c', '#7cb305', '#cf1322'];
export function managerColor(managerId: string, managerIds: string[]): string {
  const i = [...new Set(managerIds)].sort().indexOf(managerId);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

/** Bars for the per-manager chart: each figure's share of the largest, for bar lengths. */
export function barScale(values: number[]): (v: number) => number {
  const max = Math.max(1, ...values);
  return (v) => v / max;
}

/** The next step's due state for a reminder colour. */
export function dueState(dueOn: string, today: Dayjs): 'overdue' | 'today' | 'later' {
  const d = dayjs(dueOn);
  return d.isBefore(today, 'day') ? 'overdue' : d.isSame(today, 'day') ? 'today' : 'later';
}

/** The bell's line for the visits notifications (visit.overdue, visit.task_assigned); null for others. */
export function visitNotificationText(t: Translate, n: { kind: string; params: Record<string, unknown> }): string | null {
  const p = n.params as { customerName?: string; tier?: string; title?: string; byName?: string; dueOn?: string };
  if (n.kind === 'visit.overdue') return t('notifications.visitOverdue', { name: p.customerName ?? '—', tier: p.tier ?? '' });
  if (n.kind === 'visit.task_assigned') return t('notifications.visitTask', { by: p.byName ?? '—', title: p.title ?? '', name: p.customerName ?? '—', due: p.dueOn ?? '' });
  return null;
}
