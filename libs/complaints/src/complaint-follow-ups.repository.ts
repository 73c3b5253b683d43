import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ComplaintFollowUpEntity } from './complaint-follow-up.entity';
import type { FollowUpStatus } from './complaint-follow-up';

/** A follow-up with what the list shows of its complaint (the owner is the complaint's current one). */
export interface FollowUpRow extends ComplaintFollowUpEntity {
  ownerId: string;
  customerId: string;
  category: string;
  priority: string;
  attribution: string | null;
}

export interface FollowUpFilter {
  status: FollowUpStatus;
  /** Only those of complaints this user owns ("mine"). */
  ownerId?: string;
  /** Only those due by then. */
  dueBy?: Date;
  /** Account managers: follow-ups of their own customers' complaints only. */
  restrictToOwner: string | null;
}

export interface FollowUpAnswer {
  customerId: string;
  complaintId: string;
  satisfied: boolean;
  answeredAt: Date;
}

const SELECT = `
SELECT f.id, f.complaint_id AS "complaintId", f.closed_at AS "closedAt", f.due_at AS "dueAt", f.status, f.satisfied, f.note,
  f.answered_by AS "answeredBy", f.answered_at AS "answeredAt", f.cancelled_at AS "cancelledAt", f.notified_at AS "notifiedAt",
  f.created_at AS "createdAt", c.owner_id AS "ownerId", c.customer_id AS "customerId", c.category, c.priority, c.attribution
FROM complaint_follow_ups f JOIN complaints c ON c.id = f.complaint_id`;

/**
 * The owner hears of each follow-up that fell due by $1, once: the UPDATE marks it (a concurrent run waits on
 * the row and then skips it) and writes the outbox event in the same statement.
 */
const NOTIFY_DUE_SQL = `
WITH due AS (
  UPDATE complaint_follow_ups SET notified_at = $1
  WHERE status = 'pending' AND notified_at IS NULL AND due_at <= $1
  RETURNING id, complaint_id, due_at
)
INSERT INTO outbox_events (type, payload)
SELECT 'complaint.follow_up_due', jsonb_build_object('userId', c.owner_id, 'complaintId', c.id, 'followUpId', d.id,
  'dueAt', to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'customerName', cu.name)
FROM due d JOIN complaints c ON c.id = d.complaint_id JOIN customers cu ON cu.id = c.customer_id
RETURNING id`;

@Injectable()
export class ComplaintFollowUpsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async open(m: EntityManager, complaintId: string, closedAt: Date, dueAt: Date): Promise<void> {
    await m.insert(ComplaintFollowUpEntity, { complaintId, closedAt, dueAt, status: 'pending' });
  }

  /** The pending follow-up of a reopened complaint no longer asks anything. */
  async cancelPending(m: EntityManager, complaintId: string, at: Date): Promise<void> {
    await m.update(ComplaintFollowUpEntity, { complaintId, status: 'pending' }, { status: 'cancelled', cancelledAt: at });
  }

  /** Records the answer if the follow-up is still pending; false when it is not (answered meanwhile, or cancelled). */
  async answer(m: EntityManager, id: string, values: { satisfied: boolean; note: string | null; answeredBy: string; answeredAt: Date }): Promise<boolean> {
    const result = await m.update(ComplaintFollowUpEntity, { id, status: 'pending' }, { ...values, status: 'answered' });
    return !!result.affected;
  }

  /** Every follow-up of a complaint, newest first. */
  async ofComplaint(complaintId: string, m: EntityManager = this.dataSource.manager): Promise<FollowUpRow[]> {
    return m.query(`${SELECT} WHERE f.complaint_id = $1 ORDER BY f.created_at DESC, f.id DESC`, [complaintId]);
  }

  /** By due time, then id; `after` is the last row's (dueAt, id). */
  list(f: FollowUpFilter, limit: number, after: unknown[] | null): Promise<FollowUpRow[]> {
    const params: unknown[] = [];
    const $ = (v: unknown) => `$${params.push(v)}`;
    const where = [`f.status = ${$(f.status)}`];
    if (f.ownerId) where.push(`c.owner_id = ${$(f.ownerId)}`);
    if (f.dueBy) where.push(`f.due_at <= ${$(f.dueBy)}`);
    if (f.restrictToOwner) where.push(`c.customer_id IN (SELECT id FROM customers WHERE owner_id = ${$(f.restrictToOwner)})`);
    if (after) where.push(`(f.due_at, f.id) > (${$(after[0])}::timestamptz, ${$(after[1])}::uuid)`);
    return this.dataSource.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY f.due_at, f.id LIMIT ${$(limit + 1)}`, params);
  }

  async notifyDue(asOf: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(NOTIFY_DUE_SQL, [asOf]);
    return rows.length;
  }

  /** The customers' recorded answers, newest first. */
  answersOf(customerIds: string[]): Promise<FollowUpAnswer[]> {
    return this.dataSource.query(
      `SELECT c.customer_id AS "customerId", f.complaint_id AS "complaintId", f.satisfied, f.answered_at AS "answeredAt"
       FROM complaint_follow_ups f JOIN complaints c ON c.id = f.complaint_id
       WHERE f.status = 'answered' AND c.customer_id = ANY($1::uuid[]) ORDER BY f.answered_at DESC`,
      [customerIds],
    );
  }
}
