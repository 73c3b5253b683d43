import { useState } from 'react';
import { App, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLifecyclePlays, useMarkPlayDone } from '../data/lifecycle';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { StaffName } from './ComplaintBits';
import { ErrorState } from './ErrorState';
import { TierTag } from './TierTag';
import { UserSelect } from './UserSelect';

/** The calls to make: A and B customers who turned red, each to be called within 3 days, earliest due first. */
export function LifecyclePlaysCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const seesAll = canManageCustomers(useCurrentUser());
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const list = useLifecyclePlays(seesAll ? ownerId : undefined);
  const markDone = useMarkPlayDone();
  const plays = list.data?.pages.flatMap((p) => p.items) ?? [];
  const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD on the browser's clock

  const done = (id: string) =>
    markDone.mutate(id, { onSuccess: () => message.success(t('lifecycle.plays.saved')), onError: (err) => message.error(err.message) });

  return (
    <Card
      size="small"
      title={t('lifecycle.plays.title')}
      data-testid="plays"
      extra={
        seesAll && (
          <UserSelect
            allowClear
            size="small"
            aria-label={t('lifecycle.atRisk.owner')}
            placeholder={t('lifecycle.atRisk.owner')}
            value={ownerId}
            onChange={setOwnerId}
            filter={(u) => u.role !== 'agent'}
            style={{ width: 150 }}
            data-testid="plays-owner-filter"
          />
        )
      }
    >
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : list.isError ? (
        <ErrorState error={list.error} title={t('lifecycle.plays.loadError')} onRetry={() => list.refetch()} />
      ) : !plays.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lifecycle.plays.empty')} />
      ) : (
        <List
          size="small"
          dataSource={plays}
          style={{ maxHeight: 320, overflowY: 'auto' }}
          loadMore={
            list.hasNextPage && (
              <Flex justify="center" style={{ marginTop: 8 }}>
                <Button size="small" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                  {t('lifecycle.plays.more')}
                </Button>
              </Flex>
            )
          }
          renderItem={(p) => (
            <List.Item
              data-testid="play-row"
              actions={[
                <Button key="done" size="small" type="primary" loading={markDone.isPending && markDone.variables === p.id} onClick={() => done(p.id)} data-testid="play-done">
                  {t('lifecycle.plays.done')}
                </Button>,
              ]}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} align="center">
                  {p.tier && <TierTag tier={p.tier} />}
                  <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>
                  {p.score !== null && <Tag color="red">{p.score}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('lifecycle.plays.call', { due: formatDate(p.dueOn, lang) })} · <StaffName id={p.ownerId} />{' '}
                  {p.dueOn < today && <Tag color="red">{t('lifecycle.plays.overdue')}</Tag>}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
