import type { ReactNode } from 'react';
import { Col, Descriptions, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useCustomerValue, type CustomerValue } from '../data/bookings';
import { formatDate, formatMoney, formatPercent } from '../format';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { ErrorState } from './ErrorState';
import { MonthBars } from './MonthBars';
import { Section } from './Section';

const FAVOURITES_SHOWN = 5;

/** What the customer is worth and how they travel, from their bookings. */
export function CustomerValueSection({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const value = useCustomerValue(customerId);
  return (
    <Section title={t('section.value')} testId="value">
      {value.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : value.isError ? (
        <ErrorState error={value.error} title={t('value.loadError')} onRetry={() => value.refetch()} />
      ) : (
        <ValueFigures v={value.data} />
      )}
    </Section>
  );
}

function ValueFigures({ v }: { v: CustomerValue }) {
  const { t, lang } = useI18n();
  const p = v.payment;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Figure id="lifetime" title={t('value.lifetime')} value={formatMoney(v.lifetimeValue, lang)} />
        <Figure id="last12" title={t('value.last12Months')} value={formatMoney(v.salesLast12Months, lang)} />
        <Figure id="trips" title={t('value.trips')} value={v.trips} />
        <Figure id="aov" title={t('value.averageOrder')} value={v.averageOrderValue ? formatMoney(v.averageOrderValue, lang) : '—'} />
        <Figure
          id="cancellation"
          title={t('value.cancellationRate')}
          value={v.cancellationRate === null ? '—' : formatPercent(v.cancellationRate, lang)}
          note={t('value.cancellations', { n: v.cancellations })}
        />
        <Figure
          id="paid-late"
          title={t('value.paidLate')}
          value={p.shareLate === null ? '—' : formatPercent(p.shareLate, lang)}
          note={p.paymentsDue ? paymentNote(t, p) : t('value.noPaymentsDue')}
        />
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('value.firstTrip')}>{v.firstTrip ? formatDate(v.firstTrip, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('value.lastTrip')}>{v.lastTrip ? formatDate(v.lastTrip, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('value.openInquiries')}>{v.openInquiries}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Favourites testId="favourite-destinations" title={t('value.favouriteDestinations')} items={v.favouriteDestinations} label={(k) => k} />
          <Favourites testId="favourite-categories" title={t('value.favouriteCategories')} items={v.favouriteCategories} label={(k) => t(`category.${k}` as MessageKey)} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('value.travelMonths')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <MonthBars months={v.travelMonths} />
          </div>
        </Col>
      </Row>
    </Flex>
  );
}

function paymentNote(t: Translate, p: CustomerValue['payment']): string {
  const share = t('value.paidLateOf', { late: p.paidLate, due: p.paymentsDue });
  return p.averageDaysLate === null ? share : `${share} · ${t('value.averageDaysLate', { days: Math.round(p.averageDaysLate * 10) / 10 })}`;
}

function Figure({ id, title, value, note }: { id: string; title: string; value: string | number; note?: ReactNode }) {
  return (
    <Col xs={12} md={8} data-testid={`value-${id}`}>
      <Statistic title={title} value={value} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Col>
  );
}

/** The top few destinations (or kinds of trip), each with its trips and sales. */
function Favourites({ testId, title, items, label }: { testId: string; title: string; items: CustomerValue['favouriteDestinations']; label: (key: string) => string }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {items.length ? (
        items.slice(0, FAVOURITES_SHOWN).map((f) => (
          <Flex key={f.key} justify="space-between" gap={8} style={{ marginTop: 4 }}>
            <Typography.Text ellipsis>{label(f.key)}</Typography.Text>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t(f.trips === 1 ? 'value.tripsOne' : 'value.tripsN', { n: f.trips })} · {formatMoney(f.sales, lang)}
            </Typography.Text>
          </Flex>
        ))
      ) : (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
