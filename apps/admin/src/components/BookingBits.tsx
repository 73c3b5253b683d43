import { Tag } from 'antd';
import { STATUS_COLORS } from '../booking-view';
import type { Booking } from '../data/bookings';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

export function BookingStatusTag({ status }: { status: Booking['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`bookingStatus.${status}`)}
    </Tag>
  );
}

/** "Apr 1, 2026 – Apr 5, 2026", the departure alone, or a dash. */
export function TripDates({ booking: b }: { booking: Pick<Booking, 'departureDate' | 'returnDate'> }) {
  const { lang } = useI18n();
  if (!b.departureDate) return <>—</>;
  return (
    <>
      {formatDate(b.departureDate, lang)}
      {b.returnDate && ` – ${formatDate(b.returnDate, lang)}`}
    </>
  );
}
