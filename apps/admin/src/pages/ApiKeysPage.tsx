import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiKeyCreateModal } from '../components/ApiKeyCreateModal';
import { QueryTable } from '../components/QueryTable';
import { apiKeyStatus, useApiKeys, useRevokeApiKey, type ApiKey, type ApiKeyStatus } from '../data/api-keys';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

const STATUS_COLOR: Record<ApiKeyStatus, string> = { active: 'green', expired: 'orange', revoked: 'default' };

/** Admins give booking systems scoped keys, see which are in use, and revoke them. */
export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const time = (iso: string | null, none: string) => (iso ? formatDateTime(iso, lang) : <Typography.Text type="secondary">{none}</Typography.Text>);

  const onRevoke = (k: ApiKey) =>
    revoke.mutate(k.id, { onSuccess: () => message.success(t('apiKeys.revoked', { name: k.name })), onError: (err) => message.error(err.message) });

  const columns: TableColumnsType<ApiKey> = [
    { key: 'name', title: t('apiKeys.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('apiKeys.prefix'), width: 170, render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
    {
      key: 'scopes',
      title: t('apiKeys.scopes'),
      render: (_, k) => (
        <Flex wrap gap={4}>
          {k.scopes.map((s) => (
            <Tag key={s} title={s}>
              {t(`scope.${s}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('apiKeys.createdAt'), width: 170, render: (_, k) => formatDateTime(k.createdAt, lang) },
    { key: 'lastUsedAt', title: t('apiKeys.lastUsedAt'), width: 170, render: (_, k) => time(k.lastUsedAt, t('apiKeys.neverUsed')) },
    { key: 'expiresAt', title: t('apiKeys.expiresAt'), width: 170, render: (_, k) => time(k.expiresAt, t('apiKeys.noExpiry')) },
    {
      key: 'status',
      title: t('apiKeys.status'),
      width: 100,
      render: (_, k) => {
        const status = apiKeyStatus(k);
        return <Tag color={STATUS_COLOR[status]}>{t(`apiKeys.status.${status}`)}</Tag>;
      },
    },
    {
      key: 'actions',
      title: t('apiKeys.actions'),
      width: 100,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm title={t('apiKeys.revokeConfirm', { name: k.name })} okText={t('apiKeys.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => onRevoke(k)}>
            <Button size="small" danger loading={revoke.isPending && revoke.variables === k.id}>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1300 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apiKeys.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.new')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('apiKeys.help')}</Typography.Text>
      <QueryTable<ApiKey>
        query={keys}
        size="middle"
        rowKey="id"
        data-testid="api-key-table"
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('apiKeys.empty') }}
      />
      <ApiKeyCreateModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
