export * from './bookings.module';
export { BookingsService, MAX_BATCH } from './bookings.service';
export { checkBookingItem } from './booking-rules';
export { BOOKING_STATUSES, BOOKING_CATEGORIES, type BookingStatus, type BookingCategory } from './booking.entity';
export { BatchItemDto, BookingBodyDto } from './dto/booking-input.dto';
export { BatchItemResultDto } from './dto/booking.dto';
export { GENERATE_BOOKINGS_SQL, GENERATED_BOOKING_EXTRAS_SQL } from './booking-generator';
