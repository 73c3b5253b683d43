import { useMemo } from 'react';
import { App, Button, Empty, Flex, Segmented, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { InfiniteTable } from '../components/InfiniteTable';
import { UserSelect } from '../components/UserSelect';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { useSetTaskDone, useTouchpointTasks, type TaskState, type TouchpointTask } from '../data/touchpoints';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

/** The owner's follow-up calls and birthday gifts, soonest due first; a row opens the customer. */
export function TouchpointTasksPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { params, setFilters } = useUrlFilters();
  const seesAll = canManageCustomers(useCurrentUser());
  const state: TaskState = params.get('state') === 'done' ? 'done' : 'open';
  const ownerId = (seesAll && params.get('ownerId')) || undefined;
  const filters = useMemo(() => ({ state, ownerId }), [state, ownerId]);
  const list = useTouchpointTasks(filters);
  const setDone = useSetTaskDone();
  const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD on the browser's clock

  const toggle = (task: TouchpointTask) =>
    setDone.mutate({ id: task.id, done: !task.doneAt }, { onSuccess: () => message.success(t('touchpoints.saved')), onError: (err) => message.error(err.message) });

  const columns: TableColumnsType<TouchpointTask> = [
    { key: 'kind', title: t('touchpoints.task'), width: 150, render: (_, r) => t(`touchpoints.kind.${r.kind}`) },
    { key: 'customer', title: t('touchpoints.customer'), width: 160, ellipsis: true, render: (_, r) => r.customerName },
    {
      key: 'dueOn',
      title: t('touchpoints.dueOn'),
      width: 170,
      render: (_, r) => (
        <span>
          {formatDate(r.dueOn, lang)} {!r.doneAt && r.dueOn < today && <Tag color="red">{t('touchpoints.overdue')}</Tag>}
        </span>
      ),
    },
    {
      key: 'trip',
      title: t('touchpoints.trip'),
      width: 260,
      ellipsis: true,
      render: (_, r) =>
        r.destination ? t('touchpoints.tripText', { destination: r.destination, from: r.departureDate ? formatDate(r.departureDate, lang) : '—', to: r.returnDate ? formatDate(r.returnDate, lang) : '—' }) : '—',
    },
    { key: 'owner', title: t('touchpoints.owner'), width: 120, ellipsis: true, render: (_, r) => r.ownerName },
    ...(state === 'done' ? [{ key: 'doneAt', title: t('touchpoints.done'), width: 170, render: (_: unknown, r: TouchpointTask) => (r.doneAt ? formatDateTime(r.doneAt, lang) : '—') }] : []),
    {
      key: 'action',
      width: 120,
      render: (_, r) => (
        <Button
          size="small"
          type={r.doneAt ? 'default' : 'primary'}
          loading={setDone.isPending && setDone.variables?.id === r.id}
          onClick={(e) => {
            e.stopPropagation();
            toggle(r);
          }}
          data-testid="task-toggle"
        >
          {r.doneAt ? t('touchpoints.reopen') : t('touchpoints.markDone')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('touchpoints.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('touchpoints.help')}</Typography.Text>
      <Flex wrap gap={8} align="center">
        <Segmented<TaskState>
          value={state}
          onChange={(v) => setFilters({ state: v === 'open' ? undefined : v })}
          options={[{ value: 'open', label: t('touchpoints.open') }, { value: 'done', label: t('touchpoints.done') }]}
          data-testid="task-state"
        />
        {seesAll && (
          <UserSelect
            allowClear
            aria-label={t('touchpoints.owner')}
            placeholder={t('touchpoints.owner')}
            value={ownerId}
            onChange={(v) => setFilters({ ownerId: v })}
            filter={(u) => u.role !== 'agent'}
            style={{ width: 160 }}
            data-testid="task-owner-filter"
          />
        )}
      </Flex>
      <InfiniteTable<TouchpointTask>
        list={list}
        columns={columns}
        scrollX={1000}
        testId="touchpoint-task"
        onRowClick={(r) => navigate(`/customers/${r.customerId}`)}
        loadedText={(n) => t('touchpoints.loaded', { n })}
        loadError={t('touchpoints.loadError')}
        empty={<Empty description={state === 'open' ? t('touchpoints.empty') : t('touchpoints.emptyDone')} />}
      />
    </Flex>
  );
}
