/** The complaint vocabulary and its pure rules: priority, the handling state machine, the standard remedy. */
export const SEVERITIES = ['ordinary', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CATEGORIES = ['hotel', 'guide', 'transport', 'itinerary', 'food', 'luggage', 'lost_traveller', 'safety', 'billing', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Categories that are incidents: they cannot be closed without a written report. */
export const INCIDENT_CATEGORIES: readonly Category[] = ['luggage', 'lost_traveller', 'safety'];
export const CHANNELS = ['phone', 'chat', 'message', 'email', 'in_person', 'booking_system'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const STATUSES = ['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof STATUSES)[number];
/** What staff record on a complaint; `received` is the intake itself. */
export const EVENT_TYPES = [
  'received', 'acknowledged', 'team_assembled', 'solution_proposed', 'customer_update', 'waiting_on_customer', 'customer_replied', 'resolved', 'closed', 'reopened',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const ATTRIBUTIONS = ['service_failure', 'force_majeure', 'third_party', 'customer'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
export const COMPENSATION_KINDS = ['apology', 'refund', 'voucher', 'gift', 'upgrade', 'dedicated_advisor', 'priority_booking', 'alternative_arrangement'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

export interface Compensation {
  kind: CompensationKind;
  /** Refunds: minor units (CNY). */
  amount?: number;
  /** Vouchers: percent off the next trip, and until when. */
  percent?: number;
  expiresOn?: string;
  note?: string;
}

/** P1 every major complaint; ordinary ones by the customer's tier: A → P2, B → P3, anyone else → P4. */
export function priorityOf(severity: Severity, tier: string | null): Priority {
  if (severity === 'major') return 'P1';
  if (tier === 'A') return 'P2';
  if (tier === 'B') return 'P3';
  return 'P4';
}

const OPEN: readonly ComplaintStatus[] = ['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer'];

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(status: ComplaintStatus, event: EventType): ComplaintStatus | null {
  const open = OPEN.includes(status);
  switch (event) {
    case 'acknowledged':
      return status === 'received' ? 'acknowledged' : null;
    case 'team_assembled':
      return status === 'received' ? 'acknowledged' : open ? status : null;
    case 'customer_update':
      return open ? status : null;
    case 'solution_proposed':
      return status === 'received' || status === 'acknowledged' ? 'solution_proposed' : null;
    case 'waiting_on_customer':
      return status === 'solution_proposed' ? 'waiting_on_customer' : null;
    case 'customer_replied':
      return status === 'waiting_on_customer' ? 'solution_proposed' : null;
    case 'resolved':
      return open ? 'resolved' : null;
    case 'closed':
      return status === 'resolved' ? 'closed' : null;
    case 'reopened':
      return status === 'resolved' || status === 'closed' ? 'acknowledged' : null;
    case 'received':
      return null;
  }
}

export const isOpen = (status: ComplaintStatus) => OPEN.includes(status);

/**
 * The agency's standard remedy for an attribution. A service failure: apology, 10 % of the booking back and
 * 20 % off the next trip (a year to use it); force majeure: empathy and an alternative, no refund; otherwise an apology.
 */
/** The same day next year; 29 February becomes 28 February. */
export function aYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function proposedRemedy(attribution: Attribution, bookingAmount: number | null, today: string): Compensation[] {
  if (attribution === 'service_failure') {
    const expiresOn = aYearAfter(today);
    return [
      { kind: 'apology' },
      ...(bookingAmount ? [{ kind: 'refund' as const, amount: Math.round(bookingAmount / 10) }] : []),
      { kind: 'voucher', percent: 20, expiresOn },
    ];
  }
  if (attribution === 'force_majeure') return [{ kind: 'apology' }, { kind: 'alternative_arrangement' }];
  return [{ kind: 'apology' }];
}
