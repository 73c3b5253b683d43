import { Descriptions, Flex, Table, Typography } from 'antd';
import { formatAuditValue, messageOr } from '../audit-values';
import type { AuditEntry } from '../data/audit';
import { useI18n } from '../i18n/i18n';

type Row = { field: string; before: unknown; after: unknown };

/** An audit entry opened up: each changed field before and after, and whatever else the entry says. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useI18n();
  const rows: Row[] = Object.entries(entry.changes ?? {}).map(([field, c]) => ({ field, before: c.before, after: c.after }));
  const details = Object.entries(entry.details ?? {});
  const value = (v: unknown) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{formatAuditValue(v, lang)}</span>;
  return (
    <Flex vertical gap={12} data-testid="audit-changes" style={{ maxWidth: 1000 }}>
      {rows.length ? (
        <Table<Row>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'field',
              title: t('audit.field'),
              width: 200,
              render: (_, r) => (
                <Flex vertical>
                  <span>{messageOr(lang, `field.${r.field}`, r.field)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.field}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'before', title: t('audit.before'), render: (_, r) => value(r.before) },
            { key: 'after', title: t('audit.after'), render: (_, r) => value(r.after) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
      {details.length > 0 && (
        <Descriptions size="small" bordered column={1} title={t('audit.details')}>
          {details.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {value(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Flex>
  );
}
