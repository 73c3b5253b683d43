import { Fragment, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorState } from './ErrorState';
import { PolicyVersions, type PolicyVersion } from './PolicyVersions';

/** The frame of a versioned policy's page (tiers, service levels): back link, title, the form of the version in force, every version. */
export function PolicyPage<P extends PolicyVersion>(props: {
  back: { to: string; label: string };
  title: string;
  policy: UseQueryResult<P>;
  versions: UseQueryResult<P[]>;
  changes: (before: P, after: P) => string[];
  skeletonRows: number;
  form: (policy: P) => ReactNode;
}) {
  const { policy } = props;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1280 }}>
      <Link to={props.back.to}>
        <ArrowLeftOutlined /> {props.back.label}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {policy.isPending ? (
        <Skeleton active paragraph={{ rows: props.skeletonRows }} />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
      ) : (
        // A saved version starts the form over from what the server kept.
        <Fragment key={policy.data.version}>{props.form(policy.data)}</Fragment>
      )}
      <PolicyVersions versions={props.versions} changes={props.changes} />
    </Flex>
  );
}

/** Which version is in force (or the built-in defaults), and that a non-admin only reads it. */
export function PolicyStatus({ policy, admin }: { policy: PolicyVersion; admin: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Typography.Text type="secondary">
      {policy.version ? t('policy.current', { version: policy.version, at: formatDateTime(policy.createdAt!, lang) }) : t('policy.defaults')}
      {!admin && ` · ${t('policy.readOnly')}`}
    </Typography.Text>
  );
}

/** An admin's note on the new version and the save button; the form around it submits. */
export function PolicySaveBar({ saving, testId }: { saving: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Flex gap={12} align="flex-start">
        <Form.Item name="note" style={{ flex: 1, margin: 0 }}>
          <Input maxLength={500} placeholder={t('policy.note')} aria-label={t('policy.note')} data-testid={`${testId}-note`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid={`${testId}-save`}>
          {t('policy.save')}
        </Button>
      </Flex>
    </Card>
  );
}
