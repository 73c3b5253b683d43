/**
 * Realistic bookings made by the database itself, set-based: the demo's two years of history and the
 * benchmark's ten million rows use the same statement. Per customer a Pareto-like number of trips (a few
 * customers travel a lot), destinations with their own price levels, Chinese holiday seasons (Spring
 * Festival, summer, National Day), two booking systems, and statuses that follow the dates: past trips
 * completed (some cancelled), upcoming ones confirmed or still inquiries. Deterministic for a given seed.
 *
 * $1 = customer ids (uuid[]), $2 = seed in [-1, 1], $3 = "now" (timestamptz), $4 = mean trips per customer.
 */
const DESTINATIONS: [string, number, string][] = [
  // destination, price per traveller in yuan, typical category
  ['三亚', 4500, 'family'], ['丽江', 3800, 'independent'], ['西安', 2600, 'group'], ['桂林', 2900, 'group'],
  ['厦门', 3200, 'family'], ['成都', 3000, 'independent'], ['张家界', 3300, 'group'], ['九寨沟', 4200, 'group'],
  ['东京', 8800, 'independent'], ['大阪', 8200, 'family'], ['曼谷', 5200, 'group'], ['普吉岛', 6800, 'honeymoon'],
  ['巴厘岛', 9800, 'honeymoon'], ['马尔代夫', 22000, 'honeymoon'], ['新加坡', 7600, 'family'], ['首尔', 5600, 'independent'],
  ['巴黎', 18000, 'custom'], ['瑞士', 24000, 'custom'], ['悉尼', 16000, 'family'], ['迪拜', 14000, 'business'],
];
/** Month weights: Spring Festival (Jan/Feb), May Day, summer holidays (Jul/Aug), National Day (Oct). */
const MONTH_WEIGHTS = [10, 12, 5, 6, 9, 5, 14, 15, 6, 12, 4, 4];

const cumulative = (ws: number[]) => ws.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w], []).map((x, _, a) => x / a[a.length - 1]);
const list = (xs: (string | number)[], type: string) => `ARRAY[${xs.map((x) => (typeof x === 'number' ? x : `'${x}'`)).join(',')}]::${type}[]`;

export const GENERATE_BOOKINGS_SQL = `
WITH seed AS (SELECT setseed($2::float8)),
customers_in AS (
  -- Trips per customer: a power law, so about a fifth of the customers bring most of the sales.
  SELECT c.id, c.ord, floor(power(random(), 3) * $4::float8 * 4)::int AS trips, random() AS r_source
  FROM seed, unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
),
trips AS (
  SELECT ci.id AS customer_id, ci.ord, t, ci.r_source, random() AS r_dest, random() AS r_month, random() AS r_year, random() AS r_day,
         random() AS r_lead, random() AS r_len, random() AS r_trav, random() AS r_status, random() AS r_price, random() AS r_pay
  FROM customers_in ci, generate_series(1, ci.trips) AS t
),
shaped AS (
  SELECT tr.*,
    1 + floor(r_dest * ${DESTINATIONS.length})::int AS dest_i,
    1 + (SELECT count(*) FROM unnest(${list(cumulative(MONTH_WEIGHTS), 'float8')}) AS cw WHERE cw < r_month)::int AS month
  FROM trips tr
),
dated AS (
  SELECT s.*,
    -- Departures from about two years back to half a year ahead of "now".
    make_date(extract(year FROM $3::timestamptz)::int - 2 + floor(r_year * 2.6)::int, s.month, 1 + floor(r_day * 28)::int) AS departure,
    2 + floor(r_len * 9)::int AS nights,
    1 + floor(power(r_trav, 2) * 5)::int AS travellers
  FROM shaped s
)
INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, product, category,
                      travellers, amount_value, amount_currency, payment_due_at, paid_at)
SELECT
  CASE WHEN r_source < 0.65 THEN 'erp' ELSE 'ota-feizhu' END,
  'G' || ord || '-' || t,
  customer_id,
  CASE WHEN departure + nights < $3::date THEN (CASE WHEN r_status < 0.08 THEN 'cancelled' ELSE 'completed' END)
       WHEN r_status < 0.25 THEN 'inquiry' WHEN r_status < 0.3 THEN 'cancelled' ELSE 'confirmed' END,
  departure - make_interval(days => 7 + floor(r_lead * 80)::int) + make_interval(hours => 9 + floor(r_day * 10)::int),
  departure,
  departure + nights,
  (${list(DESTINATIONS.map((d) => d[0]), 'text')})[dest_i],
  (${list(DESTINATIONS.map((d) => d[0]), 'text')})[dest_i] || (nights + 1) || '日游',
  CASE WHEN r_price < 0.7 THEN (${list(DESTINATIONS.map((d) => d[2]), 'text')})[dest_i]
       ELSE (ARRAY['family','honeymoon','business','group','independent','custom','other'])[1 + floor((r_price - 0.7) / 0.3 * 7)::int] END,
  travellers,
  -- Fen: price level × travellers × length, ±30 %, rounded to whole yuan.
  round((${list(DESTINATIONS.map((d) => d[1]), 'int')})[dest_i] * travellers * (0.6 + nights / 10.0) * (0.7 + r_price * 0.6))::bigint * 100,
  'CNY',
  departure - make_interval(days => 7 + floor(r_lead * 80)::int) + interval '7 days',
  CASE WHEN departure + nights < $3::date OR r_status >= 0.3
       THEN departure - make_interval(days => 7 + floor(r_lead * 80)::int) + make_interval(days => floor(power(r_pay, 3) * 20)::int) END
FROM dated
WHERE departure - make_interval(days => 7 + floor(r_lead * 80)::int) < $3::timestamptz
ON CONFLICT (source, external_id) DO NOTHING`;

/** After generating: every booked customer's reference in each source, its status history, and its lifetime value. */
export const GENERATED_BOOKING_EXTRAS_SQL = [
  `INSERT INTO customer_external_refs (source, external_id, customer_id)
   SELECT DISTINCT ON (b.source, b.customer_id) b.source, split_part(b.external_id, '-', 1) || '-' || b.source, b.customer_id
   FROM bookings b WHERE b.external_id LIKE 'G%' AND b.customer_id = ANY($1::uuid[])
   ON CONFLICT DO NOTHING`,
  `INSERT INTO booking_status_changes (booking_id, from_status, to_status, at)
   SELECT id, NULL, status, booked_at FROM bookings b WHERE b.customer_id = ANY($1::uuid[])
   AND NOT EXISTS (SELECT 1 FROM booking_status_changes h WHERE h.booking_id = b.id)`,
  `UPDATE customer_values v SET lifetime_value = s.total
   FROM (SELECT customer_id, sum(amount_value) AS total FROM bookings WHERE status IN ('confirmed', 'completed') AND customer_id = ANY($1::uuid[]) GROUP BY 1) s
   WHERE v.customer_id = s.customer_id`,
];
