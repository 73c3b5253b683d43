import { useState } from 'react';
import { Button, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { CampaignEditor } from '../components/CampaignEditor';
import { ErrorState } from '../components/ErrorState';
import { useCampaigns, type Campaign } from '../data/campaigns';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { channelList, quietHoursText } from '../campaign-view';

/** Reactivation campaigns: their settings at a glance; a campaign's page has its results. */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Campaign> = [
    { key: 'name', title: t('campaigns.name'), render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { key: 'state', title: t('campaigns.state'), width: 100, render: (_, c) => <Tag color={c.active ? 'green' : 'default'}>{c.active ? t('campaigns.active') : t('campaigns.inactive')}</Tag> },
    { key: 'discount', title: t('campaigns.discount'), width: 110, align: 'right', render: (_, c) => t('campaigns.off', { n: c.discountPercent }) },
    { key: 'holdout', title: t('campaigns.holdout'), width: 100, align: 'right', render: (_, c) => `${c.holdoutPercent}%` },
    { key: 'channels', title: t('campaigns.channels'), width: 180, render: (_, c) => channelList(c, t) },
    { key: 'quiet', title: t('campaigns.quietHours'), width: 140, render: (_, c) => quietHoursText(c, t) },
    { key: 'created', title: t('campaigns.created'), width: 180, render: (_, c) => formatDateTime(c.createdAt, lang) },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
          {t('campaigns.new')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('campaigns.help')}</Typography.Text>
      {campaigns.isError ? (
        <ErrorState error={campaigns.error} title={t('campaigns.loadError')} onRetry={() => campaigns.refetch()} />
      ) : (
        <Table<Campaign>
          size="small"
          rowKey="id"
          data-testid="campaigns-table"
          columns={columns}
          dataSource={campaigns.data ?? []}
          loading={campaigns.isPending}
          pagination={false}
          locale={{ emptyText: campaigns.isPending ? <div style={{ height: 120 }} /> : <Empty description={t('campaigns.empty')} /> }}
        />
      )}
      {creating && <CampaignEditor onClose={() => setCreating(false)} onSaved={(c) => navigate(`/campaigns/${c.id}`)} />}
    </Flex>
  );
}
