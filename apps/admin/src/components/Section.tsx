import type { ReactNode } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';

/** A titled card of the customer page; `testId` lets tests find a section by its role, not its wording. */
export function Section({ title, testId, extra, children }: { title: string; testId: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={`section-${testId}`} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** A list of short texts as tags, or "none". */
export function TagList({ values, color }: { values: string[]; color?: string }) {
  const { t } = useI18n();
  if (!values.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((v) => (
        <Tag key={v} color={color}>
          {v}
        </Tag>
      ))}
    </Space>
  );
}
