import { JobDefinition } from './job-catalog';
import { JobPayload } from './job-runner';

export type QueueHealth = 'up' | 'down' | 'inline';

/** How jobs travel: through BullMQ on Redis, or in this process when there is no Redis. */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'inline';
  /** `jobId` de-duplicates: a job already waiting with that id is not added twice. */
  enqueue(job: JobDefinition, payload: JobPayload, jobId: string): Promise<void>;
  /** Runs the processors and keeps the schedules in this process. */
  startProcessing(): Promise<void>;
  health(): Promise<QueueHealth>;
  /** Jobs per queue and state (waiting, active, delayed, failed, completed); empty when the driver keeps none. */
  counts(): Promise<Record<string, Record<string, number>>>;
  /** Calls `listener` each time the queue becomes reachable (Redis connected or back after an outage). */
  onReady(listener: () => void): void;
  /** Stops taking jobs and waits for the ones in flight. */
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

/** Bounded history in Redis: enough to inspect recent runs, never growing without end. */
export function bullJobOptions(job: JobDefinition, jobId?: string) {
  return {
    jobId,
    attempts: job.attempts,
    backoff: { type: 'exponential' as const, delay: job.backoffMs },
    removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
    removeOnFail: { count: 5000, age: 30 * 24 * 3600 },
  };
}
