import { useState, type ReactNode } from 'react';
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Segmented, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocation, useNavigate } from 'react-router-dom';
import { applyProblemToForm } from '../problem-form';
import { durationOf, STATUS_COLORS } from '../visit-view';
import { useMoveVisit, useVisitStatus, type Visit } from '../data/visits';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { useI18n, type MessageKey } from '../i18n/i18n';

export function VisitStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="visit-status">
      {t(`visit.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function VisitKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <Tag color={kind === 'executive' ? 'purple' : undefined}>{t(`visit.kind.${kind}` as MessageKey)}</Tag>;
}

/** The visits section's title and its pages (My day, calendar, plans, compliance). */
export function VisitsHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const pages = [
    { value: '/visits', label: t('visits.nav.day') },
    { value: '/visits/calendar', label: t('visits.nav.calendar') },
    { value: '/visits/plans', label: t('visits.nav.plans') },
    { value: '/visits/compliance', label: t('visits.nav.compliance') },
  ];
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.visits')}
        </Typography.Title>
        <Segmented value={path} options={pages} onChange={(v) => navigate(String(v))} data-testid="visits-nav" />
      </Flex>
      {extra}
    </Flex>
  );
}

/** Whether the signed-in user sees the team (managers, admins) or only themselves. */
export function useLeads(): boolean {
  return canManageCustomers(useCurrentUser());
}

/** Asks why a visit is cancelled or was missed, then records it. */
export function ReasonModal({ visit, action, onClose }: { visit: Visit; action: 'cancel' | 'missed'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const status = useVisitStatus();
  const submit = (v: { reason: string }) =>
    status.mutate(
      { id: visit.id, action, reason: v.reason },
      { onSuccess: () => (message.success(t(`visit.${action}.done` as MessageKey)), onClose()), onError: (err) => message.error(applyProblemToForm(form, err).join('；') || t('common.error')) },
    );
  return (
    <Modal open title={t(`visit.${action}.title` as MessageKey, { name: visit.customerName })} okText={t(`visit.${action}` as MessageKey)} onOk={() => form.submit()} confirmLoading={status.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid={`visit-${action}-form`}>
        <Form.Item name="reason" label={t('visit.reason')} rules={[{ required: true, whitespace: true, message: t('visit.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} autoFocus data-testid="visit-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Moves one visit to another time (the plan stays as it is). */
export function MoveModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ startsAt: Dayjs; durationMinutes: number }>();
  const move = useMoveVisit();
  const submit = (v: { startsAt: Dayjs; durationMinutes: number }) =>
    move.mutate(
      { id: visit.id, startsAt: v.startsAt.format(), durationMinutes: v.durationMinutes },
      { onSuccess: () => (message.success(t('visit.moved')), onClose()), onError: (err) => message.error(applyProblemToForm(form, err).join('；') || t('common.error')) },
    );
  return (
    <Modal open title={t('visit.move.title', { name: visit.customerName })} okText={t('visit.move')} onOk={() => form.submit()} confirmLoading={move.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ startsAt: dayjs(visit.startsAt), durationMinutes: durationOf(visit) }}>
        <Flex gap={16}>
          <Form.Item name="startsAt" label={t('visit.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" data-testid="visit-move-time" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('visit.duration')} rules={[{ required: true }]}>
            <InputNumber min={5} max={720} step={15} suffix={t('visit.minutes')} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** The open modal of a visit list: which visit and what is being done to it. */
export function useVisitActions() {
  const [open, setOpen] = useState<{ visit: Visit; action: 'cancel' | 'missed' | 'move' } | null>(null);
  const modal = open ? (
    open.action === 'move' ? <MoveModal visit={open.visit} onClose={() => setOpen(null)} /> : <ReasonModal visit={open.visit} action={open.action} onClose={() => setOpen(null)} />
  ) : null;
  return { open: (visit: Visit, action: 'cancel' | 'missed' | 'move') => setOpen({ visit, action }), modal };
}

/** "10:00–11:00" in the browser's time. */
export function timeRange(v: { startsAt: string; endsAt: string }): string {
  return `${dayjs(v.startsAt).format('HH:mm')}–${dayjs(v.endsAt).format('HH:mm')}`;
}
