import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerTierChangeEntity, TierPolicyEntity } from './tiering.entity';
import { TierRules, Windows } from './tier-policy';

/**
 * The policy of tier-policy.ts as set-based SQL over all customers: one statement computes every
 * customer's tier, quadrant, flags and reason. Integer arithmetic throughout (shares compared as
 * hundredths of a percent), so it agrees with the pure function to the last fen; a test checks that.
 * Parameters: $1 asOf, $2 sales window start, $3 loyalty window start, $4 loyalty "recent" start,
 * $5 signal window start, $6 the signal window before it, $7 A line, $8 B line, $9 late count,
 * $10 late share, $11 loyalty bookings, $12 declining drop, $13 rising factor (all ×100).
 */

/** A customer's figures from their sales (`bookings b` restricted by SALES); the reason shows them. */
const FIGURES = `
  sum(b.amount_value) FILTER (WHERE b.booked_at > $2) AS sales,
  count(*) FILTER (WHERE b.booked_at > $2 AND b.payment_due_at IS NOT NULL) AS due,
  count(*) FILTER (WHERE b.booked_at > $2 AND b.payment_due_at IS NOT NULL
    AND NOT (b.paid_at IS NOT NULL AND b.paid_at <= $1 AND b.paid_at <= b.payment_due_at)
    AND NOT ((b.paid_at IS NULL OR b.paid_at > $1) AND b.payment_due_at >= $1)) AS late,
  count(*) FILTER (WHERE b.booked_at > $3) AS loyal,
  max(b.booked_at) FILTER (WHERE b.booked_at > $3) AS last_sale,
  sum(b.amount_value) FILTER (WHERE b.booked_at > $5) AS recent_sales,
  sum(b.amount_value) FILTER (WHERE b.booked_at > $6 AND b.booked_at <= $5) AS prior_sales,
  count(*) FILTER (WHERE b.booked_at > $5) AS recent_trips,
  count(*) FILTER (WHERE b.booked_at > $6 AND b.booked_at <= $5) AS prior_trips`;
const SALES = `b.status IN ('confirmed', 'completed') AND b.booked_at <= $1 AND b.booked_at > least($2::timestamptz, $3::timestamptz, $6::timestamptz)`;

/** The quadrant and flags that go with `tier` (a column or expression), given the booleans decided in `facts`. */
const quadrantOf = (tier: string) => `CASE
  WHEN ${tier} IN ('A', 'B') THEN CASE WHEN is_loyal THEN 'large_loyal' ELSE 'large_disloyal' END
  WHEN ${tier} IS NOT NULL THEN CASE WHEN is_loyal THEN 'small_loyal' ELSE 'small_disloyal' END END`;
/** Constant arrays, not built per row: each flag belongs to one tier, so there is at most one. */
const flagsOf = (tier: string) => `CASE
  WHEN ${tier} = 'A' AND pays_late THEN '{creditRisk}'::text[] WHEN ${tier} = 'B' AND falling THEN '{declining}'::text[]
  WHEN ${tier} = 'C' AND rising THEN '{risingStar}'::text[] ELSE '{}'::text[] END`;

const DECIDE = `
facts AS (
  -- Bookings are summed per customer first, then joined: one hash join instead of a merge over a million wide rows.
  -- All that does not depend on the ranking is reduced to booleans before it (NULL, for no sales, counts as false),
  -- so the ranking sorts narrow rows. \`kept\`: the stored quadrant and flags are those of the stored tier under
  -- today's figures, so that only a new tier can change the customer.
  SELECT c.id, c.created_at, c.tier AS old_tier, coalesce(s.sales, 0) AS sales, s.pays_late, s.is_loyal, s.falling, s.rising,
    (c.quadrant, c.tier_flags) IS NOT DISTINCT FROM (${quadrantOf('c.tier')}, ${flagsOf('c.tier')}) AS kept
  FROM customers c
  LEFT JOIN (
    SELECT customer_id, sales,
      late >= $9 AND late * 10000 >= $10 * due AS pays_late,
      loyal >= $11 AND last_sale > $4 AS is_loyal,
      (prior_sales > 0 AND (prior_sales - coalesce(recent_sales, 0)) * 10000 >= $12 * prior_sales)
        OR (prior_trips > 0 AND (prior_trips - recent_trips) * 10000 >= $12 * prior_trips) AS falling,
      recent_sales > 0 AND recent_sales * 100 >= $13 * coalesce(prior_sales, 0) AS rising
    FROM (SELECT b.customer_id, ${FIGURES} FROM bookings b WHERE ${SALES} GROUP BY b.customer_id) a
  ) s ON s.customer_id = c.id
  WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL
  OFFSET 0 -- computed here, below the sort (a subquery the planner may not flatten)
), ranked AS (
  -- The running sum and the rank share one window (one WindowAgg); the totals take another.
  SELECT f.*, sum(sales) OVER w - sales AS before, row_number() OVER w AS rank,
    sum(sales) OVER () AS total, count(*) FILTER (WHERE sales > 0) OVER () AS sellers
  FROM facts f
  WINDOW w AS (ORDER BY sales DESC, created_at, id ROWS UNBOUNDED PRECEDING)
), decided AS (
  SELECT r.*,
    CASE WHEN sales = 0 THEN NULL WHEN before * 10000 < $7 * total THEN 'A' WHEN pays_late THEN 'D' WHEN before * 10000 < $8 * total THEN 'B' ELSE 'C' END AS tier
  FROM ranked r
  OFFSET 0 -- computed once per row, not inlined into every expression below that reads the tier
), final AS (
  SELECT id, sales, rank, before, total, sellers, tier, old_tier, pays_late, is_loyal, falling, rising,
    tier IS DISTINCT FROM old_tier OR NOT kept AS changed
  FROM decided
)`;

/**
 * Decides every customer's tier and keeps what changed in retier_changes, to be written in chunks (WRITE_SQL);
 * returns how many changed and the tiers' summary. Locks no customer.
 */
const DECIDE_CHANGES_SQL = `
WITH ${DECIDE},
diff AS (
  -- Quadrant, flags and reason are built only for the customers that changed, the reason's figures summed again from
  -- their own bookings (an index probe each): for every customer, or carried through the ranking, they were most of the work.
  SELECT f.id, f.sales, f.tier, f.old_tier, ${quadrantOf('f.tier')} AS quadrant, ${flagsOf('f.tier')} AS flags,
    c.quadrant AS old_quadrant, c.tier_flags AS old_flags, c.owner_id, c.name,
    jsonb_build_object(
      'sales', f.sales, 'rank', CASE WHEN f.sales > 0 THEN f.rank END,
      'shareBeforePercent', CASE WHEN f.sales > 0 AND f.total > 0 THEN (trunc(f.before::numeric * 10000 / f.total) / 100)::float8 END,
      'dueBookings', s.due, 'lateBookings', s.late, 'salesBookingsForLoyalty', s.loyal,
      'lastSaleAt', to_char(s.last_sale AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'recentSales', coalesce(s.recent_sales, 0), 'priorSales', coalesce(s.prior_sales, 0), 'recentTrips', s.recent_trips, 'priorTrips', s.prior_trips
    ) AS reason
  FROM final f JOIN customers c ON c.id = f.id
  CROSS JOIN LATERAL (SELECT ${FIGURES} FROM bookings b WHERE b.customer_id = f.id AND ${SALES}) s
  WHERE f.changed
), stashed AS (
  INSERT INTO retier_changes SELECT id, sales, tier, old_tier, quadrant, flags, old_quadrant, old_flags, owner_id, name, reason FROM diff
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM stashed)::int AS changed,
  (SELECT coalesce(json_agg(t ORDER BY t.tier NULLS LAST), '[]') FROM (
     SELECT tier, count(*)::int AS customers, sum(sales)::text AS sales FROM final GROUP BY tier) t) AS tiers,
  (SELECT coalesce(json_agg(p ORDER BY p.percentile), '[]') FROM (
     -- ntile(100) over the customers with sales (ranks 1…sellers) without sorting again: of q = sellers / 100 customers
     -- each, the first sellers % 100 percentiles hold one more. Sales being positive, a percentile's cumulative share is
     -- that of its last customer.
     SELECT percentile, ((before + sales)::numeric * 10000 / total / 100)::float8 AS cumulative_share_percent
     FROM (SELECT before, sales, total, rank, q, r,
             CASE WHEN rank <= r * (q + 1) THEN (rank + q) / (q + 1) ELSE r + (rank - r * (q + 1) + q - 1) / q END AS percentile
           FROM (SELECT before, sales, total, rank, sellers / 100 AS q, sellers % 100 AS r FROM final WHERE sales > 0) f) s
     WHERE rank = percentile * q + least(percentile, r)) p) AS pareto`;

/**
 * Writes the next $3 changes in id order: tier, history and a tier.changed event per customer, in one statement
 * ($1 asOf, $2 policy version). Rows are locked in id order, so two writers of the same customers cannot
 * deadlock, and a chunk holds its rows for a moment, not for the whole run.
 */
const WRITE_SQL = `
WITH d AS (
  DELETE FROM retier_changes WHERE id IN (SELECT id FROM retier_changes ORDER BY id LIMIT $3) RETURNING *
), locked AS (
  SELECT c.id FROM customers c JOIN d ON d.id = c.id ORDER BY c.id FOR NO KEY UPDATE OF c
), updated AS (
  UPDATE customers c SET tier = d.tier, quadrant = d.quadrant, tier_flags = d.flags, tier_reason = d.reason, tier_changed_at = $1
  FROM d JOIN locked l ON l.id = d.id WHERE c.id = d.id
  RETURNING c.id
), history AS (
  INSERT INTO customer_tier_changes (customer_id, from_tier, to_tier, from_quadrant, to_quadrant, from_flags, to_flags, sales, policy_version, as_of)
  SELECT id, old_tier, tier, old_quadrant, quadrant, old_flags, flags, sales, $2, $1 FROM d
), events AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'tier.changed', jsonb_build_object('customerId', id, 'customerName', name, 'ownerId', owner_id, 'fromTier', old_tier, 'toTier', tier,
    'fromFlags', old_flags, 'toFlags', flags, 'quadrant', quadrant, 'asOf', $1::timestamptz)
  FROM d
)
SELECT count(*)::int AS written FROM updated`;

/** Customers written per transaction. */
const WRITE_CHUNK = 5_000;

/** What would move between tiers under other rules, written nowhere. */
const PREVIEW_SQL = `
WITH ${DECIDE}
SELECT old_tier AS "from", tier AS "to", count(*)::int AS customers
FROM final
GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2 NULLS LAST`;

export interface ApplyResult {
  changed: number;
  tiers: { tier: string | null; customers: number; sales: string }[];
  pareto: { percentile: number; cumulative_share_percent: number }[];
}

/** `retier` runs one at a time: a second run waits, then finds nothing to change. */
const RETIER_LOCK = 'retier';

@Injectable()
export class TieringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Decides first, then writes the changes in chunks, each its own transaction, on one connection that holds the
   * job's lock throughout. A run killed midway leaves some chunks written, each whole with its history and event;
   * the next run decides again and finds only the rest changed, so every change is recorded once.
   */
  async apply(rules: TierRules, w: Windows, policyVersion: number): Promise<ApplyResult> {
    const db = this.dataSource.createQueryRunner();
    await db.connect();
    try {
      await db.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [RETIER_LOCK]);
      // The ranking sorts every customer: in memory rather than in temporary files.
      await db.query(`SET work_mem = '256MB'`);
      await db.query(`CREATE TEMP TABLE retier_changes (
        id uuid PRIMARY KEY, sales bigint, tier varchar(1), old_tier varchar(1), quadrant varchar(20), flags text[],
        old_quadrant varchar(20), old_flags text[], owner_id uuid, name text, reason jsonb)`);
      const [decided] = await db.query(DECIDE_CHANGES_SQL, params(rules, w));
      for (let written = -1; written !== 0; ) {
        await db.startTransaction();
        [{ written }] = await db.query(WRITE_SQL, [w.asOf, policyVersion, WRITE_CHUNK]);
        await db.commitTransaction();
      }
      return decided as ApplyResult;
    } finally {
      // The lock, the temporary table and the setting belong to the connection: end them before it returns to the pool.
      if (db.isTransactionActive) await db.rollbackTransaction().catch(() => undefined);
      await db.query('DISCARD ALL').catch(() => undefined);
      await db.release();
    }
  }

  preview(rules: TierRules, w: Windows): Promise<{ from: string | null; to: string | null; customers: number }[]> {
    return this.dataSource.query(PREVIEW_SQL, params(rules, w));
  }

  currentPolicy(): Promise<TierPolicyEntity | null> {
    return this.dataSource.getRepository(TierPolicyEntity).findOne({ where: {}, order: { version: 'DESC' } });
  }

  policyHistory(limit: number): Promise<TierPolicyEntity[]> {
    return this.dataSource.getRepository(TierPolicyEntity).find({ order: { version: 'DESC' }, take: limit });
  }

  async savePolicy(m: EntityManager, values: Omit<TierPolicyEntity, 'version' | 'createdAt'>): Promise<TierPolicyEntity> {
    return m.getRepository(TierPolicyEntity).save(m.getRepository(TierPolicyEntity).create(values));
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  history(customerId: string, limit: number): Promise<CustomerTierChangeEntity[]> {
    return this.dataSource.getRepository(CustomerTierChangeEntity).find({ where: { customerId }, order: { at: 'DESC' }, take: limit });
  }

  /** Live counts per tier, per quadrant and per flag (the customers table, no bookings). */
  counts(): Promise<{ tier: string | null; quadrant: string | null; flag: string | null; customers: number }[]> {
    return this.dataSource.query(
      `SELECT tier, quadrant, NULL AS flag, count(*)::int AS customers FROM customers WHERE deleted_at IS NULL GROUP BY tier, quadrant
       UNION ALL
       SELECT NULL, NULL, flag, count(*)::int FROM customers, unnest(tier_flags) AS flag WHERE deleted_at IS NULL GROUP BY flag`,
    );
  }

  /** Owners of customers, for notifications. */
  async owners(m: EntityManager, customerIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; owner_id: string }[] = await m.query(`SELECT id, owner_id FROM customers WHERE id = ANY($1::uuid[])`, [customerIds]);
    return new Map(rows.map((r) => [r.id, r.owner_id]));
  }
}

const hundredths = (percent: number) => Math.round(percent * 100);

function params(r: TierRules, w: Windows): unknown[] {
  return [
    w.asOf, w.salesFrom, w.loyaltyFrom, w.loyaltyRecentFrom, w.signalFrom, w.signalPriorFrom,
    hundredths(r.aSharePercent), hundredths(r.bSharePercent), r.lateMinCount, hundredths(r.lateMinSharePercent),
    r.loyaltyMinBookings, hundredths(r.decliningDropPercent), hundredths(r.risingFactor),
  ];
}
