import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TouchpointEntity } from './touchpoint.entity';

/** What a message or task needs to know of the customer and their owner. */
export interface CustomerFacts {
  customer_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  consent_email: boolean;
  consent_sms: boolean;
  tier: string | null;
  owner_id: string;
  owner_name: string;
  owner_email: string;
}

export interface TripRow extends CustomerFacts {
  booking_id: string;
  status: string;
  category: string | null;
  destination: string | null;
  departure_date: string | null;
  return_date: string | null;
}

export interface BirthdayRow extends CustomerFacts {
  birthday: string;
}

/** A touch-point to record; the message and survey fields are null for tasks. */
export interface NewTouchpoint {
  kind: string;
  task: boolean;
  customerId: string;
  bookingId: string | null;
  occasion: string;
  dueOn: string;
  ownerId: string;
  details: Record<string, string | null>;
  channel: string | null;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  surveyId: string | null;
  surveyExpiresAt: Date | null;
  lang: string | null;
  destination: string | null;
}

export interface TaskRow {
  id: string;
  kind: string;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  owner_name: string;
  due_on: string;
  details: Record<string, string | null>;
  done_at: Date | null;
  created_at: Date;
}

// Living customers who have not refused contact; deleted and merged-away ones have no trips of their own any more.
const CONTACTABLE = `c.deleted_at IS NULL AND c.merged_into_id IS NULL AND NOT c.do_not_contact`;
const FACTS = `c.id AS customer_id, c.name, c.phone, c.email, c.consent_email, c.consent_sms, c.tier, c.owner_id, u.name AS owner_name, u.email AS owner_email`;

/**
 * One statement records the touch-points, their messages, surveys and the owners' notification events. Message
 * ids are drawn from the outgoing_messages sequence up front, so each touch-point row knows its message; a row
 * the unique key turns away (already done) takes nothing else with it.
 */
const RECORD_SQL = `
WITH input AS MATERIALIZED (
  SELECT i.*, CASE WHEN i.channel IS NOT NULL THEN nextval(pg_get_serial_sequence('outgoing_messages', 'id')) END AS message_id
  FROM unnest($1::text[], $2::boolean[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::uuid[], $8::jsonb[], $9::text[], $10::text[], $11::text[],
              $12::text[], $13::uuid[], $14::timestamptz[], $15::text[], $16::text[])
    AS i(kind, task, customer_id, booking_id, occasion, due_on, owner_id, details, channel, recipient, subject, body, survey_id, survey_expires_at, lang, destination)
), recorded AS (
  INSERT INTO touchpoints (kind, task, customer_id, booking_id, occasion, due_on, owner_id, details, message_id, created_at)
  SELECT kind, task, customer_id, booking_id, occasion, due_on, owner_id, details, message_id, $17 FROM input
  ON CONFLICT (customer_id, occasion) DO NOTHING
  RETURNING id, customer_id, occasion
), fresh AS (
  SELECT i.*, r.id AS touchpoint_id FROM recorded r JOIN input i USING (customer_id, occasion)
), messages AS (
  INSERT INTO outgoing_messages (id, channel, recipient, subject, body, next_attempt_at)
  OVERRIDING SYSTEM VALUE
  SELECT message_id, channel, recipient, subject, body, $18 FROM fresh WHERE message_id IS NOT NULL
  RETURNING id
), surveys AS (
  INSERT INTO nps_surveys (id, touchpoint_id, customer_id, booking_id, owner_id, destination, lang, sent_at, expires_at)
  SELECT survey_id, touchpoint_id, customer_id, booking_id, owner_id, destination, lang, $18, survey_expires_at FROM fresh WHERE survey_id IS NOT NULL
  RETURNING id
), events AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'touchpoint.task', jsonb_build_object('touchpointId', f.touchpoint_id, 'kind', f.kind, 'customerId', f.customer_id, 'customerName', c.name,
    'ownerId', f.owner_id, 'dueOn', f.due_on)
  FROM fresh f JOIN customers c ON c.id = f.customer_id WHERE f.task
  RETURNING id
)
SELECT (SELECT count(*) FROM recorded)::int AS recorded, (SELECT count(*) FROM messages)::int AS messages,
       (SELECT count(*) FROM surveys)::int AS surveys, (SELECT count(*) FROM events)::int AS tasks,
       coalesce((SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM fresh GROUP BY kind) k), '{}') AS by_kind`;

const RUN_LOCK = 'trip-touchpoints';

const TASK_SELECT = `
SELECT t.id, t.kind, t.customer_id, c.name AS customer_name, t.owner_id, u.name AS owner_name, t.due_on::text AS due_on, t.details, t.done_at, t.created_at
FROM touchpoints t JOIN customers c ON c.id = t.customer_id JOIN users u ON u.id = t.owner_id`;

@Injectable()
export class TouchpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Bookings known at `asOf` that are sales and depart within the handbook window or came back within the follow-up window. */
  trips(asOf: Date, today: string, handbookDays: number, followUpDays: number): Promise<TripRow[]> {
    return this.dataSource.query(
      `SELECT b.id AS booking_id, b.status, b.category, b.destination, b.departure_date::text AS departure_date, b.return_date::text AS return_date, ${FACTS}
       FROM bookings b JOIN customers c ON c.id = b.customer_id JOIN users u ON u.id = c.owner_id
       WHERE ${CONTACTABLE} AND b.booked_at <= $1 AND b.status IN ('confirmed', 'completed')
         AND (b.departure_date BETWEEN $2::date + 1 AND $2::date + $3::int
              OR coalesce(b.return_date, b.departure_date) BETWEEN $2::date - $4::int AND $2::date - 1)`,
      [asOf, today, handbookDays, followUpDays],
    );
  }

  /** Customers who existed at `asOf` whose birthday falls on one of the month-days. */
  birthdays(asOf: Date, monthDays: string[]): Promise<BirthdayRow[]> {
    return this.dataSource.query(
      `SELECT c.birthday::text AS birthday, ${FACTS}
       FROM customers c JOIN users u ON u.id = c.owner_id
       WHERE ${CONTACTABLE} AND c.created_at <= $1 AND c.birthday IS NOT NULL AND to_char(c.birthday, 'MM-DD') = ANY($2::text[])`,
      [asOf, monthDays],
    );
  }

  /** Records what is new, under a lock so overlapping runs queue rather than race; the unique key does the rest. */
  record(rows: NewTouchpoint[], asOf: Date, sendAt: Date): Promise<{ recorded: number; messages: number; surveys: number; tasks: number; by_kind: Record<string, number> }> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [RUN_LOCK]);
      const col = <K extends keyof NewTouchpoint>(k: K) => rows.map((r) => r[k]);
      const [result] = await m.query(RECORD_SQL, [
        col('kind'), col('task'), col('customerId'), col('bookingId'), col('occasion'), col('dueOn'), col('ownerId'), rows.map((r) => JSON.stringify(r.details)),
        col('channel'), col('recipient'), col('subject'), col('body'), col('surveyId'), col('surveyExpiresAt'), col('lang'), col('destination'), asOf, sendAt,
      ]);
      return result;
    });
  }

  /** Tasks, soonest due first, keyset-paged on (due_on, id). */
  tasks(f: { ownerId: string | null; done: boolean }, limit: number, after: unknown[] | null): Promise<TaskRow[]> {
    const params: unknown[] = [f.done, limit + 1];
    const where = [`t.task`, `(t.done_at IS NOT NULL) = $1`];
    if (f.ownerId) where.push(`t.owner_id = $${params.push(f.ownerId)}`);
    if (after) where.push(`(t.due_on, t.id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
    return this.dataSource.query(`${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.due_on, t.id LIMIT $2`, params);
  }

  async task(id: string): Promise<TaskRow | null> {
    const [row] = await this.dataSource.query(`${TASK_SELECT} WHERE t.task AND t.id = $1`, [id]);
    return row ?? null;
  }

  async moveToCustomer(m: EntityManager, mergedId: string, survivorId: string): Promise<{ touchpoints: number; npsSurveys: number }> {
    const [, touchpoints] = await m.query(
      `UPDATE touchpoints t SET customer_id = $2 WHERE t.customer_id = $1
         AND NOT EXISTS (SELECT 1 FROM touchpoints s WHERE s.customer_id = $2 AND s.occasion = t.occasion)`,
      [mergedId, survivorId],
    );
    const [, npsSurveys] = await m.query(`UPDATE nps_surveys SET customer_id = $2 WHERE customer_id = $1`, [mergedId, survivorId]);
    return { touchpoints: Number(touchpoints), npsSurveys: Number(npsSurveys) };
  }

  findTask(id: string): Promise<TouchpointEntity | null> {
    return this.dataSource.manager.findOne(TouchpointEntity, { where: { id, task: true } });
  }

  async setDone(m: EntityManager, id: string, by: string | null, at: Date | null): Promise<void> {
    await m.update(TouchpointEntity, { id }, { doneAt: at, doneBy: at ? by : null });
  }
}
