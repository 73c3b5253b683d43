import { wallOf, instantOf } from '@crm/platform';
import type { ServicePolicy, TierService } from '@crm/tiering';

/**
 * Compliance with the tier's service policy, per customer: how often they must be visited (and contacted, and
 * for large loyal accounts visited by an executive), when that last happened, what is planned, whether they
 * are overdue. Pure; `now` is an argument. The nightly overdue check computes the same in SQL (a test keeps
 * the two in agreement).
 */
export const VISIT_KINDS = ['in_person', 'phone', 'video', 'executive'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

const DAY_MS = 86_400_000;

/** Whether a visit of this kind meets a tier's visit mode: an in-person tier needs someone at the door. */
export function countsAsVisit(mode: TierService['visitMode'], kind: VisitKind): boolean {
  if (mode === 'none') return false;
  return mode === 'phone' || kind === 'in_person' || kind === 'executive';
}

export interface Cadence {
  /** Null: the policy asks for nothing. */
  everyDays: number | null;
  lastAt: Date | null;
  nextPlannedAt: Date | null;
  /** When the next one is needed by: the last one (or, never visited, the start of the requirement) plus the cadence. */
  dueBy: Date | null;
  overdue: boolean;
  /** Whole days past dueBy; 0 when not overdue. */
  daysOverdue: number;
  /** A planned one comes by dueBy. */
  coveredByPlan: boolean;
}

export function cadence(everyDays: number | null, lastAt: Date | null, since: Date, nextPlannedAt: Date | null, now: Date): Cadence {
  if (everyDays === null) return { everyDays, lastAt, nextPlannedAt, dueBy: null, overdue: false, daysOverdue: 0, coveredByPlan: false };
  const dueBy = new Date((lastAt ?? since).getTime() + everyDays * DAY_MS);
  const overdue = dueBy < now;
  return {
    everyDays, lastAt, nextPlannedAt, dueBy, overdue,
    daysOverdue: overdue ? Math.floor((now.getTime() - dueBy.getTime()) / DAY_MS) : 0,
    coveredByPlan: nextPlannedAt !== null && nextPlannedAt <= dueBy,
  };
}

/** Per kind of contact: the last done and the next planned, as instants. */
export interface Moments {
  /** Visits of any kind. */
  any: Date | null;
  /** In-person and executive visits. */
  inPerson: Date | null;
  executive: Date | null;
}

export interface ComplianceFacts {
  tier: string | null;
  quadrant: string | null;
  createdAt: Date;
  tierChangedAt: Date | null;
  lastDone: Moments;
  nextPlanned: Moments;
  /** Calls, messages, emails logged. */
  lastInteractionAt: Date | null;
}

export interface Compliance {
  visitMode: TierService['visitMode'];
  /** Account-manager visits of the mode the tier asks for. */
  visit: Cadence;
  /** Any contact: a visit or a logged interaction (the tier's proactive-contact cadence). */
  contact: Cadence;
  /** Executive visits, for large loyal accounts of a tier that has them. */
  executive: Cadence;
}

const latest = (...ds: (Date | null)[]): Date | null => ds.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

export function complianceOf(f: ComplianceFacts, policy: ServicePolicy, now: Date): Compliance {
  const service: TierService | null = f.tier && f.tier in policy ? policy[f.tier as keyof ServicePolicy] : null;
  const mode = service?.visitMode ?? 'none';
  // A requirement starts when the customer got its tier, not before: a customer who became A yesterday is not late.
  const since = latest(f.createdAt, f.tierChangedAt)!;
  const pick = (m: Moments) => (mode === 'in_person' ? m.inPerson : m.any);
  return {
    visitMode: mode,
    visit: cadence(mode === 'none' ? null : (service?.visitEveryDays ?? null), pick(f.lastDone), since, pick(f.nextPlanned), now),
    contact: cadence(service?.contactEveryDays ?? null, latest(f.lastDone.any, f.lastInteractionAt), since, f.nextPlanned.any, now),
    executive: cadence(
      f.quadrant === 'large_loyal' ? (service?.executiveVisitEveryDays ?? null) : null, f.lastDone.executive, since, f.nextPlanned.executive, now,
    ),
  };
}

export interface Quarter {
  label: string;
  /** First instant of the quarter and of the next one, in the agency's zone. */
  from: Date;
  to: Date;
}

export function quarterOf(instant: Date, timeZone: string): Quarter {
  const w = wallOf(instant, timeZone);
  const q = Math.floor((w.month - 1) / 3);
  const start = (year: number, quarter: number) =>
    instantOf({ year: year + Math.floor(quarter / 4), month: (quarter % 4) * 3 + 1, day: 1, ms: 0 }, timeZone);
  return { label: `${w.year}-Q${q + 1}`, from: start(w.year, q), to: start(w.year, q + 1) };
}

/** An executive visit is due this quarter when one is needed before the quarter ends and none is planned in time. */
export function executiveDue(c: Cadence, quarter: Quarter): boolean {
  return c.dueBy !== null && c.dueBy < quarter.to && !c.coveredByPlan;
}
