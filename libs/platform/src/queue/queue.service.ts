import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { JOBS, jobDefinition } from './job-catalog';
import { JobRunEntity } from './job-run.entity';
import { JobRunsRepository } from './job-runs.repository';
import { QUEUE_DRIVER, QueueDriver, QueueHealth } from './queue-driver';
import { missedFire } from './schedule';
import { BullMqDriver } from './bullmq.driver';
import { notFound } from '../http/problem';
import { CONFIG } from '../config/config.module';
import { Config } from '../config/config';

/** How old a queued run must be before it counts as stranded: a caller links a prepared run in milliseconds. */
const STRANDED_GRACE_MS = 5000;

/** The product's face of the queue: start runs, report them, and own the processing life cycle. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(CONFIG) private readonly config: Config,
    private readonly runs: JobRunsRepository,
  ) {
    // The run table is the outbox of requested runs: whatever could not reach Redis goes out when it is back.
    driver.onReady(() => void this.requeueStranded().catch((err) => this.logger.warn({ msg: 'requeueing stranded runs failed', error: String(err) })));
  }

  get kind() {
    return this.driver.kind;
  }

  async runNow(name: string, asOf: Date, requestedBy: string | null): Promise<JobRunEntity> {
    if (!jobDefinition(name)?.manual) throw notFound(`The job "${name}"`);
    const run = await this.runs.createManual(name, asOf, requestedBy);
    await this.enqueue(run);
    return run;
  }

  /**
   * A run of a job the product starts itself (not through the jobs API), in two steps so the caller can
   * link the run to its own record before any worker can pick it up: `prepare`, link, `enqueue`.
   */
  prepare(name: string, requestedBy: string | null): Promise<JobRunEntity> {
    if (!jobDefinition(name)) throw new Error(`Unknown job "${name}"`);
    return this.runs.createManual(name, new Date(), requestedBy);
  }

  /**
   * Hands a run to the queue. While the queue is down the run stays queued in the database (it is already there, so
   * nothing is lost) and `requeueStranded` sends it when the queue is back.
   */
  async enqueue(run: JobRunEntity): Promise<void> {
    try {
      await this.driver.enqueue(jobDefinition(run.name)!, { runId: run.id }, run.id);
    } catch (err) {
      this.logger.warn({ msg: 'queue unavailable; the run waits in the database until it is back', job: run.name, runId: run.id, error: String(err) });
    }
  }

  /** Sends runs left queued in the database (see `enqueue`); called when the queue becomes reachable and by the outbox relay. */
  async requeueStranded(): Promise<number> {
    const stranded = await this.runs.stranded(STRANDED_GRACE_MS, 1000);
    for (const run of stranded) await this.driver.enqueue(jobDefinition(run.name)!, { runId: run.id }, run.id);
    if (stranded.length) this.logger.log({ msg: 'requeued runs stranded while the queue was down', runs: stranded.length });
    return stranded.length;
  }

  async getRun(id: string): Promise<JobRunEntity> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.find(id) : null;
    if (!run) throw notFound('The job run');
    return run;
  }

  /** Starts processors and schedules here, then owes each scheduled job its most recent missed fire. */
  async startProcessing(now = new Date()): Promise<void> {
    await this.driver.startProcessing();
    for (const job of JOBS.filter((j) => j.cron)) {
      const missed = missedFire(job.cron!, await this.runs.lastSuccess(job.name), now, this.config.timeZone);
      if (missed) {
        this.logger.log({ msg: 'running a missed scheduled job', job: job.name, scheduledFor: missed.toISOString() });
        await this.driver.enqueue(job, { scheduledFor: missed.toISOString() }, `${job.name}@${missed.getTime()}`);
      }
    }
  }

  /** The BullMQ queues for the admins' board; none with the inline driver. */
  boardQueues() {
    return this.driver instanceof BullMqDriver ? this.driver.allQueues() : [];
  }

  health(): Promise<QueueHealth> {
    return this.driver.health();
  }

  /** Before the database pool closes (on application shutdown), so jobs in flight can finish their writes. */
  async beforeApplicationShutdown() {
    await this.driver.close();
  }
}
