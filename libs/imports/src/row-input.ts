import { isEmail } from 'class-validator';
import { FieldError } from '@crm/platform';
import { CUSTOMER_TYPES, CustomerType, SourceCustomer, normalizePhone } from '@crm/customers';
import { checkBookingItem } from '@crm/bookings';
import { BOOKING_CATEGORY_WORDS, BOOKING_STATUS_WORDS, CUSTOMER_TYPE_WORDS, enumValue, toDay, toInstant, toWholeNumber, yuanToFen } from './cell-values';
import { ColumnMapping, ImportKind } from './import-fields';

/**
 * One spreadsheet row → the input of the service that applies it, or the row's errors. Pure. Error fields
 * are import field keys ("amount", "phone"), so the console can point at the mapped column.
 */
export interface RowContext {
  /** The system the sheet's ids belong to (the import's source). */
  source: string;
  timeZone: string;
}

export type RowResult<T> = { input: T; errors: [] } | { input: null; errors: FieldError[] };

const EXTERNAL_ID = /^[^\s/?#]{1,100}$/;
const EXTERNAL_ID_MESSAGE = 'must be 1-100 characters without spaces, /, ? or #';

/** The cells of a row by field key: trimmed text, undefined when unmapped or empty. */
function reader(cells: readonly string[], mapping: ColumnMapping) {
  return (key: string): string | undefined => {
    const column = mapping[key];
    const text = column === undefined ? '' : (cells[column] ?? '').trim();
    return text === '' ? undefined : text;
  };
}

/**
 * The person a row names, as the contract's `customer` object. Without an id column, the phone (else the
 * email) is the person's id in this source, so importing the file again finds the same customer.
 */
function personFromRow(get: (key: string) => string | undefined, idKey: string, errors: FieldError[]): SourceCustomer {
  const name = get('name');
  if (!name) errors.push({ field: 'name', message: 'name is required' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'name must be at most 200 characters' });

  const type = enumValue(get('type') ?? 'individual', CUSTOMER_TYPE_WORDS);
  if (!(CUSTOMER_TYPES as readonly string[]).includes(type)) errors.push({ field: 'type', message: `type must be one of ${CUSTOMER_TYPES.join(', ')}` });

  const rawPhone = get('phone');
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) errors.push({ field: 'phone', message: 'phone is not a valid phone number' });

  const email = get('email')?.toLowerCase();
  if (email && (!isEmail(email) || email.length > 254)) errors.push({ field: 'email', message: 'email must be an email address' });

  const rawBirthday = get('birthday');
  const birthday = rawBirthday ? toDay(rawBirthday) : null;
  if (rawBirthday && !birthday) errors.push({ field: 'birthday', message: 'birthday must be a date such as 1985-04-12' });

  const organization = get('organization');
  if (organization && organization.length > 200) errors.push({ field: 'organization', message: 'organization must be at most 200 characters' });

  const externalId = get(idKey);
  if (externalId && !EXTERNAL_ID.test(externalId)) errors.push({ field: idKey, message: `${idKey} ${EXTERNAL_ID_MESSAGE}` });
  const key = externalId ?? phone ?? email;
  if (!key) errors.push({ field: idKey, message: 'a row needs an id, a phone or an email, so that importing it again finds the same customer' });

  return { externalId: key ?? '', type: type as CustomerType, name: name ?? '', phone, email: email ?? null, birthday, organization: organization ?? null };
}

export function customerFromRow(cells: readonly string[], mapping: ColumnMapping): RowResult<SourceCustomer> {
  const errors: FieldError[] = [];
  const person = personFromRow(reader(cells, mapping), 'externalId', errors);
  return errors.length ? { input: null, errors } : { input: person, errors: [] };
}

/** The contract's field paths ("customer.phone", "amount.value") → import field keys. */
export function importField(path: string): string {
  if (path === 'customer.externalId') return 'customerExternalId';
  if (path.startsWith('customer.')) return path.slice('customer.'.length);
  return path.split('.')[0];
}

/** A row as one item of the bookings batch, checked with the same rules as the REST API. */
export function bookingFromRow(cells: readonly string[], mapping: ColumnMapping, ctx: RowContext): RowResult<Record<string, unknown>> {
  const get = reader(cells, mapping);
  const errors: FieldError[] = [];
  const customer = personFromRow(get, 'customerExternalId', errors);
  const converted = <T>(key: string, convert: (text: string) => T | null, message: string): T | null | undefined => {
    const text = get(key);
    if (text === undefined) return undefined;
    const value = convert(text);
    if (value === null) errors.push({ field: key, message });
    return value;
  };
  const instant = (text: string) => toInstant(text, ctx.timeZone);
  const amount = converted('amount', yuanToFen, 'amount must be yuan with at most two decimals, such as 12800.50');
  const item = {
    source: ctx.source,
    externalId: get('externalId'),
    customer,
    status: enumValue(get('status') ?? '', BOOKING_STATUS_WORDS),
    bookedAt: converted('bookedAt', instant, 'bookedAt must be a date and time such as 2026-03-01 10:00'),
    departureDate: converted('departureDate', toDay, 'departureDate must be a date such as 2026-04-01'),
    returnDate: converted('returnDate', toDay, 'returnDate must be a date such as 2026-04-05'),
    destination: get('destination'),
    product: get('product'),
    category: get('category') === undefined ? undefined : enumValue(get('category')!, BOOKING_CATEGORY_WORDS),
    travellers: converted('travellers', toWholeNumber, 'travellers must be a whole number'),
    amount: amount === undefined || amount === null ? undefined : { value: amount, currency: 'CNY' },
    paymentDueAt: converted('paymentDueAt', instant, 'paymentDueAt must be a date such as 2026-03-10'),
    paidAt: converted('paidAt', instant, 'paidAt must be a date and time such as 2026-03-02 15:30'),
  };
  if (item.externalId === undefined) errors.push({ field: 'externalId', message: 'the booking number is required' });
  if (item.bookedAt === undefined) errors.push({ field: 'bookedAt', message: 'bookedAt is required' });
  if (amount === undefined) errors.push({ field: 'amount', message: 'amount is required' });
  // The API's own rules, for what the sheet did not already get wrong (no second message for one mistake).
  const reported = new Set(errors.map((e) => e.field));
  for (const e of checkBookingItem(item).errors) {
    const key = importField(e.field);
    if (!reported.has(key)) errors.push({ field: key, message: e.message });
  }
  return errors.length ? { input: null, errors } : { input: item, errors: [] };
}

export type RowCheck = (cells: readonly string[]) => RowResult<unknown>;

/** How the rows of an import are read and checked. */
export function rowChecker(imp: { kind: ImportKind; mapping: ColumnMapping; source: string }, timeZone: string): RowCheck {
  if (imp.kind === 'customers') return (cells) => customerFromRow(cells, imp.mapping);
  const ctx = { source: imp.source, timeZone };
  return (cells) => bookingFromRow(cells, imp.mapping, ctx);
}
