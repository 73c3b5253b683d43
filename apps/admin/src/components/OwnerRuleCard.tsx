import { App, Button, Card, Form, Radio, Skeleton, Typography } from 'antd';
import { useOwnerRule, useSetOwnerRule, type OwnerRule } from '../data/settings';
import { OWNER_ROLES } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { ErrorState } from './ErrorState';
import { UserSelect } from './UserSelect';

const MODES: OwnerRule['mode'][] = ['round_robin', 'default_owner'];

/** The administrator's rule for who owns the customers that booking systems create. */
export function OwnerRuleCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OwnerRule>();
  const rule = useOwnerRule();
  const save = useSetOwnerRule();
  const mode = Form.useWatch('mode', form);

  const onFinish = (values: OwnerRule) =>
    save.mutate(
      { mode: values.mode, defaultOwnerId: values.defaultOwnerId ?? null },
      { onSuccess: () => message.success(t('ownerRule.saved')), onError: (err) => applyProblemToForm(form, err).forEach((e) => message.error(e)) },
    );

  return (
    <Card title={t('ownerRule.title')} style={{ maxWidth: 720 }} data-testid="owner-rule-card">
      <Typography.Paragraph type="secondary">{t('ownerRule.help')}</Typography.Paragraph>
      {rule.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : rule.isError ? (
        <ErrorState error={rule.error} title={t('ownerRule.loadError')} onRetry={() => rule.refetch()} />
      ) : (
        <Form form={form} name="owner-rule" layout="vertical" initialValues={rule.data} onFinish={onFinish}>
          <Form.Item name="mode">
            <Radio.Group options={MODES.map((m) => ({ value: m, label: t(`ownerRule.${m}`) }))} />
          </Form.Item>
          <Form.Item
            name="defaultOwnerId"
            label={mode === 'default_owner' ? t('ownerRule.owner') : t('ownerRule.fallback')}
            rules={[{ required: mode === 'default_owner', message: t('ownerRule.ownerRequired') }]}
            style={{ maxWidth: 320 }}
          >
            <UserSelect allowClear filter={(u) => u.active && OWNER_ROLES.includes(u.role)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
