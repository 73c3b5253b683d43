import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { VisitKind } from './visit-compliance';
import type { Recurrence } from './visit-schedule';

export const VISIT_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What a plan and each of its visits both say: who meets whom, how, where, and where in the day's route. Not a table. */
abstract class VisitStop {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** The customer's contact to meet (organisations and partners). */
  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ name: 'manager_id', type: 'uuid' })
  managerId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: VisitKind;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  /** The stop's place in the manager's route for the day. */
  @Column({ name: 'route_order', type: 'smallint', nullable: true })
  routeOrder: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A fixed route stop: one manager visits one customer on the same weekday and time, until the plan ends. */
@Entity('visit_plans')
@Index('visit_plans_customer_idx', ['customerId'])
@Index('visit_plans_manager_idx', ['managerId'])
export class VisitPlanEntity extends VisitStop {
  @Column({ type: 'varchar', length: 30 })
  recurrence: Recurrence;

  @Column({ name: 'interval_weeks', type: 'smallint', nullable: true })
  intervalWeeks: number | null;

  @Column({ type: 'smallint', nullable: true })
  weekday: number | null;

  @Column({ type: 'smallint', nullable: true })
  nth: number | null;

  @Column({ name: 'month_day', type: 'smallint', nullable: true })
  monthDay: number | null;

  /** HH:MM, wall clock in the agency's zone. */
  @Column({ type: 'char', length: 5 })
  time: string;

  @Column({ name: 'duration_minutes', type: 'smallint' })
  durationMinutes: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  /** The last date whose visits exist as rows: the nightly job expands only the days after it. */
  @Column({ name: 'scheduled_through', type: 'date', nullable: true })
  scheduledThrough: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}

/**
 * One visit: materialised from a plan (one per plan and date, never two), or recorded after the fact
 * (no plan). `detached` marks a visit changed on its own (moved at the customer's request): plan edits
 * leave it alone.
 */
@Entity('visits')
@Index('visits_plan_date_key', ['planId', 'planDate'], { unique: true })
@Index('visits_manager_idx', ['managerId', 'startsAt'])
@Index('visits_customer_idx', ['customerId', 'startsAt'])
export class VisitEntity extends VisitStop {
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  /** The plan's date for this visit (where it was before a move). */
  @Column({ name: 'plan_date', type: 'date', nullable: true })
  planDate: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: VisitStatus;

  @Column({ type: 'boolean', default: false })
  detached: boolean;

  /** Why it was missed or cancelled. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;
}

export interface Attendee {
  name: string;
  side: 'customer' | 'agency';
  role: string | null;
}

export interface Problem {
  description: string;
  /** Set once it became a complaint. */
  complaintId: string | null;
}

export const OPPORTUNITY_KINDS = ['travel_need', 'group_trip', 'budget', 'other'] as const;
export interface Opportunity {
  kind: (typeof OPPORTUNITY_KINDS)[number];
  description: string;
  /** Minor units (CNY), when the customer named a budget. */
  budget: number | null;
  /** When the trip or decision is expected, YYYY-MM-DD. */
  expectedOn: string | null;
}

/** The communication record (大客户沟通记录表) of a visit that took place. */
@Entity('visit_records')
export class VisitRecordEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @Column({ type: 'jsonb' })
  attendees: Attendee[];

  /** The customer's opinions and feedback. */
  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ type: 'jsonb' })
  problems: Problem[];

  @Column({ type: 'jsonb' })
  opportunities: Opportunity[];

  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A next step agreed in a visit: someone does something by a date. */
@Entity('visit_tasks')
@Index('visit_tasks_owner_idx', ['ownerId', 'dueOn'], { where: 'done_at IS NULL' })
@Index('visit_tasks_visit_idx', ['visitId'])
export class VisitTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const INTERACTION_KINDS = ['call', 'message', 'email', 'wechat', 'meeting'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** A call, message or email with a customer, logged in one click: the interaction frequency of the health score. */
@Entity('customer_interactions')
@Index('customer_interactions_customer_idx', ['customerId', 'at'])
export class InteractionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: InteractionKind;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A stretch of time a customer was overdue for a visit. At most one is open per customer (the partial unique
 * index), so the nightly check notifies the owner once per episode however often it runs.
 */
@Entity('visit_overdue_episodes')
@Index('visit_overdue_episodes_open_key', ['customerId'], { unique: true, where: 'ended_at IS NULL' })
export class OverdueEpisodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'due_by', type: 'timestamptz' })
  dueBy: Date;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}

/** Days on which visits are not expected (a visit then is shown as a conflict). */
@Entity('visit_holidays')
export class VisitHolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

/** A manager's private calendar feed: the token is in the feed's URL; only its hash is kept. */
@Entity('visit_calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index('visit_calendar_feeds_token_key', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
