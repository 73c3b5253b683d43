/**
 * Every queue and job of the product, in one place. A job runs on its queue; a scheduled job carries its
 * cron pattern (agency time zone). The registry refuses to start when a job here has no handler or two.
 */
export const QUEUES = ['maintenance', 'imports', 'tiering', 'complaints', 'messages', 'visits', 'lifecycle'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobDefinition {
  name: string;
  queue: QueueName;
  /** Cron pattern in the agency's time zone; absent for jobs that only run on demand. */
  cron?: string;
  attempts: number;
  /** First retry delay; later retries back off exponentially. */
  backoffMs: number;
  /** Whether staff may start it through the jobs API. */
  manual: boolean;
}

export const JOBS: readonly JobDefinition[] = [
  { name: 'session-cleanup', queue: 'maintenance', cron: '17 * * * *', attempts: 3, backoffMs: 10_000, manual: true },
  { name: 'outbox-relay', queue: 'maintenance', cron: '* * * * *', attempts: 3, backoffMs: 5_000, manual: true },
  // Nightly at 02:00 agency time; one transaction, so a killed run leaves nothing half-applied.
  { name: 'retier', queue: 'tiering', cron: '0 2 * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Every minute; one statement, and a mark once set is never set again, so overlapping runs are harmless.
  { name: 'sla-watch', queue: 'complaints', cron: '* * * * *', attempts: 3, backoffMs: 5_000, manual: true },
  // Every five minutes: owners told of satisfaction follow-ups that fell due; one statement, each notified once.
  { name: 'follow-up-watch', queue: 'complaints', cron: '*/5 * * * *', attempts: 3, backoffMs: 5_000, manual: true },
  // Every minute; a queue of its own, so a slow mail server never holds up the other jobs. Each message is claimed
  // before it is sent, so overlapping runs and retries never send one twice (delivery-policy.ts).
  { name: 'send-messages', queue: 'messages', cron: '* * * * *', attempts: 3, backoffMs: 10_000, manual: true },
  // Nightly at 01:30 agency time: the next 8 weeks of visits of every plan; a unique (plan, date) makes reruns add nothing.
  { name: 'visit-schedule', queue: 'visits', cron: '30 1 * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Nightly at 06:00 agency time, before the working day: owners of newly overdue customers are told, once per episode.
  { name: 'visit-overdue', queue: 'visits', cron: '0 6 * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Nightly at 02:30 agency time, after re-tiering: refits BG/NBD on every customer, one transaction; only changed predictions are written.
  { name: 'churn-score', queue: 'lifecycle', cron: '30 2 * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Daily at 10:00 agency time, in the day: each active campaign's message to newly sleeping customers; the (campaign,
  // customer) key makes reruns and overlapping workers write each message once.
  { name: 'reactivate-sleeping', queue: 'lifecycle', cron: '0 10 * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Hourly at :05: pre-trip handbooks, post-trip follow-ups and birthdays; a unique (customer, occasion) makes reruns add nothing.
  { name: 'trip-touchpoints', queue: 'lifecycle', cron: '5 * * * *', attempts: 3, backoffMs: 60_000, manual: true },
  // Started by POST /imports/{id}/run, never through the jobs API; resumes where a killed worker stopped.
  { name: 'import', queue: 'imports', attempts: 3, backoffMs: 5_000, manual: false },
];

export function jobDefinition(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
