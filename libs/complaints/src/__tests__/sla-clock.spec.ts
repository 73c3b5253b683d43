import { ClockEvent, DEFAULT_SLA_POLICY, SlaPolicy, computeClocks, currentClocks, nextDueAt, targetsFor } from '../sla-clock';
import { EventType } from '../complaint-rules';

const T0 = new Date('2026-03-01T10:00:00+08:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ev = (type: EventType, minutes: number): ClockEvent => ({ type, at: at(minutes) });
const received = ev('received', 0);
const clocks = (severity: 'ordinary' | 'major', events: ClockEvent[], nowMin: number, policy: SlaPolicy = DEFAULT_SLA_POLICY, tier: string | null = null) =>
  Object.fromEntries(currentClocks(computeClocks(severity, tier, [received, ...events], policy, at(nowMin))).map((c) => [c.metric, c]));

describe('ordinary complaints', () => {
  it('initial solution within 2 hours and resolution within 72, warned at 80 %', () => {
    const c = clocks('ordinary', [], 10);
    expect(Object.keys(c)).toEqual(['initial_solution', 'resolution']);
    expect(c.initial_solution).toMatchObject({ dueAt: at(120), warnAt: at(96), escalateAt: at(240), state: 'running', metAt: null });
    expect(c.resolution).toMatchObject({ dueAt: at(72 * 60), state: 'running' });
  });
  it('a solution in time meets the clock; a late one breaches it', () => {
    expect(clocks('ordinary', [ev('solution_proposed', 119)], 500).initial_solution).toMatchObject({ state: 'met', metAt: at(119), dueAt: at(120), warnAt: null, escalateAt: null });
    expect(clocks('ordinary', [ev('solution_proposed', 121)], 500).initial_solution).toMatchObject({ state: 'breached', metAt: at(121) });
  });
  it('is breached once now passes the deadline with nothing done, and not a moment before', () => {
    expect(clocks('ordinary', [], 120).initial_solution.state).toBe('running');
    expect(clocks('ordinary', [], 121).initial_solution.state).toBe('breached');
  });
  it('resolving without a separate solution meets the initial-solution clock too', () => {
    expect(clocks('ordinary', [ev('resolved', 60)], 500).initial_solution).toMatchObject({ state: 'met', metAt: at(60) });
  });
});

describe('the resolution clock', () => {
  it('pauses while waiting on the customer, across midnight, and resumes with the time it had left', () => {
    // waits from 12:00 to 09:00 the next day (21 hours)
    const events = [ev('solution_proposed', 60), ev('waiting_on_customer', 120), ev('customer_replied', 120 + 21 * 60)];
    const paused = clocks('ordinary', events.slice(0, 2), 600).resolution;
    expect(paused).toMatchObject({ state: 'paused', dueAt: null, warnAt: null });
    const resumed = clocks('ordinary', events, 24 * 60).resolution;
    expect(resumed).toMatchObject({ state: 'running', dueAt: at(72 * 60 + 21 * 60) });
    expect(resumed.warnAt).toEqual(at(0.8 * 72 * 60 + 21 * 60));
  });
  it('pauses any number of times', () => {
    const events = [ev('solution_proposed', 10), ev('waiting_on_customer', 20), ev('customer_replied', 80), ev('waiting_on_customer', 100), ev('customer_replied', 130)];
    expect(clocks('ordinary', events, 200).resolution.dueAt).toEqual(at(72 * 60 + 60 + 30));
  });
  it('resolution meets it and keeps the deadline it beat', () => {
    expect(clocks('ordinary', [ev('resolved', 300)], 10_000).resolution).toMatchObject({ state: 'met', metAt: at(300), dueAt: at(72 * 60) });
  });
  it('a reopened complaint resumes with the time left when it was resolved, and is no longer met', () => {
    const c = clocks('ordinary', [ev('resolved', 60), ev('reopened', 1000)], 1100).resolution;
    expect(c).toMatchObject({ state: 'running', metAt: null, dueAt: at(1000 + 72 * 60 - 60) });
  });
  it('a clock that ran out before the pause stays breached while paused, showing the deadline it missed', () => {
    const c = clocks('ordinary', [ev('solution_proposed', 10), ev('waiting_on_customer', 72 * 60 + 5)], 80 * 60).resolution;
    expect(c).toMatchObject({ state: 'breached', dueAt: at(72 * 60), warnAt: null, escalateAt: null });
  });
  it('escalates after a further target period of running time: pauses do not count', () => {
    const events = [ev('solution_proposed', 10), ev('waiting_on_customer', 60), ev('customer_replied', 60 + 600)];
    expect(clocks('ordinary', events, 700).resolution).toMatchObject({ dueAt: at(72 * 60 + 600), escalateAt: at(2 * 72 * 60 + 600) });
    expect(clocks('ordinary', [], 10).initial_solution.escalateAt).toEqual(at(240));
  });
  it('a resolution after the deadline is a breach with its metAt', () => {
    expect(clocks('ordinary', [ev('resolved', 72 * 60 + 1)], 80 * 60).resolution).toMatchObject({ state: 'breached', metAt: at(72 * 60 + 1) });
  });
});

describe('major complaints', () => {
  it('emergency team within 30 minutes, updates every 2 hours, resolution within 24', () => {
    const c = clocks('major', [], 5);
    expect(Object.keys(c)).toEqual(['emergency_team', 'customer_update', 'resolution']);
    expect(c.emergency_team).toMatchObject({ dueAt: at(30), warnAt: at(24), state: 'running' });
    expect(c.customer_update).toMatchObject({ period: 0, dueAt: at(120) });
    expect(c.resolution.dueAt).toEqual(at(24 * 60));
  });
  it('naming the team meets its clock; a late team breaches it', () => {
    expect(clocks('major', [ev('team_assembled', 29)], 60).emergency_team.state).toBe('met');
    expect(clocks('major', [ev('team_assembled', 31)], 60).emergency_team.state).toBe('breached');
  });
  it('each update restarts the update clock as a new period; the old one is met or breached', () => {
    const all = computeClocks('major', null, [received, ev('customer_update', 100), ev('customer_update', 250)], DEFAULT_SLA_POLICY, at(260)).filter((c) => c.metric === 'customer_update');
    expect(all.map((c) => [c.period, c.state])).toEqual([[0, 'met'], [1, 'breached'], [2, 'running']]);
    expect(all[2].dueAt).toEqual(at(370));
  });
  it('resolution stops the update clock; reopening starts a new period', () => {
    expect(clocks('major', [ev('resolved', 60)], 500).customer_update).toMatchObject({ state: 'met', period: 0 });
    expect(clocks('major', [ev('resolved', 60), ev('reopened', 400)], 450).customer_update).toMatchObject({ state: 'running', period: 1, dueAt: at(520) });
  });
  it('events arrive in any order', () => {
    const c = computeClocks('major', null, [ev('customer_update', 100), received], DEFAULT_SLA_POLICY, at(110));
    expect(currentClocks(c).find((x) => x.metric === 'customer_update')!.dueAt).toEqual(at(220));
  });
});

describe('policy', () => {
  const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, tierTargets: { A: { ordinary: { initial_solution: 60 } } } };
  it('a tier can have its own targets; the others keep the severity targets', () => {
    expect(targetsFor(policy, 'ordinary', 'A')).toEqual([['initial_solution', 60], ['resolution', 4320]]);
    expect(targetsFor(policy, 'ordinary', 'B')).toEqual([['initial_solution', 120], ['resolution', 4320]]);
  });
  it('a changed policy moves a running deadline: the clock is always computed under the policy given', () => {
    expect(clocks('ordinary', [], 10, policy, 'A').initial_solution.dueAt).toEqual(at(60));
    expect(clocks('ordinary', [], 10, DEFAULT_SLA_POLICY, 'A').initial_solution.dueAt).toEqual(at(120));
  });
});

describe('nextDueAt', () => {
  it('is the nearest running deadline, none when nothing runs', () => {
    expect(nextDueAt(computeClocks('major', null, [received], DEFAULT_SLA_POLICY, at(1)))).toEqual(at(30));
    expect(nextDueAt(computeClocks('ordinary', null, [received, ev('resolved', 5)], DEFAULT_SLA_POLICY, at(10)))).toBeNull();
  });
});
