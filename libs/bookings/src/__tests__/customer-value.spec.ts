import { toCustomerValue } from '../booking.mapper';
import { CustomerValueRow } from '../bookings.repository';

const row = (over: Partial<CustomerValueRow> = {}): CustomerValueRow => ({
  lifetime_value: '0', sales_last_12_months: '0', trips: 0, first_trip: null, last_trip: null, open_inquiries: 0, cancelled: 0,
  payments_due: 0, paid_late: 0, average_days_late: null, destinations: [], categories: [], months: [], ...over,
});

describe('toCustomerValue', () => {
  it('has no rates and no average for a customer without bookings', () => {
    expect(toCustomerValue('c', row())).toMatchObject({ trips: 0, averageOrderValue: null, cancellationRate: null, payment: { shareLate: null, averageDaysLate: null } });
  });
  it('computes the average order value in whole fen', () => {
    expect(toCustomerValue('c', row({ lifetime_value: '1000', trips: 3 })).averageOrderValue).toEqual({ value: 333, currency: 'CNY' });
  });
  it('rates cancellations against everything decided', () => {
    expect(toCustomerValue('c', row({ trips: 3, cancelled: 1 })).cancellationRate).toBe(0.25);
    expect(toCustomerValue('c', row({ trips: 0, cancelled: 2 })).cancellationRate).toBe(1);
  });
  it('rates late payments against payments due', () => {
    expect(toCustomerValue('c', row({ payments_due: 3, paid_late: 1, average_days_late: 4.5 })).payment).toEqual({ paymentsDue: 3, paidLate: 1, shareLate: 0.333, averageDaysLate: 4.5 });
  });
  it('turns sums into money', () => {
    const v = toCustomerValue('c', row({ lifetime_value: '9007199254740', destinations: [{ key: '三亚', trips: 2, sales: '300' }] }));
    expect(v.lifetimeValue).toEqual({ value: 9007199254740, currency: 'CNY' });
    expect(v.favouriteDestinations).toEqual([{ key: '三亚', trips: 2, sales: { value: 300, currency: 'CNY' } }]);
  });
});
