/**
 * Every queue and job of the product, in one place. A job runs on its queue; a scheduled job carries its
 * cron pattern (agency time zone). The registry refuses to start when a job here has no handler or two.
 */
export const QUEUES = ['maintenance', 'imports', 'tiering', 'complaints'] as const;
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
  // Started by POST /imports/{id}/run, never through the jobs API; resumes where a killed worker stopped.
  { name: 'import', queue: 'imports', attempts: 3, backoffMs: 5_000, manual: false },
];

export function jobDefinition(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
