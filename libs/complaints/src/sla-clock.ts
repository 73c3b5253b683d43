import type { EventType, Severity } from './complaint-rules';

/**
 * The service-level clocks of a complaint, as a pure function of its event history, the policy and `now`.
 * Calendar time: travel runs around the clock. The resolution clock pauses while the complaint waits on
 * the customer and while it is resolved (so a reopened complaint resumes with the time it had left); the
 * customer-update clock restarts with each update, and every restart is a period of its own.
 */
export const SLA_METRICS = ['initial_solution', 'emergency_team', 'customer_update', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

/** Minutes per metric, per severity; a tier may shorten (or lengthen) any of them. */
export interface SlaPolicy {
  targets: Record<Severity, Partial<Record<SlaMetric, number>>>;
  tierTargets?: Partial<Record<string, Partial<Record<Severity, Partial<Record<SlaMetric, number>>>>>>;
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
  /** Null while paused. */
  dueAt: Date | null;
  /** When 80 % of the target is used up, if it keeps running; null while paused. */
  warnAt: Date | null;
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
    if (metric === 'resolution') return [resolutionClock(sorted, minutes, now)];
    if (metric === 'customer_update') return updateClocks(sorted, minutes, now);
    const met = sorted.find((e) => e.type === MET_BY[metric] || e.type === 'resolved');
    return [settle({ metric, period: 0, minutes, start: receivedAt, metAt: met?.at ?? null }, now)];
  });
}

/** A clock that runs from `start` without pauses until `metAt` (if any). */
function settle(c: { metric: SlaMetric; period: number; minutes: number; start: Date; metAt: Date | null }, now: Date): Clock {
  const dueAt = new Date(c.start.getTime() + c.minutes * MINUTE);
  const warnAt = new Date(c.start.getTime() + c.minutes * WARN_SHARE * MINUTE);
  const end = c.metAt ?? now;
  const state: ClockState = end.getTime() > dueAt.getTime() ? 'breached' : c.metAt ? 'met' : 'running';
  return { metric: c.metric, period: c.period, minutes: c.minutes, dueAt, warnAt, state, metAt: c.metAt };
}

/** One period per update: each runs from the previous update (or intake) to the next update, or to resolution. */
function updateClocks(events: ClockEvent[], minutes: number, now: Date): Clock[] {
  const clocks: Clock[] = [];
  let start = events[0].at;
  let running = true;
  for (const e of events) {
    if (running && (e.type === 'customer_update' || e.type === 'resolved')) {
      clocks.push(settle({ metric: 'customer_update', period: clocks.length, minutes, start, metAt: e.at }, now));
      start = e.at;
      running = e.type === 'customer_update';
    } else if (!running && e.type === 'reopened') {
      start = e.at;
      running = true;
    }
  }
  if (running) clocks.push(settle({ metric: 'customer_update', period: clocks.length, minutes, start, metAt: null }, now));
  return clocks;
}

/** Resolution: a budget of running time, spent only while neither waiting on the customer nor resolved. */
function resolutionClock(events: ClockEvent[], minutes: number, now: Date): Clock {
  const budget = minutes * MINUTE;
  let used = 0;
  let resumedAt: Date | null = events[0].at;
  let dueAt = new Date(resumedAt.getTime() + budget);
  let metAt: Date | null = null;
  for (const e of events) {
    if (resumedAt && PAUSES.includes(e.type)) {
      used += e.at.getTime() - resumedAt.getTime();
      resumedAt = null;
      metAt = e.type === 'resolved' ? e.at : null;
    } else if (!resumedAt && RESUMES.includes(e.type)) {
      resumedAt = e.at;
      dueAt = new Date(e.at.getTime() + budget - used);
      metAt = null;
    }
  }
  const base = { metric: 'resolution' as const, period: 0, minutes };
  if (!resumedAt) {
    // A met clock keeps the deadline it beat; a paused one has none until it resumes.
    const state: ClockState = used > budget ? 'breached' : metAt ? 'met' : 'paused';
    return { ...base, dueAt: metAt ? dueAt : null, warnAt: null, state, metAt };
  }
  const warnAt = new Date(resumedAt.getTime() + budget * WARN_SHARE - used);
  return { ...base, dueAt, warnAt, state: now.getTime() > dueAt.getTime() ? 'breached' : 'running', metAt: null };
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
