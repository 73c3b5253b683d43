import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const BOOKING_STATUSES = ['inquiry', 'confirmed', 'cancelled', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_CATEGORIES = ['family', 'honeymoon', 'business', 'group', 'independent', 'custom', 'other'] as const;
export type BookingCategory = (typeof BOOKING_CATEGORIES)[number];
/** Statuses that count as sales (a cancelled booking counts as zero, but counts). */
export const SALE_STATUSES: readonly BookingStatus[] = ['confirmed', 'completed'];

/** A booking as its source system knows it: (source, externalId) is the identity booking systems use. */
@Entity('bookings')
@Index('bookings_source_external_id_key', ['source', 'externalId'], { unique: true })
@Index('bookings_customer_departure_idx', ['customerId', 'departureDate'])
@Index('bookings_booked_at_idx', ['bookedAt', 'id'])
export class BookingEntity {
  /** Time-ordered (UUIDv7, made by the database): new bookings go to the right edge of their indexes. */
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_v7()' })
  id: string;

  @Column({ type: 'varchar', length: 50 })
  source: string;

  @Column({ name: 'external_id', type: 'varchar', length: 100 })
  externalId: string;

  /** No foreign key: merging customers moves bookings in one statement, and a booking outlives nothing it points to. */
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 20 })
  status: BookingStatus;

  @Column({ name: 'booked_at', type: 'timestamptz' })
  bookedAt: Date;

  @Column({ name: 'departure_date', type: 'date', nullable: true })
  departureDate: string | null;

  @Column({ name: 'return_date', type: 'date', nullable: true })
  returnDate: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  destination: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  product: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  category: BookingCategory | null;

  @Column({ type: 'int', default: 1 })
  travellers: number;

  /** Minor units of `currency`. */
  @Column({ name: 'amount_value', type: 'bigint' })
  amountValue: string;

  @Column({ name: 'amount_currency', type: 'char', length: 3 })
  amountCurrency: string;

  @Column({ name: 'payment_due_at', type: 'timestamptz', nullable: true })
  paymentDueAt: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Every status a booking went through, so "inquiries before a booking" and "how often they cancel" can be answered. */
@Entity('booking_status_changes')
@Index('booking_status_changes_booking_idx', ['bookingId', 'at'])
export class BookingStatusChangeEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_v7()' })
  id: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId: string;

  /** Null for the status the booking arrived with. */
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: BookingStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: BookingStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
