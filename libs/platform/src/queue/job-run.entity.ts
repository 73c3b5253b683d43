import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunState = 'queued' | 'running' | 'completed' | 'failed';

/** One run of a job, manual or scheduled: what the jobs API reports, and the de-duplication key of scheduled runs. */
@Entity('job_runs')
@Index('job_runs_name_scheduled_for_key', ['name', 'scheduledFor'], { unique: true, where: '"scheduled_for" IS NOT NULL' })
// Requested runs still queued: what QueueService.requeueStranded reads every minute, small however long the history.
@Index('job_runs_requested_queued_idx', ['createdAt'], { where: `"state" = 'queued' AND "scheduled_for" IS NULL` })
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  state: JobRunState;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** The moment the job runs "as of": now for scheduled runs, a chosen time for back-dated ones. */
  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  /** The cron fire this run belongs to; null for manual runs. */
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** Last successful run per scheduled job, so a worker that starts after a missed fire runs it. */
@Entity('job_schedules')
export class JobScheduleEntity {
  @Column({ primary: true, type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;
}
