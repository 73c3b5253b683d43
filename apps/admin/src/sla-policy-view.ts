import type { SlaPolicy } from '@crm/contracts';
import { durationText, SEVERITIES, type Severity, type SlaMetric } from './complaint-view';
import type { Translate } from './i18n/translate';
import { TIERS, type Tier } from './tier-view';

/** The clocks a complaint can have, in the order the console shows them (mirrors libs/complaints' SLA_METRICS). */
export const SLA_METRICS: SlaMetric[] = ['initial_solution', 'emergency_team', 'customer_update', 'resolution'];
/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

type Minutes = Record<SlaMetric, number | null>;

/** The policy form: every cell present, null where the policy sets no target (in a tier: the severity's own). */
export interface SlaPolicyForm {
  targets: Record<Severity, Minutes>;
  tierTargets: Record<Tier, Record<Severity, Minutes>>;
  businessHours: Record<SlaMetric, boolean>;
  calendar: SlaPolicy['calendar'];
  note?: string;
}

type Targets = Partial<Record<SlaMetric, number | null>> | undefined;
const cells = (t: Targets): Minutes => Object.fromEntries(SLA_METRICS.map((m) => [m, t?.[m] ?? null])) as Minutes;
const bySeverity = <T>(f: (s: Severity) => T) => Object.fromEntries(SEVERITIES.map((s) => [s, f(s)])) as Record<Severity, T>;

export function slaFormValues(p: SlaPolicy): SlaPolicyForm {
  return {
    targets: bySeverity((s) => cells(p.targets[s])),
    tierTargets: Object.fromEntries(TIERS.map((tier) => [tier, bySeverity((s) => cells(p.tierTargets[tier]?.[s]))])) as SlaPolicyForm['tierTargets'],
    businessHours: p.businessHours,
    calendar: p.calendar,
  };
}

/** Every date from `from` to `to`, both included ("YYYY-MM-DD"); none when `to` is before `from`. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (const d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) dates.push(d.toISOString().slice(0, 10));
  return dates;
}

/** A date list with more dates: sorted, each once. */
export const withDates = (list: string[], added: string[]) => [...new Set([...list, ...added])].sort();

const minutesText = (t: Translate, m: number | null | undefined, none: string) => (m == null ? none : durationText(t, m));
const weekdaysText = (t: Translate, days: number[]) => days.map((d) => t(`slaPolicy.weekday.${d as Weekday}`)).join(t('notifications.listSeparator'));

/** What a version changed against the one before, one line each ("一般 · 初步方案：2 小时 → 1 小时 30 分钟"). */
export function slaPolicyChanges(t: Translate, before: SlaPolicy, after: SlaPolicy): string[] {
  const lines: string[] = [];
  const targets = (scope: string, none: string, b: (s: Severity) => Targets, a: (s: Severity) => Targets) => {
    for (const s of SEVERITIES) {
      for (const m of SLA_METRICS) {
        const from = b(s)?.[m] ?? null;
        const to = a(s)?.[m] ?? null;
        if (from !== to) lines.push(t('slaPolicy.change.target', { scope, severity: t(`severity.${s}`), metric: t(`slaMetric.${m}`), from: minutesText(t, from, none), to: minutesText(t, to, none) }));
      }
    }
  };
  targets(t('slaPolicy.allTiers'), t('slaPolicy.noTarget'), (s) => before.targets[s], (s) => after.targets[s]);
  for (const tier of TIERS) targets(t('slaPolicy.tier', { tier }), t('slaPolicy.asSeverity'), (s) => before.tierTargets[tier]?.[s], (s) => after.tierTargets[tier]?.[s]);
  const counting = (on: boolean) => t(on ? 'slaPolicy.businessHours' : 'slaPolicy.aroundTheClock');
  for (const m of SLA_METRICS) {
    if (before.businessHours[m] !== after.businessHours[m]) lines.push(t('slaPolicy.change.counting', { metric: t(`slaMetric.${m}`), from: counting(before.businessHours[m]), to: counting(after.businessHours[m]) }));
  }
  const b = before.calendar;
  const a = after.calendar;
  if (b.workingDays.join() !== a.workingDays.join()) lines.push(t('slaPolicy.change.workingDays', { from: weekdaysText(t, b.workingDays), to: weekdaysText(t, a.workingDays) }));
  if (b.opensAt !== a.opensAt || b.closesAt !== a.closesAt) lines.push(t('slaPolicy.change.hours', { from: `${b.opensAt}–${b.closesAt}`, to: `${a.opensAt}–${a.closesAt}` }));
  for (const list of ['holidays', 'extraWorkingDays'] as const) {
    const added = a[list].filter((d) => !b[list].includes(d)).length;
    const removed = b[list].filter((d) => !a[list].includes(d)).length;
    if (added || removed) lines.push(t('slaPolicy.change.dates', { list: t(`slaPolicy.${list}`), added, removed }));
  }
  return lines;
}
