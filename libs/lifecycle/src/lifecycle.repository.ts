import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BgNbdParams } from './bg-nbd';
import { DayGroup, GroupPrediction } from './churn-score';
import { LifecycleModelFitEntity } from './lifecycle.entity';

/** Sales bookings known at $1 (as tiering counts them); $2 is the agency time zone. */
const SALES = `b.status IN ('confirmed', 'completed') AND b.booked_at <= $1`;
const AS_OF_DAY = `($1::timestamptz AT TIME ZONE $2)::date`;

/** Every live customer's (x, tₓ, T) in days, purchase days on the agency calendar, into a table for this transaction. */
const HISTORIES = `
INSERT INTO churn_histories (id, x, tx_days, t_days)
SELECT p.customer_id, p.x, p.tx_days, p.t_days
FROM (
  SELECT b.customer_id, count(DISTINCT (b.booked_at AT TIME ZONE $2)::date)::int - 1 AS x,
    max((b.booked_at AT TIME ZONE $2)::date) - min((b.booked_at AT TIME ZONE $2)::date) AS tx_days,
    ${AS_OF_DAY} - min((b.booked_at AT TIME ZONE $2)::date) AS t_days
  FROM bookings b
  WHERE ${SALES}
  GROUP BY b.customer_id
) p
JOIN customers c ON c.id = p.customer_id
WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL`;

/**
 * Writes every live customer's prediction, only where it changed: the model's figures by group ($3…$9),
 * and the next-trip window of next-trip.ts — a trip booked for later, else the customer's season (a
 * departure month in two or more years, at its next occurrence not yet travelled), else the model's.
 */
const STORE = `
WITH g AS (
  SELECT * FROM unnest($3::int[], $4::int[], $5::int[], $6::float8[], $7::float8[], $8::int[], $9::int[])
    AS g(x, tx_days, t_days, p_alive, trips, from_days, to_days)
), trips AS (
  SELECT b.customer_id, b.departure_date AS d, coalesce(b.return_date, b.departure_date) AS r
  FROM bookings b WHERE ${SALES} AND b.departure_date IS NOT NULL
), booked AS (
  SELECT DISTINCT ON (customer_id) customer_id, d AS from_day, r AS to_day
  FROM trips WHERE d > ${AS_OF_DAY} ORDER BY customer_id, d, r
), past AS (
  SELECT customer_id, d FROM trips WHERE d <= ${AS_OF_DAY}
), last_trip AS (
  SELECT customer_id, max(d) AS d FROM past GROUP BY customer_id
), seasons AS (
  SELECT customer_id, extract(month FROM d)::int AS m FROM past
  GROUP BY customer_id, extract(month FROM d) HAVING count(DISTINCT extract(year FROM d)) >= 2
), seasonal AS (
  SELECT DISTINCT ON (s.customer_id) s.customer_id, greatest(o.start, ${AS_OF_DAY} + 1) AS from_day, (o.start + interval '1 month')::date - 1 AS to_day
  FROM seasons s
  JOIN last_trip l ON l.customer_id = s.customer_id
  CROSS JOIN LATERAL (VALUES (make_date(extract(year FROM ${AS_OF_DAY})::int, s.m, 1)),
                             (make_date(extract(year FROM ${AS_OF_DAY})::int + 1, s.m, 1))) o(start)
  WHERE (o.start + interval '1 month')::date - 1 > ${AS_OF_DAY} AND o.start > l.d
  ORDER BY s.customer_id, o.start
), fresh AS (
  SELECT h.id, jsonb_build_object('pAlive', g.p_alive, 'expectedTrips52w', g.trips, 'nextTripWindow',
    CASE WHEN bk.customer_id IS NOT NULL THEN jsonb_build_object('from', bk.from_day, 'to', bk.to_day, 'basis', 'booked')
         WHEN se.customer_id IS NOT NULL THEN jsonb_build_object('from', se.from_day, 'to', se.to_day, 'basis', 'seasonal')
         WHEN g.from_days IS NOT NULL THEN jsonb_build_object('from', ${AS_OF_DAY} + g.from_days, 'to', ${AS_OF_DAY} + g.to_days, 'basis', 'model')
    END) AS prediction
  FROM churn_histories h
  JOIN g ON (g.x, g.tx_days, g.t_days) = (h.x, h.tx_days, h.t_days)
  LEFT JOIN booked bk ON bk.customer_id = h.id
  LEFT JOIN seasonal se ON se.customer_id = h.id
), changed AS (
  SELECT c.id, f.prediction FROM customers c LEFT JOIN fresh f ON f.id = c.id
  WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.prediction IS DISTINCT FROM f.prediction
), updated AS (
  UPDATE customers c SET prediction = ch.prediction FROM changed ch WHERE c.id = ch.id RETURNING c.id
)
SELECT count(*)::int AS changed FROM updated`;

/** `churn-score` runs one at a time: a second run waits, then finds nothing to change. */
const CHURN_SCORE_LOCK = 'churn-score';

@Injectable()
export class LifecycleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, under the job's lock: a run killed midway leaves every prediction as it was. */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [CHURN_SCORE_LOCK]);
      // The histories and the lifecycle facts sort every sales booking by customer: in memory rather than in temporary files.
      await m.query(`SET LOCAL work_mem = '256MB'`);
      return work(m);
    });
  }

  /** Builds this transaction's histories and returns them grouped. */
  async histories(m: EntityManager, asOf: Date, timeZone: string): Promise<DayGroup[]> {
    await m.query(`CREATE TEMP TABLE churn_histories (id uuid PRIMARY KEY, x int NOT NULL, tx_days int NOT NULL, t_days int NOT NULL) ON COMMIT DROP`);
    await m.query(HISTORIES, [asOf, timeZone]);
    await m.query('ANALYZE churn_histories');
    const rows: { x: number; tx_days: number; t_days: number; n: number }[] = await m.query(
      // In a fixed order: the fit sums over the groups, and a different order could flip a rounded figure on a rerun.
      'SELECT x, tx_days, t_days, count(*)::int AS n FROM churn_histories GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
    );
    return rows.map((r) => ({ x: r.x, txDays: r.tx_days, tDays: r.t_days, count: r.n }));
  }

  /** Stores every customer's prediction (null without a sale); returns how many changed. */
  async storePredictions(m: EntityManager, asOf: Date, timeZone: string, groups: readonly GroupPrediction[]): Promise<number> {
    const column = <T>(f: (g: GroupPrediction) => T) => groups.map(f);
    const [row] = await m.query(STORE, [
      asOf,
      timeZone,
      column((g) => g.x),
      column((g) => g.txDays),
      column((g) => g.tDays),
      column((g) => g.pAlive),
      column((g) => g.expectedTrips52w),
      column((g) => g.window?.fromDays ?? null),
      column((g) => g.window?.toDays ?? null),
    ]);
    return row.changed;
  }

  async saveFit(m: EntityManager, asOf: Date, params: BgNbdParams, logLikelihood: number, customers: number): Promise<void> {
    await m.query(
      `INSERT INTO lifecycle_model_fits (as_of, r, alpha, a, b, log_likelihood, customers, fitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (as_of) DO UPDATE SET r = excluded.r, alpha = excluded.alpha, a = excluded.a, b = excluded.b,
         log_likelihood = excluded.log_likelihood, customers = excluded.customers, fitted_at = excluded.fitted_at`,
      [asOf, params.r, params.alpha, params.a, params.b, logLikelihood, customers],
    );
  }

  /** The fit behind the stored predictions: the last one made. */
  currentFit(): Promise<LifecycleModelFitEntity | null> {
    return this.dataSource.getRepository(LifecycleModelFitEntity).findOne({ where: {}, order: { fittedAt: 'DESC' } });
  }
}
