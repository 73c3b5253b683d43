import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { JOBS, JobDefinition, QUEUES, QueueName, jobDefinition } from './job-catalog';
import { JobPayload, JobRunner } from './job-runner';
import { QueueDriver, QueueHealth, bullJobOptions } from './queue-driver';
import { previousFire } from './schedule';

const PREFIX = 'crm';

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
  ) {
    // Producers fail fast while Redis is down instead of buffering in memory, where a crash would lose work.
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: false });
    this.connection.on('error', (err) => this.logger.warn({ msg: 'redis error', error: err.message }));
    for (const name of QUEUES) this.queues.set(name, new Queue(name, { connection: this.connection, prefix: PREFIX }));
  }

  async enqueue(job: JobDefinition, payload: JobPayload, jobId: string): Promise<void> {
    await this.queue(job.queue).add(job.name, payload, bullJobOptions(job, jobId));
  }

  async startProcessing(): Promise<void> {
    for (const name of QUEUES) {
      // Workers block on Redis, so each gets its own connection (BullMQ duplicates it).
      const worker = new Worker(name, (job) => this.process(job), {
        connection: this.connection.duplicate({ enableOfflineQueue: true }),
        prefix: PREFIX,
        concurrency: 2,
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

  async health(): Promise<QueueHealth> {
    try {
      await Promise.race([this.connection.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return 'up';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }
}
