import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Result, Select, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { VisitRecordFields, recordInput, recordValues, type RecordValues } from '../components/VisitRecordForm';
import { useLeads } from '../components/VisitBits';
import { useCustomer } from '../data/customers';
import { useCurrentUser } from '../data/session';
import { useCreateUnplanned } from '../data/visits';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { VISIT_KINDS } from '../visit-view';

interface Values {
  kind: string;
  startsAt: Dayjs;
  durationMinutes: number;
  place?: string;
  contactId?: string;
  record: RecordValues;
}

/** A visit or call that was not planned, recorded after the fact (`?customerId=`). */
export function VisitNewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const leads = useLeads();
  const customerId = useSearchParams()[0].get('customerId') ?? '';
  const customer = useCustomer(customerId || undefined);
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateUnplanned();

  if (!customerId) return <Result status="404" subTitle={t('visit.notFound')} />;
  if (customer.isPending) return <Spin size="large" style={{ display: 'block', padding: 48 }} />;

  const onFinish = (v: Values) => {
    setErrors([]);
    create.mutate(
      { customerId, kind: v.kind as never, startsAt: v.startsAt.format(), durationMinutes: v.durationMinutes, place: v.place || null, contactId: v.contactId ?? null, record: recordInput(v.record) },
      {
        onSuccess: (visit) => {
          message.success(t('record.saved'));
          navigate(`/visits/${visit.id}`, { replace: true });
        },
        onError: (err) => setErrors(applyProblemToForm(form, err)),
      },
    );
  };

  return (
    <div style={{ maxWidth: 980 }}>
      <Link to={`/customers/${customerId}`}>
        <ArrowLeftOutlined /> {customer.data?.name}
      </Link>
      <Typography.Title level={3} style={{ margin: '12px 0 20px' }}>
        {t('visits.unplanned.title', { name: customer.data?.name ?? '' })}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'phone', startsAt: dayjs().subtract(1, 'hour').startOf('minute'), durationMinutes: 30, record: recordValues(null, me) }}
        data-testid="unplanned-form"
      >
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('visit.kindLabel')} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={VISIT_KINDS.filter((k) => k !== 'executive' || leads).map((k) => ({ value: k, label: t(`visit.kind.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="startsAt" label={t('visit.startsAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="durationMinutes" label={t('visit.duration')} rules={[{ required: true }]}>
              <InputNumber min={5} max={720} step={15} suffix={t('visit.minutes')} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="place" label={t('visit.place')} style={{ flex: '1 1 200px' }}>
              <Input maxLength={300} />
            </Form.Item>
            {(customer.data?.contacts.length ?? 0) > 0 && (
              <Form.Item name="contactId" label={t('visit.contact')} style={{ width: 200 }}>
                <Select allowClear options={customer.data!.contacts.map((c) => ({ value: c.id, label: c.name }))} />
              </Form.Item>
            )}
          </Flex>
        </Card>
        <VisitRecordFields base={['record']} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="unplanned-submit">
            {t('record.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </div>
  );
}
