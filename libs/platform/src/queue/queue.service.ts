import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JOBS, jobDefinition } from './job-catalog';
import { JobRunEntity } from './job-run.entity';
import { JobRunsRepository } from './job-runs.repository';
import { QUEUE_DRIVER, QueueDriver, QueueHealth } from './queue-driver';
import { missedFire } from './schedule';
import { ProblemException, notFound } from '../http/problem';
import { CONFIG } from '../config/config.module';
import { Config } from '../config/config';

/** The product's face of the queue: start runs, report them, and own the processing life cycle. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(CONFIG) private readonly config: Config,
    private readonly runs: JobRunsRepository,
  ) {}

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

  async enqueue(run: JobRunEntity): Promise<void> {
    try {
      await this.driver.enqueue(jobDefinition(run.name)!, { runId: run.id }, run.id);
    } catch (err) {
      await this.runs.markFailed(run.id, 'The queue was unavailable when the run was requested.', true);
      throw new ProblemException(503, 'The job queue is unavailable; try again shortly.');
    }
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

  health(): Promise<QueueHealth> {
    return this.driver.health();
  }

  async onApplicationShutdown() {
    await this.driver.close();
  }
}
