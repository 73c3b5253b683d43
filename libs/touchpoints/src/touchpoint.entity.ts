import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One touch-point that happened: a message to the customer (its row in outgoing_messages) or a task for the owner.
 * (customer, occasion) is unique — the occasion is a slot such as "after this booking" or "the 2026 birthday
 * greeting" (see touchpoint-rules.ts) — so however often and on however many workers the job runs, each happens once.
 */
@Entity('touchpoints')
@Index('touchpoints_once_key', ['customerId', 'occasion'], { unique: true })
@Index('touchpoints_open_tasks_idx', ['ownerId', 'dueOn'], { where: `task AND done_at IS NULL` })
@Index('touchpoints_customer_idx', ['customerId', 'createdAt'])
export class TouchpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId: string | null;

  @Column({ type: 'varchar', length: 50 })
  occasion: string;

  /** A task for the owner (true) or a message to the customer. */
  @Column({ type: 'boolean' })
  task: boolean;

  /** The owner when it happened: the task's assignee, the manager a survey's answer counts for. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** A task's due date; for a message, the day it is about (departure, return, birthday). */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** The message's row in outgoing_messages. */
  @Column({ name: 'message_id', type: 'bigint', nullable: true })
  messageId: string | null;

  /** Destination and dates of the trip, for the task list. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, string | null>;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy: string | null;

  /** The run's `asOf`. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A survey sent after a trip; answered once, through the signed link. */
@Entity('nps_surveys')
@Index('nps_surveys_answered_idx', ['answeredAt'], { where: 'answered_at IS NOT NULL' })
@Index('nps_surveys_customer_idx', ['customerId', 'answeredAt'])
export class NpsSurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('nps_surveys_touchpoint_key', { unique: true })
  @Column({ name: 'touchpoint_id', type: 'uuid' })
  touchpointId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId: string | null;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  destination: string | null;

  @Column({ type: 'varchar', length: 5 })
  lang: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
