import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CampaignChannel, RecipientGroup } from './campaign.entity';
import type { OfferCandidate } from './reactivation-message';

/** Sales as everywhere in the product: confirmed or completed bookings known at `asOf` ($1). */
const SALE = `b.status IN ('confirmed', 'completed') AND b.booked_at <= $1`;
/** The calendar day a trip ends in the agency's zone ($2): its return, its departure, or the day it was booked. */
const TRIP_DAY = `coalesce(b.return_date, b.departure_date, (b.booked_at AT TIME ZONE $2)::date)`;
/** How far back "most booked" looks for the offer catalogue. */
const CATALOGUE_YEARS = 2;

export interface SleepingCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  destination: string;
  departureDate: string;
  returnDate: string | null;
  favouriteCategories: string[];
  visited: string[];
}

export interface Pick {
  customerId: string;
  group: RecipientGroup;
  channel: CampaignChannel;
  language: string;
  offerDestination: string | null;
  /** Treated only. */
  recipient: string | null;
  subject: string | null;
  body: string | null;
}

@Injectable()
export class ReactivationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Destination and category pairs of the last two years' sales, most booked first. */
  catalogue(asOf: Date): Promise<OfferCandidate[]> {
    return this.dataSource.query(
      `SELECT b.destination, coalesce(b.category, 'other') AS category
       FROM bookings b
       WHERE ${SALE} AND b.booked_at > $1::timestamptz - make_interval(years => $2) AND b.destination IS NOT NULL
       GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 500`,
      [asOf, CATALOGUE_YEARS],
    );
  }

  /**
   * The next page (by id, after `afterId`) of customers this campaign has not picked yet who are sleeping at
   * `asOf` — a sale, and none booked after `cutoff` nor any trip ending after `cutoffDate` — and who may be
   * reached on one of the campaign's channels: not do-not-contact, consent and an address. With the most recent
   * trip that has a destination (the memory), their categories by frequency, and every destination they went to.
   */
  sleepingPage(q: { campaignId: string; channels: readonly CampaignChannel[]; asOf: Date; timeZone: string; cutoff: Date; cutoffDate: string; afterId: string; limit: number }): Promise<SleepingCustomer[]> {
    return this.dataSource.query(
      `SELECT c.id, c.name, c.email, c.phone, c.consent_email AS "consentEmail", c.consent_sms AS "consentSms",
              last.destination, last.departure_date::text AS "departureDate", last.return_date::text AS "returnDate",
              coalesce(likes.categories, '{}') AS "favouriteCategories", been.destinations AS visited
       FROM customers c
       CROSS JOIN LATERAL (
         SELECT b.destination, coalesce(b.departure_date, (b.booked_at AT TIME ZONE $2)::date) AS departure_date, b.return_date
         FROM bookings b WHERE b.customer_id = c.id AND ${SALE} AND b.destination IS NOT NULL
         ORDER BY ${TRIP_DAY} DESC, b.booked_at DESC LIMIT 1
       ) last
       CROSS JOIN LATERAL (
         SELECT array_agg(DISTINCT b.destination) AS destinations FROM bookings b WHERE b.customer_id = c.id AND ${SALE} AND b.destination IS NOT NULL
       ) been
       LEFT JOIN LATERAL (
         SELECT array_agg(category ORDER BY n DESC, category) AS categories
         FROM (SELECT b.category, count(*) AS n FROM bookings b WHERE b.customer_id = c.id AND ${SALE} AND b.category IS NOT NULL GROUP BY b.category) k
       ) likes ON true
       WHERE c.id > $3 AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.created_at <= $1 AND NOT c.do_not_contact
         AND ((c.consent_email AND c.email IS NOT NULL AND 'email' = ANY($4::text[])) OR (c.consent_sms AND c.phone IS NOT NULL AND 'sms' = ANY($4::text[])))
         AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.customer_id = c.id AND ${SALE} AND (b.booked_at > $5 OR ${TRIP_DAY} > $6::date))
         AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = $7 AND r.customer_id = c.id)
       ORDER BY c.id LIMIT $8`,
      [q.asOf, q.timeZone, q.afterId, q.channels, q.cutoff, q.cutoffDate, q.campaignId, q.limit],
    );
  }

  /**
   * Records the picks and writes the treated ones' messages, in one statement. The primary key (campaign,
   * customer) makes a pick that another run (or worker) already made a no-op, and its message is then not
   * written either: the message id is drawn from outgoing_messages' own sequence in the same insert, so only
   * rows that were really inserted get a message.
   */
  async insertPicks(campaignId: string, picks: Pick[], dueAt: Date, pickedAt: Date): Promise<{ treated: number; control: number }> {
    if (!picks.length) return { treated: 0, control: 0 };
    const col = <K extends keyof Pick>(k: K) => picks.map((p) => p[k]);
    const [row] = await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS i(customer_id, grp, channel, language, offer, recipient, subject, body)
       ), picked AS (
         INSERT INTO campaign_recipients (campaign_id, customer_id, "group", channel, language, offer_destination, due_at, picked_at, outgoing_message_id)
         SELECT $1, i.customer_id, i.grp, i.channel, i.language, i.offer, $10, $11,
                CASE WHEN i.grp = 'treated' THEN nextval(pg_get_serial_sequence('outgoing_messages', 'id')) END
         FROM input i
         ON CONFLICT (campaign_id, customer_id) DO NOTHING
         RETURNING customer_id, "group", outgoing_message_id
       ), written AS (
         INSERT INTO outgoing_messages (id, channel, recipient, subject, body, next_attempt_at) OVERRIDING SYSTEM VALUE
         SELECT p.outgoing_message_id, i.channel, i.recipient, i.subject, i.body, $10
         FROM picked p JOIN input i USING (customer_id) WHERE p.outgoing_message_id IS NOT NULL
         RETURNING id
       )
       SELECT (SELECT count(*) FROM written)::int AS treated, (SELECT count(*) FROM picked WHERE "group" = 'control')::int AS control`,
      [campaignId, col('customerId'), col('group'), col('channel'), col('language'), col('offerDestination'), col('recipient'), col('subject'), col('body'), dueAt, pickedAt],
    );
    return row;
  }

  /** A merged customer's picks go to the survivor, except for campaigns that picked the survivor too (those stay, still resolvable). */
  async moveToCustomer(m: EntityManager, mergedId: string, survivorId: string): Promise<number> {
    const [, n] = await m.query(
      `UPDATE campaign_recipients r SET customer_id = $2 WHERE r.customer_id = $1
         AND NOT EXISTS (SELECT 1 FROM campaign_recipients s WHERE s.campaign_id = r.campaign_id AND s.customer_id = $2)`,
      [mergedId, survivorId],
    );
    return Number(n);
  }
}
