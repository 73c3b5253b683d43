import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthComponent } from './health-score';

/** A BG/NBD fit by the churn-score job, one per asOf (a rerun replaces it). Time unit: weeks. */
@Entity('lifecycle_model_fits')
@Index('lifecycle_model_fits_as_of_key', ['asOf'], { unique: true })
export class LifecycleModelFitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  @Column({ type: 'double precision' })
  r: number;

  @Column({ type: 'double precision' })
  alpha: number;

  @Column({ type: 'double precision' })
  a: number;

  @Column({ type: 'double precision' })
  b: number;

  @Column({ name: 'log_likelihood', type: 'double precision' })
  logLikelihood: number;

  /** Customers with a sale by asOf: the ones the model was fitted on. */
  @Column({ type: 'int' })
  customers: number;

  @Column({ name: 'fitted_at', type: 'timestamptz' })
  fittedAt: Date;
}

/** A customer's move from one lifecycle stage to another, recorded by the churn-score job only when it moves. */
@Entity('lifecycle_stage_changes')
@Index('lifecycle_stage_changes_customer_as_of_key', ['customerId', 'asOf'], { unique: true })
export class LifecycleStageChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** Null on the customer's first stage. */
  @Column({ name: 'from_stage', type: 'varchar', length: 20, nullable: true })
  fromStage: string | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 20 })
  toStage: string;

  /** The asOf of the run that saw it. */
  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;
}

/** A customer's health score each time it changed (the reasons of the current one are on the customer). */
@Entity('customer_health_scores')
@Index('customer_health_scores_customer_as_of_key', ['customerId', 'asOf'], { unique: true })
export class CustomerHealthScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  /** Null when the customer lost their score (their only sale was cancelled). */
  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  band: string | null;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;
}

/** The health score's weights and bands, one row per version; the latest is in force (the defaults before the first). */
@Entity('health_policies')
export class HealthPolicyEntity {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  weights: Record<HealthComponent, number>;

  @Column({ type: 'jsonb' })
  bands: { green: number; yellow: number };

  @Column({ name: 'default_gap_days', type: 'int' })
  defaultGapDays: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}

/**
 * A play: an A or B customer turned red, so their owner is to call within 3 agency days. One per red episode
 * (the partial unique index keeps one open per customer); the episode ends when the band leaves red.
 */
@Entity('lifecycle_plays')
@Index('lifecycle_plays_open_customer_key', ['customerId'], { unique: true, where: 'ended_at IS NULL' })
@Index('lifecycle_plays_owner_due_idx', ['ownerId', 'dueOn'], { where: 'ended_at IS NULL AND done_at IS NULL' })
export class LifecyclePlayEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** The owner when the episode started: the one who was told. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The asOf of the churn-score run that saw the customer turn red. */
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** Three days after the start, in the agency's calendar. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy: string | null;

  /** The asOf of the run that saw the band leave red; null while the episode lasts. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
