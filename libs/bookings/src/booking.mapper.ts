import { BookingEntity } from './booking.entity';
import { CustomerValueRow } from './bookings.repository';
import { BookingDto } from './dto/booking.dto';
import { CustomerValueDto } from './dto/customer-value.dto';

export function toBookingDto(b: BookingEntity): BookingDto {
  return {
    id: b.id,
    source: b.source,
    externalId: b.externalId,
    customerId: b.customerId,
    status: b.status,
    bookedAt: b.bookedAt.toISOString(),
    departureDate: b.departureDate,
    returnDate: b.returnDate,
    destination: b.destination,
    product: b.product,
    category: b.category,
    travellers: b.travellers,
    amount: { value: Number(b.amountValue), currency: b.amountCurrency },
    paymentDueAt: b.paymentDueAt?.toISOString() ?? null,
    paidAt: b.paidAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

const CNY = (value: string | number) => ({ value: Number(value), currency: 'CNY' });
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** Pure: the value section's figures from the one-pass SQL row. Rates are null when there is nothing to rate. */
export function toCustomerValue(customerId: string, r: CustomerValueRow): CustomerValueDto {
  return {
    customerId,
    lifetimeValue: CNY(r.lifetime_value),
    salesLast12Months: CNY(r.sales_last_12_months),
    trips: r.trips,
    firstTrip: r.first_trip,
    lastTrip: r.last_trip,
    averageOrderValue: r.trips ? CNY(Math.round(Number(r.lifetime_value) / r.trips)) : null,
    favouriteDestinations: r.destinations.map((d) => ({ key: d.key, trips: d.trips, sales: CNY(d.sales) })),
    favouriteCategories: r.categories.map((d) => ({ key: d.key, trips: d.trips, sales: CNY(d.sales) })),
    travelMonths: r.months,
    openInquiries: r.open_inquiries,
    payment: { paymentsDue: r.payments_due, paidLate: r.paid_late, shareLate: ratio(r.paid_late, r.payments_due), averageDaysLate: r.average_days_late },
    cancellations: r.cancelled,
    cancellationRate: ratio(r.cancelled, r.cancelled + r.trips),
  };
}
