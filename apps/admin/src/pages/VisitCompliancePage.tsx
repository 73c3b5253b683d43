import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Input, Progress, Space, Spin, Table, Tag, Typography, theme } from 'antd';
import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorState } from '../components/ErrorState';
import { TierTag } from '../components/TierTag';
import { VisitsHeader, useLeads } from '../components/VisitBits';
import { VisitPlanEditor } from '../components/VisitPlanEditor';
import {
  useCalendarFeed, useComplianceList, useExecutiveDue, useManagerCompliance, useRotateFeed, type ManagerVisitCompliance, type VisitComplianceRow,
} from '../data/visits';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { barScale } from '../visit-view';

/**
 * Compliance with the tiers' service policy at a glance: per person this month, planned vs done vs missed and
 * the share of A customers visited on time (a chart and the figures), then who is overdue, who needs an
 * executive visit, and the caller's calendar feed.
 */
export function VisitCompliancePage() {
  const leads = useLeads();
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') ?? dayjs().format('YYYY-MM');
  const [planFor, setPlanFor] = useState<{ customerId: string; executive: boolean } | null>(null);
  return (
    <div>
      <VisitsHeader
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => setSearch(d && d.format('YYYY-MM') !== dayjs().format('YYYY-MM') ? { month: d.format('YYYY-MM') } : {}, { replace: true })}
            data-testid="compliance-month"
          />
        }
      />
      <ManagersCard month={month} />
      <Flex gap={16} align="flex-start" wrap>
        <OverdueCard onPlan={(customerId) => setPlanFor({ customerId, executive: false })} />
        <Flex vertical gap={16} style={{ flex: '1 1 360px' }}>
          {leads && <ExecutiveCard onPlan={(customerId) => setPlanFor({ customerId, executive: true })} />}
          <FeedCard />
        </Flex>
      </Flex>
      {planFor && <VisitPlanEditor customerId={planFor.customerId} kind={planFor.executive ? 'executive' : 'in_person'} onClose={() => setPlanFor(null)} />}
    </div>
  );
}

function ManagersCard({ month }: { month: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const report = useManagerCompliance({ month });
  const rows = report.data?.items ?? [];
  const scale = barScale(rows.map((r) => r.planned));
  const bars: [keyof ManagerVisitCompliance, string][] = [['planned', token.colorPrimary], ['done', token.colorSuccess], ['missed', token.colorWarning]];
  return (
    <Card title={t('compliance.managers.title')} style={{ marginBottom: 16 }} data-testid="compliance-managers">
      {report.isPending ? (
        <Spin />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : rows.length ? (
        <Flex gap={24} wrap>
          <Flex vertical gap={10} style={{ flex: '1 1 420px' }} role="list" aria-label={t('compliance.managers.chart')} data-testid="compliance-chart">
            <Space size={16}>
              {bars.map(([k, color]) => (
                <Space key={k} size={4}>
                  <span style={{ display: 'inline-block', width: 10, height: 10, background: color, borderRadius: 2 }} />
                  <Typography.Text type="secondary">{t(`compliance.${k}` as 'compliance.planned')}</Typography.Text>
                </Space>
              ))}
            </Space>
            {rows.map((r) => (
              <Flex key={r.userId} align="center" gap={8} role="listitem" aria-label={t('compliance.managers.row', { name: r.name, planned: r.planned, done: r.done, missed: r.missed })}>
                <Typography.Text ellipsis style={{ width: 90 }}>
                  {r.name}
                </Typography.Text>
                <Flex vertical gap={2} style={{ flex: 1 }}>
                  {bars.map(([k, color]) => (
                    <Flex key={k} align="center" gap={6}>
                      <div style={{ height: 8, width: `${Math.max(scale(r[k] as number) * 100, 0.5)}%`, background: color, borderRadius: 2 }} />
                      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                        {r[k] as number}
                      </Typography.Text>
                    </Flex>
                  ))}
                </Flex>
                <Progress type="circle" size={44} percent={r.aOnTimePercent ?? 0} format={() => (r.aOnTimePercent === null ? '—' : `${Math.round(r.aOnTimePercent)}%`)} status={r.aOnTimePercent !== null && r.aOnTimePercent < 80 ? 'exception' : 'normal'} />
              </Flex>
            ))}
          </Flex>
          <Table<ManagerVisitCompliance>
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={rows}
            style={{ flex: '1 1 520px' }}
            onRow={() => ({ 'data-testid': 'compliance-manager-row' }) as never}
            columns={[
              { key: 'name', title: t('visitPlan.manager'), dataIndex: 'name' },
              { key: 'planned', title: t('compliance.planned'), dataIndex: 'planned', align: 'right' },
              { key: 'done', title: t('compliance.done'), dataIndex: 'done', align: 'right' },
              { key: 'missed', title: t('compliance.missed'), dataIndex: 'missed', align: 'right' },
              { key: 'customers', title: t('compliance.customers'), dataIndex: 'customers', align: 'right' },
              { key: 'overdue', title: t('compliance.overdue'), align: 'right', render: (_, r) => (r.overdue ? <Typography.Text type="danger">{r.overdue}</Typography.Text> : 0) },
              { key: 'a', title: t('compliance.aOnTime'), align: 'right', render: (_, r) => (r.aOnTimePercent === null ? '—' : `${r.aOnTime}/${r.aCustomers} · ${r.aOnTimePercent}%`) },
            ]}
          />
        </Flex>
      ) : (
        <Empty description={t('compliance.managers.empty')} />
      )}
    </Card>
  );
}

function OverdueCard({ onPlan }: { onPlan: (customerId: string) => void }) {
  const { t, lang } = useI18n();
  const [onlyOverdue, setOnlyOverdue] = useState(true);
  const list = useComplianceList(onlyOverdue ? { overdue: 'true' } : {});
  return (
    <Card
      title={t('compliance.customers.title')}
      extra={
        <Button size="small" type={onlyOverdue ? 'primary' : 'default'} onClick={() => setOnlyOverdue(!onlyOverdue)}>
          {t('compliance.customers.overdueOnly')}
        </Button>
      }
      style={{ flex: '2 1 620px' }}
      data-testid="compliance-customers"
    >
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      <Table<VisitComplianceRow>
        rowKey="customerId"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
        locale={{ emptyText: onlyOverdue ? t('compliance.customers.noneOverdue') : t('compliance.customers.empty') }}
        onRow={() => ({ 'data-testid': 'compliance-customer-row' }) as never}
        columns={[
          { key: 'name', title: t('visits.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
          { key: 'tier', title: t('compliance.tier'), width: 60, render: (_, r) => <TierTag tier={r.tier as never} /> },
          { key: 'every', title: t('compliance.cadence'), width: 100, render: (_, r) => t('compliance.everyDays', { n: r.everyDays }) },
          { key: 'last', title: t('compliance.lastVisit'), render: (_, r) => (r.lastAt ? formatDate(r.lastAt, lang) : t('compliance.never')) },
          {
            key: 'due', title: t('compliance.dueBy'),
            render: (_, r) => (r.overdue ? <Tag color="red">{t('compliance.overdueDays', { n: r.daysOverdue })}</Tag> : formatDate(r.dueBy, lang)),
          },
          { key: 'next', title: t('compliance.nextPlanned'), render: (_, r) => (r.nextPlannedAt ? formatDateTime(r.nextPlannedAt, lang) : '—') },
          { key: 'plan', width: 100, render: (_, r) => <Button size="small" onClick={() => onPlan(r.customerId)}>{t('compliance.plan')}</Button> },
        ]}
      />
      {list.hasNextPage && (
        <Button block type="link" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('compliance.more')}
        </Button>
      )}
    </Card>
  );
}

function ExecutiveCard({ onPlan }: { onPlan: (customerId: string) => void }) {
  const { t, lang } = useI18n();
  const due = useExecutiveDue(true);
  return (
    <Card title={t('compliance.executive.title', { quarter: due.data?.quarter ?? '' })} data-testid="compliance-executive">
      {due.isPending ? (
        <Spin />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => due.refetch()} />
      ) : due.data.items.length ? (
        <Flex vertical gap={8}>
          {due.data.items.map((r) => (
            <Flex key={r.customerId} justify="space-between" align="center" gap={8}>
              <Space>
                <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
                <TierTag tier={r.tier as never} />
                <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>{r.overdue ? t('compliance.overdueDays', { n: r.daysOverdue }) : t('compliance.dueOn', { date: formatDate(r.dueBy, lang) })}</Typography.Text>
              </Space>
              <Button size="small" onClick={() => onPlan(r.customerId)} data-testid="executive-plan">
                {t('compliance.executive.plan')}
              </Button>
            </Flex>
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.executive.none')} />
      )}
    </Card>
  );
}

/** The caller's private calendar feed: subscribe once on the phone, visits appear there. */
function FeedCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const feed = useCalendarFeed();
  const rotate = useRotateFeed();
  const url = feed.data?.url ? `${window.location.origin}${feed.data.url}` : null;
  return (
    <Card title={<Space><CalendarOutlined />{t('feed.title')}</Space>} data-testid="calendar-feed">
      <Typography.Paragraph type="secondary">{t('feed.hint')}</Typography.Paragraph>
      {url ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={url} data-testid="calendar-feed-url" />
          <Button icon={<CopyOutlined />} onClick={() => navigator.clipboard?.writeText(url).then(() => message.success(t('feed.copied')))} aria-label={t('feed.copy')} />
        </Space.Compact>
      ) : (
        feed.data?.exists && <Typography.Paragraph>{t('feed.exists', { when: formatDateTime(feed.data.createdAt!, lang) })}</Typography.Paragraph>
      )}
      <Button style={{ marginTop: 12 }} loading={rotate.isPending} onClick={() => rotate.mutate()} data-testid="calendar-feed-rotate">
        {feed.data?.exists ? t('feed.rotate') : t('feed.create')}
      </Button>
    </Card>
  );
}
