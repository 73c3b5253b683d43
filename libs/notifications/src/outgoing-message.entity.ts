import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * An e-mail or SMS to send, written in the same transaction as the notification it repeats. Without a provider
 * for its channel it stays pending here, where admins see it. A sender claims it (claimed_at) in a committed
 * write before handing it over, so a crash after sending never sends it twice (see send-messages.job.ts).
 */
@Entity('outgoing_messages')
@Index('outgoing_messages_source_key', ['sourceEventId', 'channel', 'recipient'], { unique: true })
@Index('outgoing_messages_due_idx', ['channel', 'nextAttemptAt'], { where: `status = 'pending'` })
@Index('outgoing_messages_status_idx', ['status', 'id'])
export class OutgoingMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  channel: MessageChannel;

  /** An e-mail address or a phone number. */
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  /** The staff user it is for, if any. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: MessageStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** A pending message is not tried before this. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** Set while a sender holds it; a claim older than the lease means the sender died mid-send. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The outbox event it came from: relaying the event twice makes one message per recipient. */
  @Column({ name: 'source_event_id', type: 'bigint', nullable: true })
  sourceEventId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
