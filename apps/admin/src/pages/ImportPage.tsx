import { useState } from 'react';
import { Alert, Button, Card, Flex, Radio, Spin, Steps, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../api';
import { ErrorState } from '../components/ErrorState';
import { ImportPreview, fieldLabel } from '../components/ImportPreview';
import { ImportSummary } from '../components/ImportSummary';
import { columnLetter, useDryRun, useImport, useStartImport, useUploadImport, type DryRun, type Import, type ImportKind } from '../data/imports';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

const KINDS: ImportKind[] = ['customers', 'bookings'];

/**
 * Import a spreadsheet: choose kind and file → check the column mapping on a preview → a dry run lists
 * every bad row → start, and watch the job's progress to the summary. The import's id lives in the URL.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const imp = useImport(id);
  const setId = (next: string | null) => setParams(next ? { id: next } : {});

  const step = !id ? 0 : !imp.data ? 1 : imp.data.state === 'ready' ? 1 : 2;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Steps current={step} status={imp.data?.state === 'completed' ? 'finish' : imp.data?.state === 'failed' ? 'error' : 'process'} items={[{ title: t('import.step.file') }, { title: t('import.step.check') }, { title: t('import.step.run') }]} style={{ maxWidth: 720 }} />
      {!id ? (
        <ChooseFile onUploaded={(i) => setId(i.id)} />
      ) : imp.isError ? (
        <ErrorState error={imp.error} title={t('import.loadError')} onRetry={() => imp.refetch()} />
      ) : !imp.data ? (
        <Spin />
      ) : imp.data.state === 'ready' ? (
        <CheckAndStart imp={imp.data} onCancel={() => setId(null)} />
      ) : (
        <Running imp={imp.data} onAnother={() => setId(null)} />
      )}
    </Flex>
  );
}

function ChooseFile({ onUploaded }: { onUploaded(imp: Import): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('customers');
  const upload = useUploadImport();
  return (
    <Card>
      <Flex vertical gap={16}>
        <Radio.Group
          aria-label={t('import.kind')}
          optionType="button"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
        />
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate({ kind, file }, { onSuccess: onUploaded });
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">{upload.isPending ? <Spin /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t(`import.hint.${kind}`)}</p>
        </Upload.Dragger>
        {upload.isError && <Alert type="error" showIcon role="alert" title={t('import.uploadError')} description={errorText(upload.error, t('common.networkError'))} />}
      </Flex>
    </Card>
  );
}

function CheckAndStart({ imp, onCancel }: { imp: Import; onCancel(): void }) {
  const { t, lang } = useI18n();
  const [mapping, setMapping] = useState(imp.mapping);
  const dryRun = useDryRun(imp.id);
  const start = useStartImport(imp.id);
  const missing = imp.fields.filter((f) => f.required && mapping[f.key] === undefined);

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text>
            {t('import.fileSummary', { file: imp.fileName, rows: imp.rowCount, kind: t(`import.kind.${imp.kind}`) })}
          </Typography.Text>
          <Button onClick={onCancel}>{t('import.chooseAnother')}</Button>
        </Flex>
        {imp.earlierUpload && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('import.earlierUpload', { at: formatDateTime(imp.earlierUpload.createdAt, lang) })} />
        )}
      </Card>
      <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
      <ImportPreview
        imp={imp}
        mapping={mapping}
        onChange={(next) => {
          setMapping(next);
          // A check result belongs to the mapping it checked.
          dryRun.reset();
        }}
      />
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={t('import.missing', { fields: missing.map((f) => fieldLabel(t, imp, f.key)).join(lang === 'zh-CN' ? '、' : ', ') })} />
      )}
      <Flex gap={8}>
        <Button onClick={() => dryRun.mutate(mapping)} loading={dryRun.isPending} disabled={missing.length > 0}>
          {t('import.dryRun')}
        </Button>
        <Button type="primary" onClick={() => start.mutate()} loading={start.isPending} disabled={!dryRun.data || dryRun.data.valid === 0}>
          {t('import.start')}
        </Button>
      </Flex>
      {(dryRun.isError || start.isError) && <ErrorState error={dryRun.error ?? start.error} />}
      {dryRun.data && <DryRunResult result={dryRun.data} imp={imp} />}
    </Flex>
  );
}

function DryRunResult({ result, imp }: { result: DryRun; imp: Import }) {
  const { t } = useI18n();
  const columnName = (c: number | null) => (c === null ? '—' : imp.headers[c] || columnLetter(c));
  return (
    <Flex vertical gap={12} data-testid="dry-run">
      <Alert
        type={result.invalid ? 'warning' : 'success'}
        showIcon
        title={t('import.dryRunResult', { valid: result.valid, invalid: result.invalid })}
        description={result.invalid ? t('import.dryRunInvalidHint') : t('import.dryRunAllValid')}
      />
      {result.errors.length > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.rowNumber}.${e.field}.${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'row', title: t('import.row'), width: 80, render: (_, e) => e.rowNumber },
            { key: 'column', title: t('import.column'), width: 160, render: (_, e) => columnName(e.column) },
            { key: 'field', title: t('import.fieldTitle'), width: 140, render: (_, e) => fieldLabel(t, imp, e.field) },
            { key: 'message', title: t('import.problem'), render: (_, e) => e.message },
          ]}
        />
      )}
    </Flex>
  );
}

function Running({ imp, onAnother }: { imp: Import; onAnother(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const retry = useStartImport(imp.id);
  return (
    <Flex vertical gap={16}>
      <Typography.Text>{t('import.fileSummary', { file: imp.fileName, rows: imp.rowCount, kind: t(`import.kind.${imp.kind}`) })}</Typography.Text>
      <ImportSummary imp={imp} onRetry={() => retry.mutate()} retrying={retry.isPending} />
      {imp.state === 'completed' && (
        <Flex gap={8}>
          <Button type="primary" onClick={() => navigate(imp.kind === 'customers' ? '/customers' : '/bookings')}>
            {t(`import.open.${imp.kind}`)}
          </Button>
          <Button onClick={onAnother}>{t('import.another')}</Button>
        </Flex>
      )}
    </Flex>
  );
}
