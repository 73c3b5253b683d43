import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TierRules } from './tier-policy';
import type { ServicePolicy } from './service-policy';

/** Every saved version of the policy; the newest is in force. Old versions stay, for "who changed what, when". */
@Entity('tier_policies')
export class TierPolicyEntity {
  @PrimaryGeneratedColumn('increment')
  version: number;

  @Column({ type: 'jsonb' })
  rules: TierRules;

  @Column({ type: 'jsonb' })
  service: ServicePolicy;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
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
