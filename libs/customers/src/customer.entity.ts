import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@crm/identity';
import type { OwnerRuleMode } from './owner-assignment';

export const CUSTOMER_TYPES = ['individual', 'organization', 'partner'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export const PARTNER_KINDS = ['upstream_agency', 'ground_handler', 'distributor'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const TIERS = ['A', 'B', 'C', 'D'] as const;
export const QUADRANTS = ['large_loyal', 'large_disloyal', 'small_loyal', 'small_disloyal'] as const;
export const TIER_FLAGS = ['creditRisk', 'declining', 'risingStar'] as const;
export const LIFECYCLE_STAGES = ['prospect', 'new', 'repeat', 'loyal', 'at_risk', 'sleeping', 'lost', 'reactivated'] as const;
export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
export const CHANNELS = ['sms', 'email', 'wechat', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Free-text search: a trigram GIN index over this expression (see the migrations) serves 3+ characters;
 * two-character terms use the bigrams of name and organisation, kept in
 * `search_bigrams` by a trigger.
 */
export const SEARCH_TEXT_SQL = `lower((c.name || ' ' || coalesce(c.phone, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.organization, '')) COLLATE "default")`;

@Entity('customers')
@Index('customers_search_trgm_idx', { synchronize: false })
@Index('customers_search_bigrams_idx', { synchronize: false })
@Index('customers_name_idx', { synchronize: false })
@Index('customers_created_idx', { synchronize: false })
@Index('customers_value_idx', { synchronize: false })
@Index('customers_owner_name_idx', { synchronize: false })
@Index('customers_tags_idx', { synchronize: false })
@Index('customers_phone_suffix_idx', { synchronize: false })
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  type: CustomerType;

  /** Collation C: code-point order, and LIKE 'x%' prefix searches can use the b-tree index. */
  @Column({ type: 'varchar', length: 200, collation: 'C' })
  name: string;

  @Column({ name: 'partner_kind', type: 'varchar', length: 30, nullable: true })
  partnerKind: PartnerKind | null;

  /** E.164. */
  @Index('customers_phone_idx')
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Lower-cased. */
  @Index('customers_email_idx')
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** The organisation's name for an organisation; the employer for a traveller. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ name: 'age_band', type: 'varchar', length: 10, nullable: true })
  ageBand: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  occupation: string | null;

  @Column({ name: 'preferred_seasons', type: 'text', array: true, default: () => "'{}'" })
  preferredSeasons: string[];

  @Column({ name: 'decision_cycle_days', type: 'int', nullable: true })
  decisionCycleDays: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sensitivities: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  motivations: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'consent_sms', type: 'boolean', default: false })
  consentSms: boolean;

  @Column({ name: 'consent_email', type: 'boolean', default: false })
  consentEmail: boolean;

  @Column({ name: 'consent_wechat', type: 'boolean', default: false })
  consentWechat: boolean;

  @Column({ name: 'consent_phone', type: 'boolean', default: false })
  consentPhone: boolean;

  @Column({ name: 'do_not_contact', type: 'boolean', default: false })
  doNotContact: boolean;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<UserEntity>;

  // Computed by later jobs (tiering, lifecycle); never set through the API.
  @Column({ type: 'varchar', length: 1, nullable: true })
  tier: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  quadrant: string | null;

  /** creditRisk, declining, risingStar: set by the re-tiering job with the tier. */
  @Column({ name: 'tier_flags', type: 'text', array: true, default: () => "'{}'" })
  tierFlags: string[];

  /** The figures that decided the tier, when it last changed (see libs/tiering). */
  @Column({ name: 'tier_reason', type: 'jsonb', nullable: true })
  tierReason: { [figure: string]: string | number | null } | null;

  @Column({ name: 'tier_changed_at', type: 'timestamptz', nullable: true })
  tierChangedAt: Date | null;

  /** What the nightly lifecycle jobs computed: a row of its own, so their writes never lock the customer row. */
  @OneToOne(() => CustomerLifecycleEntity, (l) => l.customer)
  lifecycle?: Relation<CustomerLifecycleEntity>;

  /** Lifetime sales, kept by booking ingestion in a row of its own (see CustomerValueEntity). */
  @OneToOne(() => CustomerValueEntity, (v) => v.customer)
  value?: Relation<CustomerValueEntity>;

  /** Every two-character piece of name and organisation, set by a database trigger; search only. */
  @Column({ name: 'search_bigrams', type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  searchBigrams: string[];

  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency: string;

  /** Millisecond precision, so a list cursor carrying it as a JS date is exact. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Set when staff merged this customer into another (the survivor); its id still resolves there. */
  @Index('customers_merged_into_idx')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;
}

export interface CustomerHealthReason {
  component: string;
  score: number;
  weight: number;
  impact: number;
  facts: Record<string, number>;
}

export interface CustomerHealth {
  score: number;
  band: string;
  policyVersion: number;
  reasons: CustomerHealthReason[];
}

export interface CustomerPrediction {
  pAlive: number;
  expectedTrips52w: number;
  nextTripWindow: { from: string; to: string; basis: string } | null;
}

/**
 * A customer's stage, health score and purchase prediction, written only by the churn-score job (see libs/lifecycle).
 * Kept off the customers row: the job rewrites a million of these a night inside one transaction, and booking
 * ingestion, which updates customers all day, must never wait for it.
 */
@Entity('customer_lifecycle')
@Index('customer_lifecycle_stage_idx', ['stage'])
export class CustomerLifecycleEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid', primaryKeyConstraintName: 'PK_customer_lifecycle' })
  customerId: string;

  @OneToOne(() => CustomerEntity, (c) => c.lifecycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_customer_lifecycle_customer' })
  customer?: Relation<CustomerEntity>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  stage: string | null;

  /** The health score, its band, the policy version that scored it and its reasons; all null without a sale. */
  @Column({ name: 'health_score', type: 'smallint', nullable: true })
  healthScore: number | null;

  @Column({ name: 'health_band', type: 'varchar', length: 10, nullable: true })
  healthBand: string | null;

  @Column({ name: 'health_policy_version', type: 'integer', nullable: true })
  healthPolicyVersion: number | null;

  /** json, not jsonb: stored as the job wrote it, without jsonb's parsing of every figure on a million writes a night. */
  @Column({ name: 'health_reasons', type: 'json', nullable: true })
  healthReasons: CustomerHealthReason[] | null;

  /** P(alive) and expected trips in 52 weeks; null without a sale. */
  @Column({ name: 'p_alive', type: 'double precision', nullable: true })
  pAlive: number | null;

  @Column({ name: 'expected_trips_52w', type: 'double precision', nullable: true })
  expectedTrips52w: number | null;

  /** The next-trip window (agency calendar days), null when there is none. */
  @Column({ name: 'next_trip_from', type: 'date', nullable: true })
  nextTripFrom: string | null;

  @Column({ name: 'next_trip_to', type: 'date', nullable: true })
  nextTripTo: string | null;

  @Column({ name: 'next_trip_basis', type: 'varchar', length: 10, nullable: true })
  nextTripBasis: string | null;

  /** A hash of the results as the job last wrote them: the next run rewrites only the customers whose results moved. */
  @Column({ type: 'bytea', nullable: true, select: false })
  fingerprint: Buffer | null;
}

/**
 * A customer's lifetime sales in minor units of the customer's currency, moved by every booking that changes a
 * sale. A narrow row of its own: on the customers row each change rewrote an entry in all of its indexes. Every
 * customer has one, made by a database trigger when the customer is inserted.
 */
@Entity('customer_values')
@Index('customer_values_value_idx', ['lifetimeValue', 'customerId'])
export class CustomerValueEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid', primaryKeyConstraintName: 'PK_customer_values' })
  customerId: string;

  @OneToOne(() => CustomerEntity, (c) => c.value, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_customer_values_customer' })
  customer?: Relation<CustomerEntity>;

  @Column({ name: 'lifetime_value', type: 'bigint', default: 0 })
  lifetimeValue: string;
}

@Entity('customer_contacts')
export class CustomerContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('customer_contacts_customer_idx')
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  role: string | null;

  @Index('customer_contacts_phone_idx')
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  primary: boolean;

  @Column({ type: 'smallint', default: 0 })
  position: number;
}

/** How another system knows this customer: unique per source. */
@Entity('customer_external_refs')
@Index('customer_external_refs_source_external_id_key', ['source', 'externalId'], { unique: true })
export class CustomerExternalRefEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('customer_external_refs_customer_idx')
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ type: 'varchar', length: 50 })
  source: string;

  @Column({ name: 'external_id', type: 'varchar', length: 100 })
  externalId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Ownership history: customers survive their account manager leaving. */
@Entity('customer_owner_changes')
@Index('customer_owner_changes_customer_idx', ['customerId', 'at'])
export class CustomerOwnerChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<CustomerEntity>;

  @Column({ name: 'from_user_id', type: 'uuid', nullable: true })
  fromUserId: string | null;

  @Column({ name: 'to_user_id', type: 'uuid' })
  toUserId: string;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/** The admin's rule for owners of customers that booking systems create; a single row (id 1). */
@Entity('customer_owner_rule')
export class CustomerOwnerRuleEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'varchar', length: 20, default: 'round_robin' })
  mode: OwnerRuleMode;

  @Column({ name: 'default_owner_id', type: 'uuid', nullable: true })
  defaultOwnerId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The health score as the API shows it; null without one. */
export function healthOf(l: CustomerLifecycleEntity | undefined): CustomerHealth | null {
  if (!l || l.healthScore === null) return null;
  return { score: l.healthScore, band: l.healthBand!, policyVersion: l.healthPolicyVersion!, reasons: l.healthReasons! };
}

/** The prediction as the API shows it; null without a sale. */
export function predictionOf(l: CustomerLifecycleEntity | undefined): CustomerPrediction | null {
  if (!l || l.pAlive === null) return null;
  const window = l.nextTripBasis === null ? null : { from: l.nextTripFrom!, to: l.nextTripTo!, basis: l.nextTripBasis };
  return { pAlive: l.pAlive, expectedTrips52w: l.expectedTrips52w!, nextTripWindow: window };
}
