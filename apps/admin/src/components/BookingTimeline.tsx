import { useState } from 'react';
import { Button, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { STATUS_COLORS } from '../booking-view';
import { useCustomerBookings, type Booking } from '../data/bookings';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n/i18n';
import { BookingDrawer } from './BookingDrawer';
import { BookingStatusTag, TripDates } from './BookingBits';
import { ErrorState } from './ErrorState';
import { Section } from './Section';

/** The customer's bookings, newest booked first; one opens with its status history. */
export function BookingTimeline({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const list = useCustomerBookings(customerId);
  const [open, setOpen] = useState<string | null>(null);
  const bookings = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Section title={t('section.bookings')} testId="bookings">
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} title={t('bookings.loadError')} onRetry={() => list.refetch()} />
      ) : !bookings.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bookings.empty')} />
      ) : (
        <div style={{ maxHeight: 560, overflowY: 'auto', paddingTop: 8 }}>
          <Timeline items={bookings.map((b) => ({ key: b.id, color: STATUS_COLORS[b.status] === 'default' ? 'gray' : STATUS_COLORS[b.status], content: <Entry booking={b} onOpen={() => setOpen(b.id)} /> }))} />
          {list.hasNextPage && (
            <Button block loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {t('bookings.more')}
            </Button>
          )}
        </div>
      )}
      <BookingDrawer bookingId={open} onClose={() => setOpen(null)} />
    </Section>
  );
}

function Entry({ booking: b, onOpen }: { booking: Booking; onOpen: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="booking-item">
      <Flex justify="space-between" align="start" gap={8}>
        <Button type="link" onClick={onOpen} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}>
          {b.product ?? b.destination ?? b.externalId}
        </Button>
        <BookingStatusTag status={b.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        <TripDates booking={b} /> · {t(b.travellers === 1 ? 'booking.travellersOne' : 'booking.travellersN', { n: b.travellers })} · {formatMoney(b.amount, lang)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {b.destination && `${b.destination} · `}
        {b.source} · {t('booking.bookedAt')} {formatDate(b.bookedAt, lang)}
      </Typography.Text>
    </div>
  );
}
