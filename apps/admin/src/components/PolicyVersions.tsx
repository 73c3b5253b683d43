import { Card, Space, Table, Tag, Typography } from 'antd';
import { usePolicyVersions, type TierPolicy } from '../data/tiering';
import { useUsers } from '../data/users';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { changedRules } from '../tier-view';
import { ErrorState } from './ErrorState';

/** Every saved version of the policy: when, by whom, why, and which rules it changed. */
export function PolicyVersions() {
  const { t, lang } = useI18n();
  const versions = usePolicyVersions();
  const users = useUsers();
  const items = versions.data ?? [];
  // Newest first: a version's predecessor is the next row.
  const previous = (v: TierPolicy) => items[items.indexOf(v) + 1]?.rules;
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? '—';

  return (
    <Card size="small" title={t('policy.versions')} data-testid="policy-versions">
      {versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
      ) : (
        <Table<TierPolicy>
          size="small"
          rowKey="version"
          loading={versions.isPending}
          pagination={false}
          dataSource={items}
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
                    {changedRules(before, v.rules).map((k) => (
                      <Tag key={k}>
                        {t(`policy.rule.${k}`)}: {before![k]} → {v.rules[k]}
                      </Tag>
                    ))}
                  </Space>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
