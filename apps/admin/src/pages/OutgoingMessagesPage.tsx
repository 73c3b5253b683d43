import { useMemo } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { errorText } from '../api';
import { ErrorState } from '../components/ErrorState';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, useOutgoingMessages, useRetryMessage, type MessageFilters, type OutgoingMessage } from '../data/outgoing-messages';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

const STATUS_COLOR: Record<OutgoingMessage['status'], string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** Admins see every e-mail and SMS the system sends, or keeps while no provider is configured; a failed one can be sent again. */
export function OutgoingMessagesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { params, setFilters, clear } = useUrlFilters();
  const filters = useMemo<MessageFilters>(
    () => ({ status: MESSAGE_STATUSES.find((s) => s === params.get('status')), channel: MESSAGE_CHANNELS.find((c) => c === params.get('channel')) }),
    [params],
  );
  const active = !!(filters.status || filters.channel);
  const { list, delivery } = useOutgoingMessages(filters);
  const retry = useRetryMessage();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: TableColumnsType<OutgoingMessage> = [
    { key: 'createdAt', title: t('messages.createdAt'), width: 170, render: (_, m) => formatDateTime(m.createdAt, lang) },
    { key: 'channel', title: t('messages.channel'), width: 80, render: (_, m) => t(`messageChannel.${m.channel}`) },
    { key: 'recipient', title: t('messages.recipient'), width: 220, ellipsis: true, render: (_, m) => m.recipient },
    { key: 'subject', title: t('messages.subject'), ellipsis: true, render: (_, m) => m.subject ?? '—' },
    {
      key: 'status',
      title: t('messages.status'),
      width: 200,
      render: (_, m) => (
        <Flex vertical>
          <span>
            <Tag color={STATUS_COLOR[m.status]} data-testid="message-status">
              {t(`messageStatus.${m.status}`)}
            </Tag>
            {m.sending && <Tag color="processing">{t('messages.sending')}</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.status === 'sent' && m.sentAt ? formatDateTime(m.sentAt, lang) : m.status === 'pending' && m.attempts > 0 && m.nextAttemptAt ? t('messages.nextAttempt', { time: formatDateTime(m.nextAttemptAt, lang) }) : null}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'attempts', title: t('messages.attempts'), width: 90, align: 'right', render: (_, m) => m.attempts },
    {
      key: 'actions',
      width: 120,
      render: (_, m) =>
        m.status === 'failed' && (
          <Popconfirm title={t('messages.retryConfirm')} okText={t('messages.retry')} cancelText={t('common.cancel')} onConfirm={() => retry.mutate(m.id, { onSuccess: () => message.success(t('messages.retried')), onError: (err) => message.error(err.message) })}>
            <Button size="small" loading={retry.isPending && retry.variables === m.id} onClick={(e) => e.stopPropagation()}>
              {t('messages.retry')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const filter = <T extends string>(name: keyof MessageFilters, values: T[], label: (v: T) => string, placeholder: string) => (
    <Select
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      value={filters[name]}
      onChange={(v) => setFilters({ [name]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`message-${name}-filter`}
      style={{ width: 140 }}
    />
  );

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('messages.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('messages.help')}</Typography.Text>
      {delivery && (
        <Alert
          type={delivery.email ? 'info' : 'warning'}
          showIcon
          data-testid="message-delivery"
          title={[delivery.email ? t('messages.emailOn') : t('messages.emailOff'), delivery.sms ? null : t('messages.smsOff')].filter(Boolean).join(' ')}
        />
      )}

      <Flex wrap gap={8} align="center">
        {filter('status', MESSAGE_STATUSES, (v) => t(`messageStatus.${v}`), t('messages.filter.status'))}
        {filter('channel', MESSAGE_CHANNELS, (v) => t(`messageChannel.${v}`), t('messages.filter.channel'))}
        {active && <Button onClick={clear}>{t('messages.clearFilters')}</Button>}
      </Flex>

      {list.isError && !list.data ? (
        <ErrorState error={list.error} title={t('messages.loadError')} onRetry={() => list.refetch()} />
      ) : (
        <Table<OutgoingMessage>
          size="small"
          rowKey="id"
          data-testid="messages-table"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          scroll={{ x: 1100 }}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (m) => (
              <Flex vertical gap={8}>
                {m.lastError && <Alert type="error" showIcon title={`${t('messages.lastError')}: ${m.lastError}`} />}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="message-body">
                  {m.body}
                </Typography.Paragraph>
              </Flex>
            ),
          }}
          onRow={() => ({ style: { cursor: 'pointer' } })}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty description={active ? t('messages.emptyFiltered') : t('messages.empty')}>
                {active && <Button onClick={clear}>{t('messages.clearFilters')}</Button>}
              </Empty>
            ),
          }}
        />
      )}

      <Flex gap={12} align="center" data-testid="messages-status" style={{ minHeight: 32 }}>
        {list.isFetchingNextPage && <Spin size="small" />}
        <Typography.Text type="secondary">
          {list.isPending ? t('common.loading') : t('messages.loaded', { n: rows.length })}
          {list.data && !list.hasNextPage && rows.length > 0 && ` · ${t('messages.allLoaded')}`}
        </Typography.Text>
        {list.hasNextPage && (
          <Button size="small" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('messages.loadMore')}
          </Button>
        )}
        {list.isError && list.data && <Typography.Text type="danger">{errorText(list.error, t('common.networkError'))}</Typography.Text>}
        {list.isError && list.data && (
          <Button size="small" danger onClick={() => (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}>
            {t('common.retry')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
