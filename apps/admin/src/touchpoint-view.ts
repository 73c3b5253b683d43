import type { Lang, Translate } from './i18n/translate';

/** Pure helpers of the touch-point and NPS screens. */

export const TASK_KINDS = ['return_call', 'birthday_gift'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export function touchpointNotificationText(t: Translate, n: { kind: string; params: Record<string, unknown> }): string | null {
  if (n.kind !== 'touchpoint.task') return null;
  const p = n.params as { task?: string; customerName?: string; dueOn?: string };
  const task = (TASK_KINDS as readonly string[]).includes(p.task ?? '') ? t(`touchpoints.kind.${p.task as TaskKind}`) : (p.task ?? '');
  return t('notifications.touchpointTask', { task, name: p.customerName ?? '—', due: p.dueOn ?? '' });
}

export type NpsTone = 'good' | 'fair' | 'poor' | 'none';

/** 30 and above is good for travel; below 0, more detractors than promoters. */
export function npsTone(nps: number | null): NpsTone {
  if (nps === null) return 'none';
  return nps >= 30 ? 'good' : nps >= 0 ? 'fair' : 'poor';
}

/** "+42.5", "−10", "—": the sign always shown, since the scale runs from −100 to 100. */
export function formatNps(nps: number | null, lang: Lang): string {
  if (nps === null) return '—';
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(nps);
  return n.replace('-', '−');
}

/** A bar of the month chart: its share of the half-height above (positive) or below (negative) the zero line. */
export function npsBar(nps: number | null): { up: number; down: number } {
  if (nps === null) return { up: 0, down: 0 };
  const share = Math.min(Math.abs(nps), 100) / 100;
  return nps >= 0 ? { up: share, down: 0 } : { up: 0, down: share };
}

/** "2026-05" → "2026年5月" / "May 2026". */
export function formatYearMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** The survey page speaks the customer's language, whatever the console's. */
export const surveyLang = (lang: string): Lang => (lang === 'en' ? 'en-US' : 'zh-CN');

/** The month `n` months before (negative) or after "YYYY-MM". */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
