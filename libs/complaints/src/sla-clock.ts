import type { EventType, Severity } from './complaint-rules';
import { CALENDAR_TIME, TimeMeasure, WorkCalendar, businessTime } from './business-time';

/**
 * The service-level clocks of a complaint, as a pure function of its event history, the policy and `now`.
 * Calendar time by default (travel runs around the clock); a metric the policy puts on business hours counts
 * only the calendar's open hours, for its deadline, its warning and its budget alike. The resolution clock
 * pauses while the complaint waits on the customer and while it is resolved (so a reopened complaint resumes
 * with the time it had left); the customer-update clock restarts with each update, and every restart is a
 * period of its own.
 */
export const SLA_METRICS = ['initial_solution', 'emergency_team', 'customer_update', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

/** Minutes per metric, per severity; a tier may shorten (or lengthen) any of them. */
export interface SlaPolicy {
  targets: Record<Severity, Partial<Record<SlaMetric, number>>>;
  tierTargets?: Partial<Record<string, Partial<Record<Severity, Partial<Record<SlaMetric, number>>>>>>;
  /** Metrics counted in the calendar's open hours only; the others run around the clock. */
  businessHours?: Partial<Record<SlaMetric, boolean>>;
  /** The business-hours calendar, in the agency's time zone; required once a metric counts business hours. */
  calendar?: WorkCalendar & { timeZone: string };
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  targets: {
    ordinary: { initial_solution: 120, resolution: 72 * 60 },
    major: { emergency_team: 30, customer_update: 120, resolution: 24 * 60 },
  },
};

/** The share of a target after which the owner is warned. */
export const WARN_SHARE = 0.8;

export interface ClockEvent {
  type: EventType;
  at: Date;
}

export interface Clock {
  metric: SlaMetric;
  /** 0 for most metrics; the customer-update clock counts its restarts. */
  period: number;
  minutes: number;
  /** Null while paused, unless already missed. */
  dueAt: Date | null;
  /** When 80 % of the target is used up, if it keeps running; null unless it runs. */
  warnAt: Date | null;
  /** When a further target period (in the clock's own time) has passed the deadline, for escalation; null once met or while paused short of it. */
  escalateAt: Date | null;
  state: ClockState;
  metAt: Date | null;
}

const MINUTE = 60_000;
/** What stops each one-off clock. */
const MET_BY: Partial<Record<SlaMetric, EventType>> = { initial_solution: 'solution_proposed', emergency_team: 'team_assembled' };
const PAUSES: readonly EventType[] = ['waiting_on_customer', 'resolved'];
const RESUMES: readonly EventType[] = ['customer_replied', 'reopened'];

export function targetsFor(policy: SlaPolicy, severity: Severity, tier: string | null): [SlaMetric, number][] {
  const merged = { ...policy.targets[severity], ...(tier ? policy.tierTargets?.[tier]?.[severity] : undefined) };
  return SLA_METRICS.filter((m) => merged[m] !== undefined).map((m) => [m, merged[m]!]);
}

/** Every clock (all customer-update periods), oldest period first. `events` must start with `received`. */
export function computeClocks(severity: Severity, tier: string | null, events: ClockEvent[], policy: SlaPolicy, now: Date): Clock[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const receivedAt = sorted[0].at;
  return targetsFor(policy, severity, tier).flatMap(([metric, minutes]) => {
    const measure = measureOf(policy, metric);
    const settled = (s: Stretch) => settle(metric, minutes, s, measure, now);
    if (metric === 'resolution') return [settled(resolutionStretch(sorted))];
    if (metric === 'customer_update') return updateStretches(sorted).map(settled);
    const met = sorted.find((e) => e.type === MET_BY[metric] || e.type === 'resolved');
    return [settled({ period: 0, runs: [{ from: receivedAt, to: met?.at ?? null }], metAt: met?.at ?? null })];
  });
}

function measureOf(policy: SlaPolicy, metric: SlaMetric): TimeMeasure {
  if (!policy.businessHours?.[metric]) return CALENDAR_TIME;
  if (!policy.calendar) throw new Error(`${metric} counts business hours but the policy has no calendar`);
  return businessTime(policy.calendar, policy.calendar.timeZone);
}

/** A stretch of time the clock ran: `to` null while it still runs. */
interface Run {
  from: Date;
  to: Date | null;
}

/** One period of a clock: the runs it was running for, and when it was met (if that is what stopped it). */
interface Stretch {
  period: number;
  runs: Run[];
  metAt: Date | null;
}

/**
 * The instant the running time (as `measure` counts it) reaches `target`: inside a run, or, with `project`,
 * from the start of the last run as if it had kept running. Null when the runs end short of it.
 */
function reach(runs: Run[], target: number, measure: TimeMeasure, project: boolean): Date | null {
  let used = 0;
  for (const [i, run] of runs.entries()) {
    const open = run.to === null || (project && i === runs.length - 1);
    const length = open ? Infinity : measure.between(run.from, run.to!);
    if (used + length >= target) return measure.add(run.from, target - used);
    used += length;
  }
  return null;
}

/**
 * A clock from its runs: breached once its deadline passed while it ran (or before it was met), met when met in
 * time, running, or paused. A met clock keeps the deadline it beat; a paused one shows a deadline only when it
 * already missed it.
 */
function settle(metric: SlaMetric, minutes: number, { period, runs, metAt }: Stretch, measure: TimeMeasure, now: Date): Clock {
  const budget = minutes * MINUTE;
  const last = runs[runs.length - 1];
  const running = last.to === null;
  const at = (share: number) => reach(runs, budget * share, measure, running || metAt !== null);
  const dueAt = at(1);
  const breached = dueAt !== null && (last.to ?? now).getTime() > dueAt.getTime();
  const state: ClockState = breached ? 'breached' : metAt ? 'met' : running ? 'running' : 'paused';
  return {
    metric, period, minutes, state, metAt,
    dueAt: running || metAt || breached ? dueAt : null,
    warnAt: running ? at(WARN_SHARE) : null,
    escalateAt: !metAt && (running || breached) ? at(2) : null,
  };
}

/** One period per update: each runs from the previous update (or intake) to the next update, or to resolution. */
function updateStretches(events: ClockEvent[]): Stretch[] {
  const stretches: Stretch[] = [];
  let start: Date | null = events[0].at;
  for (const e of events) {
    if (start && (e.type === 'customer_update' || e.type === 'resolved')) {
      stretches.push({ period: stretches.length, runs: [{ from: start, to: e.at }], metAt: e.at });
      start = e.type === 'customer_update' ? e.at : null;
    } else if (!start && e.type === 'reopened') {
      start = e.at;
    }
  }
  if (start) stretches.push({ period: stretches.length, runs: [{ from: start, to: null }], metAt: null });
  return stretches;
}

/** Resolution: a budget of running time, spent only while neither waiting on the customer nor resolved. */
function resolutionStretch(events: ClockEvent[]): Stretch {
  const runs: Run[] = [];
  let from: Date | null = events[0].at;
  let metAt: Date | null = null;
  for (const e of events) {
    if (from && PAUSES.includes(e.type)) {
      runs.push({ from, to: e.at });
      from = null;
      metAt = e.type === 'resolved' ? e.at : null;
    } else if (!from && RESUMES.includes(e.type)) {
      from = e.at;
      metAt = null;
    }
  }
  if (from) runs.push({ from, to: null });
  return { period: 0, runs, metAt };
}

/** The clocks a complaint shows: the latest period of each metric. */
export function currentClocks(clocks: Clock[]): Clock[] {
  return SLA_METRICS.flatMap((m) => clocks.filter((c) => c.metric === m).slice(-1));
}

/** The nearest deadline still ahead of the agent (running clocks), for ordering the queue. */
export function nextDueAt(clocks: Clock[]): Date | null {
  const due = clocks.filter((c) => c.state === 'running' && c.dueAt).map((c) => c.dueAt!.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}
