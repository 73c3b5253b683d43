import { useMemo } from 'react';
import { Checkbox, Empty, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { FOLLOW_UP_COLORS, FOLLOW_UP_STATUSES, followUpFiltersFromParams, followUpState } from '../complaint-handling-view';
import { ComplaintCustomer, PriorityTag, StaffName } from '../components/ComplaintBits';
import { InfiniteTable } from '../components/InfiniteTable';
import { useFollowUpList, type FollowUp } from '../data/complaint-handling';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../use-now';
import { useUrlFilters } from '../use-url-filters';

/** The satisfaction follow-ups to make, by due time: mine or everyone's, due only or all; a row opens its complaint. */
export function ComplaintFollowUpsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const now = useNow();
  const { params, setFilters } = useUrlFilters();
  const filters = useMemo(() => followUpFiltersFromParams(params), [params]);
  const list = useFollowUpList(filters);

  const columns: TableColumnsType<FollowUp> = [
    {
      key: 'state',
      title: t('followUps.status'),
      width: 100,
      render: (_, f) => {
        const state = followUpState(f, now);
        return <Tag color={FOLLOW_UP_COLORS[state]}>{state === 'due' || state === 'upcoming' ? t(`followUp.${state}`) : t(`followUpStatus.${state}`)}</Tag>;
      },
    },
    { key: 'dueAt', title: t('followUps.dueAt'), width: 180, render: (_, f) => formatDateTime(f.dueAt, lang) },
    { key: 'priority', title: t('complaint.priority'), width: 80, render: (_, f) => <PriorityTag priority={f.priority} /> },
    { key: 'customer', title: t('complaint.customer'), width: 150, ellipsis: true, render: (_, f) => <ComplaintCustomer id={f.customerId} /> },
    { key: 'category', title: t('complaint.category'), width: 100, render: (_, f) => t(`complaintCategory.${f.category}`) },
    { key: 'owner', title: t('complaint.owner'), width: 120, ellipsis: true, render: (_, f) => <StaffName id={f.ownerId} /> },
    { key: 'closedAt', title: t('followUps.closedAt'), width: 180, render: (_, f) => formatDateTime(f.closedAt, lang) },
    {
      key: 'answer',
      title: t('followUps.answer'),
      width: 240,
      ellipsis: true,
      render: (_, f) => (f.satisfied === null ? '—' : `${t(f.satisfied ? 'followUp.satisfied' : 'followUp.unsatisfied')}${f.note ? ` · ${f.note}` : ''}`),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Link to="/complaints">
        <ArrowLeftOutlined /> {t('complaint.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('followUps.title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center">
        <Select
          aria-label={t('followUps.status')}
          value={filters.status ?? 'pending'}
          onChange={(v) => setFilters({ status: v === 'pending' ? undefined : v })}
          options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`followUpStatus.${s}`) }))}
          style={{ width: 120 }}
          data-testid="follow-up-status-filter"
        />
        <Checkbox checked={filters.mine === 'true'} onChange={(e) => setFilters({ mine: e.target.checked ? 'true' : undefined })} data-testid="follow-up-mine-filter">
          {t('followUps.mine')}
        </Checkbox>
        <Checkbox checked={filters.due === 'true'} onChange={(e) => setFilters({ due: e.target.checked ? 'true' : undefined })} data-testid="follow-up-due-filter">
          {t('followUps.dueOnly')}
        </Checkbox>
      </Flex>
      <InfiniteTable<FollowUp>
        list={list}
        columns={columns}
        scrollX={1150}
        testId="follow-up"
        onRowClick={(f) => navigate(`/complaints/${f.complaintId}`)}
        loadedText={(n) => t('followUps.loaded', { n })}
        loadError={t('followUps.loadError')}
        empty={<Empty description={filters.due ? t('followUps.emptyDue') : t('followUps.empty')} />}
      />
    </Flex>
  );
}
