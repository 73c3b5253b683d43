import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { User } from '@crm/contracts';
import { ROLES, useCreateUser } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';

type Values = { email: string; name: string; role: User['role']; password: string };

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateUser();
  const required = [{ required: true, whitespace: true, message: t('users.required') }];

  const close = () => {
    form.resetFields();
    setErrors([]);
    onClose();
  };
  const onFinish = (values: Values) =>
    create.mutate(values, {
      onSuccess: (u) => {
        message.success(t('users.created', { name: u.name }));
        close();
      },
      onError: (err) => setErrors(applyProblemToForm(form, err)),
    });

  return (
    <Modal open={open} title={t('users.new')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={close} destroyOnHidden>
      <Form form={form} name="user" layout="vertical" initialValues={{ role: 'account_manager' }} onFinish={onFinish}>
        <Form.Item name="name" label={t('users.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={required}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={required}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={required}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {errors.length > 0 && <Alert type="error" showIcon role="alert" title={errors.join('；')} />}
      </Form>
    </Modal>
  );
}
