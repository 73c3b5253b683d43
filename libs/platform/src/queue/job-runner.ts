import { Injectable, Logger } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunEntity } from './job-run.entity';
import { MetricsService } from '../metrics/metrics.service';

/** What a queue delivers: a manual run by id, or a cron fire by its time. Ids only, never personal data. */
export type JobPayload = { runId: string } | { scheduledFor: string };

/**
 * Executes one delivery of a job, whichever driver delivered it. Deliveries are at-least-once, so a run
 * that already completed is not run again; the handlers themselves are idempotent for the rest.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly runs: JobRunsRepository,
    private readonly metrics: MetricsService,
  ) {}

  async deliver(name: string, payload: JobPayload, finalAttempt: boolean): Promise<unknown> {
    const run =
      'runId' in payload ? await this.runs.find(payload.runId) : await this.runs.findOrCreateScheduled(name, new Date(payload.scheduledFor));
    if (!run) {
      this.logger.warn({ msg: 'job run not found; dropping delivery', name, payload });
      return undefined;
    }
    if (run.state === 'completed') return run.result;
    return this.execute(run, finalAttempt);
  }

  private async execute(run: JobRunEntity, finalAttempt: boolean): Promise<unknown> {
    const started = Date.now();
    await this.runs.markRunning(run.id);
    let lastProgress = 0;
    try {
      const result = await this.registry.handler(run.name)({
        runId: run.id,
        name: run.name,
        asOf: run.asOf,
        progress: async (percent) => {
          const p = Math.max(0, Math.min(99, Math.floor(percent)));
          if (p > lastProgress) await this.runs.setProgress(run.id, (lastProgress = p));
        },
      });
      await this.runs.markCompleted(run, result);
      this.metrics.observeJob(run.name, 'completed', (Date.now() - started) / 1000);
      this.logger.log({ msg: 'job completed', job: run.name, runId: run.id, ms: Date.now() - started });
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.metrics.observeJob(run.name, 'failed', (Date.now() - started) / 1000);
      await this.runs.markFailed(run.id, message, finalAttempt);
      this.logger.error({ msg: 'job failed', job: run.name, runId: run.id, final: finalAttempt, error: message });
      throw err;
    }
  }
}
