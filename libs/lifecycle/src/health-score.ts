/**
 * The health score: 0–100 from weighted components, each 0–100 with the facts behind it. A pure function of
 * one customer's facts as of a day (the churn-score job gathers them set-based): no clock, no database.
 */

export const HEALTH_COMPONENTS = ['pAlive', 'recency', 'trend', 'interactions', 'complaints', 'nps'] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];
export const HEALTH_BANDS = ['green', 'yellow', 'red'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** Weights and bands; versioned so a stored score says which policy made it. */
export interface HealthPolicy {
  version: number;
  /** Relative weights; only the components with data count, renormalised to sum to 1. */
  weights: Record<HealthComponent, number>;
  /** green at or above `green`, yellow at or above `yellow`, red below. */
  bands: { green: number; yellow: number };
  /** The gap assumed between trips for a one-time buyer when the population has no rhythm yet (no repeat buyers). */
  defaultGapDays: number;
}

/** Version 0: the defaults, in force until a policy is saved. */
export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  version: 0,
  weights: { pAlive: 25, recency: 25, trend: 15, interactions: 15, complaints: 10, nps: 10 },
  bands: { green: 70, yellow: 40 },
  defaultGapDays: 365,
};

/** What the score reads about one customer as of a day. Null (or absent) means "no data": the component is left out. */
export interface HealthFacts {
  /** BG/NBD P(alive); null without a sale. */
  pAlive: number | null;
  /** The population's rhythm: the median usual gap of the customers with a repeat purchase; null when nobody has one. */
  typicalGapDays: number | null;
  /** Distinct purchase days (sales), and days from the last one to the day scored; null without a sale. */
  purchases: number;
  daysSinceLastPurchase: number | null;
  /** Days from the first purchase to the last (tₓ in days): their usual gap is this over purchases − 1. */
  purchaseSpanDays: number | null;
  /** Sales (trips and value in minor units) in the last 12 months and the 12 before. */
  trend: { tripsLast12m: number; tripsPrior12m: number; valueLast12m: number; valuePrior12m: number };
  /** Interactions and visits done in the last 90 days; `expected` from the tier's cadence, null when the tier has none. */
  interactions: { last90d: number; expected: number | null };
  /** Complaints of the last 24 months (and any still open). */
  complaints: { total: number; open: number; breached: number; severe: number; recent: number; unsatisfied: number; satisfied: number };
  /** NPS answers (0–10) of the last 12 months (the job feeds the latest one); null or absent without any. */
  nps?: { answers: number; average: number } | null;
}

export interface HealthReason {
  component: HealthComponent;
  /** The component's own score, 0–100. */
  score: number;
  /** Its share of the total after renormalisation, 0–1. */
  weight: number;
  /** Points it took off the total: (100 − score) × weight. */
  impact: number;
  /** The figures that explain it (days, counts, ratios), for the console to phrase. */
  facts: Record<string, number>;
}

export interface Health {
  score: number;
  band: HealthBand;
  policyVersion: number;
  /** Ordered by how much they pulled the score down. */
  reasons: HealthReason[];
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Each component's score and facts, or null when there is no data for it. */
type Scored = { score: number; facts: Record<string, number> } | null;

/**
 * Without a repeat purchase P(alive) is 1 by construction (in BG/NBD dropping out follows a purchase), which says
 * nothing about the customer: no data, so recency judges them alone.
 */
function pAliveComponent(f: HealthFacts): Scored {
  return f.pAlive === null || f.purchases < 2 ? null : { score: clamp(f.pAlive * 100), facts: { pAlive: f.pAlive } };
}

/**
 * Full marks up to the customer's usual gap, none at three times it, linear between. A one-time buyer has no gap
 * of their own: the population's typical one stands in (the policy's default while nobody has bought twice).
 */
function recencyComponent(f: HealthFacts, policy: HealthPolicy): Scored {
  if (f.daysSinceLastPurchase === null || f.purchases < 1) return null;
  const usualGapDays =
    f.purchases > 1 && f.purchaseSpanDays !== null ? Math.max(1, f.purchaseSpanDays / (f.purchases - 1)) : Math.max(1, f.typicalGapDays ?? policy.defaultGapDays);
  const ratio = f.daysSinceLastPurchase / usualGapDays;
  return {
    score: clamp(100 - ((ratio - 1) / 2) * 100),
    facts: { daysSinceLastPurchase: f.daysSinceLastPurchase, usualGapDays: Math.round(usualGapDays), ratio: Math.round(ratio * 100) / 100 },
  };
}

/** Relative change in [−1, 1]: −1 from something to nothing, +1 from nothing to something. */
const change = (now: number, before: number) => (now === before ? 0 : (now - before) / Math.max(Math.abs(now), Math.abs(before)));

/** 50 when flat, the mean of the change in trips and in value moving it to 0 or 100. */
function trendComponent(f: HealthFacts): Scored {
  const t = f.trend;
  if (t.tripsLast12m === 0 && t.tripsPrior12m === 0) return null;
  const trips = change(t.tripsLast12m, t.tripsPrior12m);
  const value = change(t.valueLast12m, t.valuePrior12m);
  return { score: clamp(50 + 25 * (trips + value)), facts: { ...t } };
}

/** Contacts done over those the tier's cadence asks for in 90 days, capped at full marks. */
function interactionsComponent(f: HealthFacts): Scored {
  const { last90d, expected } = f.interactions;
  if (expected === null || expected <= 0) return null;
  return { score: clamp((last90d / expected) * 100), facts: { last90d, expected: Math.round(expected * 10) / 10 } };
}

/** Points off per complaint fact; a follow-up answered satisfied gives some back (a complaint handled well). */
export const COMPLAINT_PENALTIES = { open: 15, breached: 20, severe: 20, recent: 10, unsatisfied: 25, satisfied: -10 } as const;

function complaintsComponent(f: HealthFacts): Scored {
  const c = f.complaints;
  if (c.total === 0 && c.open === 0) return null;
  const penalty = (Object.keys(COMPLAINT_PENALTIES) as (keyof typeof COMPLAINT_PENALTIES)[]).reduce((s, k) => s + COMPLAINT_PENALTIES[k] * c[k], 0);
  return { score: clamp(100 - penalty), facts: { ...c } };
}

/** The average answer on the 0–10 scale, times ten. */
function npsComponent(f: HealthFacts): Scored {
  if (!f.nps || f.nps.answers === 0) return null;
  return { score: clamp(f.nps.average * 10), facts: { answers: f.nps.answers, average: f.nps.average } };
}

export function healthBand(score: number, policy: HealthPolicy = DEFAULT_HEALTH_POLICY): HealthBand {
  return score >= policy.bands.green ? 'green' : score >= policy.bands.yellow ? 'yellow' : 'red';
}

/**
 * The score of one customer: the weighted mean of the components that have data (weights renormalised
 * over them), rounded to a whole number; null when no component has data (a customer without a sale).
 */
export function healthScore(facts: HealthFacts, policy: HealthPolicy = DEFAULT_HEALTH_POLICY): Health | null {
  if (facts.purchases < 1) return null;
  const scored: [HealthComponent, Scored][] = [
    ['pAlive', pAliveComponent(facts)],
    ['recency', recencyComponent(facts, policy)],
    ['trend', trendComponent(facts)],
    ['interactions', interactionsComponent(facts)],
    ['complaints', complaintsComponent(facts)],
    ['nps', npsComponent(facts)],
  ];
  const present = scored.filter((e): e is [HealthComponent, NonNullable<Scored>] => e[1] !== null && policy.weights[e[0]] > 0);
  const totalWeight = present.reduce((s, [c]) => s + policy.weights[c], 0);
  if (totalWeight === 0) return null;
  const reasons = present.map(([component, { score, facts: f }]) => {
    const weight = policy.weights[component] / totalWeight;
    return { component, score: round1(score), weight: Math.round(weight * 1000) / 1000, impact: round1((100 - score) * weight), facts: f };
  });
  const score = Math.round(present.reduce((s, [c, { score: v }]) => s + v * (policy.weights[c] / totalWeight), 0));
  // Biggest pull first; ties in the fixed component order, so the same facts always list the same way.
  reasons.sort((u, v) => v.impact - u.impact || HEALTH_COMPONENTS.indexOf(u.component) - HEALTH_COMPONENTS.indexOf(v.component));
  return { score, band: healthBand(score, policy), policyVersion: policy.version, reasons };
}
