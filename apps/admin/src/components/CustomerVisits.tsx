import { useState } from 'react';
import { App, Button, Descriptions, Divider, Empty, Flex, Input, List, Rate, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { errorText } from '../api';
import { useCurrentUser } from '../data/session';
import { useCustomerCompliance, useCustomerVisits, useInteractions, useLogInteraction, useVisitPlans, type VisitPlan } from '../data/visits';
import type { VisitCadence } from '@crm/contracts';
import { formatDate, formatDateTime } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { INTERACTION_KINDS, recurrenceText } from '../visit-view';
import { ErrorState } from './ErrorState';
import { Section } from './Section';
import { VisitKindTag, VisitStatusTag, timeRange } from './VisitBits';
import { VisitPlanEditor } from './VisitPlanEditor';

/** The customer page's visits: compliance with the tier's cadence, the fixed plans, visits and records, and one-click interactions. */
export function CustomerVisits({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [editing, setEditing] = useState<VisitPlan | 'new' | null>(null);
  if (user.role === 'agent') {
    return (
      <Section title={t('section.visits')} testId="visits">
        <Interactions customerId={customerId} />
      </Section>
    );
  }
  return (
    <Section
      title={t('section.visits')}
      testId="visits"
      extra={
        <Space size={0}>
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="customer-plan-new">
            {t('customerVisits.newPlan')}
          </Button>
          <Link to={`/visits/new?customerId=${customerId}`}>
            <Button size="small" type="link" data-testid="customer-visit-unplanned">
              {t('customerVisits.unplanned')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Compliance customerId={customerId} />
      <Plans customerId={customerId} onEdit={setEditing} />
      <Visits customerId={customerId} />
      <Divider style={{ margin: '12px 0' }} />
      <Interactions customerId={customerId} />
      {editing && <VisitPlanEditor customerId={customerId} plan={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

function CadenceText({ c }: { c: VisitCadence }) {
  const { t, lang } = useI18n();
  if (c.everyDays === null) return <Typography.Text type="secondary">{t('customerVisits.notRequired')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{t('compliance.everyDays', { n: c.everyDays })}</span>
      {c.overdue ? <Tag color="red">{t('compliance.overdueDays', { n: c.daysOverdue })}</Tag> : <Tag color="green">{t('customerVisits.dueOn', { date: formatDate(c.dueBy!, lang) })}</Tag>}
      <Typography.Text type="secondary">
        {t('compliance.lastVisit')}: {c.lastAt ? formatDate(c.lastAt, lang) : t('compliance.never')}
        {c.nextPlannedAt && ` · ${t('compliance.nextPlanned')}: ${formatDateTime(c.nextPlannedAt, lang)}`}
      </Typography.Text>
    </Space>
  );
}

function Compliance({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const c = useCustomerCompliance(customerId);
  if (c.isPending) return <Spin />;
  if (c.isError) return <ErrorState error={c.error} onRetry={() => c.refetch()} />;
  return (
    <Descriptions size="small" column={1} data-testid="customer-visit-compliance" styles={{ label: { width: 110 } }}>
      <Descriptions.Item label={t('customerVisits.visits', { mode: t(`customerVisits.mode.${c.data.visitMode}` as MessageKey) })}>
        <CadenceText c={c.data.visit} />
      </Descriptions.Item>
      <Descriptions.Item label={t('customerVisits.contact')}>
        <CadenceText c={c.data.contact} />
      </Descriptions.Item>
      {c.data.executive.everyDays !== null && (
        <Descriptions.Item label={t('customerVisits.executive')}>
          <CadenceText c={c.data.executive} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Plans({ customerId, onEdit }: { customerId: string; onEdit: (p: VisitPlan) => void }) {
  const { t } = useI18n();
  const plans = useVisitPlans({ customerId, active: 'true' });
  if (plans.isPending || plans.isError || !plans.data.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('customerVisits.plans')}</Typography.Text>}
      dataSource={plans.data}
      renderItem={(p) => (
        <List.Item data-testid="customer-plan" actions={[<Button key="e" size="small" type="link" onClick={() => onEdit(p)}>{t('common.edit')}</Button>]}>
          <Space wrap>
            <VisitKindTag kind={p.kind} />
            {recurrenceText(t, p)}
            <Typography.Text type="secondary">
              {p.managerName}
              {p.place && ` · ${p.place}`}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The next planned visits and the latest records, each opening the visit. */
function Visits({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const visits = useCustomerVisits(customerId);
  if (visits.isPending) return <Spin />;
  if (visits.isError) return <ErrorState error={visits.error} onRetry={() => visits.refetch()} />;
  const now = dayjs();
  const upcoming = visits.data.filter((v) => v.status === 'planned' && dayjs(v.startsAt).isAfter(now)).reverse().slice(0, 3);
  const past = visits.data.filter((v) => !(v.status === 'planned' && dayjs(v.startsAt).isAfter(now))).slice(0, 8);
  if (!upcoming.length && !past.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerVisits.none')} />;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('customerVisits.list')}</Typography.Text>}
      dataSource={[...upcoming, ...past]}
      renderItem={(v) => (
        <List.Item data-testid="customer-visit">
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Space wrap>
              <Link to={`/visits/${v.id}`}>
                {formatDate(v.startsAt, lang)} {timeRange(v)}
              </Link>
              <VisitKindTag kind={v.kind} />
              <VisitStatusTag status={v.status} />
              <Typography.Text type="secondary">{v.managerName}</Typography.Text>
              {v.record?.satisfaction && <Rate disabled value={v.record.satisfaction} style={{ fontSize: 12 }} />}
            </Space>
            {v.record?.feedback && (
              <Typography.Text type="secondary" ellipsis>
                {v.record.feedback}
              </Typography.Text>
            )}
            {v.record && v.record.problems.length > 0 && <Typography.Text type="danger">{t('customerVisits.problems', { n: v.record.problems.length })}</Typography.Text>}
            {v.reason && <Typography.Text type="secondary">{v.reason}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A call, message or email logged in one click; the latest ones below. */
function Interactions({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>('call');
  const [note, setNote] = useState('');
  const list = useInteractions(customerId);
  const log = useLogInteraction(customerId);
  const submit = () =>
    log.mutate(
      { kind: kind as never, note: note.trim() || null },
      { onSuccess: () => (setNote(''), message.success(t('interactions.logged'))), onError: (err) => message.error(errorText(err, t('common.networkError'))) },
    );
  return (
    <Flex vertical gap={8} data-testid="customer-interactions">
      <Typography.Text strong>{t('interactions.title')}</Typography.Text>
      <Segmented value={kind} onChange={(v) => setKind(String(v))} options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kind.${k}` as MessageKey) }))} data-testid="interaction-kind" />
      <Space.Compact>
        <Input value={note} onChange={(e) => setNote(e.target.value)} onPressEnter={submit} maxLength={2000} placeholder={t('interactions.note')} data-testid="interaction-note" />
        <Button type="primary" loading={log.isPending} onClick={submit} data-testid="interaction-log">
          {t('interactions.log')}
        </Button>
      </Space.Compact>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={(list.data ?? []).slice(0, 5)}
          locale={{ emptyText: t('interactions.empty') }}
          renderItem={(i) => (
            <List.Item data-testid="interaction-item">
              <Space wrap>
                <Tag>{t(`interactions.kind.${i.kind}` as MessageKey)}</Tag>
                {i.note}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.userName} · {formatDateTime(i.at, lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
