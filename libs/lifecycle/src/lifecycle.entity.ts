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
