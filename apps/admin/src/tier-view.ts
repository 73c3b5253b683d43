import type { Customer, Notification, RetierRun, TierMove, TierRules, TieringSummary } from '@crm/contracts';
import { complaintNotificationText } from './complaint-view';
import type { Translate } from './i18n/translate';
import { visitNotificationText } from './visit-view';
import { lifecycleNotificationText } from './lifecycle-view';
import { touchpointNotificationText } from './touchpoint-view';

export type Tier = NonNullable<Customer['tier']>;
export type Quadrant = NonNullable<Customer['quadrant']>;
export type TierFlag = Customer['tierFlags'][number];

/** Best first: moving towards A is a rise. */
export const TIERS: Tier[] = ['A', 'B', 'C', 'D'];
export const QUADRANTS: Quadrant[] = ['large_loyal', 'large_disloyal', 'small_loyal', 'small_disloyal'];
export const TIER_FLAGS: TierFlag[] = ['declining', 'risingStar', 'creditRisk'];

/** Tiering sums sales in the agency's currency, CNY (as the customer value figures do); the API sends bare minor units. */
export const cny = (value: number) => ({ value, currency: 'CNY' });

/** The tier filters a shared link asks for; unknown values are left out rather than sent to the API to be refused. */
export function tierFiltersFromParams(params: URLSearchParams): { tier?: Tier; quadrant?: Quadrant; tierFlag?: TierFlag } {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => allowed.find((v) => v === params.get(name));
  return { tier: pick('tier', TIERS), quadrant: pick('quadrant', QUADRANTS), tierFlag: pick('tierFlag', TIER_FLAGS) };
}

export interface TierShare {
  tier: Tier | null;
  customers: number;
  /** Minor units. */
  sales: number;
  /** 0..1 of all sales in the window. */
  share: number;
}

/** A, B, C, D (each, even when empty) and then the untiered, with each one's share of sales. */
export function tierShares(tiers: TieringSummary['tiers']): TierShare[] {
  const total = tiers.reduce((sum, t) => sum + t.sales, 0);
  const row = (tier: Tier | null): TierShare => {
    const found = tiers.find((t) => t.tier === tier);
    const sales = found?.sales ?? 0;
    return { tier, customers: found?.customers ?? 0, sales, share: total ? sales / total : 0 };
  };
  return [...TIERS.map(row), row(null)];
}

/**
 * The Pareto curve as points in percent on both axes, from the origin. The API's percentiles are buckets
 * 1..n (n = 100, or the number of customers when fewer), so x is the bucket's share of n.
 */
export function paretoPoints(pareto: TieringSummary['pareto']): { x: number; y: number }[] {
  const n = Math.max(0, ...pareto.map((p) => p.percentile));
  if (!n) return [];
  return [{ x: 0, y: 0 }, ...pareto.map((p) => ({ x: (p.percentile / n) * 100, y: p.cumulativeSharePercent }))];
}

/** Where the curve first reaches `y` percent of sales: the share of customers (x, in percent) that make it. */
export function paretoCrossing(points: { x: number; y: number }[], y: number): number | null {
  return points.find((p) => p.y >= y)?.x ?? null;
}

export interface MoveMatrix {
  /** Rows and columns: the tiers present on either side, A..D then untiered. */
  tiers: (Tier | null)[];
  count(from: Tier | null, to: Tier | null): number;
  /** Customers whose tier would change. */
  moved: number;
}

/** The preview's moves as a from × to table. */
export function moveMatrix(moves: TierMove[]): MoveMatrix {
  const cells = new Map(moves.map((m) => [`${m.from}>${m.to}`, m.customers]));
  const present = new Set(moves.flatMap((m) => [m.from, m.to]));
  return {
    tiers: [...TIERS, null].filter((t) => present.has(t)),
    count: (from, to) => cells.get(`${from}>${to}`) ?? 0,
    moved: moves.filter((m) => m.from !== m.to).reduce((sum, m) => sum + m.customers, 0),
  };
}

/** How long a run took, in milliseconds; null until it has finished. */
export function runDuration(run: Pick<RetierRun, 'startedAt' | 'finishedAt'>): number | null {
  return run.startedAt && run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime() : null;
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The rules that differ between two versions of the policy (to say what a version changed). */
export function changedRules(before: TierRules | undefined, after: TierRules): (keyof TierRules)[] {
  if (!before) return [];
  return (Object.keys(after) as (keyof TierRules)[]).filter((k) => before[k] !== after[k]);
}

/** Recent against prior, as a change in percent (−40 for a drop of 40 %); null when there was nothing before. */
export function changePercent(recent: number, prior: number): number | null {
  return prior ? Math.round(((recent - prior) / prior) * 100) : null;
}

const rank = (tier: string | null) => (tier === null ? TIERS.length : TIERS.indexOf(tier as Tier));

/** A tier change in words: "张伟 从 B 升到 A", "李娜 被标记为 下滑", or both in one line. */
export function notificationText(t: Translate, n: Pick<Notification, 'kind' | 'params'>): string {
  if (n.kind !== 'tier.changed') return complaintNotificationText(t, n) ?? visitNotificationText(t, n) ?? touchpointNotificationText(t, n) ?? lifecycleNotificationText(t, n) ?? t('notifications.unknown');
  const p = n.params as { customerName?: string; fromTier?: string | null; toTier?: string | null; addedFlags?: string[] };
  const name = p.customerName ?? '—';
  const from = p.fromTier ?? null;
  const to = p.toTier ?? null;
  const parts: string[] = [];
  if (from !== to) {
    if (from === null) parts.push(t('notifications.tierNew', { name, to: to! }));
    else if (to === null) parts.push(t('notifications.tierNone', { name, from }));
    else parts.push(t(rank(to) < rank(from) ? 'notifications.tierUp' : 'notifications.tierDown', { name, from, to }));
  }
  const flags = (p.addedFlags ?? []).filter((f): f is TierFlag => (TIER_FLAGS as string[]).includes(f));
  if (flags.length) {
    const list = flags.map((f) => t(`flag.${f}`)).join(t('notifications.listSeparator'));
    parts.push(t(parts.length ? 'notifications.andFlagged' : 'notifications.flagged', { name, flags: list }));
  }
  return parts.length ? parts.join(t('notifications.clauseSeparator')) : t('notifications.tierUpdated', { name });
}
