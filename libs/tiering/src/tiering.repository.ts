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
const DECIDE = `
facts AS (
  -- Bookings are summed per customer first, then joined: one hash join instead of a merge over a million wide rows.
  SELECT c.id, c.created_at, c.tier AS old_tier, c.quadrant AS old_quadrant, c.tier_flags AS old_flags,
    coalesce(a.sales, 0) AS sales, coalesce(a.due, 0) AS due, coalesce(a.late, 0) AS late, coalesce(a.loyal, 0) AS loyal, a.last_sale,
    coalesce(a.recent_sales, 0) AS recent_sales, coalesce(a.prior_sales, 0) AS prior_sales,
    coalesce(a.recent_trips, 0) AS recent_trips, coalesce(a.prior_trips, 0) AS prior_trips
  FROM customers c
  LEFT JOIN (
    SELECT b.customer_id,
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
      count(*) FILTER (WHERE b.booked_at > $6 AND b.booked_at <= $5) AS prior_trips
    FROM bookings b
    WHERE b.status IN ('confirmed', 'completed') AND b.booked_at <= $1 AND b.booked_at > least($2::timestamptz, $3::timestamptz, $6::timestamptz)
    GROUP BY b.customer_id
  ) a ON a.customer_id = c.id
  WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL
), ranked AS (
  SELECT f.*,
    sum(sales) OVER (ORDER BY sales DESC, created_at, id ROWS UNBOUNDED PRECEDING) - sales AS before,
    sum(sales) OVER () AS total,
    row_number() OVER (ORDER BY sales DESC, created_at, id) AS rank,
    (late >= $9 AND late * 10000 >= $10 * due) AS pays_late
  FROM facts f
), based AS (
  SELECT r.*,
    CASE WHEN sales = 0 THEN NULL WHEN before * 10000 < $7 * total THEN 'A' WHEN before * 10000 < $8 * total THEN 'B' ELSE 'C' END AS base
  FROM ranked r
), decided AS (
  SELECT b.*,
    CASE WHEN base IN ('B', 'C') AND pays_late THEN 'D' ELSE base END AS tier,
    loyal >= $11 AND last_sale > $4 AS is_loyal
  FROM based b
), final AS (
  SELECT d.id, d.sales, d.rank, d.before, d.total, d.tier, d.old_tier, d.old_quadrant, d.old_flags,
    CASE WHEN tier IS NULL THEN NULL ELSE (CASE WHEN tier IN ('A', 'B') THEN 'large' ELSE 'small' END) || '_' || (CASE WHEN is_loyal THEN 'loyal' ELSE 'disloyal' END) END AS quadrant,
    array_remove(ARRAY[
      CASE WHEN tier = 'A' AND pays_late THEN 'creditRisk' END,
      CASE WHEN tier = 'B' AND ((prior_sales > 0 AND (prior_sales - recent_sales) * 10000 >= $12 * prior_sales)
                             OR (prior_trips > 0 AND (prior_trips - recent_trips) * 10000 >= $12 * prior_trips)) THEN 'declining' END,
      CASE WHEN tier = 'C' AND recent_sales > 0 AND recent_sales * 100 >= $13 * prior_sales THEN 'risingStar' END
    ]::text[], NULL) AS flags,
    d.due, d.late, d.loyal, d.last_sale, d.recent_sales, d.prior_sales, d.recent_trips, d.prior_trips
  FROM decided d
)`;

/** Writes only what changed: tier, history and a tier.changed event per customer, in one statement. $14 = policy version. */
const APPLY_SQL = `
WITH ${DECIDE},
diff AS (
  -- The reason is built only for the customers that changed: a million jsonb objects a night would be most of the work.
  SELECT f.*, c.owner_id, c.name,
    jsonb_build_object(
      'sales', sales, 'rank', CASE WHEN sales > 0 THEN rank END,
      'shareBeforePercent', CASE WHEN sales > 0 AND total > 0 THEN (trunc(before::numeric * 10000 / total) / 100)::float8 END,
      'dueBookings', due, 'lateBookings', late, 'salesBookingsForLoyalty', loyal,
      'lastSaleAt', to_char(last_sale AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'recentSales', recent_sales, 'priorSales', prior_sales, 'recentTrips', recent_trips, 'priorTrips', prior_trips
    ) AS reason
  FROM final f JOIN customers c ON c.id = f.id
  WHERE (f.old_tier, f.old_quadrant, f.old_flags) IS DISTINCT FROM (f.tier, f.quadrant, f.flags)
), updated AS (
  UPDATE customers c SET tier = d.tier, quadrant = d.quadrant, tier_flags = d.flags, tier_reason = d.reason, tier_changed_at = $1
  FROM diff d WHERE c.id = d.id
  RETURNING c.id
), history AS (
  INSERT INTO customer_tier_changes (customer_id, from_tier, to_tier, from_quadrant, to_quadrant, from_flags, to_flags, sales, policy_version, as_of)
  SELECT id, old_tier, tier, old_quadrant, quadrant, old_flags, flags, sales, $14, $1 FROM diff
), events AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'tier.changed', jsonb_build_object('customerId', id, 'customerName', name, 'ownerId', owner_id, 'fromTier', old_tier, 'toTier', tier,
    'fromFlags', old_flags, 'toFlags', flags, 'quadrant', quadrant, 'asOf', $1::timestamptz)
  FROM diff
)
SELECT
  (SELECT count(*) FROM updated)::int AS changed,
  (SELECT coalesce(json_agg(t ORDER BY t.tier NULLS LAST), '[]') FROM (
     SELECT tier, count(*)::int AS customers, sum(sales)::text AS sales FROM final GROUP BY tier) t) AS tiers,
  (SELECT coalesce(json_agg(p ORDER BY p.percentile), '[]') FROM (
     SELECT ntile AS percentile, (max(before + sales)::numeric * 10000 / max(total) / 100)::float8 AS cumulative_share_percent
     FROM (SELECT before, sales, total, ntile(100) OVER (ORDER BY rank) FROM final WHERE sales > 0) s GROUP BY ntile) p) AS pareto`;

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

  /** One transaction: a run killed midway leaves every customer as it was. */
  apply(rules: TierRules, w: Windows, policyVersion: number): Promise<ApplyResult> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [RETIER_LOCK]);
      // The ranking sorts every customer: in memory rather than in temporary files.
      await m.query(`SET LOCAL work_mem = '256MB'`);
      const [row] = await m.query(APPLY_SQL, [...params(rules, w), policyVersion]);
      return row as ApplyResult;
    });
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
