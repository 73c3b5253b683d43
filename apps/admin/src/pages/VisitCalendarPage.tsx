import { useState, type DragEvent } from 'react';
import { App, Alert, Button, Flex, Space, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import { LeftOutlined, RightOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../api';
import { ErrorState } from '../components/ErrorState';
import { UserSelect } from '../components/UserSelect';
import { VisitHolidays } from '../components/VisitHolidays';
import { VisitsHeader, timeRange, useLeads } from '../components/VisitBits';
import { useMoveVisit, useVisitCalendar, type Visit } from '../data/visits';
import { useCurrentUser } from '../data/session';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';
import { DAY_END_HOUR, DAY_START_HOUR, blockOf, dropTime, durationOf, managerColor, weekDays, weekStart } from '../visit-view';

const COLUMN_HEIGHT = 700;
const TEAM = 'team';

/**
 * A week of visits per manager (managers and admins also see the whole team, a colour per person). A planned
 * visit is dragged to another day or time to move it; conflicts and holidays are marked.
 */
export function VisitCalendarPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const leads = useLeads();
  const { params: search, setFilters } = useUrlFilters();
  const monday = weekStart(search.get('week') ? dayjs(search.get('week')) : dayjs());
  const who = search.get('managerId') ?? user.id;
  const days = weekDays(monday);
  const calendar = useVisitCalendar({ from: days[0].format('YYYY-MM-DD'), to: days[6].format('YYYY-MM-DD'), managerId: who === TEAM ? undefined : who });
  const move = useMoveVisit();
  const [dragging, setDragging] = useState<string | null>(null);

  const items = calendar.data?.items ?? [];
  const conflicted = new Set(calendar.data?.conflicts.flatMap((c) => c.visitIds) ?? []);
  const managers = items.map((v) => v.managerId);

  const onDrop = (day: Dayjs) => (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const visit = items.find((v) => v.id === e.dataTransfer.getData('text/visit-id'));
    setDragging(null);
    if (!visit) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const startsAt = dropTime(day, (e.clientY - rect.top) / rect.height, durationOf(visit));
    if (startsAt.isSame(dayjs(visit.startsAt))) return;
    move.mutate(
      { id: visit.id, startsAt: startsAt.format() },
      {
        onSuccess: () => message.success(t('visits.calendar.moved', { name: visit.customerName, when: startsAt.format('MM-DD HH:mm') })),
        onError: (err) => message.error(errorText(err, t('common.networkError'))),
      },
    );
  };

  return (
    <div>
      <VisitsHeader
        extra={
          <Space wrap>
            {leads && (
              <UserSelect
                value={who === TEAM ? undefined : who}
                placeholder={t('visits.calendar.team')}
                onChange={(v) => setFilters({ managerId: v === user.id ? undefined : v })}
                style={{ width: 200 }}
                aria-label={t('visits.manager')}
                data-testid="calendar-manager"
                filter={(u) => u.role !== 'agent'}
              />
            )}
            {leads && (
              <Button type={who === TEAM ? 'primary' : 'default'} onClick={() => setFilters({ managerId: who === TEAM ? undefined : TEAM })} data-testid="calendar-team">
                {t('visits.calendar.team')}
              </Button>
            )}
            <Button icon={<LeftOutlined />} aria-label={t('visits.calendar.previous')} onClick={() => setFilters({ week: monday.subtract(7, 'day').format('YYYY-MM-DD') })} />
            <Button onClick={() => setFilters({ week: undefined })}>{t('visits.calendar.thisWeek')}</Button>
            <Button icon={<RightOutlined />} aria-label={t('visits.calendar.next')} onClick={() => setFilters({ week: monday.add(7, 'day').format('YYYY-MM-DD') })} />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('visits.calendar.hint')}</Typography.Paragraph>
      {calendar.isError && <ErrorState error={calendar.error} title={t('visits.loadError')} onRetry={() => calendar.refetch()} />}
      {calendar.data && calendar.data.conflicts.length > 0 && (
        <Alert type="warning" showIcon title={t('visits.conflicts', { n: calendar.data.conflicts.length })} style={{ marginBottom: 12 }} data-testid="calendar-conflicts" />
      )}
      <Spin spinning={calendar.isFetching || move.isPending}>
        <Flex style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, overflow: 'hidden', background: token.colorBgContainer }} data-testid="week-calendar">
          <Flex vertical style={{ width: 48, flex: 'none' }}>
            <div style={{ height: 44 }} />
            <div style={{ position: 'relative', height: COLUMN_HEIGHT }}>
              {Array.from({ length: DAY_END_HOUR - DAY_START_HOUR }, (_, i) => (
                <Typography.Text key={i} type="secondary" style={{ position: 'absolute', top: (i / (DAY_END_HOUR - DAY_START_HOUR)) * COLUMN_HEIGHT, right: 6, fontSize: 11 }}>
                  {String(DAY_START_HOUR + i).padStart(2, '0')}:00
                </Typography.Text>
              ))}
            </div>
          </Flex>
          {days.map((day) => {
            const key = day.format('YYYY-MM-DD');
            const holiday = calendar.data?.holidays.find((h) => h.date === key);
            const today = day.isSame(dayjs(), 'day');
            return (
              <Flex key={key} vertical style={{ flex: 1, minWidth: 0, borderInlineStart: `1px solid ${token.colorBorderSecondary}` }}>
                <Flex vertical align="center" justify="center" style={{ height: 44, background: today ? token.colorPrimaryBg : holiday ? token.colorWarningBg : undefined }}>
                  <Typography.Text strong={today}>{new Intl.DateTimeFormat(lang, { weekday: 'short', month: 'numeric', day: 'numeric' }).format(day.toDate())}</Typography.Text>
                  {holiday && (
                    <Typography.Text type="warning" style={{ fontSize: 11 }} data-testid="calendar-holiday">
                      {holiday.name}
                    </Typography.Text>
                  )}
                </Flex>
                <div
                  data-testid={`calendar-day-${key}`}
                  onDragOver={(e) => dragging && e.preventDefault()}
                  onDrop={onDrop(day)}
                  style={{
                    position: 'relative', height: COLUMN_HEIGHT,
                    backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${COLUMN_HEIGHT / (DAY_END_HOUR - DAY_START_HOUR) - 1}px, ${token.colorSplit} ${COLUMN_HEIGHT / (DAY_END_HOUR - DAY_START_HOUR) - 1}px, ${token.colorSplit} ${COLUMN_HEIGHT / (DAY_END_HOUR - DAY_START_HOUR)}px)`,
                  }}
                >
                  {items.filter((v) => dayjs(v.startsAt).isSame(day, 'day')).map((v) => (
                    <VisitBlock key={v.id} visit={v} color={managerColor(v.managerId, managers)} conflicted={conflicted.has(v.id)} showManager={who === TEAM}
                      onOpen={() => navigate(`/visits/${v.id}`)} onDragStart={() => setDragging(v.id)} onDragEnd={() => setDragging(null)} />
                  ))}
                </div>
              </Flex>
            );
          })}
        </Flex>
      </Spin>
      {calendar.data && !items.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="calendar-empty">
          {t('visits.calendar.empty')}
        </Typography.Paragraph>
      )}
      {leads && <VisitHolidays />}
    </div>
  );
}

function VisitBlock({ visit: v, color, conflicted, showManager, onOpen, onDragStart, onDragEnd }: {
  visit: Visit; color: string; conflicted: boolean; showManager: boolean; onOpen: () => void; onDragStart: () => void; onDragEnd: () => void;
}) {
  const { t } = useI18n();
  const { top, height } = blockOf(v.startsAt, v.endsAt);
  const movable = v.status === 'planned';
  const faded = v.status === 'cancelled' || v.status === 'missed';
  return (
    <Tooltip title={`${timeRange(v)} ${v.customerName} · ${t(`visit.kind.${v.kind}` as MessageKey)} · ${t(`visit.status.${v.status}` as MessageKey)}${v.place ? ` · ${v.place}` : ''}`}>
      <div
        role="button"
        tabIndex={0}
        draggable={movable}
        onDragStart={(e) => {
          e.dataTransfer.setData('text/visit-id', v.id);
          e.dataTransfer.effectAllowed = 'move';
          onDragStart();
        }}
        onDragEnd={onDragEnd}
        onClick={onOpen}
        onKeyDown={(e) => e.key === 'Enter' && onOpen()}
        data-testid="calendar-visit"
        data-visit-id={v.id}
        style={{
          position: 'absolute', top: `${top * 100}%`, height: `${height * 100}%`, left: 2, right: 2, minHeight: 18, overflow: 'hidden',
          borderRadius: 4, padding: '1px 4px', fontSize: 12, lineHeight: '16px', cursor: movable ? 'grab' : 'pointer', color: '#fff',
          background: color, opacity: faded ? 0.45 : 1, textDecoration: v.status === 'cancelled' ? 'line-through' : undefined,
          outline: conflicted ? '2px solid #ff4d4f' : undefined,
        }}
      >
        {conflicted && <WarningOutlined />} {dayjs(v.startsAt).format('HH:mm')} {v.customerName}
        {showManager && <div style={{ opacity: 0.85 }}>{v.managerName}</div>}
        {v.status === 'done' && <Tag color="green" style={{ marginInlineStart: 4, fontSize: 10, lineHeight: '14px', padding: '0 3px' }}>✓</Tag>}
      </div>
    </Tooltip>
  );
}
