import { Flex, Typography, theme } from 'antd';
import { Link } from 'react-router-dom';
import type { TieringSummary, TierRules } from '@crm/contracts';
import { useI18n } from '../i18n/i18n';
import type { Quadrant } from '../tier-view';

/** Rows: scale (large above small); columns: loyalty (high left, low right). */
const GRID: Quadrant[][] = [
  ['large_loyal', 'large_disloyal'],
  ['small_loyal', 'small_disloyal'],
];

/** The scale × loyalty matrix with the customers in each quadrant; a cell opens the customer list filtered by it. */
export function QuadrantMatrix({ quadrants, rules }: { quadrants: TieringSummary['quadrants']; rules?: TierRules }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const count = (q: Quadrant) => quadrants.find((c) => c.key === q)?.customers ?? 0;
  const axis = { color: token.colorTextSecondary, fontSize: 12 };

  return (
    <div data-testid="quadrant-matrix" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr 1fr', gap: 8, alignItems: 'stretch' }}>
      <span />
      <span style={{ ...axis, textAlign: 'center' }}>{t('tiers.matrix.loyal')}</span>
      <span style={{ ...axis, textAlign: 'center' }}>{t('tiers.matrix.disloyal')}</span>
      {GRID.map((row, i) => [
        <Flex key={`axis${i}`} align="center" style={axis}>
          {t(i === 0 ? 'tiers.matrix.large' : 'tiers.matrix.small')}
        </Flex>,
        ...row.map((q) => (
          <Link
            key={q}
            to={`/customers?quadrant=${q}`}
            data-testid={`quadrant-${q}`}
            style={{ display: 'block', minHeight: 96, padding: '14px 16px', borderRadius: token.borderRadiusLG, background: token.colorFillQuaternary, border: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Typography.Title level={3} style={{ margin: 0 }}>
              {count(q)}
            </Typography.Title>
            <Typography.Text type="secondary">{t(`tiers.strategy.${q}`)}</Typography.Text>
          </Link>
        )),
      ])}
      {rules && (
        <Typography.Text type="secondary" style={{ gridColumn: '1 / -1', fontSize: 12 }}>
          {t('tiers.matrix.legend', { bookings: rules.loyaltyMinBookings, window: rules.loyaltyWindowMonths, recent: rules.loyaltyRecentMonths })}
        </Typography.Text>
      )}
    </div>
  );
}
