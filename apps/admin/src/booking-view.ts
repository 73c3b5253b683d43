import type { Booking, BookingFilters, CustomerValue } from './data/bookings';
import { BOOKING_STATUSES } from './data/bookings';

/** The URL query names of the bookings list's filters (kept in the URL so a view can be shared). */
export const BOOKING_FILTER_PARAMS = ['source', 'status', 'destination', 'departureFrom', 'departureTo'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a shared link asks for; anything malformed is left out rather than sent to the API to be refused. */
export function bookingFiltersFromParams(params: URLSearchParams): BookingFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const date = (name: string) => (DATE.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  const status = params.get('status') as Booking['status'];
  return {
    source: text('source'),
    status: BOOKING_STATUSES.includes(status) ? status : undefined,
    destination: text('destination'),
    departureFrom: date('departureFrom'),
    departureTo: date('departureTo'),
  };
}

export const STATUS_COLORS: Record<Booking['status'], string> = {
  inquiry: 'blue',
  confirmed: 'green',
  completed: 'default',
  cancelled: 'red',
};

export interface MonthBar {
  month: number;
  trips: number;
  /** 0..1 of the busiest month */
  height: number;
}

/** All twelve months, January first, each with its trips and its bar's height relative to the busiest month. */
export function monthBars(travelMonths: CustomerValue['travelMonths']): MonthBar[] {
  const trips = new Map(travelMonths.map((m) => [m.month, m.trips]));
  const most = Math.max(0, ...trips.values());
  return Array.from({ length: 12 }, (_, i) => {
    const n = trips.get(i + 1) ?? 0;
    return { month: i + 1, trips: n, height: most ? n / most : 0 };
  });
}
