import { Flex, Typography, theme } from 'antd';
import { monthBars } from '../booking-view';
import type { CustomerValue } from '../data/bookings';
import { formatMonth } from '../format';
import { useI18n } from '../i18n/i18n';

const BAR_HEIGHT = 56;

/** Trips per calendar month as twelve small bars: when this customer likes to travel. */
export function MonthBars({ months }: { months: CustomerValue['travelMonths'] }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  return (
    <Flex align="flex-end" gap={4} role="list" aria-label={t('value.travelMonths')} data-testid="travel-months">
      {monthBars(months).map((b) => {
        const label = t('value.monthTrips', { month: formatMonth(b.month, lang), n: b.trips });
        return (
          <Flex key={b.month} vertical align="center" gap={2} role="listitem" aria-label={label} title={label} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 11, lineHeight: '14px', minHeight: 14 }}>
              {b.trips || ''}
            </Typography.Text>
            <div
              style={{
                width: '70%',
                height: Math.max(b.height * BAR_HEIGHT, 2),
                background: b.trips ? token.colorPrimary : token.colorFillSecondary,
                borderRadius: 2,
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
              {formatMonth(b.month, lang)}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
