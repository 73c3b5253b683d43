import { useMemo } from 'react';
import { Button, Checkbox, Empty, Flex, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, PhoneOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  COMPLAINT_CATEGORIES, COMPLAINT_FILTER_PARAMS, COMPLAINT_STATUSES, complaintFiltersFromParams, PRIORITIES, SEVERITIES,
} from '../complaint-view';
import { ComplaintCustomer, ComplaintStatusTag, PriorityTag, SlaCountdown, StaffName } from '../components/ComplaintBits';
import { InfiniteTable } from '../components/InfiniteTable';
import { TeamSelect } from '../components/TeamSelect';
import { UserSelect } from '../components/UserSelect';
import { useComplaintList, type Complaint } from '../data/complaints';
import { useCurrentUser } from '../data/session';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

/** The complaint desk's queue: by priority, then the nearest deadline, with live countdowns; the filters live in the URL. */
export function ComplaintsPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, setFilters, clear } = useUrlFilters();
  const filters = useMemo(() => complaintFiltersFromParams(params), [params]);
  const active = COMPLAINT_FILTER_PARAMS.some((p) => params.has(p));
  const list = useComplaintList(filters);

  const columns: TableColumnsType<Complaint> = [
    { key: 'priority', title: t('complaint.priority'), width: 80, render: (_, c) => <PriorityTag priority={c.priority} /> },
    { key: 'sla', title: t('complaint.sla'), width: 190, render: (_, c) => <SlaCountdown complaint={c} /> },
    { key: 'customer', title: t('complaint.customer'), width: 140, ellipsis: true, render: (_, c) => <ComplaintCustomer id={c.customerId} /> },
    { key: 'category', title: t('complaint.category'), width: 100, render: (_, c) => t(`complaintCategory.${c.category}`) },
    {
      key: 'severity',
      title: t('complaint.severity'),
      width: 80,
      render: (_, c) => (c.severity === 'major' ? <Tag color="red">{t('severity.major')}</Tag> : t('severity.ordinary')),
    },
    { key: 'status', title: t('complaint.status'), width: 110, render: (_, c) => <ComplaintStatusTag status={c.status} /> },
    { key: 'owner', title: t('complaint.owner'), width: 110, ellipsis: true, render: (_, c) => <StaffName id={c.ownerId} /> },
    { key: 'description', title: t('complaint.description'), width: 260, ellipsis: true, render: (_, c) => c.description },
    { key: 'receivedAt', title: t('complaint.receivedAt'), width: 190, render: (_, c) => formatDateTime(c.receivedAt, lang) },
  ];

  const select = <T extends string>(name: (typeof COMPLAINT_FILTER_PARAMS)[number], values: readonly T[], label: (v: T) => string, placeholder: string, width: number) => (
    <Select
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      value={(filters as Record<string, string | undefined>)[name]}
      onChange={(v) => setFilters({ [name]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`complaint-${name}-filter`}
      style={{ width }}
    />
  );

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('complaints.title')}
        </Typography.Title>
        <Space>
          <Link to="/complaints/follow-ups" data-testid="follow-ups-link">
            <Button icon={<PhoneOutlined />}>{t('followUps.open')}</Button>
          </Link>
          <Link to="/complaints/report" data-testid="report-link">
            <Button icon={<BarChartOutlined />}>{t('slaReport.open')}</Button>
          </Link>
          {(user.role === 'admin' || user.role === 'manager') && (
            <Link to="/complaints/sla-policy" data-testid="sla-policy-link">
              <Button icon={<SettingOutlined />}>{t('slaPolicy.link')}</Button>
            </Link>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')} data-testid="complaint-new">
            {t('complaints.new')}
          </Button>
        </Space>
      </Flex>

      <Flex wrap gap={8} align="center">
        <Checkbox checked={filters.open === 'true'} onChange={(e) => setFilters({ open: e.target.checked ? 'true' : undefined })} data-testid="complaint-open-filter">
          {t('complaints.filter.openOnly')}
        </Checkbox>
        <Checkbox checked={filters.ownerId === user.id} onChange={(e) => setFilters({ ownerId: e.target.checked ? user.id : undefined })} data-testid="complaint-mine-filter">
          {t('complaints.filter.mine')}
        </Checkbox>
        <TeamSelect
          allowClear
          aria-label={t('complaints.filter.team')}
          placeholder={t('complaints.filter.team')}
          value={filters.teamId}
          onChange={(v) => setFilters({ teamId: v })}
          data-testid="complaint-team-filter"
          style={{ width: 140 }}
        />
        {select('priority', PRIORITIES, (v) => v, t('complaints.filter.priority'), 110)}
        {select('severity', SEVERITIES, (v) => t(`severity.${v}`), t('complaints.filter.severity'), 120)}
        {select('category', COMPLAINT_CATEGORIES, (v) => t(`complaintCategory.${v}`), t('complaints.filter.category'), 130)}
        {select('status', COMPLAINT_STATUSES, (v) => t(`complaintStatus.${v}`), t('complaints.filter.status'), 140)}
        <UserSelect
          allowClear
          aria-label={t('complaints.filter.owner')}
          placeholder={t('complaints.filter.owner')}
          value={filters.ownerId}
          onChange={(v) => setFilters({ ownerId: v })}
          style={{ width: 150 }}
        />
      </Flex>

      <InfiniteTable<Complaint>
        list={list}
        columns={columns}
        scrollX={1260}
        testId="complaint"
        onRowClick={(c) => navigate(`/complaints/${c.id}`)}
        loadedText={(n) => t('complaints.loaded', { n })}
        loadError={t('complaints.loadError')}
        empty={
          <Empty description={active ? t('complaints.emptyFiltered') : t('complaints.empty')}>
            {active && <Button onClick={clear}>{t('customers.clearFilters')}</Button>}
          </Empty>
        }
      />
    </Flex>
  );
}
