import { Flex, Typography, theme } from 'antd';
import type { LifecycleFunnel } from '@crm/contracts';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { funnelBars } from '../lifecycle-view';

const BAR_HEIGHT = 22;

/** Customers per lifecycle stage as horizontal bars, in lifecycle order; the at-risk bar in the warning colour. */
export function FunnelChart({ funnel }: { funnel: LifecycleFunnel }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const color = (stage: string) =>
    stage === 'at_risk' ? token.colorError : stage === 'sleeping' || stage === 'lost' ? token.colorTextQuaternary : token.colorPrimary;
  return (
    <Flex vertical gap={6} role="list" aria-label={t('lifecycle.funnel.aria')} data-testid="lifecycle-funnel">
      {funnelBars(funnel).map((b) => {
        const label = t(`lifecycle.${b.stage}` as MessageKey);
        return (
          <Flex key={b.stage} align="center" gap={8} role="listitem" aria-label={`${label} ${b.customers}`} data-testid={`funnel-${b.stage}`}>
            <Typography.Text style={{ width: 96, flex: 'none', textAlign: 'right' }}>{label}</Typography.Text>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ width: `${Math.max(b.share * 100, 0.5)}%`, height: BAR_HEIGHT, background: b.customers ? color(b.stage) : token.colorFillSecondary, borderRadius: 2 }} />
            </div>
            <Typography.Text type="secondary" style={{ width: 64, flex: 'none' }}>
              {b.customers.toLocaleString()}
            </Typography.Text>
          </Flex>
        );
      })}
      {funnel.unscored > 0 && <Typography.Text type="secondary">{t('lifecycle.funnel.unscored', { n: funnel.unscored })}</Typography.Text>}
    </Flex>
  );
}
