import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { JOBS, JobDefinition, QUEUES, QueueName, jobDefinition } from './job-catalog';
import { JobPayload, JobRunner } from './job-runner';
import { QueueDriver, QueueHealth, bullJobOptions } from './queue-driver';
import { previousFire } from './schedule';

export class BullMqDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('queue');
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    redisUrl: string,
    private readonly runner: JobRunner,
    private readonly timeZone: string,
    private readonly prefix: string,
    private readonly lockSeconds = 30,
  ) {
    // Producers fail fast while Redis is down instead of buffering in memory, where a crash would lose work.
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: false });
    this.connection.on('error', (err) => this.logger.warn({ msg: 'redis error', error: err.message }));
    for (const name of QUEUES) this.queues.set(name, new Queue(name, { connection: this.connection, prefix }));
  }

  async enqueue(job: JobDefinition, payload: JobPayload, jobId: string): Promise<void> {
    // BullMQ waits for the connection; while Redis is down the caller gets an error instead of a hang.
    await withTimeout(this.queue(job.queue).add(job.name, payload, bullJobOptions(job, jobId)), 3000, 'adding a job to Redis');
  }

  async startProcessing(): Promise<void> {
    for (const name of QUEUES) {
      // Workers block on Redis, so each gets its own connection (BullMQ duplicates it).
      const worker = new Worker(name, (job) => this.process(job), {
        connection: this.connection.duplicate({ enableOfflineQueue: true }),
        prefix: this.prefix,
        concurrency: 2,
        // A killed worker stops renewing its lock; once it lapses, the next stalled-job check hands the job to another worker.
        lockDuration: this.lockSeconds * 1000,
        stalledInterval: this.lockSeconds * 1000,
      });
      worker.on('error', (err) => this.logger.warn({ msg: 'worker error', queue: name, error: err.message }));
      this.workers.push(worker);
    }
    // Upserting is idempotent: N workers starting at once leave one scheduler per job.
    for (const job of JOBS.filter((j) => j.cron)) {
      await this.queue(job.queue).upsertJobScheduler(
        job.name,
        { pattern: job.cron!, tz: this.timeZone },
        { name: job.name, data: {}, opts: bullJobOptions(job) },
      );
    }
  }

  private process(job: Job): Promise<unknown> {
    const def = jobDefinition(job.name);
    if (!def) throw new Error(`Unknown job "${job.name}"`);
    const data = job.data as Partial<JobPayload>;
    let payload: JobPayload;
    if ('runId' in data && data.runId) payload = { runId: data.runId };
    else if ('scheduledFor' in data && data.scheduledFor) payload = { scheduledFor: data.scheduledFor };
    else {
      // A job scheduler's job: its fire time is in opts.prevMillis.
      const fire = job.opts.prevMillis ? new Date(job.opts.prevMillis) : previousFire(def.cron!, new Date(), this.timeZone);
      payload = { scheduledFor: fire.toISOString() };
    }
    return this.runner.deliver(job.name, payload, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      [...this.queues].map(async ([name, q]) => [name, await withTimeout(q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'), 1000, 'counting jobs')] as const),
    );
    return Object.fromEntries(entries);
  }

  /** The BullMQ queues themselves, for the admins' queue board. */
  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  onReady(listener: () => void): void {
    this.connection.on('ready', listener);
  }

  async health(): Promise<QueueHealth> {
    try {
      await withTimeout(this.connection.ping(), 1000, 'pinging Redis');
      return 'up';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    // Workers finish their in-flight jobs first; with Redis gone, closing gives up instead of waiting forever.
    await withTimeout(Promise.all(this.workers.map((w) => w.close())), 30_000, 'closing workers').catch(() => undefined);
    await withTimeout(Promise.all([...this.queues.values()].map((q) => q.close())), 3000, 'closing queues').catch(() => undefined);
    this.connection.disconnect();
  }

  private queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
