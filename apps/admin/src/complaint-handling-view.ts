import type { Compensation, FollowUp, Notification } from '@crm/contracts';
import { formatMoney } from './format';
import type { Lang, Translate } from './i18n/translate';

/** After resolution, as the console shows it: compensations, follow-ups and the report's range (mirrors libs/complaints). */
export type CompensationKind = Compensation['kind'];
/** The kinds staff give, in the order the editor offers them (the standard remedy's first). */
export const COMPENSATION_KINDS: CompensationKind[] = ['apology', 'refund', 'voucher', 'gift', 'upgrade', 'dedicated_advisor', 'priority_booking', 'alternative_arrangement'];
/** A gift or an upgrade says what it is (the API refuses one without a note). */
export const NOTE_NEEDED: CompensationKind[] = ['gift', 'upgrade'];

/** "退款 ¥500.00", "30% 折扣券（2027-03-01 前有效）", "礼品 · 景区门票两张". */
export function compensationText(t: Translate, c: Compensation, lang: Lang): string {
  return [
    c.kind === 'refund' && c.amount !== undefined ? t('complaint.comp.refund', { amount: formatMoney({ value: c.amount, currency: 'CNY' }, lang) }) : null,
    c.kind === 'voucher' && c.percent !== undefined ? t('complaint.comp.voucher', { percent: c.percent }) : null,
    c.kind !== 'refund' && c.kind !== 'voucher' ? t(`compensation.${c.kind}`) : null,
    c.expiresOn ? t('complaint.comp.expires', { date: c.expiresOn }) : null,
    c.note ? ` · ${c.note}` : null,
  ]
    .filter(Boolean)
    .join('');
}

/** One row of the compensation editor, named as the API names it (so its field errors land here): the refund in yuan as staff type it. */
export interface CompensationDraft {
  kind: CompensationKind;
  amount?: number | null;
  percent?: number | null;
  expiresOn?: string | null;
  note?: string | null;
}

export function toDraft(c: Compensation): CompensationDraft {
  return { kind: c.kind, amount: c.amount === undefined ? null : c.amount / 100, percent: c.percent ?? null, expiresOn: c.expiresOn ?? null, note: c.note ?? null };
}

/** What the API takes: only the fields the kind uses, the refund in minor units (fen). */
export function fromDraft(d: CompensationDraft): Compensation {
  const note = d.note?.trim();
  return {
    kind: d.kind,
    ...(d.kind === 'refund' && d.amount != null && { amount: Math.round(d.amount * 100) }),
    ...(d.kind === 'voucher' && d.percent != null && { percent: d.percent }),
    ...(d.kind === 'voucher' && d.expiresOn && { expiresOn: d.expiresOn }),
    ...(note && { note }),
  };
}

export type FollowUpState = 'due' | 'upcoming' | 'answered' | 'cancelled';

/** A pending follow-up is due from its due time on. */
export function followUpState(f: Pick<FollowUp, 'status' | 'dueAt'>, now: number): FollowUpState {
  if (f.status !== 'pending') return f.status;
  return Date.parse(f.dueAt) <= now ? 'due' : 'upcoming';
}

export const FOLLOW_UP_COLORS: Record<FollowUpState, string> = { due: 'red', upcoming: 'blue', answered: 'green', cancelled: 'default' };

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The report's first view: the last twelve weeks, Monday to today. */
export function defaultReportRange(today: Date): { from: string; to: string } {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7) - 7 * 11);
  return { from: day(monday), to: day(today) };
}

/** "2026-03-02" → "03-02": a week's label under its bar. */
export const weekLabel = (week: string) => week.slice(5);

/** The bell's line for a follow-up that fell due. */
export function followUpNotificationText(t: Translate, n: Pick<Notification, 'kind' | 'params'>): string | null {
  if (n.kind !== 'complaint.follow_up_due') return null;
  return t('notifications.complaint.followUpDue', { name: (n.params as { customerName?: string }).customerName ?? '—' });
}

export const FOLLOW_UP_STATUSES: FollowUp['status'][] = ['pending', 'answered', 'cancelled'];

/** The follow-up list's filters from a shared link; anything unknown is left out. */
export function followUpFiltersFromParams(params: URLSearchParams): { status?: FollowUp['status']; mine?: 'true'; due?: 'true' } {
  return {
    status: FOLLOW_UP_STATUSES.find((s) => s === params.get('status')),
    mine: params.get('mine') === 'true' ? 'true' : undefined,
    due: params.get('due') === 'true' ? 'true' : undefined,
  };
}
