import { useState } from 'react';
import { App, Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { RetierRun } from '@crm/contracts';
import { useJobRun, useStartRetier } from '../data/tiering';
import { formatDateTime } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatDuration, runDuration } from '../tier-view';

const STATE_COLORS: Record<string, string> = { queued: 'default', running: 'processing', completed: 'success', failed: 'error' };

/** The last runs of the retier job, and (for managers) starting one now and watching it finish. */
export function RetierRuns({ runs, canRun }: { runs: RetierRun[]; canRun: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const start = useStartRetier();
  const [runId, setRunId] = useState<string | null>(null);
  const current = useJobRun(runId);
  const active = !!runId && (!current.data || current.data.state === 'queued' || current.data.state === 'running');

  const onStart = () => start.mutate(undefined, { onSuccess: (run) => setRunId(run.id), onError: (err) => message.error(err.message) });

  return (
    <Card
      size="small"
      title={t('tiers.runs.title')}
      data-testid="retier-runs"
      extra={
        canRun && (
          <Button type="primary" icon={<SyncOutlined spin={active} />} loading={start.isPending} disabled={active} onClick={onStart} data-testid="retier-now">
            {t('tiers.runs.runNow')}
          </Button>
        )
      }
    >
      {runId && current.data && (
        <Flex align="center" gap={12} style={{ marginBottom: 12 }} data-testid="retier-progress">
          <Progress percent={current.data.progress} status={current.data.state === 'failed' ? 'exception' : active ? 'active' : 'success'} style={{ flex: 1, margin: 0 }} />
          <Typography.Text type="secondary">{t(`tiers.runs.state.${current.data.state}` as MessageKey)}</Typography.Text>
        </Flex>
      )}
      <Table<RetierRun>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={runs}
        locale={{ emptyText: t('tiers.runs.empty') }}
        columns={[
          { key: 'startedAt', title: t('tiers.runs.startedAt'), render: (_, r) => (r.startedAt ? formatDateTime(r.startedAt, lang) : '—') },
          {
            key: 'state',
            title: t('tiers.runs.stateTitle'),
            render: (_, r) => (
              <Tag color={STATE_COLORS[r.state]} data-testid="retier-run-state">
                {t(`tiers.runs.state.${r.state}` as MessageKey)}
              </Tag>
            ),
          },
          { key: 'duration', title: t('tiers.runs.duration'), render: (_, r) => dash(runDuration(r), formatDuration) },
          { key: 'changed', title: t('tiers.runs.changed'), align: 'right', render: (_, r) => dash(r.changed, String) },
          { key: 'asOf', title: t('tiers.runs.asOf'), render: (_, r) => formatDateTime(r.asOf, lang) },
          { key: 'error', title: t('tiers.runs.error'), ellipsis: true, render: (_, r) => r.error ?? '' },
        ]}
      />
    </Card>
  );
}

const dash = <T,>(v: T | null, show: (v: T) => string) => (v === null ? '—' : show(v));
