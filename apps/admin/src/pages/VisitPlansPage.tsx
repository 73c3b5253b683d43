import { useState } from 'react';
import { App, Button, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '../api';
import { ErrorState } from '../components/ErrorState';
import { UserSelect } from '../components/UserSelect';
import { VisitKindTag, VisitsHeader, useLeads } from '../components/VisitBits';
import { VisitPlanEditor } from '../components/VisitPlanEditor';
import { useEndPlan, useVisitPlans, type VisitPlan } from '../data/visits';
import { useCurrentUser } from '../data/session';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';
import { recurrenceText } from '../visit-view';

/** The fixed routes: every plan (a manager's, or the team's), what it gives, and a way to change or end it. */
export function VisitPlansPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const leads = useLeads();
  const { params: search, setFilters } = useUrlFilters();
  const managerId = search.get('managerId') ?? (leads ? undefined : user.id);
  const activeOnly = search.get('all') !== 'true';
  const plans = useVisitPlans({ managerId, active: activeOnly ? 'true' : undefined });
  const end = useEndPlan();
  const [editing, setEditing] = useState<VisitPlan | null>(null);

  return (
    <div>
      <VisitsHeader
        extra={
          <Space wrap>
            {leads && <UserSelect allowClear placeholder={t('visits.allManagers')} value={managerId} onChange={(v) => setFilters({ managerId: v ?? undefined })} style={{ width: 200 }} filter={(u) => u.role !== 'agent'} />}
            <Space>
              <Switch checked={activeOnly} onChange={(on) => setFilters({ all: on ? undefined : 'true' })} />
              {t('visitPlan.activeOnly')}
            </Space>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('visitPlan.pageHint')}</Typography.Paragraph>
      {plans.isError ? (
        <ErrorState error={plans.error} title={t('visits.loadError')} onRetry={() => plans.refetch()} />
      ) : (
        <Table<VisitPlan>
          rowKey="id"
          size="middle"
          loading={plans.isPending}
          dataSource={plans.data ?? []}
          pagination={false}
          locale={{ emptyText: t('visitPlan.empty') }}
          data-testid="plans-table"
          onRow={() => ({ 'data-testid': 'plan-row' }) as never}
          columns={[
            { key: 'customer', title: t('visits.customer'), render: (_, p) => <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link> },
            { key: 'rule', title: t('visitPlan.rule'), render: (_, p) => recurrenceText(t, p) },
            { key: 'kind', title: t('visit.kindLabel'), width: 100, render: (_, p) => <VisitKindTag kind={p.kind} /> },
            { key: 'manager', title: t('visitPlan.manager'), width: 110, dataIndex: 'managerName' },
            { key: 'place', title: t('visit.place'), render: (_, p) => p.place ?? '—' },
            { key: 'route', title: t('visitPlan.routeOrder'), width: 80, render: (_, p) => p.routeOrder ?? '—' },
            { key: 'next', title: t('visitPlan.next'), render: (_, p) => (p.nextDates.length ? p.nextDates.slice(0, 3).map((d) => formatDate(d, lang)).join('、') : t('visitPlan.ended')) },
            {
              key: 'actions', width: 150,
              render: (_, p) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(p)} data-testid="plan-edit">
                    {t('common.edit')}
                  </Button>
                  {p.nextDates.length > 0 && (
                    <Popconfirm
                      title={t('visitPlan.endConfirm')}
                      onConfirm={() => end.mutate(p.id, { onSuccess: () => message.success(t('visitPlan.endedToast')), onError: (err) => message.error(errorText(err, t('common.networkError'))) })}
                    >
                      <Button size="small" danger>
                        {t('visitPlan.end')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && <VisitPlanEditor customerId={editing.customerId} plan={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
