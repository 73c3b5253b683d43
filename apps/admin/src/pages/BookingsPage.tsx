import { useMemo, useState } from 'react';
import { Button, DatePicker, Empty, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { BOOKING_FILTER_PARAMS, bookingFiltersFromParams } from '../booking-view';
import { BookingStatusTag, TripDates } from '../components/BookingBits';
import { BookingDrawer } from '../components/BookingDrawer';
import { DebouncedInput } from '../components/DebouncedInput';
import { InfiniteTable } from '../components/InfiniteTable';
import { BOOKING_STATUSES, useBookingList, type Booking } from '../data/bookings';
import { useCustomer } from '../data/customers';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

const DAY = 'YYYY-MM-DD';
/** Names change rarely; a row scrolled back into view should not ask again. */
const NAME_STALE_MS = 5 * 60_000;

export function BookingsPage() {
  const { t, lang } = useI18n();
  const { params, setFilters, clear, generation } = useUrlFilters();
  const filters = useMemo(() => bookingFiltersFromParams(params), [params]);
  const active = BOOKING_FILTER_PARAMS.some((p) => params.has(p));
  const list = useBookingList(filters);
  const [open, setOpen] = useState<string | null>(null);

  const columns: TableColumnsType<Booking> = [
    { key: 'bookedAt', title: t('booking.bookedAt'), width: 120, render: (_, b) => formatDate(b.bookedAt, lang) },
    { key: 'customer', title: t('booking.customer'), width: 140, ellipsis: true, render: (_, b) => <CustomerLink id={b.customerId} /> },
    { key: 'status', title: t('booking.status'), width: 90, render: (_, b) => <BookingStatusTag status={b.status} /> },
    { key: 'destination', title: t('booking.destination'), width: 100, ellipsis: true, render: (_, b) => b.destination ?? '—' },
    { key: 'product', title: t('booking.product'), width: 150, ellipsis: true, render: (_, b) => b.product ?? '—' },
    { key: 'dates', title: t('booking.dates'), width: 240, render: (_, b) => <TripDates booking={b} /> },
    { key: 'travellers', title: t('booking.travellers'), width: 100, align: 'right', render: (_, b) => b.travellers },
    { key: 'amount', title: t('booking.amount'), width: 120, align: 'right', render: (_, b) => formatMoney(b.amount, lang) },
    { key: 'source', title: t('booking.source'), width: 100, render: (_, b) => <Tag>{b.source}</Tag> },
  ];

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('bookings.title')}
      </Typography.Title>

      <Flex wrap gap={8} align="center">
        <Select
          allowClear
          aria-label={t('booking.status')}
          placeholder={t('bookings.filter.status')}
          value={filters.status}
          onChange={(v) => setFilters({ status: v })}
          options={BOOKING_STATUSES.map((v) => ({ value: v, label: t(`bookingStatus.${v}`) }))}
          data-testid="booking-status-filter"
          style={{ width: 130 }}
        />
        <DebouncedInput
          key={`source${generation}`}
          initial={filters.source}
          onCommit={(v) => setFilters({ source: v })}
          placeholder={t('bookings.filter.source')}
          aria-label={t('booking.source')}
          data-testid="booking-source-filter"
          style={{ width: 170 }}
        />
        <DebouncedInput
          key={`destination${generation}`}
          initial={filters.destination}
          onCommit={(v) => setFilters({ destination: v })}
          placeholder={t('bookings.filter.destination')}
          aria-label={t('booking.destination')}
          style={{ width: 150 }}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('bookings.filter.departureFrom'), t('bookings.filter.departureTo')]}
          value={[filters.departureFrom ? dayjs(filters.departureFrom) : null, filters.departureTo ? dayjs(filters.departureTo) : null]}
          onChange={(range) => setFilters({ departureFrom: range?.[0]?.format(DAY), departureTo: range?.[1]?.format(DAY) })}
        />
      </Flex>

      <InfiniteTable<Booking>
        list={list}
        columns={columns}
        scrollX={1160}
        testId="booking"
        onRowClick={(b) => setOpen(b.id)}
        loadedText={(n) => t('bookings.loaded', { n })}
        loadError={t('bookings.loadError')}
        empty={
          <Empty description={active ? t('bookings.emptyFiltered') : t('bookings.empty')}>
            {active && <Button onClick={clear}>{t('customers.clearFilters')}</Button>}
          </Empty>
        }
      />
      <BookingDrawer bookingId={open} onClose={() => setOpen(null)} showCustomer />
    </Flex>
  );
}

/** The booking's customer by name (looked up once per customer, then cached). */
function CustomerLink({ id }: { id: string }) {
  const { t } = useI18n();
  const customer = useCustomer(id, NAME_STALE_MS);
  return (
    <Link to={`/customers/${id}`} onClick={(e) => e.stopPropagation()} data-testid="booking-customer">
      {customer.data?.name ?? (customer.isError ? t('booking.openCustomer') : '…')}
    </Link>
  );
}
