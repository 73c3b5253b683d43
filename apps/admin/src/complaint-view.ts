import type { Complaint, ComplaintSlaClock, Notification } from '@crm/contracts';
import { followUpNotificationText } from './complaint-handling-view';
import type { MessageKey, Translate } from './i18n/translate';

/** The complaint vocabulary as the console shows it (mirrors libs/complaints' complaint-rules). */
export type Priority = Complaint['priority'];
export type ComplaintStatus = Complaint['status'];
export type ComplaintCategory = Complaint['category'];
export type Severity = Complaint['severity'];
export type Channel = Complaint['channel'];
export type Attribution = NonNullable<Complaint['attribution']>;
export type SlaMetric = ComplaintSlaClock['metric'];
/** The steps staff record through POST /complaints/{id}/events (resolving has its own form). */
export type ComplaintStep = 'acknowledged' | 'team_assembled' | 'solution_proposed' | 'customer_update' | 'waiting_on_customer' | 'customer_replied' | 'closed' | 'reopened';

export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const PRIORITY_COLORS: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'gold', P4: 'blue' };
export const COMPLAINT_STATUSES: ComplaintStatus[] = ['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer', 'resolved', 'closed'];
export const STATUS_COLORS: Record<ComplaintStatus, string> = {
  received: 'red',
  acknowledged: 'orange',
  solution_proposed: 'blue',
  waiting_on_customer: 'purple',
  resolved: 'green',
  closed: 'default',
};
export const COMPLAINT_CATEGORIES: ComplaintCategory[] = ['hotel', 'guide', 'transport', 'itinerary', 'food', 'luggage', 'lost_traveller', 'safety', 'billing', 'other'];
export const INCIDENT_CATEGORIES: ComplaintCategory[] = ['luggage', 'lost_traveller', 'safety'];
export const SEVERITIES: Severity[] = ['ordinary', 'major'];
/** Staff take calls, chats, messages, emails and visits; `booking_system` is the PUT contract's. */
export const STAFF_CHANNELS: Channel[] = ['phone', 'chat', 'message', 'email', 'in_person'];
export const ATTRIBUTIONS: Attribution[] = ['service_failure', 'force_majeure', 'third_party', 'customer'];
export const INCIDENT_REPORT_FIELDS = ['whatHappened', 'stepsTaken', 'customerReaction', 'outcome', 'responsibility'] as const;

const OPEN: ComplaintStatus[] = ['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer'];
export const isOpenStatus = (s: ComplaintStatus) => OPEN.includes(s);

/** The steps the state machine allows in `status`, in the order staff usually take them (the API answers 409 to the rest). */
export function allowedSteps(status: ComplaintStatus, severity: Severity): ComplaintStep[] {
  switch (status) {
    case 'received':
      return severity === 'major' ? ['team_assembled', 'acknowledged', 'solution_proposed', 'customer_update'] : ['acknowledged', 'solution_proposed', 'customer_update'];
    case 'acknowledged':
      return severity === 'major' ? ['team_assembled', 'solution_proposed', 'customer_update'] : ['solution_proposed', 'customer_update'];
    case 'solution_proposed':
      return ['waiting_on_customer', 'customer_update'];
    case 'waiting_on_customer':
      return ['customer_replied', 'customer_update'];
    case 'resolved':
      return ['closed', 'reopened'];
    case 'closed':
      return ['reopened'];
  }
}

const MINUTE = 60_000;

export type CountdownState = 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'none';
export interface Countdown {
  state: CountdownState;
  metric: SlaMetric | null;
  /** Whole minutes left (negative when overdue); null when no clock runs. */
  minutes: number | null;
}

/** The clock that matters now: the running (or breached, still unmet) one due soonest, else a paused one, else met. */
export function currentClock(sla: ComplaintSlaClock[]): ComplaintSlaClock | null {
  const live = sla.filter((c) => (c.state === 'running' || c.state === 'breached') && !c.metAt && c.dueAt);
  if (live.length) return live.reduce((a, b) => (Date.parse(b.dueAt!) < Date.parse(a.dueAt!) ? b : a));
  return sla.find((c) => c.state === 'paused') ?? sla.find((c) => c.state === 'met') ?? null;
}

/** A clock's countdown at `now`: minutes left, amber once 80 % of its target is used (its warnAt), red once overdue. */
export function clockCountdown(clock: ComplaintSlaClock | null, now: number): Countdown {
  if (!clock) return { state: 'none', metric: null, minutes: null };
  if (clock.state === 'paused' || !clock.dueAt) return { state: 'paused', metric: clock.metric, minutes: null };
  if (clock.metAt) return { state: clock.state === 'breached' ? 'breached' : 'met', metric: clock.metric, minutes: null };
  const left = Date.parse(clock.dueAt) - now;
  const minutes = left >= 0 ? Math.ceil(left / MINUTE) : -Math.ceil(-left / MINUTE);
  if (left < 0 || clock.state === 'breached') return { state: 'breached', metric: clock.metric, minutes };
  const warning = clock.warnAt !== null && now >= Date.parse(clock.warnAt);
  return { state: warning ? 'warning' : 'ok', metric: clock.metric, minutes };
}

/** 25 → "25 分钟"; 125 → "2 小时 5 分钟"; 3000 → "2 天 2 小时". */
export function durationText(t: Translate, minutes: number): string {
  const m = Math.abs(minutes);
  if (m < 60) return t('complaint.duration.minutes', { m });
  if (m < 48 * 60) return m % 60 ? t('complaint.duration.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 }) : t('complaint.duration.hours', { h: m / 60 });
  const h = Math.floor(m / 60);
  return h % 24 ? t('complaint.duration.daysHours', { d: Math.floor(h / 24), h: h % 24 }) : t('complaint.duration.days', { d: h / 24 });
}

/** "剩余 25 分钟" / "overdue 10 min" / "已暂停" … */
export function countdownText(t: Translate, c: Countdown): string {
  switch (c.state) {
    case 'ok':
    case 'warning':
      return t('complaint.sla.left', { time: durationText(t, c.minutes!) });
    case 'breached':
      return c.minutes === null ? t('complaint.sla.breachedMet') : t('complaint.sla.overdue', { time: durationText(t, c.minutes) });
    case 'paused':
      return t('complaint.sla.paused');
    case 'met':
      return t('complaint.sla.met');
    case 'none':
      return '—';
  }
}

export const COUNTDOWN_COLORS: Record<CountdownState, string | undefined> = {
  ok: undefined,
  warning: '#d48806',
  breached: '#cf1322',
  paused: undefined,
  met: '#389e0d',
  none: undefined,
};

export interface ComplaintFilters {
  open?: 'true';
  status?: ComplaintStatus;
  severity?: Severity;
  category?: ComplaintCategory;
  priority?: Priority;
  ownerId?: string;
  /** complaints whose owner is in this team */
  teamId?: string;
  customerId?: string;
}
export const COMPLAINT_FILTER_PARAMS = ['open', 'status', 'severity', 'category', 'priority', 'ownerId', 'teamId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters a shared link asks for; unknown values are left out rather than sent to the API to be refused. */
export function complaintFiltersFromParams(params: URLSearchParams): ComplaintFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => allowed.find((v) => v === params.get(name));
  const uuid = (name: string) => {
    const v = params.get(name) ?? '';
    return UUID.test(v) ? v : undefined;
  };
  return {
    open: params.get('open') === 'true' ? 'true' : undefined,
    status: pick('status', COMPLAINT_STATUSES),
    severity: pick('severity', SEVERITIES),
    category: pick('category', COMPLAINT_CATEGORIES),
    priority: pick('priority', PRIORITIES),
    ownerId: uuid('ownerId'),
    teamId: uuid('teamId'),
  };
}

export interface RemedyLine {
  kind: Complaint['compensations'][number]['kind'];
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/**
 * What the API records when resolving without compensations (its `proposedRemedy`): a service failure gets an
 * apology, 10 % of the booking back (when the booking is known to a booking system) and 20 % off the next trip for a year;
 * force majeure an apology and an alternative arrangement; anything else an apology.
 */
export function standardRemedy(attribution: Attribution, refundable: boolean, today: string): RemedyLine[] {
  if (attribution === 'service_failure') {
    const [y, m, d] = today.split('-').map(Number);
    // The same day next year; 29 February becomes 28 February (as the API does).
    const expiresOn = `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, new Date(Date.UTC(y + 1, m, 0)).getUTCDate())).padStart(2, '0')}`;
    return [
      { kind: 'apology', key: 'compensation.apology' },
      ...(refundable ? [{ kind: 'refund' as const, key: 'complaint.remedy.refundShare' as const, vars: { percent: 10 } }] : []),
      { kind: 'voucher', key: 'complaint.remedy.voucher', vars: { percent: 20, expiresOn } },
    ];
  }
  if (attribution === 'force_majeure') return [{ kind: 'apology', key: 'compensation.apology' }, { kind: 'alternative_arrangement', key: 'compensation.alternative_arrangement' }];
  return [{ kind: 'apology', key: 'compensation.apology' }];
}

/** The bell's line for the sla-watch notifications (complaint.sla_warning / sla_breach / sla_escalation) and a follow-up falling due. */
export function complaintNotificationText(t: Translate, n: Pick<Notification, 'kind' | 'params'>): string | null {
  if (n.kind === 'complaint.follow_up_due') return followUpNotificationText(t, n);
  const level = /^complaint\.sla_(warning|breach|escalation)$/.exec(n.kind)?.[1] as 'warning' | 'breach' | 'escalation' | undefined;
  if (!level) return null;
  const p = n.params as { metric?: string; priority?: string; customerName?: string };
  const metric = p.metric && METRICS.includes(p.metric as SlaMetric) ? t(`slaMetric.${p.metric as SlaMetric}`) : (p.metric ?? '—');
  return t(`notifications.complaint.${level}`, { name: p.customerName ?? '—', priority: p.priority ?? '', metric });
}
const METRICS: SlaMetric[] = ['initial_solution', 'emergency_team', 'customer_update', 'resolution'];
