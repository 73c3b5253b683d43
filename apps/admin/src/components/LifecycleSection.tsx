import { Descriptions, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { Customer } from '@crm/contracts';
import { useHealthHistory, useStageHistory } from '../data/lifecycle';
import { formatDate, formatDateTime, formatPercent } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { HEALTH_COLORS, reasonText } from '../lifecycle-view';
import { ErrorState } from './ErrorState';
import { HealthGauge } from './HealthGauge';
import { Section } from './Section';

const stageKey = (stage: string) => `lifecycle.${stage}` as MessageKey;

/** The customer's stage, health dial with its reasons and its changes, the model's prediction and the stage history. */
export function LifecycleSection({ customer: c }: { customer: Customer }) {
  const { t, lang } = useI18n();
  const p = c.prediction;
  return (
    <Section title={t('section.lifecycle')} testId="lifecycle">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('field.lifecycleStage')}>
            <span data-testid="lifecycle-stage">
              {c.lifecycleStage ? <Tag color={c.lifecycleStage === 'at_risk' ? 'red' : undefined}>{t(stageKey(c.lifecycleStage))}</Tag> : <Typography.Text type="secondary">{t('lifecycle.section.notScored')}</Typography.Text>}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {c.health ? (
          <Flex gap={16} align="flex-start" wrap>
            <HealthGauge health={c.health} />
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 220 }} data-testid="health-reasons">
              <Typography.Text strong>{t('lifecycle.section.why')}</Typography.Text>
              {c.health.reasons.map((r) => (
                <Typography.Text key={r.component} type={r.impact > 0 ? undefined : 'secondary'} data-testid="health-reason">
                  <Tag>{t(`health.component.${r.component}`)}</Tag>
                  {reasonText(r, t, lang)}
                  {r.impact > 0 && <Typography.Text type="danger">{` · ${t('health.impact', { points: r.impact })}`}</Typography.Text>}
                </Typography.Text>
              ))}
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid="health-none">
            {t('lifecycle.section.noSale')}
          </Typography.Text>
        )}
        {p && (
          <Descriptions size="small" column={1} data-testid="prediction">
            <Descriptions.Item label={t('lifecycle.section.pAlive')}>{formatPercent(p.pAlive, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('lifecycle.section.expectedTrips')}>{t('lifecycle.section.expectedTripsValue', { n: p.expectedTrips52w })}</Descriptions.Item>
            <Descriptions.Item label={t('lifecycle.section.nextTrip')}>
              <span data-testid="next-trip">
                {p.nextTripWindow
                  ? `${formatDate(p.nextTripWindow.from, lang)} – ${formatDate(p.nextTripWindow.to, lang)} (${t(`lifecycle.basis.${p.nextTripWindow.basis}` as MessageKey)})`
                  : t('lifecycle.section.nextTripNone')}
              </span>
            </Descriptions.Item>
          </Descriptions>
        )}
        {c.health && <HealthHistory customerId={c.id} />}
        <Typography.Text type="secondary">{t('lifecycle.section.history')}</Typography.Text>
        <StageHistory customerId={c.id} />
      </Space>
    </Section>
  );
}

/** The score each time it or its band moved (one entry per change, not per night), newest first. */
function HealthHistory({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const history = useHealthHistory(customerId);
  if (history.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (history.isError) return <ErrorState error={history.error} title={t('lifecycle.section.healthHistoryError')} onRetry={() => history.refetch()} />;
  if (!history.data.length) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t('lifecycle.section.healthHistory')}</Typography.Text>
      <Flex wrap gap={4} data-testid="health-history">
        {history.data.map((h) => (
          <Tag key={h.asOf} color={h.band ? HEALTH_COLORS[h.band] : undefined} title={formatDateTime(h.asOf, lang)}>
            {h.score ?? '—'} · {formatDate(h.asOf, lang)}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

function StageHistory({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const history = useStageHistory(customerId);
  if (history.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (history.isError) return <ErrorState error={history.error} title={t('lifecycle.section.historyError')} onRetry={() => history.refetch()} />;
  if (!history.data.length) return <Typography.Text type="secondary" data-testid="stage-history-empty">{t('lifecycle.section.historyEmpty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="stage-history"
      items={history.data.map((h) => ({
        key: h.asOf,
        color: h.to === 'at_risk' ? 'red' : h.to === 'reactivated' ? 'green' : 'blue',
        content: (
          <span>
            {h.from ? t('lifecycle.section.move', { from: t(stageKey(h.from)), to: t(stageKey(h.to)) }) : t('lifecycle.section.firstStage', { to: t(stageKey(h.to)) })}{' '}
            <Typography.Text type="secondary">{formatDateTime(h.asOf, lang)}</Typography.Text>
          </span>
        ),
      }))}
    />
  );
}
