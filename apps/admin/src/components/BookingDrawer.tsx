import { Descriptions, Drawer, Spin, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBooking } from '../data/bookings';
import { formatDateTime, formatMoney } from '../format';
import { useI18n } from '../i18n/i18n';
import { BookingStatusTag, TripDates } from './BookingBits';
import { ErrorState } from './ErrorState';

/** A booking's details and how its status changed, beside the list it was opened from. */
export function BookingDrawer({ bookingId, onClose, showCustomer }: { bookingId: string | null; onClose: () => void; showCustomer?: boolean }) {
  const { t, lang } = useI18n();
  const booking = useBooking(bookingId);
  const b = booking.data;
  return (
    <Drawer open={!!bookingId} onClose={onClose} size={480} title={b ? b.product ?? b.destination ?? b.externalId : t('common.loading')} data-testid="booking-drawer">
      {booking.isPending ? (
        <Spin />
      ) : booking.isError ? (
        <ErrorState error={booking.error} title={t('booking.loadError')} onRetry={() => booking.refetch()} />
      ) : (
        b && (
          <>
            <Descriptions size="small" column={1} style={{ marginBottom: 24 }}>
              <Descriptions.Item label={t('booking.status')}>
                <BookingStatusTag status={b.status} />
              </Descriptions.Item>
              {showCustomer && (
                <Descriptions.Item label={t('booking.customer')}>
                  <Link to={`/customers/${b.customerId}`}>{t('booking.openCustomer')}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('booking.destination')}>{b.destination ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('booking.category')}>{b.category ? t(`category.${b.category}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('booking.dates')}>
                <TripDates booking={b} />
              </Descriptions.Item>
              <Descriptions.Item label={t('booking.travellers')}>{b.travellers}</Descriptions.Item>
              <Descriptions.Item label={t('booking.amount')}>{formatMoney(b.amount, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('booking.bookedAt')}>{formatDateTime(b.bookedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('booking.paymentDueAt')}>{b.paymentDueAt ? formatDateTime(b.paymentDueAt, lang) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('booking.paidAt')}>{b.paidAt ? formatDateTime(b.paidAt, lang) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('booking.source')}>{b.source}</Descriptions.Item>
              <Descriptions.Item label={t('booking.externalId')}>
                <Typography.Text copyable>{b.externalId}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('booking.statusHistory')}</Typography.Title>
            <div data-testid="status-history">
              <Timeline
                items={[...b.statusHistory].reverse().map((h, i) => ({
                  key: `${h.at}-${h.to}`,
                  color: i === 0 ? 'blue' : 'gray',
                  content: (
                    <>
                      <div>
                        {h.from
                          ? t('booking.statusChanged', { from: t(`bookingStatus.${h.from}`), to: t(`bookingStatus.${h.to}`) })
                          : t('booking.statusCreated', { to: t(`bookingStatus.${h.to}`) })}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(h.at, lang)}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            </div>
          </>
        )
      )}
    </Drawer>
  );
}
