import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { translate } from '../i18n/translate';
import type { Translate } from '../i18n/i18n';
import { barScale, blockOf, dropTime, dueState, managerColor, recurrenceText, visitNotificationText, weekDays, weekStart } from '../visit-view';

const zh: Translate = (key, vars) => translate('zh-CN', key, vars);
const en: Translate = (key, vars) => translate('en-US', key, vars);
const rule = (over: object) => ({ recurrence: 'weekly', intervalWeeks: null, weekday: 2, nth: null, monthDay: null, time: '10:00', ...over });

describe('week grid', () => {
  it('weeks start on Monday, also from a Sunday', () => {
    expect(weekStart(dayjs('2026-03-04T15:00')).format('YYYY-MM-DD')).toBe('2026-03-02');
    expect(weekStart(dayjs('2026-03-08T23:00')).format('YYYY-MM-DD')).toBe('2026-03-02');
    expect(weekStart(dayjs('2026-03-02T00:00')).format('YYYY-MM-DD')).toBe('2026-03-02');
    expect(weekDays(dayjs('2026-03-30')).map((d) => d.format('MM-DD'))).toEqual(['03-30', '03-31', '04-01', '04-02', '04-03', '04-04', '04-05']);
  });

  it('places a visit by its hours, clipped to the calendar’s 07:00–21:00', () => {
    const b = blockOf(dayjs('2026-03-02T14:00').format(), dayjs('2026-03-02T15:24').format());
    expect(b.top).toBeCloseTo(0.5);
    expect(b.height).toBeCloseTo(0.1);
    const early = blockOf(dayjs('2026-03-02T06:00').format(), dayjs('2026-03-02T07:30').format());
    expect(early.top).toBe(0);
    expect(early.height).toBeCloseTo(30 / 840);
    const late = blockOf(dayjs('2026-03-02T20:50').format(), dayjs('2026-03-02T22:00').format());
    expect(late.top + late.height).toBeCloseTo(1);
  });

  it('a drop lands on the quarter hour, the whole visit inside the calendar', () => {
    const day = dayjs('2026-03-04T00:00');
    expect(dropTime(day, 0.5, 60).format('HH:mm')).toBe('14:00');
    expect(dropTime(day, 0.51, 60).format('HH:mm')).toBe('14:15');
    expect(dropTime(day, -0.2, 60).format('HH:mm')).toBe('07:00');
    expect(dropTime(day, 0.99, 90).format('HH:mm')).toBe('19:30');
    expect(dropTime(day, 0.5, 60).format('YYYY-MM-DD')).toBe('2026-03-04');
  });
});

describe('recurrenceText', () => {
  it('says each rule in both languages', () => {
    expect(recurrenceText(zh, rule({}) as never)).toBe('每周二 10:00');
    expect(recurrenceText(en, rule({}) as never)).toBe('Every Tuesday at 10:00');
    expect(recurrenceText(zh, rule({ recurrence: 'every_n_weeks', intervalWeeks: 3, weekday: 5 }) as never)).toBe('每 3 周的周五 10:00');
    expect(recurrenceText(zh, rule({ recurrence: 'monthly_nth_weekday', nth: -1, weekday: 5, time: '16:00' }) as never)).toBe('每月最后一个周五 16:00');
    expect(recurrenceText(en, rule({ recurrence: 'monthly_nth_weekday', nth: 2, weekday: 1 }) as never)).toBe('The second Monday of each month at 10:00');
    expect(recurrenceText(en, rule({ recurrence: 'monthly_day', monthDay: 31, weekday: null }) as never)).toBe('Day 31 of each month at 10:00');
  });
});

describe('small helpers', () => {
  it('colours managers stably and distinctly', () => {
    const ids = ['b', 'a', 'c', 'a'];
    expect(managerColor('a', ids)).not.toBe(managerColor('b', ids));
    expect(managerColor('a', ids)).toBe(managerColor('a', ['c', 'b', 'a']));
  });

  it('scales bars to the largest figure, never dividing by zero', () => {
    expect(barScale([2, 8, 4])(4)).toBe(0.5);
    expect(barScale([0, 0])(0)).toBe(0);
  });

  it('tells overdue, today and later next steps apart', () => {
    const today = dayjs('2026-03-10T09:00');
    expect(['2026-03-09', '2026-03-10', '2026-03-11'].map((d) => dueState(d, today))).toEqual(['overdue', 'today', 'later']);
  });

  it('words the visits notifications, and leaves others alone', () => {
    expect(visitNotificationText(zh, { kind: 'visit.overdue', params: { customerName: '华东科技', tier: 'A' } })).toBe('华东科技（A 类）已逾期未拜访');
    expect(visitNotificationText(en, { kind: 'visit.task_assigned', params: { byName: 'Li Na', title: 'Send the plan', customerName: 'ACME', dueOn: '2026-03-10' } }))
      .toBe('Li Na gave you a next step: Send the plan (ACME, by 2026-03-10)');
    expect(visitNotificationText(en, { kind: 'tier.changed', params: {} })).toBeNull();
  });
});
