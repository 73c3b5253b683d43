import type { HealthReason, LifecycleFunnel } from '@crm/contracts';
import { formatMoney, formatPercent } from './format';
import type { Lang, Translate } from './i18n/i18n';
import { cny } from './tier-view';

export const HEALTH_COLORS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** One reason of the health score in words, from the figures the server gives with it. */
export function reasonText(r: HealthReason, t: Translate, lang: Lang): string {
  const f = r.facts;
  const money = (v: number) => formatMoney(cny(v), lang);
  switch (r.component) {
    case 'pAlive':
      return t('health.reason.pAlive', { p: formatPercent(f.pAlive, lang) });
    case 'recency':
      return t('health.reason.recency', { days: f.daysSinceLastPurchase, gap: f.usualGapDays, ratio: f.ratio });
    case 'trend':
      return t('health.reason.trend', { tripsLast: f.tripsLast12m, tripsPrior: f.tripsPrior12m, valueLast: money(f.valueLast12m), valuePrior: money(f.valuePrior12m) });
    case 'interactions':
      return t('health.reason.interactions', { n: f.last90d, expected: f.expected });
    case 'complaints':
      return t('health.reason.complaints', {
        total: f.total, open: f.open, breached: f.breached, severe: f.severe, recent: f.recent, unsatisfied: f.unsatisfied, satisfied: f.satisfied,
      });
    case 'nps':
      return t('health.reason.nps', { average: f.average, answers: f.answers });
  }
}

/** The reasons that took points off, worst first (the server orders them), at most `n`. */
export const pullingReasons = (reasons: HealthReason[], n: number) => reasons.filter((r) => r.impact > 0).slice(0, n);

/** Each stage's bar as a share of the largest stage (0 when nobody is staged). */
export function funnelBars(funnel: LifecycleFunnel): { stage: string; customers: number; share: number }[] {
  const max = Math.max(0, ...funnel.stages.map((s) => s.customers));
  return funnel.stages.map((s) => ({ ...s, share: max ? s.customers / max : 0 }));
}

/** The bell's line for a play: an A or B customer turned red, to be called by the due date. */
export function lifecycleNotificationText(t: Translate, n: { kind: string; params: Record<string, unknown> }): string | null {
  if (n.kind !== 'lifecycle.play') return null;
  const p = n.params as { customerName?: string; tier?: string; score?: number; dueOn?: string };
  return t('notifications.lifecyclePlay', { tier: p.tier ?? '', name: p.customerName ?? '—', score: p.score ?? '—', due: p.dueOn ?? '' });
}
