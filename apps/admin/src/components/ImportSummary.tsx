import { Alert, Button, Card, Flex, Progress, Statistic, Table, Typography } from 'antd';
import { useFailedRows, type Import } from '../data/imports';
import { useI18n } from '../i18n/i18n';
import { fieldLabel } from './ImportPreview';

const COUNTS = ['created', 'updated', 'unchanged', 'failed'] as const;

/** The running import's progress, then what it did, with the rows that failed and why. */
export function ImportSummary({ imp, onRetry, retrying }: { imp: Import; onRetry(): void; retrying: boolean }) {
  const { t } = useI18n();
  const done = imp.state === 'completed';
  const failedRows = useFailedRows(imp.id, done && imp.counts.failed > 0);
  return (
    <Flex vertical gap={16}>
      <Progress
        percent={imp.progress}
        status={imp.state === 'failed' ? 'exception' : done ? 'success' : 'active'}
        aria-label={t('import.progress')}
        data-testid="import-progress"
      />
      {imp.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('import.failed')}
          description={imp.error}
          action={
            <Button onClick={onRetry} loading={retrying}>
              {t('import.resume')}
            </Button>
          }
        />
      )}
      <Card size="small" title={done ? t('import.done') : t('import.running')} data-testid="import-summary">
        <Flex gap={48} wrap>
          {COUNTS.map((c) => (
            <Statistic key={c} title={t(`import.count.${c}`)} value={imp.counts[c]} valueStyle={c === 'failed' && imp.counts[c] ? { color: '#cf1322' } : undefined} />
          ))}
        </Flex>
      </Card>
      {done && imp.counts.failed > 0 && (
        <Card size="small" title={t('import.failedRows')}>
          <Table
            size="small"
            rowKey="rowNumber"
            loading={failedRows.isPending}
            dataSource={failedRows.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { key: 'row', title: t('import.row'), width: 80, render: (_, r) => r.rowNumber },
              {
                key: 'errors',
                title: t('import.problem'),
                render: (_, r) => r.errors.map((e) => <Typography.Paragraph key={e.field + e.message} style={{ margin: 0 }}>{e.field ? `${fieldLabel(t, imp, e.field)}: ${e.message}` : e.message}</Typography.Paragraph>),
              },
              { key: 'cells', title: t('import.rowContent'), ellipsis: true, render: (_, r) => r.cells.filter(Boolean).join(' · ') },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
