import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTransferCustomers } from '../data/customers';
import { OWNER_ROLES, useUsers } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { UserSelect } from './UserSelect';

type Values = { fromUserId: string; toUserId: string; reason?: string };

/** "Move all customers of X to Y", when someone leaves; confirmed first, then the moved count is shown. */
export function OwnerTransferCard() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const users = useUsers();
  const transfer = useTransferCustomers();
  const [moved, setMoved] = useState<number | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.name ?? id;

  const onFinish = (values: Values) =>
    modal.confirm({
      title: t('transfer.confirmTitle'),
      content: t('transfer.confirm', { from: nameOf(values.fromUserId), to: nameOf(values.toUserId) }),
      okText: t('transfer.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        transfer
          .mutateAsync({ ...values, reason: values.reason?.trim() || undefined })
          .then((r) => {
            setMoved(r.moved);
            form.resetFields();
          })
          .catch((err: unknown) => setErrors(applyProblemToForm(form, err))),
    });

  return (
    <Card title={t('transfer.title')} style={{ maxWidth: 720 }} data-testid="transfer-card">
      <Typography.Paragraph type="secondary">{t('transfer.help')}</Typography.Paragraph>
      <Form form={form} name="transfer" layout="vertical" onFinish={onFinish} onValuesChange={() => {
          setMoved(null);
          setErrors([]);
        }}>
        <Flex gap={16} wrap>
          <Form.Item name="fromUserId" label={t('transfer.from')} rules={[{ required: true, message: t('users.required') }]} style={{ flex: '1 1 220px' }}>
            <UserSelect />
          </Form.Item>
          <Form.Item name="toUserId" label={t('transfer.to')} rules={[{ required: true, message: t('users.required') }]} style={{ flex: '1 1 220px' }}>
            <UserSelect filter={(u) => u.active && OWNER_ROLES.includes(u.role)} />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('transfer.reason')}>
          <Input maxLength={500} placeholder={t('transfer.reasonPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={transfer.isPending}>
          {t('transfer.submit')}
        </Button>
      </Form>
      {moved !== null && <Alert style={{ marginTop: 16 }} type="success" showIcon role="status" title={t('transfer.done', { n: moved })} data-testid="transfer-result" />}
      {errors.length > 0 && <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" title={errors.join('；')} />}
    </Card>
  );
}
