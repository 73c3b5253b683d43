import { useState } from 'react';
import { App, Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { TierService } from '@crm/contracts';
import { MoveMatrixTable } from '../components/MoveMatrixTable';
import { PolicyPage, PolicySaveBar, PolicyStatus } from '../components/PolicyPage';
import { TierTag } from '../components/TierTag';
import { useCurrentUser } from '../data/session';
import { usePolicyVersions, usePreviewPolicy, useSavePolicy, useTierPolicy, type TierPolicy, type TierRules } from '../data/tiering';
import { applyProblemToForm } from '../problem-form';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { changedRules, TIERS } from '../tier-view';

type Unit = 'months' | 'percent' | 'bookings' | 'times';
interface RuleField {
  key: keyof TierRules;
  unit: Unit;
  min: number;
  max: number;
  /** Counts and months are whole; shares and the factor take up to two decimals (the API says so when there are more). */
  whole?: boolean;
}

/** The rules grouped by what they decide, with the bounds the API accepts. */
const RULE_GROUPS: { title: MessageKey; fields: RuleField[] }[] = [
  {
    title: 'policy.group.lines',
    fields: [
      { key: 'salesWindowMonths', unit: 'months', min: 1, max: 60, whole: true },
      { key: 'aSharePercent', unit: 'percent', min: 1, max: 99 },
      { key: 'bSharePercent', unit: 'percent', min: 1, max: 100 },
    ],
  },
  {
    title: 'policy.group.d',
    fields: [
      { key: 'lateMinCount', unit: 'bookings', min: 1, max: 100, whole: true },
      { key: 'lateMinSharePercent', unit: 'percent', min: 1, max: 100 },
    ],
  },
  {
    title: 'policy.group.loyalty',
    fields: [
      { key: 'loyaltyMinBookings', unit: 'bookings', min: 1, max: 100, whole: true },
      { key: 'loyaltyWindowMonths', unit: 'months', min: 1, max: 120, whole: true },
      { key: 'loyaltyRecentMonths', unit: 'months', min: 1, max: 120, whole: true },
    ],
  },
  {
    title: 'policy.group.signals',
    fields: [
      { key: 'signalWindowMonths', unit: 'months', min: 1, max: 24, whole: true },
      { key: 'decliningDropPercent', unit: 'percent', min: 1, max: 100 },
      { key: 'risingFactor', unit: 'times', min: 1, max: 100 },
    ],
  },
];

const DAY_FIELDS = ['visitEveryDays', 'executiveVisitEveryDays', 'contactEveryDays'] as const;
const VISIT_MODES: TierService['visitMode'][] = ['in_person', 'phone', 'none'];

/** The tier policy: admins edit, preview and save it; managers read it and may preview. */
export function TierPolicyPage() {
  const { t } = useI18n();
  const policy = useTierPolicy();
  const versions = usePolicyVersions();
  const changes = (before: TierPolicy, after: TierPolicy) => changedRules(before.rules, after.rules).map((k) => `${t(`policy.rule.${k}`)}: ${before.rules[k]} → ${after.rules[k]}`);
  return (
    <PolicyPage
      back={{ to: '/tiers', label: t('tiers.title') }}
      title={t('tiers.policy.title')}
      policy={policy}
      versions={versions}
      changes={changes}
      skeletonRows={10}
      form={(data) => <PolicyForm policy={data} />}
    />
  );
}

interface FormValues {
  rules: TierRules;
  service: TierPolicy['service'];
  note?: string;
}

function PolicyForm({ policy }: { policy: TierPolicy }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const admin = useCurrentUser().role === 'admin';
  const [form] = Form.useForm<FormValues>();
  const preview = usePreviewPolicy();
  const save = useSavePolicy();

  // Errors the API names by field ("the B line must be above the A line") go on that field; the rest in a banner.
  const [banner, setBanner] = useState<string[]>([]);
  const onError = (err: unknown) => setBanner(applyProblemToForm(form, err));

  const onPreview = async () => {
    const { rules } = await form.validateFields(['rules'], { recursive: true });
    setBanner([]);
    preview.mutate(rules, { onError });
  };
  const onSave = (values: FormValues) => {
    setBanner([]);
    save.mutate({ rules: values.rules, service: values.service, note: values.note?.trim() || undefined }, { onSuccess: (saved) => message.success(t('policy.saved', { version: saved.version })), onError });
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={!admin}
      initialValues={{ rules: policy.rules, service: policy.service }}
      // The preview answers for the rules it was asked about: editing them again makes it stale.
      onValuesChange={(changed: Partial<FormValues>) => changed.rules && preview.reset()}
      onFinish={onSave}
      data-testid="policy-form"
    >
      <Flex vertical gap={16}>
        <PolicyStatus policy={policy} admin={admin} />
        {banner.length > 0 && <Alert type="error" showIcon title={banner.join(' ')} />}
        <Card size="small" title={t('policy.rules')}>
          <Row gutter={[24, 0]}>
            {RULE_GROUPS.map((g) => (
              <Col key={g.title} xs={24} md={12} xl={6}>
                <Typography.Text strong>{t(g.title)}</Typography.Text>
                {g.fields.map((f) => (
                  <Form.Item key={f.key} name={['rules', f.key]} label={t(`policy.rule.${f.key}`)} rules={[{ required: true, message: t('policy.required') }]} style={{ margin: '8px 0' }}>
                    <InputNumber min={f.min} max={f.max} precision={f.whole ? 0 : undefined} suffix={t(`policy.unit.${f.unit}`)} style={{ width: '100%' }} />
                  </Form.Item>
                ))}
              </Col>
            ))}
          </Row>
        </Card>
        <Card
          size="small"
          title={t('policy.preview.title')}
          extra={
            // Managers may preview in the read-only form: disabled={false} overrides the form's.
            <Button icon={<EyeOutlined />} onClick={onPreview} loading={preview.isPending} disabled={false} data-testid="policy-preview">
              {t('policy.preview.run')}
            </Button>
          }
        >
          {preview.data ? <MoveMatrixTable preview={preview.data} /> : <Typography.Text type="secondary">{t('policy.preview.hint')}</Typography.Text>}
        </Card>
        <Card size="small" title={t('policy.service')}>
          <ServiceTable />
        </Card>
        {admin && <PolicySaveBar saving={save.isPending} testId="policy" />}
      </Flex>
    </Form>
  );
}

/** Per tier, what service it gets; an empty number of days means none. */
function ServiceTable() {
  const { t } = useI18n();
  const days = (tier: string, field: (typeof DAY_FIELDS)[number]) => (
    <Form.Item name={['service', tier, field]} style={{ margin: 0 }}>
      <InputNumber min={1} max={3650} precision={0} placeholder={t('policy.serviceNone')} suffix={t('policy.unit.days')} aria-label={`${tier} ${t(`policy.serviceField.${field}`)}`} style={{ width: 130 }} />
    </Form.Item>
  );
  return (
    <Table
      size="small"
      rowKey={(tier) => tier}
      pagination={false}
      dataSource={TIERS}
      scroll={{ x: 760 }}
      columns={[
        { key: 'tier', title: t('field.tier'), width: 60, render: (_, tier) => <TierTag tier={tier} /> },
        { key: 'visitEveryDays', title: t('policy.serviceField.visitEveryDays'), render: (_, tier) => days(tier, 'visitEveryDays') },
        {
          key: 'visitMode',
          title: t('policy.serviceField.visitMode'),
          render: (_, tier) => (
            <Form.Item name={['service', tier, 'visitMode']} style={{ margin: 0 }}>
              <Select aria-label={`${tier} ${t('policy.serviceField.visitMode')}`} options={VISIT_MODES.map((m) => ({ value: m, label: t(`policy.visitMode.${m}`) }))} style={{ width: 110 }} />
            </Form.Item>
          ),
        },
        { key: 'executiveVisitEveryDays', title: t('policy.serviceField.executiveVisitEveryDays'), render: (_, tier) => days(tier, 'executiveVisitEveryDays') },
        { key: 'contactEveryDays', title: t('policy.serviceField.contactEveryDays'), render: (_, tier) => days(tier, 'contactEveryDays') },
        {
          key: 'complaintPriorityBoost',
          title: t('policy.serviceField.complaintPriorityBoost'),
          render: (_, tier) => (
            <Form.Item name={['service', tier, 'complaintPriorityBoost']} style={{ margin: 0 }} rules={[{ required: true, message: t('policy.required') }]}>
              <InputNumber min={0} max={10} precision={0} aria-label={`${tier} ${t('policy.serviceField.complaintPriorityBoost')}`} style={{ width: 80 }} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
