import type { Lang } from './i18n/translate';

/** Integer minor units → "¥12,800.00". */
export function formatMoney(money: { value: number; currency: string }, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency, currencyDisplay: 'narrowSymbol' }).format(money.value / 100);
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "+8613800138000" → "+86 138 0013 8000" for reading; other numbers as stored. */
export function formatPhone(e164: string): string {
  const cn = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(e164);
  return cn ? `+86 ${cn[1]} ${cn[2]} ${cn[3]}` : e164;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date ("2026-04-01", shown as that day wherever the browser is) or an instant's date. */
export function formatDate(date: string, lang: Lang): string {
  const dateOnly = DATE_ONLY.test(date);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : undefined }).format(new Date(date));
}

/** A share 0..1 → "12.5%". */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Month 1..12 → "1月" / "Jan". */
export function formatMonth(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}
