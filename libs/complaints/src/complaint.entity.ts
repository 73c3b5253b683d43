import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Attribution, Category, Channel, ComplaintStatus, Compensation, EventType, Priority, Severity } from './complaint-rules';
import type { ClockState, SlaMetric } from './sla-clock';

/** A complaint; (source, externalId) is how a booking system names it, null for those taken in the console. */
@Entity('complaints')
@Index('complaints_source_external_id_key', ['source', 'externalId'], { unique: true })
@Index('complaints_queue_idx', ['priority', 'nextDueAt', 'id'])
@Index('complaints_customer_idx', ['customerId', 'receivedAt'])
@Index('complaints_received_idx', ['receivedAt'])
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  source: string | null;

  @Column({ name: 'external_id', type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'booking_external_id', type: 'varchar', length: 100, nullable: true })
  bookingExternalId: string | null;

  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Column({ type: 'varchar', length: 20 })
  category: Category;

  @Column({ type: 'varchar', length: 10 })
  severity: Severity;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The agent handling it: warnings and breaches go to them. */
  @Index('complaints_owner_idx')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'char', length: 2 })
  priority: Priority;

  /** The customer's tier at intake: it decided the priority and the targets. */
  @Column({ type: 'char', length: 1, nullable: true })
  tier: string | null;

  /** The service-level policy version in force when it was received (0: the built-in defaults): its clocks keep to it. */
  @Column({ name: 'sla_policy_version', type: 'int', default: 0 })
  slaPolicyVersion: number;

  @Column({ type: 'varchar', length: 30 })
  status: ComplaintStatus;

  /** The nearest running deadline, for the queue order; null when no clock runs. */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  attribution: Attribution | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  compensations: Compensation[];

  /** Who settled the compensations and when (accepted the proposal, or changed it); null while the system's proposal stands. */
  @Column({ name: 'compensations_decided_by', type: 'uuid', nullable: true })
  compensationsDecidedBy: string | null;

  @Column({ name: 'compensations_decided_at', type: 'timestamptz', nullable: true })
  compensationsDecidedAt: Date | null;

  @Column({ name: 'corrective_action', type: 'jsonb', nullable: true })
  correctiveAction: { action: string; ownerId: string | null; dueOn: string | null } | null;

  @Column({ name: 'incident_report', type: 'jsonb', nullable: true })
  incidentReport: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Each step of a complaint, with who and when: the timeline, and what the clocks are computed from. */
@Entity('complaint_events')
@Index('complaint_events_complaint_idx', ['complaintId', 'at'])
export class ComplaintEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'varchar', length: 30 })
  type: EventType;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/**
 * The clocks as last computed, so `sla-watch` can find what is due with one statement. The warned, breached
 * and escalated marks are set once by the job and kept when the clocks are recomputed.
 */
@Entity('complaint_sla_clocks')
@Index('complaint_sla_clocks_due_idx', ['dueAt'], { where: `state IN ('running', 'breached') AND met_at IS NULL` })
export class ComplaintSlaClockEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  metric: SlaMetric;

  @PrimaryColumn({ type: 'int' })
  period: number;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'warn_at', type: 'timestamptz', nullable: true })
  warnAt: Date | null;

  /** A further target period past the deadline, in the clock's own time (business hours, pauses): escalation. */
  @Column({ name: 'escalate_at', type: 'timestamptz', nullable: true })
  escalateAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  state: ClockState;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt: Date | null;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;
}
