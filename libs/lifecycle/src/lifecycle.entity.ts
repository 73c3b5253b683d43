import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
