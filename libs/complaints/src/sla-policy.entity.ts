import { Column, Entity } from 'typeorm';
import { PolicyVersionColumns } from '@crm/platform';
import type { WorkCalendar } from './business-time';
import type { SlaMetric, SlaPolicy } from './sla-clock';

/**
 * Every saved version of the service-level policy; the newest is in force for complaints received from then on,
 * and each complaint keeps the version it was received under. Old versions stay, for "who changed what, when".
 */
@Entity('sla_policies')
export class SlaPolicyEntity extends PolicyVersionColumns {
  @Column({ type: 'jsonb' })
  targets: SlaPolicy['targets'];

  @Column({ name: 'tier_targets', type: 'jsonb' })
  tierTargets: NonNullable<SlaPolicy['tierTargets']>;

  @Column({ name: 'business_hours', type: 'jsonb' })
  businessHours: Record<SlaMetric, boolean>;

  /** Wall-clock hours and dates, read in the agency's time zone (config), which is not stored here. */
  @Column({ type: 'jsonb' })
  calendar: WorkCalendar;
}
