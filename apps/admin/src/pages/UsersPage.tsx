import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { User } from '@crm/contracts';
import { QueryTable } from '../components/QueryTable';
import { OwnerRuleCard } from '../components/OwnerRuleCard';
import { OwnerTransferCard } from '../components/OwnerTransferCard';
import { TeamSelect } from '../components/TeamSelect';
import { TeamsCard } from '../components/TeamsCard';
import { UserCreateModal } from '../components/UserCreateModal';
import { useNeedsOwnerExists } from '../data/customers';
import { useCurrentUser } from '../data/session';
import { ROLES, useUpdateUser, useUsers } from '../data/users';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

export function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const users = useUsers();
  const update = useUpdateUser();
  const needsOwner = useNeedsOwnerExists();
  const [creating, setCreating] = useState(false);

  const change = (u: User, patch: { role?: User['role']; active?: boolean; teamId?: string | null }) =>
    update.mutate({ id: u.id, ...patch }, { onSuccess: () => message.success(t('users.updated', { name: u.name })), onError: (err) => message.error(err.message) });
  const pending = (u: User) => update.isPending && update.variables?.id === u.id;

  const columns: TableColumnsType<User> = [
    {
      key: 'name',
      title: t('users.name'),
      render: (_, u) => (
        <>
          {u.name}
          {u.id === me.id && <Tag style={{ marginInlineStart: 6 }}>{t('users.you')}</Tag>}
        </>
      ),
    },
    { key: 'email', title: t('users.email'), dataIndex: 'email' },
    {
      key: 'role',
      title: t('users.role'),
      width: 170,
      render: (_, u) => (
        <Select
          size="small"
          aria-label={`${t('users.role')} ${u.name}`}
          value={u.role}
          disabled={u.id === me.id || pending(u)}
          onChange={(role) => change(u, { role })}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          style={{ width: 150 }}
        />
      ),
    },
    {
      key: 'team',
      title: t('users.team'),
      width: 170,
      render: (_, u) => (
        <TeamSelect
          size="small"
          allowClear
          aria-label={`${t('users.team')} ${u.name}`}
          placeholder={t('users.noTeam')}
          value={u.teamId ?? undefined}
          disabled={pending(u)}
          onChange={(teamId) => change(u, { teamId: teamId ?? null })}
          style={{ width: 150 }}
        />
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 110,
      render: (_, u) => <Tag color={u.active ? 'green' : 'default'}>{u.active ? t('users.active') : t('users.inactive')}</Tag>,
    },
    { key: 'createdAt', title: t('users.createdAt'), width: 190, render: (_, u) => formatDateTime(u.createdAt, lang) },
    {
      key: 'actions',
      title: t('users.actions'),
      width: 110,
      render: (_, u) =>
        u.id === me.id ? null : u.active ? (
          <Popconfirm title={t('users.deactivateConfirm', { name: u.name })} okText={t('users.deactivate')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => change(u, { active: false })}>
            <Button size="small" danger loading={pending(u)}>
              {t('users.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" loading={pending(u)} onClick={() => change(u, { active: true })}>
            {t('users.activate')}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.new')}
        </Button>
      </Flex>
      {needsOwner.data && (
        <Alert
          type="warning"
          showIcon
          data-testid="needs-owner-notice"
          title={t('needsOwner.notice')}
          action={<Link to="/customers?needsOwner=true">{t('needsOwner.link')}</Link>}
        />
      )}
      <QueryTable<User> query={users} size="middle" rowKey="id" columns={columns} pagination={false} />
      <TeamsCard />
      <OwnerTransferCard />
      <OwnerRuleCard />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
