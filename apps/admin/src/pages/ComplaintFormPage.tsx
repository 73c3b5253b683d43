import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CustomerList } from '@crm/contracts';
import { api, withQuery } from '../api';
import { COMPLAINT_CATEGORIES, SEVERITIES, STAFF_CHANNELS, type Channel, type ComplaintCategory, type Severity } from '../complaint-view';
import { useCustomerBookings } from '../data/bookings';
import { useCreateComplaint } from '../data/complaints';
import { useCustomer } from '../data/customers';
import { formatDate, formatPhone } from '../format';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { useDebounced } from '../use-debounced';

interface Values {
  customerId?: string;
  bookingExternalId?: string;
  channel: Channel;
  category?: ComplaintCategory;
  severity: Severity;
  description?: string;
  receivedAt: Dayjs;
}

/** An agent records a call, a chat or a message as a complaint; `?customerId=` preselects the customer. */
export function ComplaintFormPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateComplaint();
  const customerId = Form.useWatch('customerId', form);

  const onFinish = (v: Values) => {
    setErrors([]);
    create.mutate(
      {
        customerId: v.customerId!,
        bookingExternalId: v.bookingExternalId ?? null,
        channel: v.channel,
        category: v.category!,
        severity: v.severity,
        description: v.description ?? '',
        receivedAt: v.receivedAt.format(),
      },
      {
        onSuccess: (c) => {
          message.success(t('complaintForm.created', { priority: c.priority }));
          navigate(`/complaints/${c.id}`);
        },
        onError: (err) => setErrors(applyProblemToForm(form, err)),
      },
    );
  };

  return (
    <div style={{ maxWidth: 760 }}>
      <Link to="/complaints">
        <ArrowLeftOutlined /> {t('complaint.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: '12px 0 20px' }}>
        {t('complaintForm.title')}
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ customerId: search.get('customerId') ?? undefined, channel: 'phone', severity: 'ordinary', receivedAt: dayjs() }}
          data-testid="complaint-form"
        >
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 16 }} />}
          <Form.Item name="customerId" label={t('complaintForm.customer')} rules={[{ required: true, message: t('complaintForm.customerRequired') }]}>
            <CustomerPicker onChange={() => form.setFieldValue('bookingExternalId', undefined)} />
          </Form.Item>
          <Form.Item name="bookingExternalId" label={t('complaint.booking')}>
            <BookingPicker customerId={customerId} />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="channel" label={t('complaint.channel')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} data-testid="complaint-channel" />
            </Form.Item>
            <Form.Item name="category" label={t('complaint.category')} rules={[{ required: true, message: t('complaint.category') }]}>
              <Select
                style={{ width: 160 }}
                placeholder={t('complaint.category')}
                options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))}
                data-testid="complaint-category"
              />
            </Form.Item>
            <Form.Item name="receivedAt" label={t('complaint.receivedAt')} rules={[{ required: true, message: t('complaintForm.receivedRequired') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="complaint-received" />
            </Form.Item>
          </Space>
          <Form.Item name="severity" label={t('complaint.severity')} extra={t('complaintForm.majorHint')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
              data-testid="complaint-severity"
            />
          </Form.Item>
          <Form.Item name="description" label={t('complaint.description')} rules={[{ required: true, whitespace: true, message: t('complaintForm.descriptionRequired') }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount data-testid="complaint-description" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="complaint-submit">
              {t('complaintForm.submit')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}

/** Search customers by name or phone as the agent types; the chosen one stays labelled by name. */
function CustomerPicker({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) => api<CustomerList>(withQuery('/customers', { q, limit: 20 }), { signal }).then((r) => r.items),
    enabled: q.length > 0,
  });
  const chosen = useCustomer(value);
  const options = (found.data ?? []).map((c) => ({ value: c.id, label: c.phone ? `${c.name} · ${formatPhone(c.phone)}` : c.name }));
  if (value && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: chosen.data.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t('complaintForm.customerSearch')}
      loading={found.isFetching}
      notFoundContent={q ? undefined : null}
      options={options}
      data-testid="complaint-customer-picker"
    />
  );
}

/** The chosen customer's latest bookings. */
function BookingPicker({ customerId, value, onChange }: { customerId?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  return customerId ? (
    <CustomerBookingSelect customerId={customerId} value={value} onChange={onChange} />
  ) : (
    <Select disabled placeholder={t('complaintForm.bookingPlaceholder')} aria-label={t('complaint.booking')} />
  );
}

function CustomerBookingSelect({ customerId, value, onChange }: { customerId: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t, lang } = useI18n();
  const bookings = useCustomerBookings(customerId);
  const items = bookings.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={bookings.isPending}
      placeholder={t('complaintForm.bookingPlaceholder')}
      options={items.map((b) => ({
        value: b.externalId,
        label: `${b.externalId} · ${b.product ?? b.destination ?? ''} · ${b.departureDate ? formatDate(b.departureDate, lang) : ''}`,
      }))}
      data-testid="complaint-booking-picker"
    />
  );
}
