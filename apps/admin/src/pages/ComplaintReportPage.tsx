import { useMemo } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { defaultReportRange } from '../complaint-handling-view';
import { durationText } from '../complaint-view';
import { CompensationTotalsView } from '../components/CompensationTotals';
import { ErrorState } from '../components/ErrorState';
import { WeeklyShareChart } from '../components/WeeklyShareChart';
import { useComplaintReport, type ComplaintReport } from '../data/complaint-handling';
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

type Figures = ComplaintReport['overall'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The service-level report: targets met per week (a chart), per target, severity, tier and owner, and the compensations given. */
export function ComplaintReportPage() {
  const { t, lang } = useI18n();
  const { params, setFilters } = useUrlFilters();
  const range = useMemo(() => {
    const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
    return DAY.test(from) && DAY.test(to) ? { from, to } : defaultReportRange(new Date());
  }, [params]);
  const report = useComplaintReport(range);

  const share = (f: Figures) => (f.share === null ? '—' : formatPercent(f.share, lang));
  const minutes = (m: number | null) => (m === null ? '—' : durationText(t, Math.round(m)));
  const figureColumns: TableColumnsType<Figures> = [
    { key: 'share', title: t('slaReport.share'), align: 'right', render: (_, f) => <Typography.Text strong>{share(f)}</Typography.Text> },
    { key: 'met', title: t('slaReport.met'), align: 'right', dataIndex: 'met' },
    { key: 'missed', title: t('slaReport.missed'), align: 'right', dataIndex: 'missed' },
    { key: 'targets', title: t('slaReport.targets'), align: 'right', dataIndex: 'targets' },
    { key: 'pending', title: t('slaReport.pending'), align: 'right', dataIndex: 'pending' },
  ];
  /** One dimension's table: its own column first, the figures, then any extra columns. */
  const table = <T extends Figures>(title: string, testId: string, rows: T[], rowKey: (r: T) => string, first: TableColumnsType<T>[number], extra: TableColumnsType<T> = []) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Table<T> size="small" rowKey={rowKey} pagination={false} dataSource={rows} columns={[first, ...(figureColumns as TableColumnsType<T>), ...extra]} data-testid={testId} />
    </Card>
  );

  const body = () => {
    if (report.isPending) {
      return (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      );
    }
    if (report.isError) return <ErrorState error={report.error} title={t('slaReport.loadError')} onRetry={() => report.refetch()} />;
    const r = report.data;
    return (
      <>
        {r.scope === 'own' && <Alert type="info" showIcon title={t('slaReport.scopeOwn')} style={{ marginBottom: 16 }} data-testid="report-scope-own" />}
        {r.complaints === 0 ? (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Empty description={t('slaReport.empty')} data-testid="report-empty" />
          </Card>
        ) : (
          <>
            <Row gutter={16}>
              <Col xs={24} lg={6}>
                <Card size="small" style={{ marginBottom: 16 }}>
                  <Flex vertical gap={16}>
                    <Statistic title={t('slaReport.share')} value={share(r.overall)} data-testid="report-share" />
                    <Typography.Text type="secondary">{t('slaReport.decided', { n: r.overall.targets })}</Typography.Text>
                    <Statistic title={t('slaReport.complaints')} value={r.complaints} data-testid="report-complaints" />
                  </Flex>
                </Card>
              </Col>
              <Col xs={24} lg={18}>
                <Card size="small" title={t('slaReport.weekly')} style={{ marginBottom: 16 }}>
                  <WeeklyShareChart weeks={r.byWeek} />
                </Card>
              </Col>
            </Row>
            {table(t('slaReport.byMetric'), 'report-by-metric', r.byMetric, (m) => m.metric, { key: 'metric', title: t('slaReport.metric'), render: (_, m) => t(`slaMetric.${m.metric}`) }, [
              { key: 'median', title: t('slaReport.median'), align: 'right', render: (_, m) => minutes(m.medianMinutes) },
              { key: 'p90', title: t('slaReport.p90'), align: 'right', render: (_, m) => minutes(m.p90Minutes) },
            ])}
            <Row gutter={16}>
              <Col xs={24} xl={12}>
                {table(t('slaReport.bySeverity'), 'report-by-severity', r.bySeverity, (s) => s.severity, { key: 'severity', title: t('slaReport.severity'), render: (_, s) => t(`severity.${s.severity}`) })}
              </Col>
              <Col xs={24} xl={12}>
                {table(t('slaReport.byTier'), 'report-by-tier', r.byTier, (s) => s.tier ?? '', { key: 'tier', title: t('slaReport.tier'), render: (_, s) => s.tier ?? t('slaReport.noTier') })}
              </Col>
            </Row>
            {table(t('slaReport.byAgent'), 'report-by-agent', r.byAgent, (a) => a.agentId, { key: 'agent', title: t('slaReport.agent'), render: (_, a) => a.agentName })}
          </>
        )}
        <Card size="small" title={t('slaReport.compensation')} style={{ marginBottom: 16 }}>
          <CompensationTotalsView totals={r.compensation} withCustomers />
        </Card>
      </>
    );
  };

  return (
    <div style={{ maxWidth: 1280 }}>
      <Link to="/complaints">
        <ArrowLeftOutlined /> {t('complaint.back')}
      </Link>
      <Flex align="center" justify="space-between" wrap gap={12} style={{ margin: '12px 0 20px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('slaReport.title')}
        </Typography.Title>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('slaReport.range')}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(v) => v?.[0] && v[1] && setFilters({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          {report.isFetching && !report.isPending && <Spin size="small" />}
        </Flex>
      </Flex>
      {body()}
    </div>
  );
}
