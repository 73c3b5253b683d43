import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface MessageFilter {
  customerId?: string;
  campaignId?: string;
  channel?: string;
  state?: string;
  restrictToOwner: string | null;
}

export interface CustomerMessageRow {
  id: string;
  customerId: string;
  customerName: string;
  kind: string;
  campaignId: string | null;
  campaignName: string | null;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

/**
 * Outgoing messages that went to customers: those the campaigns wrote and those of the trip touch-points (whose
 * rows link customer and message the same way). Staff e-mails have no customer and are not among them.
 */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paged on the message id. */
  list(f: MessageFilter, limit: number, beforeId: string | null): Promise<CustomerMessageRow[]> {
    return this.dataSource.query(
      `WITH links AS (
         SELECT r.outgoing_message_id AS message_id, r.customer_id, r.campaign_id, 'reactivation'::text AS kind FROM campaign_recipients r WHERE r.outgoing_message_id IS NOT NULL
         UNION ALL
         SELECT t.message_id, t.customer_id, NULL::uuid, t.kind::text FROM touchpoints t WHERE t.message_id IS NOT NULL
       )
       SELECT o.id, l.customer_id AS "customerId", c.name AS "customerName", l.kind, l.campaign_id AS "campaignId", k.name AS "campaignName",
              o.channel, o.recipient, o.subject, o.body, o.status, o.next_attempt_at AS "nextAttemptAt", o.sent_at AS "sentAt",
              o.last_error AS "lastError", o.created_at AS "createdAt"
       FROM links l
       JOIN outgoing_messages o ON o.id = l.message_id
       JOIN customers c ON c.id = l.customer_id
       LEFT JOIN campaigns k ON k.id = l.campaign_id
       WHERE ($1::uuid IS NULL OR l.customer_id = $1) AND ($2::uuid IS NULL OR l.campaign_id = $2) AND ($3::text IS NULL OR o.channel = $3)
         AND ($4::text IS NULL OR o.status = $4) AND ($5::uuid IS NULL OR c.owner_id = $5) AND ($6::bigint IS NULL OR o.id < $6)
       ORDER BY o.id DESC LIMIT $7`,
      [f.customerId ?? null, f.campaignId ?? null, f.channel ?? null, f.state ?? null, f.restrictToOwner, beforeId, limit + 1],
    );
  }
}
