import { useState } from 'react';
import { Alert, App, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { durationText, SEVERITIES, type Severity, type SlaMetric } from '../complaint-view';
import { PolicyPage, PolicySaveBar, PolicyStatus } from '../components/PolicyPage';
import { TierTag } from '../components/TierTag';
import { useCurrentUser } from '../data/session';
import { useSaveSlaPolicy, useSlaPolicy, useSlaPolicyVersions, type SlaPolicy } from '../data/sla-policy';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { datesBetween, SLA_METRICS, slaFormValues, slaPolicyChanges, WEEKDAYS, withDates, type SlaPolicyForm } from '../sla-policy-view';
import { TIERS, type Tier } from '../tier-view';

const MAX_MINUTES = 31 * 24 * 60;
const OPENING = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSING = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DAY = 'YYYY-MM-DD';

/** The service-level policy: admins edit targets, how each clock counts time and the business-hours calendar; managers read it. */
export function SlaPolicyPage() {
  const { t } = useI18n();
  const policy = useSlaPolicy();
  const versions = useSlaPolicyVersions();
  // Held here, not in the form: a saved version remounts the form, and the mutation's callbacks must outlive it.
  const save = useSaveSlaPolicy();
  return (
    <PolicyPage
      back={{ to: '/complaints', label: t('complaints.title') }}
      title={t('slaPolicy.title')}
      policy={policy}
      versions={versions}
      changes={(before, after) => slaPolicyChanges(t, before, after)}
      skeletonRows={12}
      form={(data) => <PolicyForm policy={data} save={save} />}
    />
  );
}

function PolicyForm({ policy, save }: { policy: SlaPolicy; save: ReturnType<typeof useSaveSlaPolicy> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const admin = useCurrentUser().role === 'admin';
  const [form] = Form.useForm<SlaPolicyForm>();
  // Errors the API names by field go on that field; the rest in a banner.
  const [banner, setBanner] = useState<string[]>([]);

  const onSave = (values: SlaPolicyForm) => {
    setBanner([]);
    save.mutate(
      { ...values, note: values.note?.trim() || undefined },
      { onSuccess: (saved) => message.success(t('slaPolicy.saved', { version: saved.version })), onError: (err) => setBanner(applyProblemToForm(form, err)) },
    );
  };

  return (
    <Form<SlaPolicyForm> form={form} layout="vertical" disabled={!admin} initialValues={slaFormValues(policy)} onFinish={onSave} data-testid="sla-policy-form">
      <Flex vertical gap={16}>
        <PolicyStatus policy={policy} admin={admin} />
        <Alert type="info" showIcon title={t('slaPolicy.hint')} />
        {banner.length > 0 && <Alert type="error" showIcon title={banner.join(' ')} data-testid="sla-policy-banner" />}
        <Card size="small" title={t('slaPolicy.targets')} extra={<Typography.Text type="secondary">{t('slaPolicy.targetsHint')}</Typography.Text>}>
          <TargetsTable />
        </Card>
        <Card size="small" title={t('slaPolicy.counting')}>
          <Typography.Paragraph type="secondary">{t('slaPolicy.countingHint')}</Typography.Paragraph>
          <Flex wrap gap={32}>
            {SLA_METRICS.map((m) => (
              <Form.Item key={m} name={['businessHours', m]} label={t(`slaMetric.${m}`)} valuePropName="checked" style={{ margin: 0 }}>
                <Switch checkedChildren={t('slaPolicy.businessHours')} unCheckedChildren={t('slaPolicy.aroundTheClock')} data-testid={`sla-business-hours-${m}`} />
              </Form.Item>
            ))}
          </Flex>
        </Card>
        <Card size="small" title={t('slaPolicy.calendar')} extra={<Typography.Text type="secondary">{t('slaPolicy.timeZone', { zone: policy.timeZone })}</Typography.Text>}>
          <CalendarFields />
        </Card>
        {admin && <PolicySaveBar saving={save.isPending} testId="sla-policy" />}
      </Flex>
    </Form>
  );
}

interface TargetRow {
  key: string;
  severity: Severity;
  tier: Tier | null;
}
const ROWS: TargetRow[] = SEVERITIES.flatMap((severity) => [null, ...TIERS].map((tier) => ({ key: `${severity}-${tier ?? 'all'}`, severity, tier })));

/** Minutes per severity (all customers) and per tier; a tier's empty cell shows the target it falls back to. */
function TargetsTable() {
  const { t } = useI18n();
  return (
    <Table<TargetRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={ROWS}
      scroll={{ x: 900 }}
      columns={[
        {
          key: 'severity',
          title: t('complaint.severity'),
          width: 90,
          onCell: (row) => ({ rowSpan: row.tier === null ? TIERS.length + 1 : 0 }),
          render: (_, row) => <Typography.Text strong>{t(`severity.${row.severity}`)}</Typography.Text>,
        },
        { key: 'scope', title: t('slaPolicy.scope'), width: 110, render: (_, row) => (row.tier ? <TierTag tier={row.tier} /> : t('slaPolicy.allTiers')) },
        ...SLA_METRICS.map((metric) => ({
          key: metric,
          title: t(`slaMetric.${metric}`),
          render: (_: unknown, row: TargetRow) => <MinutesCell row={row} metric={metric} />,
        })),
      ]}
    />
  );
}

function MinutesCell({ row, metric }: { row: TargetRow; metric: SlaMetric }) {
  const { t } = useI18n();
  const name = row.tier ? ['tierTargets', row.tier, row.severity, metric] : ['targets', row.severity, metric];
  const value: number | null | undefined = Form.useWatch(name);
  const fallback: number | null | undefined = Form.useWatch(['targets', row.severity, metric]);
  const placeholder = row.tier ? (fallback ? String(fallback) : t('slaPolicy.noTarget')) : t('slaPolicy.noTarget');
  const label = `${t(`severity.${row.severity}`)} ${row.tier ?? t('slaPolicy.allTiers')} ${t(`slaMetric.${metric}`)}`;
  const resolution = !row.tier && metric === 'resolution';
  return (
    <div>
      <Form.Item
        name={name}
        style={{ margin: 0 }}
        rules={[
          { type: 'integer', min: 1, max: MAX_MINUTES, message: t('slaPolicy.minutesRange') },
          ...(resolution ? [{ required: true, message: t('slaPolicy.resolutionRequired') }] : []),
        ]}
      >
        <InputNumber min={1} max={MAX_MINUTES} precision={0} placeholder={placeholder} suffix={t('slaPolicy.unit.minutes')} aria-label={label} data-testid={`sla-target-${row.severity}-${row.tier ?? 'all'}-${metric}`} style={{ width: 150 }} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {value ? durationText(t, value) : row.tier && fallback ? `${t('slaPolicy.asSeverity')} ${durationText(t, fallback)}` : '\u00a0'}
      </Typography.Text>
    </div>
  );
}

/** Working days, opening hours, holidays and make-up working days, read in the agency's time zone. */
function CalendarFields() {
  const { t } = useI18n();
  const admin = useCurrentUser().role === 'admin';
  const form = Form.useFormInstance<SlaPolicyForm>();
  const closesAfterOpens = () => ({
    validator: async (_: unknown, closes: string) => {
      const opens: string = form.getFieldValue(['calendar', 'opensAt']);
      if (OPENING.test(opens) && CLOSING.test(closes) && closes <= opens) throw new Error(t('slaPolicy.closesAfterOpens'));
    },
  });
  return (
    <Flex vertical gap={8}>
      <Form.Item name={['calendar', 'workingDays']} label={t('slaPolicy.workingDays')} rules={[{ required: true, type: 'array', min: 1, message: t('slaPolicy.workingDaysRequired') }]}>
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`slaPolicy.weekday.${d}`) }))} data-testid="sla-working-days" />
      </Form.Item>
      <Space align="start" size={16}>
        <Form.Item name={['calendar', 'opensAt']} label={t('slaPolicy.opensAt')} rules={[{ required: true, pattern: OPENING, message: t('slaPolicy.timeFormat') }]}>
          <Input placeholder="09:00" maxLength={5} style={{ width: 110 }} data-testid="sla-opens-at" />
        </Form.Item>
        <Form.Item
          name={['calendar', 'closesAt']}
          label={t('slaPolicy.closesAt')}
          dependencies={[['calendar', 'opensAt']]}
          rules={[{ required: true, pattern: CLOSING, message: t('slaPolicy.closingFormat') }, closesAfterOpens]}
        >
          <Input placeholder="18:00" maxLength={5} style={{ width: 110 }} data-testid="sla-closes-at" />
        </Form.Item>
      </Space>
      <Form.Item name={['calendar', 'holidays']} label={t('slaPolicy.holidays')}>
        <DateList testId="sla-holidays" disabled={!admin} />
      </Form.Item>
      <Form.Item name={['calendar', 'extraWorkingDays']} label={t('slaPolicy.extraWorkingDays')}>
        <DateList testId="sla-extra-days" disabled={!admin} />
      </Form.Item>
    </Flex>
  );
}

/** A list of dates as tags, each removable; a picked range adds every day of it (a whole festival at once). */
function DateList({ value = [], onChange, disabled, testId }: { value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean; testId: string }) {
  const { t } = useI18n();
  // A fresh picker after each pick: the picker adds, the tags show what is there.
  const [picker, setPicker] = useState(0);
  const add = (range: [Dayjs | null, Dayjs | null] | null) => {
    if (!range?.[0] || !range[1]) return;
    onChange?.(withDates(value, datesBetween(range[0].format(DAY), range[1].format(DAY))));
    setPicker((n) => n + 1);
  };
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {value.length ? (
        <Flex wrap gap={4}>
          {value.map((d) => (
            <Tag key={d} closable={!disabled} onClose={() => onChange?.(value.filter((x) => x !== d))} data-testid={`${testId}-date`}>
              {d}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('slaPolicy.noDates')}</Typography.Text>
      )}
      {!disabled && (
        <Space>
          <Typography.Text type="secondary">{t('slaPolicy.addDates')}</Typography.Text>
          {/* Enter confirms a typed date here; it must not also submit the policy form. */}
          <span onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
            <DatePicker.RangePicker key={picker} onChange={add} data-testid={`${testId}-add`} />
          </span>
        </Space>
      )}
    </Flex>
  );
}
