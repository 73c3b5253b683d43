import { Alert, Badge, Button, Card, Checkbox, DatePicker, Empty, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { EditOutlined, EnvironmentOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../components/ErrorState';
import { TierTag } from '../components/TierTag';
import { UserSelect } from '../components/UserSelect';
import { VisitKindTag, VisitStatusTag, VisitsHeader, timeRange, useLeads, useVisitActions } from '../components/VisitBits';
import { useMyTasks, useTaskDone, useVisitDay, type VisitDayStop } from '../data/visits';
import { useCurrentUser } from '../data/session';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';
import { dueState } from '../visit-view';

/** My day: today's visits in route order, each with what to know before ringing the bell, and my open next steps. */
export function VisitsDayPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const leads = useLeads();
  const { params: search, setFilters } = useUrlFilters();
  const date = search.get('date') ?? dayjs().format('YYYY-MM-DD');
  const managerId = search.get('managerId') ?? user.id;
  const day = useVisitDay({ date, managerId: managerId === user.id ? undefined : managerId });
  const actions = useVisitActions();

  return (
    <div style={{ maxWidth: 1100 }}>
      <VisitsHeader
        extra={
          <Space wrap>
            {leads && <UserSelect value={managerId} onChange={(v) => setFilters({ managerId: v === user.id ? undefined : v })} style={{ width: 180 }} aria-label={t('visits.manager')} data-testid="day-manager" />}
            <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => setFilters({ date: d && !d.isSame(dayjs(), 'day') ? d.format('YYYY-MM-DD') : undefined })} data-testid="day-date" />
            <Button onClick={() => setFilters({ date: undefined })}>{t('visits.today')}</Button>
          </Space>
        }
      />
      <Flex gap={16} align="flex-start" wrap>
        <Card title={t('visits.day.title', { date: formatDate(date, lang) })} style={{ flex: '1 1 560px' }} data-testid="day-card">
          {day.isPending ? (
            <Spin />
          ) : day.isError ? (
            <ErrorState error={day.error} title={t('visits.loadError')} onRetry={() => day.refetch()} />
          ) : day.data.items.length ? (
            <>
              {day.data.conflicts.length > 0 && <Alert type="warning" showIcon title={t('visits.conflicts', { n: day.data.conflicts.length })} style={{ marginBottom: 12 }} />}
              <List dataSource={day.data.items} renderItem={(s, i) => <Stop stop={s} index={i} onAction={actions.open} conflicted={day.data.conflicts.some((c) => c.visitIds.includes(s.id))} />} />
            </>
          ) : (
            <Empty description={t('visits.day.empty')} />
          )}
        </Card>
        <MyTasks />
      </Flex>
      {actions.modal}
    </div>
  );
}

function Stop({ stop: s, index, onAction, conflicted }: { stop: VisitDayStop; index: number; onAction: (v: VisitDayStop, a: 'cancel' | 'missed' | 'move') => void; conflicted: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const started = dayjs(s.startsAt).isBefore(dayjs());
  return (
    <List.Item data-testid="day-stop" style={{ alignItems: 'flex-start' }}>
      <Flex gap={12} style={{ width: '100%' }}>
        <Badge count={s.routeOrder ?? index + 1} color="#1668dc" style={{ marginTop: 4 }} />
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{timeRange(s)}</Typography.Text>
            <Link to={`/customers/${s.customerId}`} data-testid="day-stop-customer">
              {s.customerName}
            </Link>
            <TierTag tier={s.customerTier as never} />
            <VisitKindTag kind={s.kind} />
            <VisitStatusTag status={s.status} />
            {conflicted && (
              <Tag color="red" icon={<WarningOutlined />}>
                {t('visits.conflict')}
              </Tag>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {s.place && (
              <>
                <EnvironmentOutlined /> {s.place} ·{' '}
              </>
            )}
            {s.contactName && `${s.contactName} · `}
            {s.lastVisitAt ? t('visits.day.lastVisit', { when: formatDateTime(s.lastVisitAt, lang) }) : t('visits.day.firstVisit')}
          </Typography.Text>
          {s.openComplaints > 0 && (
            <Typography.Text type="danger" data-testid="day-stop-complaints">
              {t('visits.day.openComplaints', { n: s.openComplaints })}
            </Typography.Text>
          )}
          {s.lastNextSteps.length > 0 && (
            <Typography.Text data-testid="day-stop-steps">
              {t('visits.day.lastSteps')}: {s.lastNextSteps.map((x) => `${x.title}（${x.ownerName}，${formatDate(x.dueOn, lang)}）`).join('；')}
            </Typography.Text>
          )}
        </Flex>
        <Flex vertical gap={6}>
          {s.status !== 'cancelled' && (
            <Button type={s.status === 'done' ? 'default' : 'primary'} icon={<EditOutlined />} disabled={!started} title={started ? undefined : t('visits.notStarted')} onClick={() => navigate(`/visits/${s.id}`)} data-testid="day-stop-record">
              {s.hasRecord ? t('visits.record.view') : t('visits.record.write')}
            </Button>
          )}
          {s.status === 'planned' && (
            <Space size={4}>
              <Button size="small" onClick={() => onAction(s, 'move')}>
                {t('visit.move')}
              </Button>
              <Button size="small" onClick={() => onAction(s, 'cancel')}>
                {t('visit.cancel')}
              </Button>
              {started && (
                <Button size="small" onClick={() => onAction(s, 'missed')}>
                  {t('visit.missed')}
                </Button>
              )}
            </Space>
          )}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** My open next steps from visit records, the soonest first; ticking one off marks it done. */
function MyTasks() {
  const { t, lang } = useI18n();
  const tasks = useMyTasks();
  const done = useTaskDone();
  const today = dayjs();
  return (
    <Card title={t('visits.tasks.title')} style={{ flex: '0 1 360px' }} data-testid="my-tasks">
      {tasks.isPending ? (
        <Spin />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : tasks.data.length ? (
        <List
          size="small"
          dataSource={tasks.data}
          renderItem={(x) => {
            const due = dueState(x.dueOn, today);
            return (
              <List.Item>
                <Checkbox checked={false} disabled={done.isPending} onChange={() => done.mutate({ id: x.id, done: true })} aria-label={t('visits.tasks.markDone', { title: x.title })}>
                  <Flex vertical>
                    <Typography.Text>{x.title}</Typography.Text>
                    <Typography.Text type={due === 'overdue' ? 'danger' : due === 'today' ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                      <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link> · {t('visits.tasks.due', { date: formatDate(x.dueOn, lang) })}
                    </Typography.Text>
                  </Flex>
                </Checkbox>
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.tasks.empty')} />
      )}
    </Card>
  );
}
