import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Rate, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useCurrentUser } from '../data/session';
import type { VisitRecord, VisitRecordInput } from '../data/visits';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { OPPORTUNITY_KINDS } from '../visit-view';
import { UserSelect } from './UserSelect';

/** The record as the form holds it: dates as Dayjs, budgets in yuan. */
export interface RecordValues {
  attendees: { name: string; side: 'customer' | 'agency'; role?: string }[];
  feedback?: string;
  problems: { description: string }[];
  opportunities: { kind: string; description: string; budgetYuan?: number | null; expectedOn?: Dayjs | null }[];
  satisfaction?: number;
  nextSteps: { id?: string; title: string; ownerId: string; dueOn: Dayjs }[];
}

export function recordValues(r: VisitRecord | null, me: { id: string; name: string }): RecordValues {
  if (!r) return { attendees: [{ name: me.name, side: 'agency' }], problems: [], opportunities: [], nextSteps: [] };
  return {
    attendees: r.attendees.map((a) => ({ name: a.name, side: a.side, role: a.role ?? undefined })),
    feedback: r.feedback ?? undefined,
    problems: r.problems.map((p) => ({ description: p.description })),
    opportunities: r.opportunities.map((o) => ({ kind: o.kind, description: o.description, budgetYuan: o.budget === null || o.budget === undefined ? null : o.budget / 100, expectedOn: o.expectedOn ? dayjs(o.expectedOn) : null })),
    satisfaction: r.satisfaction ?? undefined,
    nextSteps: r.nextSteps.filter((s) => !s.doneAt).map((s) => ({ id: s.id, title: s.title, ownerId: s.ownerId, dueOn: dayjs(s.dueOn) })),
  };
}

export function recordInput(v: RecordValues): VisitRecordInput {
  return {
    attendees: (v.attendees ?? []).map((a) => ({ name: a.name, side: a.side, role: a.role || null })),
    feedback: v.feedback || null,
    problems: (v.problems ?? []).map((p) => ({ description: p.description })),
    opportunities: (v.opportunities ?? []).map((o) => ({
      kind: o.kind as VisitRecordInput['opportunities'][number]['kind'], description: o.description,
      budget: o.budgetYuan === null || o.budgetYuan === undefined ? null : Math.round(o.budgetYuan * 100), expectedOn: o.expectedOn ? o.expectedOn.format('YYYY-MM-DD') : null,
    })),
    satisfaction: v.satisfaction ?? null,
    nextSteps: (v.nextSteps ?? []).map((s) => ({ ...(s.id ? { id: s.id } : {}), title: s.title, ownerId: s.ownerId, dueOn: s.dueOn.format('YYYY-MM-DD') })),
  };
}

/**
 * The fields of the communication record (大客户沟通记录表): who attended, what the customer said, problems,
 * opportunities, satisfaction, next steps with an owner and a date. `base` nests them in a larger form.
 */
export function VisitRecordFields({ base = [] }: { base?: string[] }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const name = (n: string) => [...base, n];
  const add = (label: string, onAdd: () => void, testId: string) => (
    <Button type="dashed" icon={<PlusOutlined />} onClick={onAdd} data-testid={testId}>
      {label}
    </Button>
  );
  const remove = (onRemove: () => void) => <MinusCircleOutlined onClick={onRemove} aria-label={t('visits.remove')} style={{ marginTop: 8 }} />;
  const required = (message: MessageKey) => [{ required: true, whitespace: true, message: t(message) }];

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('record.attendees')}>
        <Form.List name={name('attendees')}>
          {(fields, { add: more, remove: less }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'name']} rules={required('record.nameRequired')} style={{ marginBottom: 8, flex: 1 }}>
                    <Input placeholder={t('record.attendeeName')} maxLength={100} data-testid="record-attendee-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'side']} initialValue="customer" style={{ marginBottom: 8, width: 110 }}>
                    <Select options={['customer', 'agency'].map((s) => ({ value: s, label: t(`record.side.${s}` as MessageKey) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} style={{ marginBottom: 8, flex: 1 }}>
                    <Input placeholder={t('record.attendeeRole')} maxLength={100} />
                  </Form.Item>
                  {remove(() => less(f.name))}
                </Flex>
              ))}
              <div>{add(t('record.addAttendee'), () => more({ side: 'customer' }), 'record-add-attendee')}</div>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Form.Item name={name('feedback')} label={t('record.feedback')} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={4} maxLength={10000} placeholder={t('record.feedbackHint')} data-testid="record-feedback" />
      </Form.Item>
      <Card size="small" title={t('record.problems')}>
        <Form.List name={name('problems')}>
          {(fields, { add: more, remove: less }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'description']} rules={required('record.problemRequired')} style={{ marginBottom: 8, flex: 1 }}>
                    <Input.TextArea rows={2} maxLength={2000} placeholder={t('record.problemHint')} data-testid="record-problem" />
                  </Form.Item>
                  {remove(() => less(f.name))}
                </Flex>
              ))}
              <div>{add(t('record.addProblem'), () => more({ description: '' }), 'record-add-problem')}</div>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('record.opportunities')}>
        <Form.List name={name('opportunities')}>
          {(fields, { add: more, remove: less }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start" wrap>
                  <Form.Item name={[f.name, 'kind']} initialValue="travel_need" style={{ marginBottom: 8, width: 130 }}>
                    <Select options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`record.opportunity.${k}` as MessageKey) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={required('record.opportunityRequired')} style={{ marginBottom: 8, flex: '1 1 220px' }}>
                    <Input maxLength={2000} placeholder={t('record.opportunityHint')} data-testid="record-opportunity" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'budgetYuan']} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} max={1e11} prefix="¥" placeholder={t('record.budget')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'expectedOn']} style={{ marginBottom: 8 }}>
                    <DatePicker placeholder={t('record.expectedOn')} />
                  </Form.Item>
                  {remove(() => less(f.name))}
                </Flex>
              ))}
              <div>{add(t('record.addOpportunity'), () => more({ kind: 'travel_need' }), 'record-add-opportunity')}</div>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Form.Item name={name('satisfaction')} label={t('record.satisfaction')} style={{ marginBottom: 0 }}>
        <Rate count={5} data-testid="record-satisfaction" />
      </Form.Item>
      <Card size="small" title={t('record.nextSteps')} extra={<Typography.Text type="secondary">{t('record.nextStepsHint')}</Typography.Text>}>
        <Form.List name={name('nextSteps')}>
          {(fields, { add: more, remove: less }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start" wrap>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={required('record.stepRequired')} style={{ marginBottom: 8, flex: '1 1 220px' }}>
                    <Input maxLength={500} placeholder={t('record.stepTitle')} data-testid="record-step-title" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerId']} rules={[{ required: true, message: t('record.ownerRequired') }]} style={{ marginBottom: 8, width: 160 }}>
                    <UserSelect placeholder={t('record.stepOwner')} filter={(u) => u.active && u.role !== 'agent'} data-testid="record-step-owner" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t('record.dueRequired') }]} style={{ marginBottom: 8 }}>
                    <DatePicker placeholder={t('record.stepDue')} data-testid="record-step-due" />
                  </Form.Item>
                  {remove(() => less(f.name))}
                </Flex>
              ))}
              <div>{add(t('record.addStep'), () => more({ ownerId: me.id, dueOn: dayjs().add(7, 'day') }), 'record-add-step')}</div>
            </Flex>
          )}
        </Form.List>
      </Card>
    </Flex>
  );
}
