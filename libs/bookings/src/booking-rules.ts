import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError, flattenValidationErrors, isCalendarDate } from '@crm/platform';
import { BatchItemDto, BookingBodyDto } from './dto/booking-input.dto';

/** Rules between fields, which decorators cannot say. Pure; times are compared as instants. */
export function crossFieldErrors(b: BookingBodyDto): FieldError[] {
  const errors: FieldError[] = [];
  if (b.departureDate && b.returnDate && b.returnDate < b.departureDate) errors.push({ field: 'returnDate', message: 'returnDate must not be before departureDate' });
  if (b.paidAt && Date.parse(b.paidAt) < Date.parse(b.bookedAt) - 86_400_000) errors.push({ field: 'paidAt', message: 'paidAt must not be more than a day before bookedAt' });
  if (b.status === 'inquiry' && b.paidAt) errors.push({ field: 'paidAt', message: 'an inquiry cannot be paid; send status confirmed' });
  for (const f of ['departureDate', 'returnDate', 'birthday'] as const) {
    const value = f === 'birthday' ? b.customer?.birthday : b[f];
    if (value && !isCalendarDate(value)) errors.push({ field: f === 'birthday' ? 'customer.birthday' : f, message: `${f} is not a calendar date` });
  }
  return errors;
}

/**
 * One batch item checked on its own, with the same rules as a PUT body (unknown fields refused). Pure:
 * usable for dry runs of an import. Field paths are the item's own ("customer.phone").
 */
export function checkBookingItem(raw: unknown): { item: BatchItemDto | null; errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { item: null, errors: [{ field: '', message: 'each item must be an object' }] };
  const item = plainToInstance(BatchItemDto, raw);
  const errors = flattenValidationErrors(validateSync(item, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } }));
  if (!errors.length) errors.push(...crossFieldErrors(item));
  return errors.length ? { item: null, errors } : { item, errors };
}
