import { DEFAULT_WORK_CALENDAR } from '../business-time';
import { EventType } from '../complaint-rules';
import { ClockEvent, SlaPolicy, computeClocks, currentClocks } from '../sla-clock';

/** Clocks on business hours: Monday to Friday 09:00–18:00 in Shanghai, with the 2026 Spring Festival. */
const sh = (wall: string) => new Date(`${wall}:00+08:00`);
const ev = (type: EventType, wall: string): ClockEvent => ({ type, at: sh(wall) });
const CALENDAR = {
  ...DEFAULT_WORK_CALENDAR,
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
  extraWorkingDays: ['2026-02-14', '2026-02-28'],
  timeZone: 'Asia/Shanghai',
};
/** Ten business hours to resolve, two to propose a solution; major complaints' team clock runs around the clock. */
const POLICY: SlaPolicy = {
  targets: { ordinary: { initial_solution: 120, resolution: 600 }, major: { emergency_team: 30, customer_update: 120, resolution: 600 } },
  tierTargets: { A: { ordinary: { initial_solution: 60 } } },
  businessHours: { initial_solution: true, customer_update: true, resolution: true },
  calendar: CALENDAR,
};
const clocks = (events: ClockEvent[], now: string, opts: { severity?: 'ordinary' | 'major'; tier?: string | null; policy?: SlaPolicy } = {}) =>
  Object.fromEntries(currentClocks(computeClocks(opts.severity ?? 'ordinary', opts.tier ?? null, events, opts.policy ?? POLICY, sh(now))).map((c) => [c.metric, c]));

describe('one-off clocks on business hours', () => {
  it('due, warning and escalation all count open hours only', () => {
    const c = clocks([ev('received', '2026-03-02T10:00')], '2026-03-02T10:05');
    expect(c.initial_solution).toMatchObject({ dueAt: sh('2026-03-02T12:00'), warnAt: sh('2026-03-02T11:36'), escalateAt: sh('2026-03-02T14:00'), state: 'running' });
    // 10 h: 8 on Monday, 2 on Tuesday; warned after 8 h (Monday's closing), escalated after 20 h (Wednesday 12:00).
    expect(c.resolution).toMatchObject({ dueAt: sh('2026-03-03T11:00'), warnAt: sh('2026-03-02T18:00'), escalateAt: sh('2026-03-04T12:00') });
  });

  it('a complaint received on Friday night waits for Monday and is not breached over the weekend', () => {
    const c = clocks([ev('received', '2026-03-06T20:00')], '2026-03-07T12:00');
    expect(c.initial_solution).toMatchObject({ dueAt: sh('2026-03-09T11:00'), warnAt: sh('2026-03-09T10:36'), state: 'running' });
    expect(clocks([ev('received', '2026-03-06T20:00')], '2026-03-09T11:01').initial_solution.state).toBe('breached');
  });

  it('a deadline at closing time is missed by a solution in the evening and met by one before it', () => {
    expect(clocks([ev('received', '2026-03-02T16:00'), ev('solution_proposed', '2026-03-02T18:30')], '2026-03-03T09:00').initial_solution)
      .toMatchObject({ dueAt: sh('2026-03-02T18:00'), state: 'breached', metAt: sh('2026-03-02T18:30') });
    expect(clocks([ev('received', '2026-03-02T17:00'), ev('solution_proposed', '2026-03-03T09:59')], '2026-03-03T12:00').initial_solution)
      .toMatchObject({ dueAt: sh('2026-03-03T10:00'), state: 'met' });
  });

  it('a tier has its own target, also in business hours', () => {
    const received = [ev('received', '2026-03-06T17:30')];
    expect(clocks(received, '2026-03-06T17:31', { tier: 'A' }).initial_solution.dueAt).toEqual(sh('2026-03-09T09:30'));
    expect(clocks(received, '2026-03-06T17:31', { tier: 'B' }).initial_solution.dueAt).toEqual(sh('2026-03-09T10:30'));
  });

  it('over the Spring Festival: the make-up Saturday counts, the holidays do not', () => {
    const c = clocks([ev('received', '2026-02-13T16:00')], '2026-02-13T16:01');
    expect(c.resolution.dueAt).toEqual(sh('2026-02-14T17:00')); // 2 h on Friday, 8 on the make-up Saturday
    expect(c.resolution.escalateAt).toEqual(sh('2026-02-24T18:00')); // 20 h: 2 on Friday, 9 on Saturday, 9 on Tuesday the 24th
    expect(clocks([ev('received', '2026-02-14T17:00')], '2026-02-14T17:01').initial_solution.dueAt).toEqual(sh('2026-02-24T10:00'));
  });
});

describe('the resolution clock on business hours', () => {
  it('a pause across midnight spends nothing, not even the morning before the reply', () => {
    const events = [ev('received', '2026-03-02T10:00'), ev('solution_proposed', '2026-03-02T11:00'), ev('waiting_on_customer', '2026-03-02T17:00')];
    expect(clocks(events, '2026-03-03T10:00').resolution).toMatchObject({ state: 'paused', dueAt: null, warnAt: null, escalateAt: null });
    // 7 h spent before the pause, 3 left from the reply at 11:00.
    const resumed = clocks([...events, ev('customer_replied', '2026-03-03T11:00')], '2026-03-03T11:30').resolution;
    expect(resumed).toMatchObject({ state: 'running', dueAt: sh('2026-03-03T14:00'), warnAt: sh('2026-03-03T12:00'), escalateAt: sh('2026-03-04T15:00') });
  });

  it('a pause over the weekend, answered on Saturday, resumes on Monday morning', () => {
    const events = [
      ev('received', '2026-03-06T10:00'), ev('solution_proposed', '2026-03-06T11:00'), ev('waiting_on_customer', '2026-03-06T12:00'), ev('customer_replied', '2026-03-07T10:00'),
    ];
    expect(clocks(events, '2026-03-07T10:30').resolution).toMatchObject({ state: 'running', dueAt: sh('2026-03-09T17:00') });
  });

  it('a pause into the festival resumes after it', () => {
    const events = [
      ev('received', '2026-02-13T14:00'), ev('solution_proposed', '2026-02-13T15:00'), ev('waiting_on_customer', '2026-02-13T16:00'), ev('customer_replied', '2026-02-18T10:00'),
    ];
    expect(clocks(events, '2026-02-18T10:01').resolution.dueAt).toEqual(sh('2026-02-24T17:00'));
  });

  it('a reopened complaint resumes with the business time it had left', () => {
    const events = [ev('received', '2026-03-02T10:00'), ev('resolved', '2026-03-02T12:00')];
    expect(clocks(events, '2026-03-03T10:00').resolution).toMatchObject({ state: 'met', dueAt: sh('2026-03-03T11:00'), metAt: sh('2026-03-02T12:00') });
    const reopened = clocks([...events, ev('reopened', '2026-03-04T17:00')], '2026-03-04T17:10').resolution;
    expect(reopened).toMatchObject({ state: 'running', metAt: null, dueAt: sh('2026-03-05T16:00') });
  });

  it('a clock that ran out before a pause stays breached while paused, with the deadline it missed', () => {
    const events = [ev('received', '2026-03-02T10:00'), ev('solution_proposed', '2026-03-02T11:00'), ev('waiting_on_customer', '2026-03-03T12:00')];
    expect(clocks(events, '2026-03-04T10:00').resolution).toMatchObject({ state: 'breached', dueAt: sh('2026-03-03T11:00'), warnAt: null, escalateAt: null });
  });

  it('deadlines do not move with time: computed later, a running clock keeps them', () => {
    const events = [ev('received', '2026-03-02T10:00')];
    expect(clocks(events, '2026-03-02T10:01').resolution.dueAt).toEqual(clocks(events, '2026-03-03T10:59').resolution.dueAt);
    expect(clocks(events, '2026-03-03T11:01').resolution).toMatchObject({ state: 'breached', dueAt: sh('2026-03-03T11:00') });
  });
});

describe('mixing calendar and business time', () => {
  it('a major complaint late on Monday: the team within 30 minutes around the clock, the update by the next morning', () => {
    const c = clocks([ev('received', '2026-03-02T17:50')], '2026-03-02T17:51', { severity: 'major' });
    expect(c.emergency_team).toMatchObject({ dueAt: sh('2026-03-02T18:20'), escalateAt: sh('2026-03-02T18:50') });
    expect(c.customer_update.dueAt).toEqual(sh('2026-03-03T10:50'));
    // An update at 17:30 the next day restarts it: 30 min that evening, 90 the morning after.
    const updated = computeClocks('major', null, [ev('received', '2026-03-02T17:50'), ev('customer_update', '2026-03-03T17:30')], POLICY, sh('2026-03-03T17:31'));
    expect(updated.filter((k) => k.metric === 'customer_update').map((k) => [k.period, k.state, k.dueAt])).toEqual([
      [0, 'breached', sh('2026-03-03T10:50')],
      [1, 'running', sh('2026-03-04T10:30')],
    ]);
  });

  it('the same complaint under calendar time has deadlines through the night', () => {
    const calendar: SlaPolicy = { ...POLICY, businessHours: {} };
    const c = clocks([ev('received', '2026-03-06T20:00')], '2026-03-06T20:01', { policy: calendar });
    expect(c.initial_solution.dueAt).toEqual(sh('2026-03-06T22:00'));
    expect(c.resolution.dueAt).toEqual(sh('2026-03-07T06:00'));
  });

  it('the calendar is read in its own time zone, daylight saving included', () => {
    const ny: SlaPolicy = { ...POLICY, calendar: { ...CALENDAR, holidays: [], extraWorkingDays: [], timeZone: 'America/New_York' } };
    // Friday 6 March 2026 17:00 EST: one hour that day, one on Monday 9 March, which is already on EDT (10:00 is 14:00Z).
    const c = currentClocks(computeClocks('ordinary', null, [{ type: 'received', at: new Date('2026-03-06T22:00:00Z') }], ny, new Date('2026-03-06T22:01:00Z')));
    expect(c[0]).toMatchObject({ metric: 'initial_solution', dueAt: new Date('2026-03-09T14:00:00Z') });
  });

  it('a policy that counts business hours without a calendar is refused', () => {
    expect(() => computeClocks('ordinary', null, [ev('received', '2026-03-02T10:00')], { ...POLICY, calendar: undefined }, sh('2026-03-02T10:00'))).toThrow(/no calendar/);
  });
});
