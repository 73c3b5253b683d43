import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobRunEntity, JobScheduleEntity } from './job-run.entity';

@Injectable()
export class JobRunsRepository {
  constructor(
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
    @InjectRepository(JobScheduleEntity) private readonly schedules: Repository<JobScheduleEntity>,
  ) {}

  createManual(name: string, asOf: Date, requestedBy: string | null): Promise<JobRunEntity> {
    return this.runs.save(this.runs.create({ name, asOf, requestedBy, scheduledFor: null }));
  }

  /** The run of one cron fire: created once, however many workers or retries ask for it. */
  async findOrCreateScheduled(name: string, scheduledFor: Date): Promise<JobRunEntity> {
    await this.runs
      .createQueryBuilder()
      .insert()
      .values({ name, asOf: scheduledFor, scheduledFor })
      .orIgnore()
      .execute();
    return this.runs.findOneByOrFail({ name, scheduledFor });
  }

  /**
   * Runs requested (not cron fires) still queued after `graceMs`: their enqueue failed, or Redis lost them. A run that
   * is merely waiting in Redis is listed too; re-adding it under its id is a no-op there.
   */
  stranded(graceMs: number, limit: number): Promise<JobRunEntity[]> {
    return this.runs
      .createQueryBuilder('r')
      .where(`r.state = 'queued' AND r.scheduled_for IS NULL AND r.created_at < now() - make_interval(secs => :s)`, { s: graceMs / 1000 })
      .orderBy('r.created_at')
      .limit(limit)
      .getMany();
  }

  find(id: string): Promise<JobRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  async markRunning(id: string): Promise<void> {
    await this.runs.update(id, { state: 'running', startedAt: new Date(), attempts: () => 'attempts + 1', error: null });
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.runs.update(id, { progress });
  }

  async markCompleted(run: JobRunEntity, result: unknown): Promise<void> {
    await this.runs.update(run.id, { state: 'completed', progress: 100, result: (result ?? null) as object, finishedAt: new Date() });
    if (run.scheduledFor) {
      await this.schedules.query(
        `INSERT INTO job_schedules (name, last_success_at) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET last_success_at = GREATEST(job_schedules.last_success_at, EXCLUDED.last_success_at)`,
        [run.name, run.scheduledFor],
      );
    }
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.runs.update(id, { state: final ? 'failed' : 'queued', error, finishedAt: final ? new Date() : null });
  }

  async lastSuccess(name: string): Promise<Date | null> {
    return (await this.schedules.findOneBy({ name }))?.lastSuccessAt ?? null;
  }
}
