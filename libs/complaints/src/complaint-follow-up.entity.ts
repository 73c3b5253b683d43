import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FollowUpStatus } from './complaint-follow-up';

/**
 * The satisfaction follow-up of a closed complaint: due a week after closing, answered once (satisfied or not,
 * a note, who, when), cancelled when the complaint is reopened. Closing again makes a new one, so a complaint
 * has at most one pending. The customer's health score reads the answers (ComplaintsService.followUpAnswers).
 */
@Entity('complaint_follow_ups')
@Index('complaint_follow_ups_pending_key', ['complaintId'], { unique: true, where: `status = 'pending'` })
@Index('complaint_follow_ups_complaint_idx', ['complaintId', 'createdAt'])
@Index('complaint_follow_ups_due_idx', ['dueAt', 'id'], { where: `status = 'pending'` })
export class ComplaintFollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 10 })
  status: FollowUpStatus;

  @Column({ type: 'boolean', nullable: true })
  satisfied: boolean | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** When the owner was told it fell due; set once by the follow-up-watch job. */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
