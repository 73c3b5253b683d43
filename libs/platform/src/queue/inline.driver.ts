import { Logger } from '@nestjs/common';
import { JOBS, JobDefinition } from './job-catalog';
import { JobPayload, JobRunner } from './job-runner';
import { QueueDriver, QueueHealth } from './queue-driver';
import { nextFire } from './schedule';

/**
 * Runs the same processors on the same schedules inside this process, for a machine without Redis.
 * Retries and de-duplication follow the job definitions as BullMQ would; work is not shared between
 * processes, so this is for one API process, not for scale-out.
 */
export class InlineDriver implements QueueDriver {
  readonly kind = 'inline' as const;
  private readonly logger = new Logger('queue');
  private readonly pending = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly timeZone: string,
  ) {}

  /** In-process: never unreachable, so nothing waits for it. */
  onReady(): void {}

  /** Runs are not kept by state here; the job_runs table has them. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    return {};
  }

  async enqueue(job: JobDefinition, payload: JobPayload, jobId: string): Promise<void> {
    if (this.closed) throw new Error('The queue is shutting down');
    if (this.pending.has(jobId)) return;
    this.pending.add(jobId);
    this.later(0, () => this.attempt(job, payload, jobId, 1));
  }

  private attempt(job: JobDefinition, payload: JobPayload, jobId: string, attempt: number) {
    const final = attempt >= job.attempts;
    const run = this.runner
      .deliver(job.name, payload, final)
      .then(() => void this.pending.delete(jobId))
      .catch(() => {
        if (final || this.closed) return void this.pending.delete(jobId);
        this.later(job.backoffMs * 2 ** (attempt - 1), () => this.attempt(job, payload, jobId, attempt + 1));
      });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  async startProcessing(): Promise<void> {
    for (const job of JOBS.filter((j) => j.cron)) this.arm(job);
  }

  private arm(job: JobDefinition) {
    const fire = nextFire(job.cron!, new Date(), this.timeZone);
    this.later(fire.getTime() - Date.now(), () => {
      void this.enqueue(job, { scheduledFor: fire.toISOString() }, `${job.name}@${fire.getTime()}`).catch(() => undefined);
      this.arm(job);
    });
  }

  private later(ms: number, fn: () => void) {
    if (this.closed) return;
    // setTimeout overflows past ~24.8 days; re-check in steps for far-away fires.
    const step = Math.min(Math.max(ms, 0), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (step < ms) this.later(ms - step, fn);
      else fn();
    }, step);
    timer.unref();
    this.timers.add(timer);
  }

  async health(): Promise<QueueHealth> {
    return 'inline';
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
