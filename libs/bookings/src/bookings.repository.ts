import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '@crm/identity';
import { queryPrepared } from '@crm/platform';
import { BookingEntity, BookingStatus, BookingStatusChangeEntity, SALE_STATUSES } from './booking.entity';

/** A booking ready to write: validated, its customer resolved. */
export interface BookingRow {
  source: string;
  externalId: string;
  customerId: string;
  status: BookingStatus;
  bookedAt: string;
  departureDate: string | null;
  returnDate: string | null;
  destination: string | null;
  product: string | null;
  category: string | null;
  travellers: number;
  amountValue: number;
  amountCurrency: string;
  paymentDueAt: string | null;
  paidAt: string | null;
}

export interface UpsertOutcome {
  created: boolean;
  /** False when the booking already was exactly this: nothing written. */
  changed: boolean;
  /** The booking as stored after the write (as it was, when unchanged): no read-back needed. */
  booking: BookingEntity;
}

export interface BookingFilter {
  customerId?: string;
  source?: string;
  status?: string;
  destination?: string;
  departureFrom?: string;
  departureTo?: string;
  /** Account managers: bookings of their own customers only. */
  restrictToOwner: string | null;
}

const SALES = `(${SALE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const COLUMNS = [
  ['source', 'text'], ['external_id', 'text'], ['customer_id', 'uuid'], ['status', 'text'], ['booked_at', 'timestamptz'],
  ['departure_date', 'date'], ['return_date', 'date'], ['destination', 'text'], ['product', 'text'], ['category', 'text'],
  ['travellers', 'int'], ['amount_value', 'bigint'], ['amount_currency', 'text'], ['payment_due_at', 'timestamptz'], ['paid_at', 'timestamptz'],
] as const;
const FIELDS: (keyof BookingRow)[] = [
  'source', 'externalId', 'customerId', 'status', 'bookedAt', 'departureDate', 'returnDate', 'destination', 'product', 'category',
  'travellers', 'amountValue', 'amountCurrency', 'paymentDueAt', 'paidAt',
];
const DATA_COLUMNS = COLUMNS.slice(2).map(([c]) => c);
/** Every column of a stored booking with the entity property it fills. */
const STORED: [string, string][] = [['id', 'id'], ...COLUMNS.map(([c], i): [string, string] => [c, FIELDS[i]]), ['created_at', 'createdAt'], ['updated_at', 'updatedAt']];
const DATES = new Set<string>(COLUMNS.filter(([, t]) => t === 'date').map(([c]) => c));

/**
 * Writes a set of bookings (distinct keys) in one statement, one round trip: inserts the new, updates the
 * changed, leaves the identical untouched, records every status change, moves the customers' lifetime values
 * by the change of sales (a booking's old sale leaves its old customer, its new sale joins its customer; no
 * booking is read), and writes an audit row per created or updated booking, in input order. All CTEs see
 * the rows as they were before the statement, which is how `old` knows the previous status.
 * The customers' value rows (customer_values) are locked in id order, so two batches touching the same
 * customers cannot deadlock; the customers rows themselves are not written. $16–$18: the audit actor (type, id, ip).
 */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}) WITH ORDINALITY
    AS i(${COLUMNS.map(([c]) => c).join(', ')}, ord)
), old AS (
  SELECT b.* FROM bookings b JOIN input USING (source, external_id)
), upserted AS (
  INSERT INTO bookings (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT ${COLUMNS.map(([c]) => c).join(', ')} FROM input ORDER BY ord
  ON CONFLICT (source, external_id) DO UPDATE SET ${DATA_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
  WHERE (${DATA_COLUMNS.map((c) => `bookings.${c}`).join(', ')}) IS DISTINCT FROM (${DATA_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
  RETURNING *
), history AS (
  INSERT INTO booking_status_changes (booking_id, from_status, to_status)
  SELECT u.id, o.status, u.status FROM upserted u LEFT JOIN old o USING (source, external_id)
  WHERE o.status IS DISTINCT FROM u.status
), written AS (
  SELECT i.ord, o.id IS NULL AS created, u.id IS NOT NULL AS changed, o.status AS previous_status, o.customer_id AS previous_customer_id,
         CASE WHEN o.status IN ${SALES} THEN o.amount_value ELSE 0 END AS previous_sale,
         CASE WHEN i.status IN ${SALES} THEN i.amount_value ELSE 0 END AS sale,
         ${STORED.map(([c]) => `CASE WHEN u.id IS NULL THEN o.${c} ELSE u.${c} END AS ${c}`).join(', ')}
  FROM input i LEFT JOIN upserted u USING (source, external_id) LEFT JOIN old o USING (source, external_id)
), deltas AS (
  SELECT id, sum(delta) AS delta FROM (
    SELECT previous_customer_id AS id, -previous_sale AS delta FROM written WHERE changed AND previous_customer_id IS NOT NULL
    UNION ALL SELECT customer_id, sale FROM written WHERE changed
  ) d GROUP BY id HAVING sum(delta) <> 0
), locked AS (
  SELECT v.customer_id AS id FROM customer_values v JOIN deltas d ON d.id = v.customer_id ORDER BY v.customer_id FOR NO KEY UPDATE OF v
), lifetime AS (
  UPDATE customer_values v SET lifetime_value = v.lifetime_value + d.delta FROM deltas d JOIN locked USING (id) WHERE v.customer_id = d.id
), audit AS (
  INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, details, ip)
  SELECT $16, $17::uuid, CASE WHEN created THEN 'booking.create' ELSE 'booking.update' END, 'booking', id::text,
         jsonb_build_object('source', source, 'externalId', external_id, 'status', status, 'previousStatus', previous_status, 'customerId', customer_id), $18::inet
  FROM written WHERE changed ORDER BY ord
)
-- Named as the entity's properties, dates as text (YYYY-MM-DD, as the entity holds them).
SELECT created, changed, ${STORED.map(([c, p]) => `${DATES.has(c) ? `${c}::text` : c} AS "${p}"`).join(', ')} FROM written ORDER BY ord`;

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Rows must have distinct (source, externalId); the caller holds locks on those keys. `by` goes into the audit rows. */
  async upsert(m: EntityManager, rows: BookingRow[], by: AuditActor): Promise<UpsertOutcome[]> {
    if (!rows.length) return [];
    const params = [...FIELDS.map((f) => rows.map((r) => r[f])), by.actorType, by.actorId, by.ip];
    // A single booking (a PUT) is a named statement, parsed once per connection; a batch stays unnamed, so no plan
    // PostgreSQL settles on for one row is ever reused for a thousand.
    const out: (BookingEntity & { created: boolean; changed: boolean })[] =
      rows.length === 1 ? await queryPrepared(m, 'booking_upsert_one', UPSERT_SQL, params) : await m.query(UPSERT_SQL, params);
    return out.map(({ created, changed, ...stored }) => ({ created, changed, booking: Object.assign(new BookingEntity(), stored) }));
  }

  /**
   * Recomputes customers' lifetime values (customer_values, the list's "value" sort) from their bookings: after
   * a merge. Rows are locked in id order so two batches touching the same customers cannot deadlock. `totals` is
   * MATERIALIZED: inlined, its per-customer sum ran twice (once for the filter, once for the SET).
   */
  async refreshLifetimeValues(m: EntityManager, customerIds: string[]): Promise<void> {
    if (!customerIds.length) return;
    await m.query(
      `WITH locked AS (SELECT customer_id AS id FROM customer_values WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id FOR NO KEY UPDATE),
            totals AS MATERIALIZED (
              SELECT l.id, coalesce((SELECT sum(b.amount_value) FROM bookings b WHERE b.customer_id = l.id AND b.status IN ${SALES}), 0) AS total
              FROM locked l
            )
       UPDATE customer_values v SET lifetime_value = t.total FROM totals t WHERE v.customer_id = t.id AND v.lifetime_value <> t.total`,
      [customerIds],
    );
  }

  async findById(id: string): Promise<BookingEntity | null> {
    return this.dataSource.getRepository(BookingEntity).findOneBy({ id });
  }

  async findByKey(source: string, externalId: string): Promise<BookingEntity | null> {
    return this.dataSource.getRepository(BookingEntity).findOneBy({ source, externalId });
  }

  /** A customer's booking by its id in whichever system it came from (staff know the number, not the system). */
  async findOfCustomer(customerId: string, externalId: string): Promise<BookingEntity | null> {
    return this.dataSource.getRepository(BookingEntity).findOne({ where: { customerId, externalId }, order: { bookedAt: 'DESC' } });
  }

  async findByIds(m: EntityManager, ids: string[]): Promise<BookingEntity[]> {
    return ids.length ? m.getRepository(BookingEntity).createQueryBuilder('b').where('b.id = ANY(:ids)', { ids }).getMany() : [];
  }

  async statusHistory(bookingIds: string[]): Promise<BookingStatusChangeEntity[]> {
    if (!bookingIds.length) return [];
    return this.dataSource
      .getRepository(BookingStatusChangeEntity)
      .createQueryBuilder('h')
      .where('h.booking_id = ANY(:ids)', { ids: bookingIds })
      .orderBy('h.at', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
  }

  /** Newest bookings first, keyset-paged on (booked_at, id). */
  async list(f: BookingFilter, limit: number, after: unknown[] | null): Promise<BookingEntity[]> {
    const qb = this.dataSource.getRepository(BookingEntity).createQueryBuilder('b');
    if (f.restrictToOwner) qb.andWhere('b.customer_id IN (SELECT id FROM customers WHERE owner_id = :me)', { me: f.restrictToOwner });
    if (f.customerId) qb.andWhere('b.customer_id = :customerId', { customerId: f.customerId });
    if (f.source) qb.andWhere('b.source = :source', { source: f.source });
    if (f.status) qb.andWhere('b.status = :status', { status: f.status });
    if (f.destination) qb.andWhere('b.destination = :destination', { destination: f.destination });
    if (f.departureFrom) qb.andWhere('b.departure_date >= :from', { from: f.departureFrom });
    if (f.departureTo) qb.andWhere('b.departure_date <= :to', { to: f.departureTo });
    if (after) qb.andWhere('(b.booked_at, b.id) < (:afterAt, :afterId)', { afterAt: after[0], afterId: after[1] });
    return qb.orderBy('b.booked_at', 'DESC').addOrderBy('b.id', 'DESC').limit(limit + 1).getMany();
  }

  /** The value figures of one customer from its bookings, as of `now`; one indexed pass over its bookings. */
  async customerValue(customerId: string, now: Date): Promise<CustomerValueRow> {
    const rows: CustomerValueRow[] = await this.dataSource.query(
      `WITH b AS (SELECT * FROM bookings WHERE customer_id = $1),
            s AS (SELECT * FROM b WHERE status IN ${SALES}),
            due AS (
              SELECT paid_at, payment_due_at, coalesce(paid_at, $2) > payment_due_at AS late FROM s
              WHERE payment_due_at IS NOT NULL AND (paid_at IS NOT NULL OR payment_due_at < $2)
            )
       SELECT
         (SELECT coalesce(sum(amount_value), 0) FROM s)::text AS lifetime_value,
         (SELECT coalesce(sum(amount_value), 0) FROM s WHERE booked_at > $2::timestamptz - interval '12 months')::text AS sales_last_12_months,
         (SELECT count(*) FROM s)::int AS trips,
         (SELECT min(departure_date)::text FROM s) AS first_trip,
         (SELECT max(departure_date)::text FROM s) AS last_trip,
         (SELECT count(*) FROM b WHERE status = 'inquiry')::int AS open_inquiries,
         (SELECT count(*) FROM b WHERE status = 'cancelled')::int AS cancelled,
         (SELECT count(*) FROM due)::int AS payments_due,
         (SELECT count(*) FROM due WHERE late)::int AS paid_late,
         (SELECT round(avg(extract(epoch FROM coalesce(paid_at, $2) - payment_due_at) / 86400)::numeric, 1) FROM due WHERE late)::float AS average_days_late,
         (SELECT coalesce(json_agg(t), '[]') FROM (SELECT destination AS key, count(*)::int AS trips, sum(amount_value)::text AS sales FROM s WHERE destination IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT 5) t) AS destinations,
         (SELECT coalesce(json_agg(t), '[]') FROM (SELECT category AS key, count(*)::int AS trips, sum(amount_value)::text AS sales FROM s WHERE category IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT 7) t) AS categories,
         (SELECT coalesce(json_agg(t ORDER BY t.month), '[]') FROM (SELECT extract(month FROM departure_date)::int AS month, count(*)::int AS trips FROM s WHERE departure_date IS NOT NULL GROUP BY 1) t) AS months`,
      [customerId, now],
    );
    return rows[0];
  }

  /** Moves every booking of one customer to another (merge); returns how many. */
  async moveToCustomer(m: EntityManager, fromCustomerId: string, toCustomerId: string): Promise<number> {
    const [, count] = await m.query(`UPDATE bookings SET customer_id = $2, updated_at = now() WHERE customer_id = $1`, [fromCustomerId, toCustomerId]);
    return Number(count);
  }
}

export interface CustomerValueRow {
  lifetime_value: string;
  sales_last_12_months: string;
  trips: number;
  first_trip: string | null;
  last_trip: string | null;
  open_inquiries: number;
  cancelled: number;
  payments_due: number;
  paid_late: number;
  average_days_late: number | null;
  destinations: { key: string; trips: number; sales: string }[];
  categories: { key: string; trips: number; sales: string }[];
  months: { month: number; trips: number }[];
}
