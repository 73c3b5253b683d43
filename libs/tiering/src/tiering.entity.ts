import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PolicyVersionColumns } from '@crm/platform';
import type { TierRules } from './tier-policy';
import type { ServicePolicy } from './service-policy';

/** Every saved version of the tier policy. */
@Entity('tier_policies')
export class TierPolicyEntity extends PolicyVersionColumns {
  @Column({ type: 'jsonb' })
  rules: TierRules;

  @Column({ type: 'jsonb' })
  service: ServicePolicy;
}

/** A change of a customer's tier, quadrant or flags, with the figure that decided. */
@Entity('customer_tier_changes')
@Index('customer_tier_changes_customer_idx', ['customerId', 'at'])
export class CustomerTierChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'from_tier', type: 'varchar', length: 1, nullable: true })
  fromTier: string | null;

  @Column({ name: 'to_tier', type: 'varchar', length: 1, nullable: true })
  toTier: string | null;

  @Column({ name: 'from_quadrant', type: 'varchar', length: 20, nullable: true })
  fromQuadrant: string | null;

  @Column({ name: 'to_quadrant', type: 'varchar', length: 20, nullable: true })
  toQuadrant: string | null;

  @Column({ name: 'from_flags', type: 'text', array: true })
  fromFlags: string[];

  @Column({ name: 'to_flags', type: 'text', array: true })
  toFlags: string[];

  /** Sales in the window, minor units: the figure that decided. */
  @Column({ type: 'bigint' })
  sales: string;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
