import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../api';
import { COMPENSATION_KINDS, NOTE_NEEDED, compensationText, fromDraft, toDraft, type CompensationDraft } from '../complaint-handling-view';
import { useEditCompensations } from '../data/complaint-handling';
import type { ComplaintDetail } from '../data/complaints';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { StaffName, StaffSentence } from './ComplaintBits';
import { UserSelect } from './UserSelect';

/**
 * The outcome of a resolved complaint: the attribution, the compensations (the standard remedy stays a proposal
 * until someone accepts or changes it) and the corrective action. Staff accept, change, add or remove them here.
 */
export function CompensationCard({ c }: { c: ComplaintDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const save = useEditCompensations(c.id);
  const settled = c.status === 'resolved' || c.status === 'closed';
  const accept = () =>
    save.mutate(
      { compensations: c.compensations },
      { onSuccess: () => message.success(t('complaintComp.accepted')), onError: (err) => message.error(errorText(err, t('common.networkError'))) },
    );
  const actions = settled && !editing && (
    <Space>
      {!c.compensationsDecidedAt && (
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={accept} data-testid="compensation-accept">
          {t('complaintComp.accept')}
        </Button>
      )}
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="compensation-edit">
        {t('complaintComp.edit')}
      </Button>
    </Space>
  );
  return (
    <Card size="small" title={t('complaint.outcome')} extra={actions} style={{ marginBottom: 16 }} data-testid="complaint-outcome">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('complaint.resolve.attribution')}>
          <span data-testid="complaint-attribution">{t(`attribution.${c.attribution!}`)}</span>
        </Descriptions.Item>
        {!editing && (
          <>
            <Descriptions.Item label={t('complaint.compensations')}>
              <Flex vertical gap={4}>
                <Space size={[4, 4]} wrap data-testid="complaint-compensations">
                  {c.compensations.length ? c.compensations.map((k, i) => <Tag key={i} color="green">{compensationText(t, k, lang)}</Tag>) : t('complaintComp.none')}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="compensation-decision">
                  {c.compensationsDecidedAt ? (
                    <StaffSentence id={c.compensationsDecidedBy} text={(name) => t('complaintComp.decided', { name, time: formatDateTime(c.compensationsDecidedAt!, lang) })} />
                  ) : settled ? (
                    <Tag color="gold">{t('complaintComp.proposed')}</Tag>
                  ) : (
                    t('complaintComp.afterResolution')
                  )}
                </Typography.Text>
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaint.correctiveAction')}>
              {c.correctiveAction ? (
                <span data-testid="corrective-action">
                  {c.correctiveAction.action}
                  {c.correctiveAction.ownerId && (
                    <>
                      {' · '}
                      <StaffName id={c.correctiveAction.ownerId} />
                    </>
                  )}
                  {c.correctiveAction.dueOn && ` · ${c.correctiveAction.dueOn}`}
                </span>
              ) : (
                t('complaintComp.correctiveNone')
              )}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {editing && <CompensationForm c={c} onDone={() => setEditing(false)} />}
    </Card>
  );
}

type Row = Omit<CompensationDraft, 'expiresOn'> & { expiresOn?: Dayjs | null };
interface Values {
  compensations: Row[];
  correctiveAction: { action?: string; ownerId?: string | null; dueOn?: Dayjs | null };
}

/** Every compensation as a row (the kind decides its fields), and the corrective action; saved as one change. */
function CompensationForm({ c, onDone }: { c: ComplaintDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const save = useEditCompensations(c.id);
  const initial: Values = {
    compensations: c.compensations.map(toDraft).map((d) => ({ ...d, expiresOn: d.expiresOn ? dayjs(d.expiresOn) : null })),
    correctiveAction: { action: c.correctiveAction?.action, ownerId: c.correctiveAction?.ownerId ?? null, dueOn: c.correctiveAction?.dueOn ? dayjs(c.correctiveAction.dueOn) : null },
  };
  const onFinish = (v: Values) => {
    setErrors([]);
    const action = v.correctiveAction.action?.trim();
    save.mutate(
      {
        compensations: (v.compensations ?? []).map((r) => fromDraft({ ...r, expiresOn: r.expiresOn?.format('YYYY-MM-DD') ?? null })),
        correctiveAction: action ? { action, ownerId: v.correctiveAction.ownerId ?? null, dueOn: v.correctiveAction.dueOn?.format('YYYY-MM-DD') ?? null } : null,
      },
      {
        onSuccess: () => {
          message.success(t('complaintComp.saved'));
          onDone();
        },
        onError: (err) => setErrors(applyProblemToForm(form, err)),
      },
    );
  };
  const required = { required: true, message: t('complaintComp.required') };
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="compensation-form">
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form.List name="compensations">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap align="start" data-testid="compensation-row">
                <Form.Item name={[field.name, 'kind']} rules={[required]} style={{ marginBottom: 0, width: 150 }}>
                  <Select
                    aria-label={t('complaintComp.kind')}
                    placeholder={t('complaintComp.kind')}
                    options={COMPENSATION_KINDS.map((k) => ({ value: k, label: t(`compensation.${k}`) }))}
                    data-testid="compensation-kind"
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['compensations', field.name, 'kind']]}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['compensations', field.name, 'kind']) as Row['kind'] | undefined;
                    return (
                      <>
                        {kind === 'refund' && (
                          <Form.Item name={[field.name, 'amount']} rules={[required]} style={{ marginBottom: 0 }}>
                            <InputNumber min={0.01} precision={2} step={100} prefix="¥" placeholder={t('complaintComp.amount')} aria-label={t('complaintComp.amount')} style={{ width: 150 }} data-testid="compensation-amount" />
                          </Form.Item>
                        )}
                        {kind === 'voucher' && (
                          <>
                            <Form.Item name={[field.name, 'percent']} rules={[required]} style={{ marginBottom: 0 }}>
                              <InputNumber min={1} max={100} precision={0} suffix="%" placeholder={t('complaintComp.percent')} aria-label={t('complaintComp.percent')} style={{ width: 110 }} data-testid="compensation-percent" />
                            </Form.Item>
                            <Form.Item name={[field.name, 'expiresOn']} rules={[required]} style={{ marginBottom: 0 }}>
                              <DatePicker placeholder={t('complaintComp.expiresOn')} aria-label={t('complaintComp.expiresOn')} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="compensation-expires" />
                            </Form.Item>
                          </>
                        )}
                        <Form.Item
                          name={[field.name, 'note']}
                          rules={kind && NOTE_NEEDED.includes(kind) ? [{ required: true, whitespace: true, message: t('complaintComp.noteNeeded') }] : []}
                          style={{ marginBottom: 0, flex: 1, minWidth: 160 }}
                        >
                          <Input placeholder={kind && NOTE_NEEDED.includes(kind) ? t('complaintComp.noteNeeded') : t('complaintComp.note')} maxLength={500} data-testid="compensation-note" />
                        </Form.Item>
                      </>
                    );
                  }}
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('complaintComp.remove')} onClick={() => remove(field.name)} data-testid="compensation-remove" />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="compensation-add">
              {t('complaintComp.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Space wrap align="start">
        <Form.Item name={['correctiveAction', 'action']} label={t('complaint.resolve.corrective')} style={{ width: 320 }}>
          <Input placeholder={t('complaint.resolve.correctivePlaceholder')} maxLength={1000} data-testid="corrective-action-input" />
        </Form.Item>
        <Form.Item name={['correctiveAction', 'ownerId']} label={t('complaint.resolve.correctiveOwner')}>
          <UserSelect allowClear filter={(u) => u.active} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={['correctiveAction', 'dueOn']} label={t('complaint.resolve.correctiveDue')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="compensation-save">
          {t('complaintComp.save')}
        </Button>
        <Button onClick={onDone}>{t('complaintComp.cancel')}</Button>
      </Space>
    </Form>
  );
}
