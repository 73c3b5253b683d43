import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Skeleton, Space, Statistic, Tag, Typography, theme } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ProblemError } from '../api';
import { CampaignEditor } from '../components/CampaignEditor';
import { MessageList } from '../components/CustomerMessages';
import { ErrorState } from '../components/ErrorState';
import { useCampaignResults, useDeleteCampaign, type CampaignResults, type GroupFigures } from '../data/campaigns';
import { formatDateTime, formatMoney, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { channelList, conversionBars, quietHoursText } from '../campaign-view';
import { NotFoundPage } from './NotFoundPage';

/** One campaign: its settings, and its measured effect — the messaged group against the hold-out — with its messages. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const results = useCampaignResults(id);
  const remove = useDeleteCampaign();
  const [editing, setEditing] = useState(false);

  if (results.isError && results.error instanceof ProblemError && results.error.status === 404) return <NotFoundPage />;
  if (results.isError) return <ErrorState error={results.error} title={t('campaigns.resultsError')} onRetry={() => results.refetch()} />;
  if (!results.data) return <Skeleton active />;
  const r = results.data;
  const c = r.campaign;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Breadcrumb items={[{ title: <Link to="/campaigns">{t('campaigns.back')}</Link> }, { title: c.name }]} />
      <Flex justify="space-between" align="center">
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="campaign-title">
            {c.name}
          </Typography.Title>
          <Tag color={c.active ? 'green' : 'default'}>{c.active ? t('campaigns.active') : t('campaigns.inactive')}</Tag>
        </Space>
        <Space>
          <Button onClick={() => setEditing(true)} data-testid="campaign-edit">
            {t('campaigns.edit')}
          </Button>
          <Popconfirm
            title={t('campaigns.deleteConfirm')}
            okText={t('campaigns.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutate(c.id, {
                onSuccess: () => {
                  message.success(t('campaigns.deleted'));
                  navigate('/campaigns');
                },
                onError: (e) => message.error(e.message),
              })
            }
          >
            <Button danger loading={remove.isPending}>
              {t('campaigns.delete')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>

      <Card size="small" title={t('campaigns.settings')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 4 }}>
          <Descriptions.Item label={t('campaigns.discount')}>{t('campaigns.off', { n: c.discountPercent })}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.holdout')}>{`${c.holdoutPercent}%`}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.channels')}>{channelList(c, t)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.quietHours')}>{quietHoursText(c, t)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('campaigns.results')} data-testid="campaign-results">
        <Typography.Paragraph type="secondary">{t('campaigns.resultsHelp', { days: r.conversionDays, asOf: formatDateTime(r.asOf, lang) })}</Typography.Paragraph>
        {r.treated.customers + r.control.customers === 0 ? (
          <Typography.Text type="secondary" data-testid="campaign-nobody">
            {t('campaigns.nobodyYet')}
          </Typography.Text>
        ) : (
          <Row gutter={[24, 16]}>
            <Col xs={24} lg={14}>
              <FiguresTable results={r} />
            </Col>
            <Col xs={24} lg={10}>
              <ConversionChart treated={r.treated} control={r.control} />
            </Col>
            <Col span={24}>
              <LiftFigures results={r} />
            </Col>
          </Row>
        )}
      </Card>

      <Card size="small" title={t('campaigns.messages')}>
        <MessageList filters={{ campaignId: c.id }} showCustomer />
      </Card>
      {editing && <CampaignEditor campaign={c} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

function FiguresTable({ results }: { results: CampaignResults }) {
  const { t, lang } = useI18n();
  const rate = (g: GroupFigures) => (g.conversionRate === null ? '—' : formatPercent(g.conversionRate, lang));
  const money = (g: GroupFigures, per: boolean) =>
    g.revenue.length ? g.revenue.map((m) => (per ? (m.perCustomer === null ? '—' : formatMoney({ currency: m.currency, value: Math.round(m.perCustomer) }, lang)) : formatMoney(m, lang))).join(' · ') : '—';
  const rows: [string, (g: GroupFigures) => string | number][] = [
    [t('campaigns.customers'), (g) => g.customers],
    [t('campaigns.sent'), (g) => g.sent],
    [t('campaigns.converted'), (g) => g.converted],
    [t('campaigns.conversionRate'), rate],
    [t('campaigns.revenue'), (g) => money(g, false)],
    [t('campaigns.revenuePerCustomer'), (g) => money(g, true)],
  ];
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="campaign-figures">
      <thead>
        <tr>
          <th />
          <th style={{ textAlign: 'right' }}>{t('campaigns.treated')}</th>
          <th style={{ textAlign: 'right' }}>{t('campaigns.control')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td style={{ padding: '4px 0' }}>{label}</td>
            <td style={{ textAlign: 'right' }} data-testid="figure-treated">{value(results.treated)}</td>
            <td style={{ textAlign: 'right' }} data-testid="figure-control">{value(results.control)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHART_HEIGHT = 120;

/** Two bars: the conversion rate of the messaged group and of the control group. */
function ConversionChart({ treated, control }: { treated: GroupFigures; control: GroupFigures }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const bars = conversionBars(treated, control);
  const bar = (label: string, g: GroupFigures, height: number, color: string) => {
    const value = g.conversionRate === null ? '—' : formatPercent(g.conversionRate, lang);
    return (
      <Flex vertical align="center" gap={4} role="listitem" aria-label={`${label} ${value}`} style={{ flex: 1 }}>
        <Typography.Text strong>{value}</Typography.Text>
        <div style={{ width: 56, height: Math.max(height * CHART_HEIGHT, 2), background: color, borderRadius: 3 }} />
        <Typography.Text type="secondary">{label}</Typography.Text>
      </Flex>
    );
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('campaigns.chart')}</Typography.Text>
      <Flex align="flex-end" gap={24} role="list" aria-label={t('campaigns.chart')} data-testid="campaign-chart" style={{ minHeight: CHART_HEIGHT + 48 }}>
        {bar(t('campaigns.treated'), treated, bars.treated, token.colorPrimary)}
        {bar(t('campaigns.control'), control, bars.control, token.colorTextQuaternary)}
      </Flex>
    </Flex>
  );
}

function LiftFigures({ results }: { results: CampaignResults }) {
  const { t, lang } = useI18n();
  const { lift } = results;
  if (lift.conversionRate === null) return <Typography.Text type="secondary">{t('campaigns.noLift')}</Typography.Text>;
  const points = Math.round(lift.conversionRate * 1000) / 10;
  return (
    <Flex wrap gap={32} data-testid="campaign-lift">
      <Statistic title={t('campaigns.liftRate')} value={t('campaigns.points', { n: points > 0 ? `+${points}` : points })} />
      <Statistic title={t('campaigns.liftRelative')} value={lift.relative === null ? '—' : `${lift.relative > 0 ? '+' : ''}${formatPercent(lift.relative, lang)}`} />
      <Statistic title={t('campaigns.incrementalConversions')} value={lift.incrementalConversions!.toFixed(1)} />
      <Statistic title={t('campaigns.incrementalRevenue')} value={lift.incrementalRevenue.map((m) => formatMoney(m, lang)).join(' · ') || '—'} />
    </Flex>
  );
}
