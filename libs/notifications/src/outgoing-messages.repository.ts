import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MessageChannel, MessageStatus, OutgoingMessageEntity } from './outgoing-message.entity';

export interface NewEmail {
  userId: string;
  subject: string;
  body: string;
  sourceEventId: string | null;
}

export interface ClaimedMessage {
  id: string;
  recipient: string;
  subject: string | null;
  body: string;
  attempts: number;
}

@Injectable()
export class OutgoingMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** E-mails to staff users at their address, in the caller's transaction; once per (event, recipient). Deactivated users get none. */
  async insertEmails(m: EntityManager, rows: NewEmail[]): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `INSERT INTO outgoing_messages (channel, recipient, user_id, subject, body, source_event_id)
       SELECT 'email', u.email, u.id, r.subject, r.body, r.source_event_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[]) r(user_id, subject, body, source_event_id)
       JOIN users u ON u.id = r.user_id AND u.active
       ON CONFLICT (source_event_id, channel, recipient) DO NOTHING`,
      [rows.map((r) => r.userId), rows.map((r) => r.subject), rows.map((r) => r.body), rows.map((r) => r.sourceEventId)],
    );
  }

  /** Newest first, keyset-paged on id. */
  list(f: { status?: MessageStatus; channel?: MessageChannel }, limit: number, beforeId: string | null): Promise<OutgoingMessageEntity[]> {
    const q = this.dataSource.getRepository(OutgoingMessageEntity).createQueryBuilder('o');
    if (f.status) q.andWhere('o.status = :status', { status: f.status });
    if (f.channel) q.andWhere('o.channel = :channel', { channel: f.channel });
    if (beforeId) q.andWhere('o.id < :beforeId', { beforeId });
    return q.orderBy('o.id', 'DESC').limit(limit + 1).getMany();
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<OutgoingMessageEntity | null> {
    return m.findOneBy(OutgoingMessageEntity, { id });
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A failed message back in the queue, for a fresh round of attempts. */
  async requeue(m: EntityManager, id: string, now: Date): Promise<void> {
    await m.query(`UPDATE outgoing_messages SET status = 'pending', attempts = 0, next_attempt_at = $2, claimed_at = NULL WHERE id = $1`, [id, now]);
  }

  /** Claims held since before `staleBefore` belong to a sender that died mid-send: failed, and not sent again. */
  async failStaleClaims(staleBefore: Date, error: string): Promise<number> {
    const [, n] = await this.dataSource.query(
      `UPDATE outgoing_messages SET status = 'failed', claimed_at = NULL, last_error = $2 WHERE status = 'pending' AND claimed_at < $1`,
      [staleBefore, error],
    );
    return Number(n);
  }

  async anyDue(channel: MessageChannel, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM outgoing_messages WHERE status = 'pending' AND channel = $1 AND next_attempt_at <= $2 AND claimed_at IS NULL LIMIT 1`,
      [channel, now],
    );
    return rows.length > 0;
  }

  /**
   * Takes up to `limit` due messages for this sender, committed before anything is sent: a second sender skips them
   * (SKIP LOCKED, then claimed_at), and the attempt is counted even if the sender dies during it.
   */
  claim(channel: MessageChannel, now: Date, limit: number): Promise<ClaimedMessage[]> {
    return this.dataSource.query(
      `UPDATE outgoing_messages o SET claimed_at = $2, attempts = o.attempts + 1
       WHERE o.id IN (SELECT id FROM outgoing_messages WHERE status = 'pending' AND channel = $1 AND next_attempt_at <= $2 AND claimed_at IS NULL
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING o.id, o.recipient, o.subject, o.body, o.attempts`,
      [channel, now, limit],
    ).then(([rows]: [ClaimedMessage[]]) => rows);
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE outgoing_messages SET status = 'sent', sent_at = $2, claimed_at = NULL, last_error = NULL WHERE id = $1`, [id, at]);
  }

  /** Releases the claim: pending again from `nextAttemptAt`, or failed for good (nextAttemptAt null). */
  async markFailedAttempt(id: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE outgoing_messages SET claimed_at = NULL, last_error = $2,
         status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, next_attempt_at = coalesce($3, next_attempt_at)
       WHERE id = $1`,
      [id, error, nextAttemptAt],
    );
  }
}
