import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkCalendar } from './business-time';
import type { SlaMetric, SlaPolicy } from './sla-clock';

/**
 * Every saved version of the service-level policy; the newest is in force for complaints received from then on,
 * and each complaint keeps the version it was received under. Old versions stay, for "who changed what, when".
 */
@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('increment')
  version: number;

  @Column({ type: 'jsonb' })
  targets: SlaPolicy['targets'];

  @Column({ name: 'tier_targets', type: 'jsonb' })
  tierTargets: NonNullable<SlaPolicy['tierTargets']>;

  @Column({ name: 'business_hours', type: 'jsonb' })
  businessHours: Record<SlaMetric, boolean>;

  /** Wall-clock hours and dates, read in the agency's time zone (config), which is not stored here. */
  @Column({ type: 'jsonb' })
  calendar: WorkCalendar;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
