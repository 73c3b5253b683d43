import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Health, HealthPolicy } from './health-score';
import { HealthPolicyEntity } from './lifecycle.entity';
import type { Stage } from './lifecycle-stage';

/** $1 asOf, $2 the agency time zone, $3 contacts the tier's cadence asks for in 90 days ({"A": 3, …}). */
const AS_OF_DAY = `($1::timestamptz AT TIME ZONE $2)::date`;

/**
 * Every live customer's facts for the health score and the stage as of $1, into a table for this transaction:
 * purchases as the churn-score histories count them (sales known at asOf, one per agency day), sales of the
 * last 12 months and the 12 before, interactions and visits done in the last 90 days, complaints of the last
 * 24 months (and any still open at asOf, by their events), and P(alive) as this run just stored it.
 */
const FACTS = `
INSERT INTO lifecycle_facts
WITH days AS (
  SELECT b.customer_id, (b.booked_at AT TIME ZONE $2)::date AS d, sum(b.amount_value) AS v
  FROM bookings b WHERE b.status IN ('confirmed', 'completed') AND b.booked_at <= $1
  GROUP BY 1, 2
), ranked AS (
  SELECT customer_id, d, v, d - lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS gap,
    row_number() OVER (PARTITION BY customer_id ORDER BY d DESC) AS rn
  FROM days
), p AS (
  SELECT customer_id, count(*)::int AS purchases, ${AS_OF_DAY} - max(d) AS days_since_last, max(d) - min(d) AS span_days,
    max(gap) FILTER (WHERE rn = 1) AS last_gap_days,
    count(*) FILTER (WHERE d > (${AS_OF_DAY} - interval '12 months')::date)::int AS trips_last,
    count(*) FILTER (WHERE d <= (${AS_OF_DAY} - interval '12 months')::date AND d > (${AS_OF_DAY} - interval '24 months')::date)::int AS trips_prior,
    coalesce(sum(v) FILTER (WHERE d > (${AS_OF_DAY} - interval '12 months')::date), 0)::bigint AS value_last,
    coalesce(sum(v) FILTER (WHERE d <= (${AS_OF_DAY} - interval '12 months')::date AND d > (${AS_OF_DAY} - interval '24 months')::date), 0)::bigint AS value_prior
  FROM ranked GROUP BY customer_id
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
SELECT c.id, c.quadrant IN ('large_loyal', 'small_loyal') AS loyal, (c.prediction->>'pAlive')::float8 AS p_alive,
  coalesce(p.purchases, 0), p.days_since_last, p.span_days, p.last_gap_days,
  coalesce(p.trips_last, 0), coalesce(p.trips_prior, 0), coalesce(p.value_last, 0), coalesce(p.value_prior, 0),
  coalesce(i.n, 0), ($3::jsonb ->> c.tier)::float8,
  coalesce(k.total, 0), coalesce(k.open, 0), coalesce(k.breached, 0), coalesce(k.severe, 0), coalesce(k.recent, 0)
FROM customers c
LEFT JOIN p ON p.customer_id = c.id
LEFT JOIN i ON i.customer_id = c.id
LEFT JOIN k ON k.customer_id = c.id
WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL`;

/** One customer's row of lifecycle_facts. */
export interface FactsRow {
  id: string;
  loyal: boolean;
  p_alive: number | null;
  purchases: number;
  days_since_last: number | null;
  span_days: number | null;
  last_gap_days: number | null;
  trips_last: number;
  trips_prior: number;
  value_last: string;
  value_prior: string;
  interactions: number;
  expected: number | null;
  c_total: number;
  c_open: number;
  c_breached: number;
  c_severe: number;
  c_recent: number;
}

/**
 * Writes a batch's health and stage where they changed, in one statement: the stage's move goes to its
 * history, and so does the score when it or its band moved. A rerun with the same asOf finds nothing changed.
 * Plays ride on the band's moves: an A or B customer turning red starts one (due 3 agency days after asOf, $6
 * the agency time zone) with an outbox event for its owner; leaving red ends the open one. The partial unique
 * index keeps one open play per customer, however often the job runs.
 */
const STORE = `
WITH n AS (
  SELECT * FROM unnest($2::uuid[], $3::text[]::jsonb[], $4::text[]) AS n(id, health, stage)
), changed AS (
  SELECT c.id, c.lifecycle_stage AS old_stage, n.stage, c.health AS old_health, n.health
  FROM customers c JOIN n ON n.id = c.id
  WHERE c.lifecycle_stage IS DISTINCT FROM n.stage OR c.health IS DISTINCT FROM n.health
), updated AS (
  UPDATE customers c SET lifecycle_stage = ch.stage, health = ch.health FROM changed ch WHERE c.id = ch.id
  RETURNING ch.*, c.tier, c.owner_id, c.name
), stages AS (
  INSERT INTO lifecycle_stage_changes (customer_id, from_stage, to_stage, as_of)
  SELECT id, old_stage, stage, $1 FROM updated WHERE old_stage IS DISTINCT FROM stage
  ON CONFLICT (customer_id, as_of) DO UPDATE SET to_stage = excluded.to_stage
  RETURNING 1
), scores AS (
  INSERT INTO customer_health_scores (customer_id, as_of, score, band, policy_version)
  SELECT id, $1, (health->>'score')::int, health->>'band', $5 FROM updated
  WHERE (old_health->>'score') IS DISTINCT FROM (health->>'score') OR (old_health->>'band') IS DISTINCT FROM (health->>'band')
  ON CONFLICT (customer_id, as_of) DO UPDATE SET score = excluded.score, band = excluded.band, policy_version = excluded.policy_version
  RETURNING 1
), ended AS (
  UPDATE lifecycle_plays p SET ended_at = $1 FROM updated u
  WHERE p.customer_id = u.id AND p.ended_at IS NULL AND (u.health->>'band') IS DISTINCT FROM 'red'
  RETURNING 1
), plays AS (
  INSERT INTO lifecycle_plays (customer_id, owner_id, started_at, due_on)
  SELECT id, owner_id, $1, ($1::timestamptz AT TIME ZONE $6)::date + 3 FROM updated
  WHERE tier IN ('A', 'B') AND health->>'band' = 'red' AND (old_health->>'band') IS DISTINCT FROM 'red'
  ON CONFLICT (customer_id) WHERE ended_at IS NULL DO NOTHING
  RETURNING id, customer_id, owner_id, due_on
), told AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'lifecycle.play', jsonb_build_object('playId', p.id, 'userId', p.owner_id, 'customerId', p.customer_id, 'customerName', u.name,
    'tier', u.tier, 'score', (u.health->>'score')::int, 'dueOn', p.due_on)
  FROM plays p JOIN updated u ON u.id = p.customer_id
  RETURNING 1
)
SELECT (SELECT count(*) FROM updated)::int AS changed, (SELECT count(*) FROM stages)::int AS "stageChanges",
  (SELECT count(*) FROM told)::int AS plays, (SELECT count(*) FROM ended)::int AS "playsEnded"`;

export interface StoreResult {
  changed: number;
  stageChanges: number;
  /** Plays started (each with its outbox event) and ended. */
  plays: number;
  playsEnded: number;
}

export interface ScoredCustomer {
  id: string;
  health: Health | null;
  stage: Stage;
}

/** The set-based half of the nightly health and stage step; the scoring itself is the pure functions'. */
@Injectable()
export class LifecycleStagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Builds this transaction's facts table; returns how many customers it holds. */
  async buildFacts(m: EntityManager, asOf: Date, timeZone: string, expectedByTier: Record<string, number>): Promise<number> {
    await m.query(`CREATE TEMP TABLE lifecycle_facts (
      id uuid PRIMARY KEY, loyal boolean, p_alive float8, purchases int NOT NULL, days_since_last int, span_days int, last_gap_days int,
      trips_last int NOT NULL, trips_prior int NOT NULL, value_last bigint NOT NULL, value_prior bigint NOT NULL,
      interactions int NOT NULL, expected float8, c_total int NOT NULL, c_open int NOT NULL, c_breached int NOT NULL, c_severe int NOT NULL, c_recent int NOT NULL
    ) ON COMMIT DROP`);
    await m.query(FACTS, [asOf, timeZone, JSON.stringify(expectedByTier)]);
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM lifecycle_facts');
    return n;
  }

  /** The median usual gap (days between purchases) of the customers who bought more than once; null when none has. */
  async typicalGapDays(m: EntityManager): Promise<number | null> {
    const [{ days }] = await m.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY span_days::float8 / (purchases - 1)) AS days FROM lifecycle_facts WHERE purchases > 1`,
    );
    return days;
  }

  /** The next batch of facts after the customer id `after` (keyset order). */
  factsBatch(m: EntityManager, after: string | null, limit: number): Promise<FactsRow[]> {
    return m.query(
      `SELECT * FROM lifecycle_facts WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      [after, limit],
    );
  }

  async store(m: EntityManager, asOf: Date, timeZone: string, policyVersion: number, batch: readonly ScoredCustomer[]): Promise<StoreResult> {
    const [row] = await m.query(STORE, [
      asOf,
      batch.map((c) => c.id),
      batch.map((c) => (c.health ? JSON.stringify(c.health) : null)),
      batch.map((c) => c.stage),
      policyVersion,
      timeZone,
    ]);
    return row;
  }

  /** At-risk customers by value × risk (lifetime value × (100 − health) / 100), highest first, after the cursor's (priority, id). */
  atRisk(ownerId: string | null, after: [string, string] | null, limit: number): Promise<{ id: string; priority: string }[]> {
    return this.dataSource.query(
      `SELECT id, priority::text FROM (
         SELECT c.id, c.lifetime_value * (100 - (c.health->>'score')::int) / 100 AS priority
         FROM customers c
         WHERE c.lifecycle_stage = 'at_risk' AND c.health IS NOT NULL AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
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
      `SELECT lifecycle_stage AS stage, count(*)::int AS customers FROM customers
       WHERE deleted_at IS NULL AND merged_into_id IS NULL AND ($1::uuid IS NULL OR owner_id = $1)
       GROUP BY lifecycle_stage`,
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
