import { useQuery } from '@tanstack/react-query';
import type { Booking, BookingDetail, CustomerValue } from '@crm/contracts';
import { api } from '../api';
import { useKeysetList } from './keyset';

export type { Booking, BookingDetail, CustomerValue };

export const BOOKING_STATUSES: Booking['status'][] = ['inquiry', 'confirmed', 'cancelled', 'completed'];

export interface BookingFilters {
  customerId?: string;
  source?: string;
  status?: Booking['status'];
  destination?: string;
  /** YYYY-MM-DD, inclusive */
  departureFrom?: string;
  departureTo?: string;
}

/** Under 'bookings', so a merge (which moves bookings) refreshes lists, details and value figures at once. */
export const BOOKINGS_KEY = ['bookings'] as const;
const keys = {
  list: (f: BookingFilters) => [...BOOKINGS_KEY, 'list', f] as const,
  one: (id: string) => [...BOOKINGS_KEY, 'one', id] as const,
  value: (customerId: string) => [...BOOKINGS_KEY, 'value', customerId] as const,
};

/** Newest booked first. */
export const useBookingList = (filters: BookingFilters) => useKeysetList<Booking>(keys.list(filters), '/bookings', filters);

/** One customer's bookings; never shows another customer's while loading. */
export const useCustomerBookings = (customerId: string) => useKeysetList<Booking>(keys.list({ customerId }), '/bookings', { customerId }, false);

/** A booking with its status history; nothing is fetched while `id` is null. */
export function useBooking(id: string | null) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<BookingDetail>(`/bookings/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
  });
}

export function useCustomerValue(customerId: string) {
  return useQuery({
    queryKey: keys.value(customerId),
    queryFn: ({ signal }) => api<CustomerValue>(`/customers/${encodeURIComponent(customerId)}/value`, { signal }),
  });
}
