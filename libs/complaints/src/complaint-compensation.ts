import { type FieldError, isCalendarDate } from '@crm/platform';
import type { Compensation, CompensationKind } from './complaint-rules';

/** What the totals count apart: refunds are summed, vouchers counted; the apology is not a compensation given. */
export const OTHER_COMPENSATION_KINDS: readonly CompensationKind[] = ['gift', 'upgrade', 'dedicated_advisor', 'priority_booking', 'alternative_arrangement'];
/** Kinds that mean nothing without saying what (which gift, which upgrade). */
const NEEDS_NOTE: readonly CompensationKind[] = ['gift', 'upgrade'];
export const MAX_COMPENSATIONS = 20;

/**
 * The rules each kind of compensation follows, beyond the shape the DTO checks: a refund is an amount and
 * nothing else, a voucher a percent with an expiry after `today` (agency date), the others carry neither;
 * a gift or an upgrade says what it is. Field paths as the validation pipe writes them ("compensations.1.amount").
 */
export function compensationProblems(list: Compensation[], today: string): FieldError[] {
  const problems: FieldError[] = [];
  list.forEach((c, i) => {
    const at = (field: string, message: string) => problems.push({ field: `compensations.${i}.${field}`, message });
    const refund = c.kind === 'refund';
    const voucher = c.kind === 'voucher';
    if (refund && !c.amount) at('amount', 'a refund needs an amount above 0 (minor units, CNY)');
    if (!refund && c.amount !== undefined) at('amount', `a ${c.kind} has no amount`);
    if (voucher && c.percent === undefined) at('percent', 'a voucher needs its percent off');
    if (!voucher && c.percent !== undefined) at('percent', `a ${c.kind} has no percent`);
    if (voucher && !c.expiresOn) at('expiresOn', 'a voucher needs an expiry date');
    else if (voucher && !isCalendarDate(c.expiresOn!)) at('expiresOn', 'expiresOn is not a calendar date');
    else if (voucher && c.expiresOn! <= today) at('expiresOn', `a voucher must expire after today (${today})`);
    if (!voucher && c.expiresOn !== undefined) at('expiresOn', `a ${c.kind} has no expiry`);
    if (NEEDS_NOTE.includes(c.kind) && !c.note?.trim()) at('note', `say which ${c.kind} in the note`);
  });
  return problems;
}

/** The corrective action's due date must be a real day (the DTO checks only its shape). */
export function correctiveActionProblems(action: { dueOn?: string | null } | null | undefined): FieldError[] {
  return action?.dueOn && !isCalendarDate(action.dueOn) ? [{ field: 'correctiveAction.dueOn', message: 'dueOn is not a calendar date' }] : [];
}
