import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DayGroup, Prediction } from './churn-score';
import type { Health, HealthPolicy } from './health-score';
import { HealthPolicyEntity } from './lifecycle.entity';
import type { Stage } from './lifecycle-stage';

/** $1 asOf, $2 the agency time zone, $3 contacts the tier's cadence asks for in 90 days ({"A": 3, …}). */
const AS_OF_DAY = `($1::timestamptz AT TIME ZONE $2)::date`;
const SALE_DAY = `(b.booked_at AT TIME ZONE $2)::date`;
const YEAR_BEFORE = `(${AS_OF_DAY} - interval '12 months')::date`;
const TWO_YEARS_BEFORE = `(${AS_OF_DAY} - interval '24 months')::date`;

/**
 * Every live customer's facts as of $1 for the churn-score job, into a table for this transaction. One pass over
 * the sales bookings (known at asOf), sorted by customer and agency day, gives the purchase history the model
 * fits ((x, tₓ, T) in days: several sales on a day are one purchase), the health score's recency and trend (sales
 * of the last 12 months and the 12 before), the gap before the last purchase, and the next-trip inputs: the
 * earliest trip booked for later, else every departure so far. Then interactions and visits done in the last
 * 90 days, complaints of the last 24 months (and any still open at asOf, by their events), and the fingerprint
 * of what the last run stored.
 */
const FACTS = `
INSERT INTO lifecycle_facts
WITH s AS (
  SELECT b.customer_id, ${SALE_DAY} AS d, b.amount_value AS v, b.departure_date AS dep, b.return_date AS ret,
    lag(${SALE_DAY}) OVER (PARTITION BY b.customer_id ORDER BY ${SALE_DAY}) AS prev
  FROM bookings b WHERE b.status IN ('confirmed', 'completed') AND b.booked_at <= $1
), p AS (
  -- A row whose day differs from the one before starts a purchase day; the last of those follows the second-last day.
  SELECT customer_id, count(*) FILTER (WHERE prev IS DISTINCT FROM d)::int AS purchases,
    max(d) - min(d) AS span_days, ${AS_OF_DAY} - min(d) AS t_days, ${AS_OF_DAY} - max(d) AS days_since_last,
    max(d) - max(prev) FILTER (WHERE prev < d) AS last_gap_days,
    count(*) FILTER (WHERE prev IS DISTINCT FROM d AND d > ${YEAR_BEFORE})::int AS trips_last,
    count(*) FILTER (WHERE prev IS DISTINCT FROM d AND d <= ${YEAR_BEFORE} AND d > ${TWO_YEARS_BEFORE})::int AS trips_prior,
    coalesce(sum(v) FILTER (WHERE d > ${YEAR_BEFORE}), 0)::bigint AS value_last,
    coalesce(sum(v) FILTER (WHERE d <= ${YEAR_BEFORE} AND d > ${TWO_YEARS_BEFORE}), 0)::bigint AS value_prior,
    min(ARRAY[dep, coalesce(ret, dep)]) FILTER (WHERE dep > ${AS_OF_DAY}) AS booked,
    array_agg(dep - DATE '1970-01-01') FILTER (WHERE dep <= ${AS_OF_DAY}) AS past
  FROM s GROUP BY customer_id
), i AS (
  SELECT customer_id, count(*)::int AS n FROM (
    SELECT customer_id FROM customer_interactions WHERE at <= $1 AND at > $1::timestamptz - interval '90 days'
    UNION ALL
    SELECT customer_id FROM visits WHERE status = 'done' AND starts_at <= $1 AND starts_at > $1::timestamptz - interval '90 days'
  ) x GROUP BY customer_id
), k AS (
  SELECT k.customer_id,
    count(*) FILTER (WHERE k.received_at > $1::timestamptz - interval '24 months')::int AS total,
    count(*) FILTER (WHERE e.done_at IS NULL OR e.reopened_at > e.done_at)::int AS open,
    count(*) FILTER (WHERE k.received_at > $1::timestamptz - interval '24 months' AND s.breached)::int AS breached,
    count(*) FILTER (WHERE k.received_at > $1::timestamptz - interval '24 months' AND k.severity = 'major')::int AS severe,
    count(*) FILTER (WHERE k.received_at > $1::timestamptz - interval '90 days')::int AS recent
  FROM complaints k
  LEFT JOIN LATERAL (
    SELECT max(ev.at) FILTER (WHERE ev.type IN ('resolved', 'closed')) AS done_at, max(ev.at) FILTER (WHERE ev.type = 'reopened') AS reopened_at
    FROM complaint_events ev WHERE ev.complaint_id = k.id AND ev.at <= $1
  ) e ON true
  LEFT JOIN LATERAL (
    SELECT coalesce(bool_or(cl.breached_at <= $1), false) AS breached FROM complaint_sla_clocks cl WHERE cl.complaint_id = k.id
  ) s ON true
  WHERE k.received_at <= $1
  GROUP BY k.customer_id
)
SELECT c.id, c.quadrant IN ('large_loyal', 'small_loyal'), coalesce(p.purchases, 0), p.span_days, p.t_days, p.days_since_last, p.last_gap_days,
  coalesce(p.trips_last, 0), coalesce(p.trips_prior, 0), coalesce(p.value_last, 0), coalesce(p.value_prior, 0),
  p.booked[1]::text, p.booked[2]::text, CASE WHEN p.booked IS NULL THEN p.past END,
  coalesce(i.n, 0), ($3::jsonb ->> c.tier)::float8,
  coalesce(k.total, 0), coalesce(k.open, 0), coalesce(k.breached, 0), coalesce(k.severe, 0), coalesce(k.recent, 0),
  encode(l.fingerprint, 'hex')
FROM customers c
LEFT JOIN p ON p.customer_id = c.id
LEFT JOIN i ON i.customer_id = c.id
LEFT JOIN k ON k.customer_id = c.id
LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL`;

/** One customer's row of lifecycle_facts. */
export interface FactsRow {
  id: string;
  loyal: boolean;
  purchases: number;
  span_days: number | null;
  t_days: number | null;
  days_since_last: number | null;
  last_gap_days: number | null;
  trips_last: number;
  trips_prior: number;
  value_last: string;
  value_prior: string;
  /** The earliest trip booked for after asOf (YYYY-MM-DD); without one, every departure so far (days since 1970-01-01). */
  booked_from: string | null;
  booked_to: string | null;
  past: number[] | null;
  interactions: number;
  expected: number | null;
  c_total: number;
  c_open: number;
  c_breached: number;
  c_severe: number;
  c_recent: number;
  /** What the last run stored, hashed (hex); null before the first. */
  fingerprint: string | null;
}

/**
 * Writes a batch of customers whose fingerprint moved, in one statement: prediction, health and stage. The
 * stage's move goes to its history, and so does the score when it or its band moved. Plays ride on the band's
 * moves: an A or B customer turning red starts one (due 3 agency days after asOf, $3 the agency time zone) with
 * an outbox event for its owner; leaving red ends the open one. The partial unique index keeps one open play per
 * customer, however often the job runs. Counts compare the values themselves, not the fingerprints. The batch
 * comes as text ($2), a line per customer (see storedFields): split in place, where JSON or arrays would be
 * parsed and unescaped value by value.
 */
const STORE = `
WITH n AS (
  SELECT f[1]::uuid AS id, decode(f[2], 'hex') AS fingerprint, f[3] AS stage, f[4]::smallint AS score, f[5] AS band, f[6]::int AS policy_version,
    f[7]::float8 AS p_alive, f[8]::float8 AS trips, f[9]::date AS trip_from, f[10]::date AS trip_to, f[11] AS basis, f[12]::json AS reasons
  FROM string_to_table($2, E'\\n') AS line, string_to_array(line, E'\\t', '') AS f
), o AS (
  SELECT n.*, l.stage AS old_stage, l.health_score AS old_score, l.health_band AS old_band,
    (l.p_alive, l.expected_trips_52w, l.next_trip_from, l.next_trip_to, l.next_trip_basis) IS DISTINCT FROM (n.p_alive, n.trips, n.trip_from, n.trip_to, n.basis) AS prediction_moved,
    (l.health_score, l.health_band, l.health_policy_version, l.health_reasons::text) IS DISTINCT FROM (n.score, n.band, n.policy_version, n.reasons::text) AS health_moved
  FROM n LEFT JOIN customer_lifecycle l ON l.customer_id = n.id
), written AS (
  INSERT INTO customer_lifecycle (customer_id, stage, health_score, health_band, health_policy_version, health_reasons,
    p_alive, expected_trips_52w, next_trip_from, next_trip_to, next_trip_basis, fingerprint)
  SELECT id, stage, score, band, policy_version, reasons, p_alive, trips, trip_from, trip_to, basis, fingerprint FROM n
  ON CONFLICT (customer_id) DO UPDATE
  SET stage = excluded.stage, health_score = excluded.health_score, health_band = excluded.health_band, health_policy_version = excluded.health_policy_version,
    health_reasons = excluded.health_reasons, p_alive = excluded.p_alive, expected_trips_52w = excluded.expected_trips_52w,
    next_trip_from = excluded.next_trip_from, next_trip_to = excluded.next_trip_to, next_trip_basis = excluded.next_trip_basis, fingerprint = excluded.fingerprint
), updated AS (
  SELECT * FROM o WHERE old_stage IS DISTINCT FROM stage OR health_moved
), stages AS (
  INSERT INTO lifecycle_stage_changes (customer_id, from_stage, to_stage, as_of)
  SELECT id, old_stage, stage, $1 FROM updated WHERE old_stage IS DISTINCT FROM stage
  ON CONFLICT (customer_id, as_of) DO UPDATE SET to_stage = excluded.to_stage
  RETURNING 1
), scores AS (
  INSERT INTO customer_health_scores (customer_id, as_of, score, band, policy_version)
  SELECT id, $1, score, band, $4 FROM updated WHERE old_score IS DISTINCT FROM score OR old_band IS DISTINCT FROM band
  ON CONFLICT (customer_id, as_of) DO UPDATE SET score = excluded.score, band = excluded.band, policy_version = excluded.policy_version
  RETURNING 1
), ended AS (
  UPDATE lifecycle_plays p SET ended_at = $1 FROM updated u
  WHERE p.customer_id = u.id AND p.ended_at IS NULL AND u.band IS DISTINCT FROM 'red'
  RETURNING 1
), reds AS (
  -- Only those turning red read their customers row (read, not locked: the job never waits on a customer).
  SELECT u.id, u.score, c.tier, c.owner_id, c.name FROM updated u JOIN customers c ON c.id = u.id
  WHERE u.band = 'red' AND u.old_band IS DISTINCT FROM 'red'
), plays AS (
  INSERT INTO lifecycle_plays (customer_id, owner_id, started_at, due_on)
  SELECT id, owner_id, $1, ($1::timestamptz AT TIME ZONE $3)::date + 3 FROM reds WHERE tier IN ('A', 'B')
  ON CONFLICT (customer_id) WHERE ended_at IS NULL DO NOTHING
  RETURNING id, customer_id, owner_id, due_on
), told AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'lifecycle.play', jsonb_build_object('playId', p.id, 'userId', p.owner_id, 'customerId', p.customer_id, 'customerName', r.name,
    'tier', r.tier, 'score', r.score, 'dueOn', p.due_on)
  FROM plays p JOIN reds r ON r.id = p.customer_id
  RETURNING 1
)
SELECT (SELECT count(*) FROM o WHERE prediction_moved)::int AS predictions,
  (SELECT count(*) FROM updated)::int AS changed, (SELECT count(*) FROM stages)::int AS "stageChanges",
  (SELECT count(*) FROM told)::int AS plays, (SELECT count(*) FROM ended)::int AS "playsEnded"`;

export interface StoreResult {
  /** Customers whose prediction changed. */
  predictions: number;
  /** Customers whose health or stage changed, and the stage moves recorded. */
  changed: number;
  stageChanges: number;
  /** Plays started (each with its outbox event) and ended. */
  plays: number;
  playsEnded: number;
}

/**
 * One customer's results as STORE reads them, tab-separated, empty for null: stage, health score, band and policy
 * version, P(alive), expected trips, the next-trip window's from, to and basis, and last the reasons' JSON
 * (JSON.stringify escapes any tab or newline inside it). Its md5 is the customer's fingerprint.
 */
export function storedFields(prediction: Prediction | null, health: Health | null, stage: Stage): string {
  const w = prediction?.nextTripWindow;
  const h = health ? `${health.score}\t${health.band}\t${health.policyVersion}` : '\t\t';
  const p = prediction ? `${prediction.pAlive}\t${prediction.expectedTrips52w}` : '\t';
  const trip = w ? `${w.from}\t${w.to}\t${w.basis}` : '\t\t';
  return `${stage}\t${h}\t${p}\t${trip}\t${health ? JSON.stringify(health.reasons) : ''}`;
}

/** A customer whose results moved: their id, the fingerprint (hex) and storedFields. */
export interface ScoredCustomer {
  id: string;
  fingerprint: string;
  fields: string;
}

/** The set-based half of the nightly health and stage step; the scoring itself is the pure functions'. */
@Injectable()
export class LifecycleStagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Builds this transaction's facts table (no key and no statistics: it is read whole, by sequential scans). */
  async buildFacts(m: EntityManager, asOf: Date, timeZone: string, expectedByTier: Record<string, number>): Promise<void> {
    await m.query(`CREATE TEMP TABLE lifecycle_facts (
      id uuid NOT NULL, loyal boolean, purchases int NOT NULL, span_days int, t_days int, days_since_last int, last_gap_days int,
      trips_last int NOT NULL, trips_prior int NOT NULL, value_last bigint NOT NULL, value_prior bigint NOT NULL,
      booked_from text, booked_to text, past int[],
      interactions int NOT NULL, expected float8, c_total int NOT NULL, c_open int NOT NULL, c_breached int NOT NULL, c_severe int NOT NULL, c_recent int NOT NULL,
      fingerprint text
    ) ON COMMIT DROP`);
    await m.query(FACTS, [asOf, timeZone, JSON.stringify(expectedByTier)]);
  }

  /** The buyers' (x, tₓ, T) in days, grouped. In a fixed order: the fit sums over them, and another order could flip a rounded figure on a rerun. */
  async histories(m: EntityManager): Promise<DayGroup[]> {
    const rows: { x: number; tx_days: number; t_days: number; n: number }[] = await m.query(
      `SELECT purchases - 1 AS x, span_days AS tx_days, t_days, count(*)::int AS n FROM lifecycle_facts WHERE purchases > 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    return rows.map((r) => ({ x: r.x, txDays: r.tx_days, tDays: r.t_days, count: r.n }));
  }

  /** The median usual gap (days between purchases) of the customers who bought more than once; null when none has. */
  async typicalGapDays(m: EntityManager): Promise<number | null> {
    const [{ days }] = await m.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY span_days::float8 / (purchases - 1)) AS days FROM lifecycle_facts WHERE purchases > 1`,
    );
    return days;
  }

  /** Reads the facts table in batches of `size` rows, through one cursor (one scan, whatever the batch count). */
  async *facts(m: EntityManager, size: number): AsyncGenerator<FactsRow[]> {
    await m.query('DECLARE lifecycle_facts_cursor NO SCROLL CURSOR FOR SELECT * FROM lifecycle_facts');
    for (;;) {
      const rows: FactsRow[] = await m.query(`FETCH ${Math.trunc(size)} FROM lifecycle_facts_cursor`);
      if (!rows.length) break;
      yield rows;
    }
    await m.query('CLOSE lifecycle_facts_cursor');
  }

  async store(m: EntityManager, asOf: Date, timeZone: string, policyVersion: number, batch: readonly ScoredCustomer[]): Promise<StoreResult> {
    const lines = batch.map((c) => `${c.id}\t${c.fingerprint}\t${c.fields}`);
    const [row] = await m.query(STORE, [asOf, lines.join('\n'), timeZone, policyVersion]);
    return row;
  }

  /** At-risk customers by value × risk (lifetime value × (100 − health) / 100), highest first, after the cursor's (priority, id). */
  atRisk(ownerId: string | null, after: [string, string] | null, limit: number): Promise<{ id: string; priority: string }[]> {
    return this.dataSource.query(
      `SELECT id, priority::text FROM (
         SELECT c.id, v.lifetime_value * (100 - l.health_score) / 100 AS priority
         FROM customer_lifecycle l JOIN customers c ON c.id = l.customer_id JOIN customer_values v ON v.customer_id = c.id
         WHERE l.stage = 'at_risk' AND l.health_score IS NOT NULL AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
           AND ($1::uuid IS NULL OR c.owner_id = $1)
       ) r
       WHERE $2::bigint IS NULL OR (r.priority, r.id) < ($2::bigint, $3::uuid)
       ORDER BY r.priority DESC, r.id DESC LIMIT $4`,
      [ownerId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Live customers per stage (null: not scored yet). */
  funnel(ownerId: string | null): Promise<{ stage: string | null; customers: number }[]> {
    return this.dataSource.query(
      `SELECT l.stage, count(*)::int AS customers FROM customers c LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
       WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL AND ($1::uuid IS NULL OR c.owner_id = $1)
       GROUP BY l.stage`,
      [ownerId],
    );
  }

  stageHistory(customerId: string): Promise<{ from: string | null; to: string; asOf: Date }[]> {
    return this.dataSource.query(
      `SELECT from_stage AS "from", to_stage AS "to", as_of AS "asOf" FROM lifecycle_stage_changes WHERE customer_id = $1 ORDER BY as_of DESC LIMIT 200`,
      [customerId],
    );
  }

  healthHistory(customerId: string): Promise<{ score: number | null; band: string | null; policyVersion: number; asOf: Date }[]> {
    return this.dataSource.query(
      `SELECT score, band, policy_version AS "policyVersion", as_of AS "asOf" FROM customer_health_scores WHERE customer_id = $1 ORDER BY as_of DESC LIMIT 200`,
      [customerId],
    );
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  currentPolicyEntity(): Promise<HealthPolicyEntity | null> {
    return this.dataSource.getRepository(HealthPolicyEntity).findOne({ where: {}, order: { version: 'DESC' } });
  }

  async currentPolicy(): Promise<HealthPolicy | null> {
    const e = await this.currentPolicyEntity();
    return e && { version: e.version, weights: e.weights, bands: e.bands, defaultGapDays: e.defaultGapDays };
  }

  /** The next version, under a lock so two saves at once do not both take it; returns it. */
  async savePolicy(m: EntityManager, p: Omit<HealthPolicyEntity, 'version' | 'createdAt'>): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('health_policies', 0))`);
    const [{ version }] = await m.query(
      `INSERT INTO health_policies (version, weights, bands, default_gap_days, created_by, note)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM health_policies RETURNING version`,
      [JSON.stringify(p.weights), JSON.stringify(p.bands), p.defaultGapDays, p.createdBy, p.note],
    );
    return version;
  }
}
