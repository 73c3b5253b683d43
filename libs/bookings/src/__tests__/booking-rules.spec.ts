import { bookingBody } from '../../../../test/support/booking-fixture';
import { checkBookingItem } from '../booking-rules';

const item = (over: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) => ({ source: 'erp', externalId: 'B-1', ...bookingBody(over, customer) });
const fields = (raw: unknown) => checkBookingItem(raw).errors.map((e) => e.field);

describe('checkBookingItem', () => {
  it('accepts the contract example', () => {
    const { item: ok, errors } = checkBookingItem(item());
    expect(errors).toEqual([]);
    expect(ok).toMatchObject({ source: 'erp', externalId: 'B-1', amount: { value: 1280000 } });
  });

  it('accepts the minimum: customer reference and name, status, bookedAt, amount', () => {
    expect(checkBookingItem({ source: 'erp', externalId: 'B-2', customer: { externalId: 'C', name: 'x' }, status: 'inquiry', bookedAt: '2026-01-01T00:00:00Z', amount: { value: 0, currency: 'CNY' } }).errors).toEqual([]);
  });

  it.each([
    [{ status: 'paid' }, 'status'],
    [{ status: undefined }, 'status'],
    [{ bookedAt: '2026-03-01 10:00' }, 'bookedAt'],
    [{ bookedAt: '2026-03-01T10:00:00' }, 'bookedAt'],
    [{ departureDate: '01/04/2026' }, 'departureDate'],
    [{ departureDate: '2026-02-30', returnDate: null }, 'departureDate'],
    [{ returnDate: '2026-03-31' }, 'returnDate'],
    [{ category: 'cruise' }, 'category'],
    [{ travellers: 0 }, 'travellers'],
    [{ travellers: 2.5 }, 'travellers'],
    [{ amount: { value: 12.5, currency: 'CNY' } }, 'amount.value'],
    [{ amount: { value: -1, currency: 'CNY' } }, 'amount.value'],
    [{ amount: { value: 100, currency: 'USD' } }, 'amount.currency'],
    [{ amount: 100 }, 'amount'],
    [{ amount: undefined }, 'amount'],
    [{ paidAt: 'yesterday' }, 'paidAt'],
    [{ status: 'inquiry', paidAt: '2026-03-02T00:00:00Z' }, 'paidAt'],
    [{ paidAt: '2026-01-01T00:00:00Z' }, 'paidAt'],
    [{ destination: 'x'.repeat(101) }, 'destination'],
    [{ source: 'ERP' }, 'source'],
    [{ externalId: 'a/b' }, 'externalId'],
    [{ externalId: '' }, 'externalId'],
    [{ unknownField: 1 }, 'unknownField'],
    [{ customer: undefined }, 'customer'],
  ])('refuses %j at %s', (over, field) => {
    expect(fields(item(over))).toContain(field);
  });

  it.each([
    [{ phone: '12345' }, 'customer.phone'],
    [{ email: 'not-an-email' }, 'customer.email'],
    [{ name: '' }, 'customer.name'],
    [{ externalId: undefined }, 'customer.externalId'],
    [{ type: 'robot' }, 'customer.type'],
    [{ birthday: '1985-13-01' }, 'customer.birthday'],
    [{ tier: 'A' }, 'customer.tier'],
  ])('refuses the customer %j at %s', (customer, field) => {
    expect(fields(item({}, customer))).toContain(field);
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, 'x', 3, [item()]]) expect(checkBookingItem(raw)).toEqual({ item: null, errors: [{ field: '', message: 'each item must be an object' }] });
  });

  it('reports every broken field at once', () => {
    expect(fields(item({ status: 'x', travellers: 0 }, { phone: '1' }))).toEqual(expect.arrayContaining(['status', 'travellers', 'customer.phone']));
  });
});
