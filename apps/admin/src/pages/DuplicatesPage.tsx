import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { MergeOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { errorText } from '../api';
import { ErrorState } from '../components/ErrorState';
import { TierTag } from '../components/TierTag';
import type { Customer } from '../data/customers';
import { useDuplicates, useMergeCustomers, type DuplicatePair } from '../data/duplicates';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { formatDate, formatMoney, formatPhone } from '../format';
import { useI18n } from '../i18n/i18n';

/** Suggested pairs of customers that look like one person, side by side; managers pick which one stays. */
export function DuplicatesPage() {
  const { t } = useI18n();
  const canMerge = canManageCustomers(useCurrentUser());
  const pairs = useDuplicates();

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('duplicates.title')}
        </Typography.Title>
        {pairs.data && pairs.data.length > 0 && <Typography.Text type="secondary">{t(pairs.data.length === 1 ? 'duplicates.countOne' : 'duplicates.count', { n: pairs.data.length })}</Typography.Text>}
      </Flex>
      <Typography.Text type="secondary">{t('duplicates.help')}</Typography.Text>
      {!canMerge && <Alert type="info" showIcon title={t('duplicates.viewOnly')} />}
      {pairs.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : pairs.isError ? (
        <ErrorState error={pairs.error} title={t('duplicates.loadError')} onRetry={() => pairs.refetch()} />
      ) : !pairs.data.length ? (
        <Card>
          <Empty description={t('duplicates.empty')} />
        </Card>
      ) : (
        pairs.data.map((pair) => <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} canMerge={canMerge} />)
      )}
    </Flex>
  );
}

function PairCard({ pair, canMerge }: { pair: DuplicatePair; canMerge: boolean }) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const merge = useMergeCustomers();
  const who = (c: Customer) => t('duplicates.who', { name: c.name, created: formatDate(c.createdAt, lang) });

  const keep = (survivor: Customer, merged: Customer) =>
    modal.confirm({
      title: t('duplicates.confirmTitle', { survivor: who(survivor), merged: who(merged) }),
      content: t('duplicates.confirm', { survivor: survivor.name, merged: merged.name }),
      okText: t('duplicates.merge'),
      cancelText: t('common.cancel'),
      width: 520,
      onOk: () =>
        merge
          .mutateAsync({ survivorId: survivor.id, mergedId: merged.id })
          .then((r) =>
            message.success({
              duration: 8,
              content: (
                <Space data-testid="merge-done">
                  {t('duplicates.merged', { merged: merged.name, survivor: r.survivor.name })}
                  <Link to={`/customers/${r.survivor.id}`}>{t('duplicates.open')}</Link>
                </Space>
              ),
            }),
          )
          .catch((err: unknown) => message.error(errorText(err, t('common.networkError')))),
    });

  const side = (c: Customer, other: Customer) => (
    <Col xs={24} md={12}>
      <CustomerSummary customer={c} />
      {canMerge && (
        <Button icon={<MergeOutlined />} onClick={() => keep(c, other)} style={{ marginTop: 12 }}>
          {t('duplicates.keep')}
        </Button>
      )}
    </Col>
  );
  return (
    <Card size="small" title={<Tag color="orange">{t(`duplicates.reason.${pair.reason}`)}</Tag>} data-testid="duplicate-pair">
      <Row gutter={[24, 16]}>
        {side(pair.a, pair.b)}
        {side(pair.b, pair.a)}
      </Row>
    </Card>
  );
}

function CustomerSummary({ customer: c }: { customer: Customer }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/customers/${c.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
          {c.name}
        </Link>
        <Tag>{t(`type.${c.type}`)}</Tag>
        {c.tier && <TierTag tier={c.tier} />}
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('field.phone')}>{c.phone ? formatPhone(c.phone) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.email')}>{c.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.birthday')}>{c.birthday ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.city')}>{c.city ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.owner')}>{c.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.lifetimeValue')}>{formatMoney(c.lifetimeValue, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('section.externalRefs')}>{c.externalRefs.map((r) => `${r.source}/${r.externalId}`).join(', ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.createdAt')}>{formatDate(c.createdAt, lang)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
