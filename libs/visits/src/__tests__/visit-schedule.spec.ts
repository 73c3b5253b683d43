import {
  PlanRule, findConflicts, normalizeRule, nthWeekday, occurrences, planDates, planRuleErrors, scheduleWindow, wallInstant,
} from '../visit-schedule';

const rule = (over: Partial<PlanRule>): PlanRule => ({
  recurrence: 'weekly', intervalWeeks: null, weekday: 2, nth: null, monthDay: null, time: '10:00', durationMinutes: 60,
  startDate: '2026-01-01', endDate: null, ...over,
});

describe('nthWeekday', () => {
  it('finds the nth weekday of a month, the last one, and none for a missing 5th', () => {
    expect(nthWeekday(2026, 3, 1, 1)).toBe(2); // first Monday of March 2026
    expect(nthWeekday(2026, 3, 7, 1)).toBe(1); // the 1st is a Sunday
    expect(nthWeekday(2026, 3, 1, 5)).toBe(30);
    expect(nthWeekday(2026, 2, 1, 5)).toBeNull(); // February 2026 has four Mondays
    expect(nthWeekday(2026, 2, 6, -1)).toBe(28);
    expect(nthWeekday(2026, 2, 1, -1)).toBe(23);
    expect(nthWeekday(2024, 2, 4, 5)).toBe(29); // leap year: a fifth Thursday
    expect(nthWeekday(2026, 5, 7, -1)).toBe(31);
  });
});

describe('planDates', () => {
  it('weekly: every such weekday in the window', () => {
    expect(planDates(rule({ weekday: 2 }), '2026-03-01', '2026-03-31')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31']);
  });

  it('weekly: the window and the plan dates are both inclusive bounds', () => {
    const r = rule({ weekday: 1, startDate: '2026-03-09', endDate: '2026-03-23' });
    expect(planDates(r, '2026-03-01', '2026-04-30')).toEqual(['2026-03-09', '2026-03-16', '2026-03-23']);
    expect(planDates(r, '2026-03-16', '2026-03-16')).toEqual(['2026-03-16']);
    expect(planDates(r, '2026-03-24', '2026-04-30')).toEqual([]);
    expect(planDates(r, '2026-01-01', '2026-03-08')).toEqual([]);
  });

  it('a plan ending mid-window stops there; one starting mid-window starts there', () => {
    expect(planDates(rule({ weekday: 5, endDate: '2026-03-18' }), '2026-03-01', '2026-03-31')).toEqual(['2026-03-06', '2026-03-13']);
    expect(planDates(rule({ weekday: 5, startDate: '2026-03-14' }), '2026-03-01', '2026-03-31')).toEqual(['2026-03-20', '2026-03-27']);
  });

  it('every N weeks is anchored on the first visit, not on the window', () => {
    const r = rule({ recurrence: 'every_n_weeks', intervalWeeks: 2, weekday: 3, startDate: '2026-01-05' }); // first visit Wed 7 Jan
    expect(planDates(r, '2026-01-01', '2026-02-10')).toEqual(['2026-01-07', '2026-01-21', '2026-02-04']);
    // Any window sees the same rhythm.
    expect(planDates(r, '2026-01-15', '2026-02-10')).toEqual(['2026-01-21', '2026-02-04']);
    expect(planDates(r, '2026-01-22', '2026-02-04')).toEqual(['2026-02-04']);
    expect(planDates(r, '2026-01-22', '2026-02-03')).toEqual([]);
    // A year on, still on the anchored weeks: 7 Jan 2026 + 52 weeks = 6 Jan 2027.
    expect(planDates(r, '2027-01-01', '2027-01-31')).toEqual(['2027-01-06', '2027-01-20']);
  });

  it('every 3 weeks starting on the weekday itself', () => {
    const r = rule({ recurrence: 'every_n_weeks', intervalWeeks: 3, weekday: 4, startDate: '2026-03-05' });
    expect(planDates(r, '2026-03-01', '2026-04-30')).toEqual(['2026-03-05', '2026-03-26', '2026-04-16']);
  });

  it('monthly on the nth weekday, skipping months without a 5th', () => {
    const r = rule({ recurrence: 'monthly_nth_weekday', weekday: 1, nth: 5 });
    expect(planDates(r, '2026-01-01', '2026-06-30')).toEqual(['2026-03-30', '2026-06-29']);
    const second = rule({ recurrence: 'monthly_nth_weekday', weekday: 2, nth: 2 });
    expect(planDates(second, '2026-01-01', '2026-04-30')).toEqual(['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14']);
  });

  it('monthly on the last weekday, across a year end', () => {
    const r = rule({ recurrence: 'monthly_nth_weekday', weekday: 5, nth: -1 });
    expect(planDates(r, '2026-11-01', '2027-02-28')).toEqual(['2026-11-27', '2026-12-25', '2027-01-29', '2027-02-26']);
  });

  it('monthly on a day, clamped to short months (31 → 28/29/30)', () => {
    const r = rule({ recurrence: 'monthly_day', monthDay: 31, weekday: null });
    expect(planDates(r, '2026-01-01', '2026-06-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(planDates({ ...r, startDate: '2024-01-01' }, '2024-02-01', '2024-02-29')).toEqual(['2024-02-29']);
    expect(planDates(rule({ recurrence: 'monthly_day', monthDay: 30, weekday: null }), '2026-02-01', '2026-03-31')).toEqual(['2026-02-28', '2026-03-30']);
  });

  it('monthly: a window that starts after the month’s date skips that month', () => {
    const r = rule({ recurrence: 'monthly_day', monthDay: 10, weekday: null });
    expect(planDates(r, '2026-03-11', '2026-05-09')).toEqual(['2026-04-10']);
  });

  it('monthly: the plan’s start date clips the first month', () => {
    const r = rule({ recurrence: 'monthly_nth_weekday', weekday: 1, nth: 1, startDate: '2026-03-03' });
    expect(planDates(r, '2026-03-01', '2026-05-31')).toEqual(['2026-04-06', '2026-05-04']);
  });

  it('an empty window or an ended plan gives nothing', () => {
    expect(planDates(rule({}), '2026-03-10', '2026-03-01')).toEqual([]);
    expect(planDates(rule({ endDate: '2025-12-31' }), '2026-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('occurrences in the agency time zone', () => {
  it('Shanghai: 10:00 local is 02:00 UTC, with the duration', () => {
    const [o] = occurrences(rule({ weekday: 2, durationMinutes: 90 }), '2026-03-03', '2026-03-03', 'Asia/Shanghai');
    expect(o).toEqual({ date: '2026-03-03', startsAt: new Date('2026-03-03T02:00:00Z'), endsAt: new Date('2026-03-03T03:30:00Z') });
  });

  it('a zone with daylight saving keeps the wall clock across the change', () => {
    const r = rule({ weekday: 1, time: '09:00' });
    const list = occurrences(r, '2026-03-01', '2026-03-16', 'America/New_York'); // DST starts Sunday 8 March
    expect(list.map((o) => o.startsAt.toISOString())).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
    const autumn = occurrences(r, '2026-10-26', '2026-11-02', 'America/New_York'); // DST ends Sunday 1 November
    expect(autumn.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('a time skipped by spring-forward moves an hour later, as calendars do', () => {
    expect(wallInstant('2026-03-08', 150, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 02:30 → 03:30 EDT
    expect(wallInstant('2026-03-29', 150, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 → 03:30 CEST
  });

  it('a repeated time (fall-back) still reads as that wall clock', () => {
    const at = wallInstant('2026-11-01', 90, 'America/New_York');
    expect(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']).toContain(at.toISOString());
  });

  it('the window is local: late evening UTC is already tomorrow in Shanghai', () => {
    expect(scheduleWindow(new Date('2026-03-01T17:00:00Z'), 8, 'Asia/Shanghai')).toEqual({ from: '2026-03-02', to: '2026-04-26' });
    expect(scheduleWindow(new Date('2026-03-01T15:59:00Z'), 1, 'Asia/Shanghai')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
  });
});

describe('planRuleErrors', () => {
  it('accepts complete rules of each recurrence', () => {
    expect(planRuleErrors(rule({}))).toEqual([]);
    expect(planRuleErrors(rule({ recurrence: 'every_n_weeks', intervalWeeks: 4 }))).toEqual([]);
    expect(planRuleErrors(rule({ recurrence: 'monthly_nth_weekday', nth: -1 }))).toEqual([]);
    expect(planRuleErrors(rule({ recurrence: 'monthly_day', monthDay: 31, weekday: null }))).toEqual([]);
  });

  it('names each missing or impossible field', () => {
    expect(planRuleErrors(rule({ weekday: null })).map((e) => e.field)).toEqual(['weekday']);
    expect(planRuleErrors(rule({ recurrence: 'every_n_weeks', intervalWeeks: 1 })).map((e) => e.field)).toEqual(['intervalWeeks']);
    expect(planRuleErrors(rule({ recurrence: 'monthly_nth_weekday', nth: 0 })).map((e) => e.field)).toEqual(['nth']);
    expect(planRuleErrors(rule({ recurrence: 'monthly_day', monthDay: null, weekday: null })).map((e) => e.field)).toEqual(['monthDay']);
    expect(planRuleErrors(rule({ startDate: '2026-03-10', endDate: '2026-03-09' })).map((e) => e.field)).toEqual(['endDate']);
    expect(planRuleErrors(rule({ time: '23:30', durationMinutes: 60 })).map((e) => e.field)).toEqual(['durationMinutes']);
  });

  it('normalising drops the fields a recurrence does not use', () => {
    expect(normalizeRule(rule({ recurrence: 'monthly_day', monthDay: 5, weekday: 3, nth: 2, intervalWeeks: 3 }))).toMatchObject({ weekday: null, nth: null, intervalWeeks: null, monthDay: 5 });
    expect(normalizeRule(rule({ recurrence: 'weekly', monthDay: 5, nth: 2, intervalWeeks: 3 }))).toMatchObject({ weekday: 2, nth: null, intervalWeeks: null, monthDay: null });
  });
});

describe('findConflicts', () => {
  const v = (id: string, managerId: string, start: string, end: string) => ({ id, managerId, startsAt: new Date(start), endsAt: new Date(end) });

  it('reports overlapping visits of one manager, not touching ones, not other managers’', () => {
    const list = [
      v('a', 'm1', '2026-03-03T02:00:00Z', '2026-03-03T03:00:00Z'),
      v('b', 'm1', '2026-03-03T02:30:00Z', '2026-03-03T03:30:00Z'),
      v('c', 'm1', '2026-03-03T03:30:00Z', '2026-03-03T04:00:00Z'),
      v('d', 'm2', '2026-03-03T02:00:00Z', '2026-03-03T03:00:00Z'),
    ];
    expect(findConflicts(list, new Map(), 'Asia/Shanghai')).toEqual([{ kind: 'overlap', managerId: 'm1', visitIds: ['a', 'b'] }]);
  });

  it('a long visit overlapping two others gives two pairs', () => {
    const list = [
      v('long', 'm1', '2026-03-03T01:00:00Z', '2026-03-03T05:00:00Z'),
      v('x', 'm1', '2026-03-03T02:00:00Z', '2026-03-03T02:30:00Z'),
      v('y', 'm1', '2026-03-03T04:00:00Z', '2026-03-03T04:30:00Z'),
    ];
    expect(findConflicts(list, new Map(), 'Asia/Shanghai').map((c) => (c.kind === 'overlap' ? c.visitIds.join('+') : ''))).toEqual(['long+x', 'long+y']);
  });

  it('reports a visit on a holiday by its local date', () => {
    const holidays = new Map([['2026-10-01', '国庆节']]);
    const list = [v('late', 'm1', '2026-09-30T16:30:00Z', '2026-09-30T17:00:00Z'), v('before', 'm1', '2026-09-30T15:00:00Z', '2026-09-30T15:30:00Z')];
    expect(findConflicts(list, holidays, 'Asia/Shanghai')).toEqual([{ kind: 'holiday', visitId: 'late', date: '2026-10-01', name: '国庆节' }]);
  });
});
