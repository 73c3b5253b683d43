import { useMemo } from 'react';
import dayjs from 'dayjs';
import { Button, Card, DatePicker, Empty, Flex, Skeleton, Spin, Statistic, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { ErrorState } from '../components/ErrorState';
import { useNpsAnswers, useNpsReport, type NpsAnswer, type NpsReport } from '../data/touchpoints';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { formatNps, formatYearMonth, npsBar, npsTone, shiftMonth, type NpsTone } from '../touchpoint-view';
import { useUrlFilters } from '../use-url-filters';

const TONE_COLOR: Record<NpsTone, string> = { good: 'green', fair: 'gold', poor: 'red', none: 'default' };
const HALF_HEIGHT = 60;
type Figure = NpsReport['overall'];

function NpsTag({ nps }: { nps: number | null }) {
  const { lang } = useI18n();
  return <Tag color={TONE_COLOR[npsTone(nps)]}>{formatNps(nps, lang)}</Tag>;
}

/** One bar per month around a zero line: above for a positive NPS, below for a negative one. */
function MonthChart({ months }: { months: NpsReport['byMonth'] }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  return (
    <Flex align="stretch" gap={4} role="list" aria-label={t('nps.byMonth')} data-testid="nps-month-chart" style={{ overflowX: 'auto' }}>
      {months.map((m) => {
        const bar = npsBar(m.nps);
        const month = formatYearMonth(m.month, lang);
        const label = m.responses ? t('nps.monthBar', { month, nps: formatNps(m.nps, lang), n: m.responses }) : t('nps.monthEmpty', { month });
        const color = m.nps !== null && m.nps < 0 ? token.colorError : token.colorPrimary;
        return (
          <Flex key={m.month} vertical align="center" role="listitem" aria-label={label} title={label} style={{ flex: 1, minWidth: 44 }} data-testid="nps-month">
            <Typography.Text type="secondary" style={{ fontSize: 11, minHeight: 16 }}>
              {m.responses ? formatNps(m.nps, lang) : ''}
            </Typography.Text>
            <Flex vertical justify="flex-end" style={{ height: HALF_HEIGHT, width: '60%' }}>
              <div style={{ height: bar.up * HALF_HEIGHT, background: color, borderRadius: '2px 2px 0 0' }} />
            </Flex>
            <div style={{ height: 1, width: '100%', background: token.colorBorder }} />
            <Flex vertical justify="flex-start" style={{ height: HALF_HEIGHT, width: '60%' }}>
              <div style={{ height: bar.down * HALF_HEIGHT, background: color, borderRadius: '0 0 2px 2px' }} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
              {month}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {m.responses ? `n=${m.responses}` : ''}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}

function figureColumns<T extends Figure>(t: ReturnType<typeof useI18n>['t']): TableColumnsType<T> {
  return [
    { key: 'nps', title: t('nps.value'), width: 90, render: (_, r) => <NpsTag nps={r.nps} /> },
    { key: 'responses', title: t('nps.responses'), width: 80, align: 'right', render: (_, r) => r.responses },
    { key: 'promoters', title: t('nps.promoters'), width: 80, align: 'right', render: (_, r) => r.promoters },
    { key: 'passives', title: t('nps.passives'), width: 80, align: 'right', render: (_, r) => r.passives },
    { key: 'detractors', title: t('nps.detractors'), width: 80, align: 'right', render: (_, r) => r.detractors },
  ];
}

function Answers() {
  const { t, lang } = useI18n();
  const list = useNpsAnswers();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns: TableColumnsType<NpsAnswer> = [
    { key: 'answeredAt', title: t('nps.answeredAt'), width: 170, render: (_, a) => formatDateTime(a.answeredAt, lang) },
    { key: 'customer', title: t('nps.customer'), width: 140, ellipsis: true, render: (_, a) => a.customerName },
    { key: 'score', title: t('nps.score'), width: 70, align: 'right', render: (_, a) => <Tag color={a.score >= 9 ? 'green' : a.score >= 7 ? 'gold' : 'red'}>{a.score}</Tag> },
    { key: 'manager', title: t('nps.manager'), width: 120, ellipsis: true, render: (_, a) => a.managerName },
    { key: 'destination', title: t('nps.destination'), width: 120, ellipsis: true, render: (_, a) => a.destination ?? t('nps.unknownDestination') },
    { key: 'comment', title: t('nps.comment'), render: (_, a) => a.comment ?? '—' },
  ];
  if (list.isError && !list.data) return <ErrorState error={list.error} title={t('nps.loadError')} onRetry={() => list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Table<NpsAnswer>
        size="small"
        rowKey="id"
        data-testid="nps-answers"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={list.isPending}
        scroll={{ x: 900 }}
        locale={{ emptyText: list.isPending ? <div style={{ height: 80 }} /> : <Empty description={t('nps.answersEmpty')} /> }}
      />
      <Flex gap={12} align="center">
        <Typography.Text type="secondary">{list.isPending ? t('common.loading') : t('nps.answersLoaded', { n: rows.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button size="small" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('nps.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/** NPS over a range of months: overall, a bar per month, per account manager and per destination, and the latest answers. */
export function NpsDashboardPage() {
  const { t, lang } = useI18n();
  const { params, setFilters } = useUrlFilters();
  const thisMonth = dayjs().format('YYYY-MM');
  const to = params.get('to') ?? thisMonth;
  const from = params.get('from') ?? shiftMonth(to, -11);
  const report = useNpsReport({ from, to });
  const data = report.data;

  const body = () => {
    if (report.isError && !data) return <ErrorState error={report.error} title={t('nps.loadError')} onRetry={() => report.refetch()} />;
    if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
    const managerColumns: TableColumnsType<NpsReport['byManager'][number]> = [
      { key: 'manager', title: t('nps.manager'), ellipsis: true, render: (_, r) => r.managerName },
      ...figureColumns<NpsReport['byManager'][number]>(t),
    ];
    const destinationColumns: TableColumnsType<NpsReport['byDestination'][number]> = [
      { key: 'destination', title: t('nps.destination'), ellipsis: true, render: (_, r) => r.destination ?? t('nps.unknownDestination') },
      ...figureColumns<NpsReport['byDestination'][number]>(t),
    ];
    return (
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex wrap gap={40} data-testid="nps-overall">
            <Statistic title={t('nps.overall')} value={formatNps(data.overall.nps, lang)} />
            <Statistic title={t('nps.responses')} value={data.overall.responses} />
            <Statistic title={t('nps.promoters')} value={data.overall.promoters} />
            <Statistic title={t('nps.passives')} value={data.overall.passives} />
            <Statistic title={t('nps.detractors')} value={data.overall.detractors} />
          </Flex>
        </Card>
        <Card size="small" title={t('nps.byMonth')}>
          {data.overall.responses ? <MonthChart months={data.byMonth} /> : <Empty description={t('nps.noAnswers')} />}
        </Card>
        <Flex gap={16} wrap align="flex-start">
          <Card size="small" title={t('nps.byManager')} style={{ flex: '1 1 460px' }}>
            <Table size="small" rowKey="managerId" data-testid="nps-by-manager" columns={managerColumns} dataSource={data.byManager} pagination={false} locale={{ emptyText: <Empty description={t('nps.noAnswers')} /> }} />
          </Card>
          <Card size="small" title={t('nps.byDestination')} style={{ flex: '1 1 460px' }}>
            <Table size="small" rowKey={(r) => r.destination ?? ''} data-testid="nps-by-destination" columns={destinationColumns} dataSource={data.byDestination} pagination={false} locale={{ emptyText: <Empty description={t('nps.noAnswers')} /> }} />
          </Card>
        </Flex>
        <Card size="small" title={t('nps.answers')}>
          <Answers />
        </Card>
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nps.title')}
        </Typography.Title>
        <Flex align="center" gap={8}>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            aria-label={`${t('nps.from')} – ${t('nps.to')}`}
            value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
            onChange={(v) => v?.[0] && v[1] && setFilters({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') === thisMonth ? undefined : v[1].format('YYYY-MM') })}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            data-testid="nps-range"
          />
          {report.isFetching && !report.isPending && <Spin size="small" />}
        </Flex>
      </Flex>
      <Typography.Text type="secondary">{t('nps.help')}</Typography.Text>
      {body()}
    </Flex>
  );
}
