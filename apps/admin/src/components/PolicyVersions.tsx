import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Space, Tag, Typography } from 'antd';
import { useUsers } from '../data/users';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { QueryTable } from './QueryTable';

/** What every versioned policy (tiers, service levels) records about a saved version. */
export interface PolicyVersion {
  version: number;
  createdAt: string | null;
  createdBy: string | null;
  note: string | null;
}

/** Every saved version of a policy, newest first: when, by whom, why, and what it changed against the one before. */
export function PolicyVersions<V extends PolicyVersion>({ versions, changes }: { versions: UseQueryResult<V[]>; changes: (before: V, after: V) => string[] }) {
  const { t, lang } = useI18n();
  const users = useUsers();
  const items = versions.data ?? [];
  // Newest first: a version's predecessor is the next row.
  const previous = (v: V): V | undefined => items[items.indexOf(v) + 1];
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? '—';

  return (
    <Card size="small" title={t('policy.versions')} data-testid="policy-versions">
      <QueryTable<V>
        query={versions}
        size="small"
        rowKey="version"
        pagination={false}
        locale={{ emptyText: t('policy.noVersions') }}
        columns={[
          { key: 'version', title: t('policy.version'), width: 80, render: (_, v) => `v${v.version}` },
          { key: 'at', title: t('policy.savedAt'), width: 180, render: (_, v) => (v.createdAt ? formatDateTime(v.createdAt, lang) : '—') },
          { key: 'by', title: t('policy.savedBy'), width: 140, render: (_, v) => userName(v.createdBy) },
          { key: 'note', title: t('policy.note'), render: (_, v) => v.note ?? <Typography.Text type="secondary">—</Typography.Text> },
          {
            key: 'changes',
            title: t('policy.changes'),
            render: (_, v) => {
              const before = previous(v);
              return (
                <Space size={[4, 4]} wrap>
                  {before && changes(before, v).map((change) => <Tag key={change}>{change}</Tag>)}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
