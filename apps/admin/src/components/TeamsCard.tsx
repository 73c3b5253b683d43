import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import type { User } from '@crm/contracts';
import { ProblemError } from '../api';
import { useCreateTeam, useTeams, useUpdateTeam, type Team } from '../data/teams';
import { useUsers } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { QueryTable } from './QueryTable';
import { UserSelect } from './UserSelect';

/** Who may manage a team: the API refuses anyone else. */
const canManage = (u: User) => u.active && (u.role === 'manager' || u.role === 'admin');

/** The teams, their managers and how many people are in each; members are set in the users table above. */
export function TeamsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const teams = useTeams();
  const users = useUsers();
  const update = useUpdateTeam();
  const create = useCreateTeam();
  const [form] = Form.useForm<{ name: string; managerId?: string }>();
  const [errors, setErrors] = useState<string[]>([]);

  const change = (team: Team, patch: { name?: string; managerId?: string | null }) =>
    update.mutate(
      { id: team.id, ...patch },
      {
        onSuccess: (x) => message.success(t('teams.updated', { name: x.name })),
        onError: (err) => message.error(err instanceof ProblemError && err.status === 409 ? t('teams.nameTaken') : err.message),
      },
    );
  const onCreate = (values: { name: string; managerId?: string }) =>
    create.mutate(
      { name: values.name, managerId: values.managerId ?? null },
      {
        onSuccess: (x) => {
          message.success(t('teams.created', { name: x.name }));
          form.resetFields();
          setErrors([]);
        },
        onError: (err) => {
          // The name is the one thing another team can already have: say so in the console's language.
          if (err instanceof ProblemError && err.status === 409) form.setFields([{ name: 'name', errors: [t('teams.nameTaken')] }]);
          else setErrors(applyProblemToForm(form, err));
        },
      },
    );

  const members = (team: Team) => (users.data ?? []).filter((u) => u.teamId === team.id);
  const manager = (team: Team) => (users.data ?? []).find((u) => u.id === team.managerId);
  const columns: TableColumnsType<Team> = [
    {
      key: 'name',
      title: t('teams.name'),
      render: (_, team) => (
        <Typography.Text editable={{ tooltip: t('teams.rename'), triggerType: ['icon'], onChange: (name) => name.trim() && name.trim() !== team.name && change(team, { name: name.trim() }) }}>
          {team.name}
        </Typography.Text>
      ),
    },
    {
      key: 'manager',
      title: t('teams.manager'),
      width: 280,
      render: (_, team) => {
        const m = manager(team);
        return (
          <Flex gap={6} align="center">
            <UserSelect
              size="small"
              allowClear
              aria-label={`${t('teams.manager')} ${team.name}`}
              placeholder={t('teams.noManager')}
              value={team.managerId ?? undefined}
              filter={(u) => canManage(u) || u.id === team.managerId}
              onChange={(v) => change(team, { managerId: v ?? null })}
              style={{ width: 230 }}
            />
            {m && !canManage(m) && (
              <Tooltip title={t('teams.managerInactive')}>
                <WarningOutlined style={{ color: '#faad14' }} aria-label={t('teams.managerInactive')} />
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'members',
      title: t('teams.members'),
      render: (_, team) => {
        const list = members(team);
        return list.length ? (
          <Flex wrap gap={4}>
            {list.map((u) => (
              <Tag key={u.id}>{u.name}</Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        );
      },
    },
  ];

  return (
    <Card title={t('teams.title')} data-testid="teams-card">
      <Typography.Paragraph type="secondary">{t('teams.help')}</Typography.Paragraph>
      <Form form={form} name="team" layout="inline" onFinish={onCreate} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('users.required') }]}>
          <Input placeholder={t('teams.name')} aria-label={t('teams.name')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="managerId">
          <UserSelect allowClear placeholder={t('teams.manager')} aria-label={t('teams.manager')} filter={canManage} style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
          {t('teams.new')}
        </Button>
      </Form>
      {errors.length > 0 && <Alert type="error" showIcon role="alert" title={errors.join('；')} style={{ marginBottom: 16 }} />}
      <QueryTable<Team>
        query={teams}
        errorTitle={t('teams.loadError')}
        size="small"
        rowKey="id"
        data-testid="teams-table"
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('teams.empty') }}
      />
    </Card>
  );
}
