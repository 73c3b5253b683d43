import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, List, Modal, Radio, Rate, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorText, isProblem } from '../api';
import { COMPLAINT_CATEGORIES, SEVERITIES } from '../complaint-view';
import { ErrorState } from '../components/ErrorState';
import { TierTag } from '../components/TierTag';
import { VisitKindTag, VisitStatusTag, timeRange, useVisitActions } from '../components/VisitBits';
import { VisitRecordFields, recordInput, recordValues, type RecordValues } from '../components/VisitRecordForm';
import { useCurrentUser } from '../data/session';
import { useProblemToComplaint, useSaveRecord, useTaskDone, useVisit, type VisitDetail, type VisitRecord } from '../data/visits';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';

/** One visit: what, when, where; its communication record, written here when the visit has taken place. */
export function VisitPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const visit = useVisit(id);
  if (visit.isPending) return <Spin size="large" style={{ display: 'block', padding: 48 }} />;
  if (visit.isError) {
    if (isProblem(visit.error, 404)) return <Result status="404" title="404" subTitle={t('visit.notFound')} extra={<Link to="/visits">{t('visits.nav.day')}</Link>} />;
    return <ErrorState error={visit.error} onRetry={() => visit.refetch()} />;
  }
  return <VisitView visit={visit.data} />;
}

function VisitView({ visit: v }: { visit: VisitDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const actions = useVisitActions();
  const started = dayjs(v.startsAt).isBefore(dayjs());
  const [editing, setEditing] = useState(!v.record && started && v.status !== 'cancelled');

  return (
    <div style={{ maxWidth: 980 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
        {t('common.back')}
      </Button>
      <Flex align="center" gap={12} wrap style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>
        </Typography.Title>
        <TierTag tier={v.customerTier as never} />
        <VisitKindTag kind={v.kind} />
        <VisitStatusTag status={v.status} />
        {v.status === 'planned' && (
          <Space style={{ marginInlineStart: 'auto' }}>
            <Button onClick={() => actions.open(v, 'move')}>{t('visit.move')}</Button>
            <Button onClick={() => actions.open(v, 'cancel')}>{t('visit.cancel')}</Button>
            {started && <Button onClick={() => actions.open(v, 'missed')}>{t('visit.missed')}</Button>}
          </Space>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('visit.when')}>
            {formatDate(v.startsAt, lang)} {timeRange(v)}
          </Descriptions.Item>
          <Descriptions.Item label={t('visit.place')}>{v.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.contact')}>{v.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visitPlan.manager')}>{v.managerName}</Descriptions.Item>
          <Descriptions.Item label={t('visit.origin')}>{v.planId ? (v.detached ? t('visit.origin.moved', { date: formatDate(v.planDate!, lang) }) : t('visit.origin.plan')) : t('visit.origin.unplanned')}</Descriptions.Item>
          {v.reason && <Descriptions.Item label={t('visit.reason')}>{v.reason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {!started && v.status === 'planned' && <Alert type="info" showIcon title={t('visits.notStarted')} style={{ marginBottom: 16 }} />}
      {editing ? (
        <RecordEditor visit={v} onDone={() => setEditing(false)} />
      ) : v.record ? (
        <RecordView visit={v} record={v.record} onEdit={() => setEditing(true)} />
      ) : (
        started && v.status !== 'cancelled' && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="record-write">
            {t('visits.record.write')}
          </Button>
        )
      )}
      {actions.modal}
    </div>
  );
}

function RecordEditor({ visit: v, onDone }: { visit: VisitDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<RecordValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const save = useSaveRecord(v.id);
  const onFinish = (values: RecordValues) => {
    setErrors([]);
    save.mutate(recordInput(values), {
      onSuccess: () => {
        message.success(t('record.saved'));
        onDone();
      },
      onError: (err) => setErrors(applyProblemToForm(form, err)),
    });
  };
  return (
    <Card title={t('record.title')} data-testid="record-form-card">
      <Form<RecordValues> form={form} layout="vertical" initialValues={recordValues(v.record, me)} onFinish={onFinish} data-testid="record-form">
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
        <VisitRecordFields />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="record-submit">
            {t('record.submit')}
          </Button>
          {v.record && <Button onClick={onDone}>{t('common.cancel')}</Button>}
        </Flex>
      </Form>
    </Card>
  );
}

function RecordView({ visit: v, record: r, onEdit }: { visit: VisitDetail; record: VisitRecord; onEdit: () => void }) {
  const { t, lang } = useI18n();
  const done = useTaskDone();
  const [complaintFor, setComplaintFor] = useState<number | null>(null);
  return (
    <Card
      title={t('record.title')}
      extra={
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="record-edit">
          {t('common.edit')}
        </Button>
      }
      data-testid="record-view"
    >
      <Descriptions size="small" column={1} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('record.attendees')}>
          {r.attendees.map((a) => `${a.name}${a.role ? `（${a.role}）` : ''}${a.side === 'agency' ? ` · ${t('record.side.agency')}` : ''}`).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('record.feedback')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.feedback ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('record.satisfaction')}>{r.satisfaction ? <Rate disabled value={r.satisfaction} /> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('record.author')}>
          {r.authorName ?? '—'} · {formatDateTime(r.updatedAt, lang)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('record.problems')}</Typography.Title>
      {r.problems.length ? (
        <List
          size="small"
          dataSource={r.problems}
          renderItem={(p, i) => (
            <List.Item
              data-testid="record-problem-item"
              actions={[
                p.complaintId ? (
                  <Link key="c" to={`/complaints/${p.complaintId}`} data-testid="problem-complaint-link">
                    {t('record.complaintOpened')}
                  </Link>
                ) : (
                  <Button key="c" size="small" danger onClick={() => setComplaintFor(i)} data-testid="problem-to-complaint">
                    {t('record.toComplaint')}
                  </Button>
                ),
              ]}
            >
              {p.description}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.noProblems')} />
      )}
      <Typography.Title level={5}>{t('record.opportunities')}</Typography.Title>
      {r.opportunities.length ? (
        <List
          size="small"
          dataSource={r.opportunities}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Tag color="cyan">{t(`record.opportunity.${o.kind}` as MessageKey)}</Tag>
                {o.description}
                {o.budget !== null && o.budget !== undefined && <Typography.Text type="secondary">{formatMoney({ value: o.budget, currency: 'CNY' }, lang)}</Typography.Text>}
                {o.expectedOn && <Typography.Text type="secondary">{formatDate(o.expectedOn, lang)}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Paragraph type="secondary">—</Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('record.nextSteps')}</Typography.Title>
      {r.nextSteps.length ? (
        <List
          size="small"
          dataSource={r.nextSteps}
          renderItem={(s) => (
            <List.Item data-testid="record-step-item">
              <Checkbox checked={!!s.doneAt} disabled={done.isPending} onChange={(e) => done.mutate({ id: s.id, done: e.target.checked })}>
                <Typography.Text delete={!!s.doneAt}>{s.title}</Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary">
                {s.ownerName} · {formatDate(s.dueOn, lang)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Paragraph type="secondary">—</Typography.Paragraph>
      )}
      {complaintFor !== null && <ProblemComplaintModal visitId={v.id} index={complaintFor} description={r.problems[complaintFor].description} onClose={() => setComplaintFor(null)} />}
    </Card>
  );
}

/** One click more: the problem becomes a complaint for the complaint desk, with its category and severity. */
function ProblemComplaintModal({ visitId, index, description, onClose }: { visitId: string; index: number; description: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ category: string; severity: string }>();
  const make = useProblemToComplaint(visitId);
  const submit = (v: { category: string; severity: string }) =>
    make.mutate(
      { index, ...v },
      {
        onSuccess: (res) => {
          onClose();
          message.success({ content: t('record.complaintCreated'), key: 'complaint' });
          navigate(`/complaints/${res.complaintId}`);
        },
        onError: (err) => message.error(errorText(err, t('common.networkError'))),
      },
    );
  return (
    <Modal open title={t('record.toComplaint')} okText={t('record.toComplaintConfirm')} onOk={() => form.submit()} confirmLoading={make.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ severity: 'ordinary' }} onFinish={submit} data-testid="problem-complaint-form">
        <Form.Item name="category" label={t('complaint.category')} rules={[{ required: true, message: t('record.categoryRequired') }]}>
          <Select options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}` as MessageKey) }))} data-testid="problem-complaint-category" />
        </Form.Item>
        <Form.Item name="severity" label={t('complaint.severity')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
