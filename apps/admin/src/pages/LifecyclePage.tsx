import { Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { StaffName } from '../components/ComplaintBits';
import { ErrorState } from '../components/ErrorState';
import { FunnelChart } from '../components/FunnelChart';
import { InfiniteTable } from '../components/InfiniteTable';
import { LifecyclePlaysCard } from '../components/LifecyclePlaysCard';
import { TierTag } from '../components/TierTag';
import { useAtRiskList, useLifecycleFunnel, type AtRiskCustomer } from '../data/lifecycle';
import { formatMoney } from '../format';
import { useI18n } from '../i18n/i18n';
import { HEALTH_COLORS, pullingReasons, reasonText } from '../lifecycle-view';

const REASONS_SHOWN = 3;

/** The morning view: who is drifting away, the most valuable first, and why; with the lifecycle funnel and the calls to make beside it. */
export function LifecyclePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const funnel = useLifecycleFunnel();
  const list = useAtRiskList();

  const columns: TableColumnsType<AtRiskCustomer> = [
    {
      key: 'name',
      title: t('lifecycle.atRisk.customer'),
      width: 180,
      ellipsis: true,
      render: (_, c) => (
        <Flex gap={6} align="center">
          {c.tier && <TierTag tier={c.tier} />}
          <Typography.Text strong>{c.name}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'owner', title: t('lifecycle.atRisk.owner'), width: 120, ellipsis: true, render: (_, c) => <StaffName id={c.owner.id} /> },
    {
      key: 'health',
      title: t('lifecycle.atRisk.health'),
      width: 90,
      render: (_, c) => c.health && <Tag color={HEALTH_COLORS[c.health.band]} data-testid="at-risk-score">{c.health.score}</Tag>,
    },
    { key: 'value', title: t('lifecycle.atRisk.valueAtRisk'), width: 140, align: 'right', render: (_, c) => formatMoney({ value: c.valueAtRisk, currency: c.lifetimeValue.currency }, lang) },
    {
      key: 'reasons',
      title: t('lifecycle.atRisk.reasons'),
      width: 520,
      render: (_, c) => (
        <Flex vertical gap={2} data-testid="at-risk-reasons">
          {pullingReasons(c.health?.reasons ?? [], REASONS_SHOWN).map((r) => (
            <Typography.Text key={r.component} style={{ fontSize: 13 }}>
              <Tag>{t(`health.component.${r.component}`)}</Tag>
              {reasonText(r, t, lang)}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 480 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('lifecycle.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('lifecycle.funnel.title')}>
            {funnel.isPending ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : funnel.isError ? (
              <ErrorState error={funnel.error} onRetry={() => funnel.refetch()} />
            ) : funnel.data.stages.every((s) => s.customers === 0) ? (
              <Typography.Text type="secondary" data-testid="funnel-empty">
                {t('lifecycle.funnel.empty')}
              </Typography.Text>
            ) : (
              <FunnelChart funnel={funnel.data} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <LifecyclePlaysCard />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('lifecycle.atRisk.title')}
      </Typography.Title>
      <InfiniteTable<AtRiskCustomer>
        list={list}
        columns={columns}
        scrollX={1050}
        testId="at-risk"
        onRowClick={(c) => navigate(`/customers/${c.id}`)}
        loadedText={(n) => t('lifecycle.atRisk.loaded', { n })}
        loadError={t('lifecycle.atRisk.loadError')}
        empty={<Empty description={t('lifecycle.atRisk.empty')} />}
      />
    </Flex>
  );
}
