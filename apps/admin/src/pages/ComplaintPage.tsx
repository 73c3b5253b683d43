import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, List, Result, Row, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { errorText, isProblem } from '../api';
import {
  allowedSteps, ATTRIBUTIONS, clockCountdown, countdownText, COUNTDOWN_COLORS, INCIDENT_CATEGORIES, INCIDENT_REPORT_FIELDS, isOpenStatus, standardRemedy,
  type Attribution, type ComplaintStep,
} from '../complaint-view';
import { CompensationCard } from '../components/CompensationCard';
import { ComplaintCustomer, ComplaintStatusTag, PriorityTag, SlaCountdown, StaffName } from '../components/ComplaintBits';
import { FollowUpCard } from '../components/FollowUpCard';
import { ErrorState } from '../components/ErrorState';
import { UserSelect } from '../components/UserSelect';
import {
  useAssignComplaint, useComplaint, useComplaintStep, useIncidentReport, useResolveComplaint, type ComplaintDetail, type ComplaintIncidentReport,
} from '../data/complaints';
import { useUsers } from '../data/users';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { useNow } from '../use-now';

export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const complaint = useComplaint(id);
  if (complaint.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (complaint.isError) {
    if (isProblem(complaint.error, 404)) return <Result status="404" title="404" subTitle={t('complaint.notFound')} extra={<Link to="/complaints">{t('complaint.back')}</Link>} />;
    return <ErrorState error={complaint.error} title={t('complaint.loadError')} onRetry={() => complaint.refetch()} />;
  }
  return <ComplaintView c={complaint.data} />;
}

function ComplaintView({ c }: { c: ComplaintDetail }) {
  const { t, lang } = useI18n();
  const incident = INCIDENT_CATEGORIES.includes(c.category);
  return (
    <div style={{ maxWidth: 1280 }}>
      <Link to="/complaints">
        <ArrowLeftOutlined /> {t('complaint.back')}
      </Link>
      <Flex align="center" wrap gap={12} style={{ margin: '12px 0 20px' }}>
        <PriorityTag priority={c.priority} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          <ComplaintCustomer id={c.customerId} /> · {t(`complaintCategory.${c.category}`)}
        </Typography.Title>
        {c.severity === 'major' && <Tag color="red">{t('severity.major')}</Tag>}
        <span data-testid="complaint-status">
          <ComplaintStatusTag status={c.status} />
        </span>
        {isOpenStatus(c.status) && <SlaCountdown complaint={c} withMetric />}
      </Flex>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-description">
              {c.description}
            </Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('complaint.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.receivedAt')}>{formatDateTime(c.receivedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.booking')}>{c.bookingExternalId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.tier')}>{c.tier ?? '—'}</Descriptions.Item>
              {c.source && <Descriptions.Item label={t('complaint.source')}>{`${c.source} / ${c.externalId}`}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <StepsCard c={c} />
          {isOpenStatus(c.status) && <ResolveCard c={c} />}
          {c.attribution && <CompensationCard c={c} />}
          {(c.status === 'resolved' || c.status === 'closed') && <FollowUpCard c={c} />}
          {incident && <IncidentReportCard c={c} />}
        </Col>
        <Col xs={24} xl={9}>
          <ClocksCard c={c} />
          <OwnerCard c={c} />
          <Card size="small" title={t('complaint.timeline')} data-testid="complaint-timeline">
            <Timeline
              items={[...c.events].reverse().map((e, i) => ({
                key: `${e.at}-${e.type}-${i}`,
                color: i === 0 ? 'blue' : 'gray',
                content: (
                  <Flex vertical data-testid="complaint-event" data-type={e.type}>
                    <Typography.Text strong>{t(`complaintEvent.${e.type}`)}</Typography.Text>
                    {e.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at, lang)} · <StaffName id={e.actorId} />
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** Every clock (the latest period of each metric), with its countdown or when it was met. */
function ClocksCard({ c }: { c: ComplaintDetail }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const latest = [...new Map(c.sla.map((k) => [k.metric, k])).values()];
  return (
    <Card size="small" title={t('complaint.clocks')} style={{ marginBottom: 16 }} data-testid="complaint-clocks">
      <List
        size="small"
        dataSource={latest}
        renderItem={(k) => {
          const cd = clockCountdown(k, now);
          return (
            <List.Item data-testid="sla-clock" data-metric={k.metric} data-state={k.state}>
              <Flex vertical gap={0}>
                <Typography.Text strong>{t(`slaMetric.${k.metric}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {k.metAt ? t('complaint.metAt', { time: formatDateTime(k.metAt, lang) }) : k.dueAt ? t('complaint.dueAt', { time: formatDateTime(k.dueAt, lang) }) : t(`slaState.${k.state}`)}
                </Typography.Text>
              </Flex>
              <Typography.Text strong style={{ color: COUNTDOWN_COLORS[cd.state] }}>
                {countdownText(t, cd)}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** The steps the complaint's state allows, each recorded with the note typed above them. */
function StepsCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const step = useComplaintStep(c.id);
  const steps = allowedSteps(c.status, c.severity);
  const take = (type: ComplaintStep) =>
    step.mutate(
      { type, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          message.success(t('complaint.stepDone', { step: t(`complaintEvent.${type}`) }));
        },
        onError: (err) => message.error(errorText(err, t('common.networkError'))),
      },
    );
  const needsReport = INCIDENT_CATEGORIES.includes(c.category) && !c.incidentReport;
  return (
    <Card size="small" title={t('complaint.steps')} style={{ marginBottom: 16 }} data-testid="complaint-steps">
      <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('complaint.stepNote')} maxLength={5000} style={{ marginBottom: 12 }} data-testid="step-note" />
      <Space wrap>
        {steps.map((s, i) => (
          <Button
            key={s}
            type={i === 0 ? 'primary' : 'default'}
            loading={step.isPending && step.variables?.type === s}
            disabled={s === 'closed' && needsReport}
            onClick={() => take(s)}
            data-testid={`step-${s}`}
          >
            {t(`complaintEvent.${s}`)}
          </Button>
        ))}
      </Space>
      {steps.includes('closed') && needsReport && <Alert type="warning" showIcon title={t('complaint.incident.hint')} style={{ marginTop: 12 }} />}
    </Card>
  );
}

interface ResolveValues {
  attribution?: Attribution;
  action?: string;
  actionOwnerId?: string;
  actionDue?: Dayjs;
  note?: string;
}

/** Resolve with an attribution; the standard remedy for it is shown and recorded (the API's proposal). */
function ResolveCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const resolve = useResolveComplaint(c.id);
  const attribution = Form.useWatch('attribution', form);
  const remedy = attribution ? standardRemedy(attribution, !!(c.source && c.bookingExternalId), new Date().toISOString().slice(0, 10)) : [];
  const onFinish = (v: ResolveValues) => {
    setErrors([]);
    resolve.mutate(
      {
        attribution: v.attribution!,
        note: v.note?.trim() || undefined,
        correctiveAction: v.action?.trim() ? { action: v.action.trim(), ownerId: v.actionOwnerId ?? null, dueOn: v.actionDue?.format('YYYY-MM-DD') ?? null } : undefined,
      },
      {
        onSuccess: () => message.success(t('complaint.resolve.done')),
        onError: (err) => setErrors(applyProblemToForm(form, err)),
      },
    );
  };
  return (
    <Card size="small" title={t('complaint.resolve.title')} style={{ marginBottom: 16 }} data-testid="complaint-resolve">
      <Form<ResolveValues> form={form} layout="vertical" onFinish={onFinish}>
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
        <Form.Item name="attribution" label={t('complaint.resolve.attribution')} rules={[{ required: true, message: t('complaint.resolve.attributionRequired') }]}>
          <Select options={ATTRIBUTIONS.map((a) => ({ value: a, label: t(`attribution.${a}`) }))} style={{ maxWidth: 320 }} data-testid="resolve-attribution" />
        </Form.Item>
        {remedy.length > 0 && (
          <Alert
            type="info"
            title={t('complaint.resolve.proposal')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="remedy-proposal">
                {remedy.map((r) => (
                  <li key={r.kind}>{t(r.key, r.vars)}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {attribution === 'service_failure' && (
          <Space wrap align="start">
            <Form.Item name="action" label={t('complaint.resolve.corrective')} style={{ width: 320 }}>
              <Input placeholder={t('complaint.resolve.correctivePlaceholder')} maxLength={1000} data-testid="resolve-action" />
            </Form.Item>
            <Form.Item name="actionOwnerId" label={t('complaint.resolve.correctiveOwner')}>
              <UserSelect allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="actionDue" label={t('complaint.resolve.correctiveDue')}>
              <DatePicker />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label={t('complaint.resolve.note')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={resolve.isPending} data-testid="resolve-submit">
          {t('complaint.resolve.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function OwnerCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const users = useUsers();
  const assign = useAssignComplaint(c.id);
  return (
    <Card size="small" title={t('complaint.owner')} style={{ marginBottom: 16 }}>
      <UserSelect
        value={c.ownerId}
        filter={(u) => u.active}
        loading={assign.isPending}
        aria-label={t('complaint.assign')}
        onChange={(ownerId) =>
          ownerId !== c.ownerId &&
          assign.mutate(ownerId, {
            onSuccess: () => message.success(t('complaint.assigned', { name: users.data?.find((u) => u.id === ownerId)?.name ?? '' })),
            onError: (err) => message.error(errorText(err, t('common.networkError'))),
          })
        }
        style={{ width: '100%' }}
        data-testid="complaint-owner"
      />
    </Card>
  );
}

/** What happened, the steps taken, the reaction, the outcome, responsibility: required before an incident is closed. */
function IncidentReportCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComplaintIncidentReport>();
  const [errors, setErrors] = useState<string[]>([]);
  const save = useIncidentReport(c.id);
  return (
    <Card size="small" title={t('complaint.incident.title')} style={{ marginBottom: 16 }} data-testid="incident-report">
      {!c.incidentReport && <Alert type="warning" showIcon title={t('complaint.incident.missing')} description={t('complaint.incident.hint')} style={{ marginBottom: 12 }} />}
      <Form<ComplaintIncidentReport>
        form={form}
        layout="vertical"
        initialValues={c.incidentReport ?? undefined}
        onFinish={(v) => {
          setErrors([]);
          save.mutate(v, { onSuccess: () => message.success(t('complaint.incident.saved')), onError: (err) => setErrors(applyProblemToForm(form, err)) });
        }}
      >
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
        {INCIDENT_REPORT_FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`incident.${f}`)} rules={[{ required: true, whitespace: true, message: t('complaint.incident.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={save.isPending}>
          {t('complaint.incident.save')}
        </Button>
      </Form>
    </Card>
  );
}
