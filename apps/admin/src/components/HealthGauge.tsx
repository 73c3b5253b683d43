import { Progress, theme } from 'antd';
import type { Customer } from '@crm/contracts';
import { useI18n } from '../i18n/i18n';

type Health = NonNullable<Customer['health']>;

/** The health score as a dial, coloured by its band. */
export function HealthGauge({ health, size = 96 }: { health: Health; size?: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const color = { green: token.colorSuccess, yellow: token.colorWarning, red: token.colorError }[health.band];
  const band = t(`health.band.${health.band}`);
  return (
    <Progress
      type="dashboard"
      percent={health.score}
      size={size}
      strokeColor={color}
      format={() => (
        <span style={{ color }}>
          {health.score}
          <div style={{ fontSize: 12 }}>{band}</div>
        </span>
      )}
      aria-label={t('health.gauge', { score: health.score, band })}
      data-testid="health-gauge"
    />
  );
}
