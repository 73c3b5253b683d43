import type { Tier } from './tier-policy';

/** What each tier gets; the visits and complaints features read it. Days between contacts; null for none. */
export interface TierService {
  /** Account-manager visits: how often, and how. */
  visitEveryDays: number | null;
  visitMode: 'in_person' | 'phone' | 'none';
  /** Executive visits for the large, loyal accounts of the tier. */
  executiveVisitEveryDays: number | null;
  /** Proactive contact (offers, greetings). */
  contactEveryDays: number | null;
  /** Added to a complaint's priority. */
  complaintPriorityBoost: number;
}

export type ServicePolicy = Record<Tier, TierService>;

export const DEFAULT_SERVICE: ServicePolicy = {
  A: { visitEveryDays: 30, visitMode: 'in_person', executiveVisitEveryDays: 90, contactEveryDays: 14, complaintPriorityBoost: 3 },
  B: { visitEveryDays: 60, visitMode: 'in_person', executiveVisitEveryDays: null, contactEveryDays: 30, complaintPriorityBoost: 2 },
  C: { visitEveryDays: 90, visitMode: 'phone', executiveVisitEveryDays: null, contactEveryDays: 60, complaintPriorityBoost: 1 },
  D: { visitEveryDays: null, visitMode: 'none', executiveVisitEveryDays: null, contactEveryDays: null, complaintPriorityBoost: 0 },
};
