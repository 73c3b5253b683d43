/**
 * Every queue and job of the product, in one place. A job runs on its queue; a scheduled job carries its
 * cron pattern (agency time zone). The registry refuses to start when a job here has no handler or two.
 */
export const QUEUES = ['maintenance'] as const;
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
];

export function jobDefinition(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
