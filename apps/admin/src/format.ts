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
