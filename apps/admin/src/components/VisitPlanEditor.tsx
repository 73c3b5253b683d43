import { useState } from 'react';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCustomer } from '../data/customers';
import { useCreatePlan, useUpdatePlan, type VisitPlan } from '../data/visits';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { RECURRENCES, VISIT_KINDS, recurrenceText, type Recurrence, type VisitKind } from '../visit-view';
import { UserSelect } from './UserSelect';
import { useLeads } from './VisitBits';

interface Values {
  kind: VisitKind;
  recurrence: Recurrence;
  intervalWeeks?: number;
  weekday?: number;
  nth?: number;
  monthDay?: number;
  time: Dayjs;
  durationMinutes: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  place?: string;
  routeOrder?: number | null;
  contactId?: string | null;
  managerId?: string;
  note?: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const NTHS = [1, 2, 3, 4, 5, -1];

/**
 * The plan editor: a fixed visit (the same weekday and time every week or month) for one customer. Editing
 * changes the future visits nobody moved or recorded; the server's objections land on their fields.
 */
export function VisitPlanEditor({ customerId, plan, kind, onClose }: { customerId: string; plan?: VisitPlan; kind?: VisitKind; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const leads = useLeads();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const customer = useCustomer(customerId);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const watched = Form.useWatch([], form);
  const recurrence: Recurrence = watched?.recurrence ?? plan?.recurrence ?? 'weekly';

  const initial: Partial<Values> = plan
    ? {
        kind: plan.kind as VisitKind, recurrence: plan.recurrence as Recurrence, intervalWeeks: plan.intervalWeeks ?? undefined, weekday: plan.weekday ?? undefined,
        nth: plan.nth ?? undefined, monthDay: plan.monthDay ?? undefined, time: dayjs(plan.time, 'HH:mm'), durationMinutes: plan.durationMinutes,
        startDate: dayjs(plan.startDate), endDate: plan.endDate ? dayjs(plan.endDate) : null, place: plan.place ?? undefined, routeOrder: plan.routeOrder,
        contactId: plan.contactId, managerId: plan.managerId, note: plan.note ?? undefined,
      }
    : { kind: kind ?? 'in_person', recurrence: 'weekly', intervalWeeks: 2, weekday: dayjs().add(1, 'day').day() || 7, nth: 1, monthDay: 1, time: dayjs('10:00', 'HH:mm'), durationMinutes: 60, startDate: dayjs() };

  const onFinish = (v: Values) => {
    setErrors([]);
    const body = {
      kind: v.kind, recurrence: v.recurrence, intervalWeeks: v.recurrence === 'every_n_weeks' ? v.intervalWeeks : null,
      weekday: v.recurrence === 'monthly_day' ? null : v.weekday, nth: v.recurrence === 'monthly_nth_weekday' ? v.nth : null,
      monthDay: v.recurrence === 'monthly_day' ? v.monthDay : null, time: v.time.format('HH:mm'), durationMinutes: v.durationMinutes,
      startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null, place: v.place || null,
      routeOrder: v.routeOrder ?? null, contactId: v.contactId ?? null, note: v.note || null, ...(leads && v.managerId ? { managerId: v.managerId } : {}),
    };
    const done = {
      onSuccess: (p: VisitPlan) => {
        message.success(t(plan ? 'visitPlan.saved' : 'visitPlan.created', { rule: recurrenceText(t, p) }));
        onClose();
      },
      onError: (err: unknown) => setErrors(applyProblemToForm(form, err)),
    };
    if (plan) update.mutate({ id: plan.id, body }, done);
    else create.mutate({ ...body, customerId }, done);
  };

  return (
    <Modal
      open
      width={640}
      title={plan ? t('visitPlan.edit', { name: plan.customerName }) : t('visitPlan.new', { name: customer.data?.name ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="plan-form">
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
        {plan && <Alert type="info" showIcon title={t('visitPlan.editHint')} style={{ marginBottom: 12 }} />}
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('visit.kindLabel')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={VISIT_KINDS.filter((k) => k !== 'executive' || leads).map((k) => ({ value: k, label: t(`visit.kind.${k}` as MessageKey) }))} data-testid="plan-kind" />
          </Form.Item>
          <Form.Item name="recurrence" label={t('visitPlan.recurrence')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={RECURRENCES.map((r) => ({ value: r, label: t(`visitPlan.recurrence.${r}` as MessageKey) }))} data-testid="plan-recurrence" />
          </Form.Item>
          {recurrence === 'every_n_weeks' && (
            <Form.Item name="intervalWeeks" label={t('visitPlan.intervalWeeks')} rules={[{ required: true }]}>
              <InputNumber min={2} max={52} suffix={t('visitPlan.weeks')} style={{ width: 110 }} />
            </Form.Item>
          )}
          {recurrence === 'monthly_nth_weekday' && (
            <Form.Item name="nth" label={t('visitPlan.nth')} rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={NTHS.map((n) => ({ value: n, label: t(n === -1 ? 'visitPlan.nth.last' : (`visitPlan.nth.${n}` as MessageKey)) }))} />
            </Form.Item>
          )}
          {recurrence === 'monthly_day' ? (
            <Form.Item name="monthDay" label={t('visitPlan.monthDay')} rules={[{ required: true }]} extra={t('visitPlan.monthDayHint')}>
              <InputNumber min={1} max={31} style={{ width: 100 }} />
            </Form.Item>
          ) : (
            <Form.Item name="weekday" label={t('visitPlan.weekday')} rules={[{ required: true }]}>
              <Select style={{ width: 110 }} options={WEEKDAYS.map((d) => ({ value: d, label: t(`visit.weekday.${d}` as MessageKey) }))} data-testid="plan-weekday" />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="time" label={t('visitPlan.time')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid="plan-time" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('visit.duration')} rules={[{ required: true }]}>
            <InputNumber min={5} max={720} step={15} suffix={t('visit.minutes')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="startDate" label={t('visitPlan.startDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endDate" label={t('visitPlan.endDate')}>
            <DatePicker placeholder={t('visitPlan.noEnd')} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="place" label={t('visit.place')} style={{ flex: '1 1 240px' }}>
            <Input maxLength={300} data-testid="plan-place" />
          </Form.Item>
          <Form.Item name="routeOrder" label={t('visitPlan.routeOrder')} extra={t('visitPlan.routeOrderHint')}>
            <InputNumber min={1} max={50} style={{ width: 100 }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          {(customer.data?.contacts.length ?? 0) > 0 && (
            <Form.Item name="contactId" label={t('visit.contact')} style={{ flex: '1 1 200px' }}>
              <Select allowClear options={customer.data!.contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name}（${c.role}）` : c.name }))} />
            </Form.Item>
          )}
          {leads && (
            <Form.Item name="managerId" label={t('visitPlan.manager')} extra={t('visitPlan.managerHint')} style={{ flex: '1 1 200px' }}>
              <UserSelect allowClear filter={(u) => u.active && u.role !== 'agent'} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="note" label={t('visitPlan.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
