import { Button, Card, Col, Flex, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../components/ErrorState';
import { ParetoChart } from '../components/ParetoChart';
import { QuadrantMatrix } from '../components/QuadrantMatrix';
import { RetierRuns } from '../components/RetierRuns';
import { TierTag } from '../components/TierTag';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { useFlaggedCustomers, useTieringSummary, useTierPolicy, type TieringSummary } from '../data/tiering';
import { formatMoney, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { cny, TIER_FLAGS, tierShares, type TierFlag } from '../tier-view';

const FLAGGED_SHOWN = 5;

/** Customers and sales per tier, the Pareto curve with the A/B lines, the matrix, the flagged customers and the job's runs. */
export function TiersPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const summary = useTieringSummary();
  const policy = useTierPolicy();
  const manager = canManageCustomers(user);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1280 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tiers.title')}
        </Typography.Title>
        {manager && (
          <Link to="/tiers/policy" data-testid="tier-policy-link">
            <Button icon={<SettingOutlined />}>{t('tiers.policy.title')}</Button>
          </Link>
        )}
      </Flex>
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <TierCards tiers={summary.data.tiers} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('tiers.pareto.title')} style={{ height: '100%' }}>
                {summary.data.pareto.length ? (
                  <ParetoChart
                    pareto={summary.data.pareto}
                    lines={policy.data ? [{ label: 'A', percent: policy.data.rules.aSharePercent }, { label: 'B', percent: policy.data.rules.bSharePercent }] : []}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('tiers.noRunYet')}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('tiers.matrix.title')} style={{ height: '100%' }}>
                <QuadrantMatrix quadrants={summary.data.quadrants} rules={policy.data?.rules} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            {TIER_FLAGS.map((f) => (
              <Col key={f} xs={24} md={8}>
                <FlagCard flag={f} count={summary.data.flags.find((c) => c.key === f)?.customers ?? 0} />
              </Col>
            ))}
          </Row>
          <RetierRuns runs={summary.data.runs} canRun={manager} />
        </>
      )}
    </Flex>
  );
}

/** One card per tier (and the untiered): customers and share of sales; a card opens the customer list of that tier. */
function TierCards({ tiers }: { tiers: TieringSummary['tiers'] }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      {tierShares(tiers).map((s) => (
        <Col key={s.tier ?? 'none'} xs={12} md={8} xl={{ flex: '20%' }}>
          <Card
            size="small"
            hoverable={!!s.tier}
            onClick={s.tier ? () => navigate(`/customers?tier=${s.tier}`) : undefined}
            data-testid={`tier-card-${s.tier ?? 'none'}`}
            style={{ height: '100%' }}
            title={s.tier ? <TierTag tier={s.tier} /> : t('tiers.untiered')}
            extra={<Typography.Text type="secondary">{t(`tiers.meaning.${s.tier ?? 'none'}`)}</Typography.Text>}
          >
            <Statistic value={s.customers} suffix={t('tiers.customersUnit')} />
            <Flex vertical>
              <Typography.Text type="secondary">{s.tier ? t('tiers.salesShare', { share: formatPercent(s.share, lang) }) : t('tiers.noSales')}</Typography.Text>
              <Typography.Text type="secondary">{s.tier ? formatMoney(cny(s.sales), lang) : '—'}</Typography.Text>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** How many customers carry the flag, the most valuable few, and the link to all of them. */
function FlagCard({ flag, count }: { flag: TierFlag; count: number }) {
  const { t, lang } = useI18n();
  const top = useFlaggedCustomers(flag, FLAGGED_SHOWN);
  return (
    <Card
      size="small"
      data-testid={`flag-${flag}`}
      title={`${t(`tiers.flags.title.${flag}`)} · ${count}`}
      extra={<Link to={`/customers?tierFlag=${flag}`}>{t('tiers.flags.all')}</Link>}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(`tiers.flags.hint.${flag}`)}
      </Typography.Paragraph>
      <List
        size="small"
        loading={top.isPending}
        dataSource={top.data ?? []}
        locale={{ emptyText: t('common.none') }}
        renderItem={(c) => (
          <List.Item style={{ paddingInline: 0 }} extra={<Typography.Text type="secondary">{formatMoney(c.lifetimeValue, lang)}</Typography.Text>}>
            <Link to={`/customers/${c.id}`}>
              <TierTag tier={c.tier} /> {c.name}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
