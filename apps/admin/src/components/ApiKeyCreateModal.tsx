import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { SCOPES, useCreateApiKey, type CreatedApiKey, type Scope } from '../data/api-keys';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';

/** `expiresAt` is a day (yyyy-mm-dd) in the form, and the end of that day, local time, for the API. */
type Values = { name: string; scopes: Scope[]; expiresAt?: string };

/** Create a key, then show its secret once: closing the dialog drops it for good. */
export function ApiKeyCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateApiKey();
  const created = create.data;

  const close = () => {
    form.resetFields();
    setErrors([]);
    create.reset(); // forgets the secret
    onClose();
  };
  const onFinish = ({ name, scopes, expiresAt }: Values) =>
    create.mutate(
      { name, scopes, ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59.999`).toISOString() } : {}) },
      { onError: (err) => setErrors(applyProblemToForm(form, err)) },
    );

  if (created) {
    // No close button, Esc or mask click: leaving this dialog must be a deliberate "I have saved it".
    return (
      <Modal
        open={open}
        title={t('apiKeys.createdTitle', { name: created.name })}
        closable={false}
        keyboard={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={close}>
            {t('apiKeys.done')}
          </Button>
        }
      >
        <SecretOnce created={created} />
      </Modal>
    );
  }
  return (
    <Modal open={open} title={t('apiKeys.new')} okText={t('apiKeys.create')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={close} destroyOnHidden>
      <Form form={form} name="apiKey" layout="vertical" initialValues={{ scopes: [] }} onFinish={onFinish}>
        <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, whitespace: true, message: t('apiKeys.required') }]}>
          <Input maxLength={100} placeholder={t('apiKeys.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="scopes" label={t('apiKeys.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.scopesRequired') }]}>
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {SCOPES.map((s) => (
                <Checkbox key={s} value={s}>
                  {t(`scope.${s}`)} <Typography.Text type="secondary" code>{s}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')} extra={t('apiKeys.expiresHint')}>
          <Input type="date" />
        </Form.Item>
        {errors.length > 0 && <Alert type="error" showIcon role="alert" title={errors.join('；')} />}
      </Form>
    </Modal>
  );
}

function SecretOnce({ created }: { created: CreatedApiKey }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon role="alert" title={t('apiKeys.secretWarning')} />
      <Typography.Paragraph
        data-testid="api-key-secret"
        code
        copyable={{ text: created.key, tooltips: [t('apiKeys.copy'), t('apiKeys.copied')] }}
        style={{ wordBreak: 'break-all', marginBottom: 0 }}
      >
        {created.key}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('apiKeys.usage')}</Typography.Text>
    </Flex>
  );
}
