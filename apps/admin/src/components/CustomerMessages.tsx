import { useMemo } from 'react';
import { Button, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useCustomerMessages, type CustomerMessage } from '../data/campaigns';
import { formatDateTime, formatPhone } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ErrorState } from './ErrorState';
import { Section } from './Section';

const STATE_COLOR: Record<string, string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** The customer page's messages: reactivation and trip touch-points, newest first. */
export function CustomerMessages({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  return (
    <Section title={t('customerMessages.title')} testId="messages">
      <MessageList filters={{ customerId }} />
    </Section>
  );
}

/** Messages to customers with their state; the body opens on a click. */
export function MessageList({ filters, showCustomer = false }: { filters: { customerId?: string; campaignId?: string }; showCustomer?: boolean }) {
  const { t, lang } = useI18n();
  const list = useCustomerMessages(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // A kind the console has no name for yet is shown as the API sends it.
  const kind = (k: string) => t(`messageKind.${k}` as MessageKey) || k;
  const columns: TableColumnsType<CustomerMessage> = [
    { key: 'createdAt', title: t('messages.createdAt'), width: 170, render: (_, m) => formatDateTime(m.createdAt, lang) },
    ...(showCustomer ? [{ key: 'customer', title: t('customerMessages.customer'), width: 160, render: (_: unknown, m: CustomerMessage) => <Link to={`/customers/${m.customerId}`}>{m.customerName}</Link> }] : []),
    { key: 'kind', title: t('campaigns.messages'), width: 160, render: (_, m) => <Tag>{m.campaignName ? `${kind(m.kind)} · ${m.campaignName}` : kind(m.kind)}</Tag> },
    { key: 'channel', title: t('messages.channel'), width: 80, render: (_, m) => t(`messageChannel.${m.channel as 'email' | 'sms'}`) },
    { key: 'recipient', title: t('messages.recipient'), ellipsis: true, render: (_, m) => (m.channel === 'sms' ? formatPhone(m.recipient) : m.recipient) },
    {
      key: 'state',
      title: t('messages.status'),
      width: 220,
      render: (_, m) => (
        <Flex vertical>
          <span>
            <Tag color={STATE_COLOR[m.state]} data-testid="customer-message-state">
              {t(`messageStatus.${m.state as 'pending' | 'sent' | 'failed'}`)}
            </Tag>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.sentAt ? formatDateTime(m.sentAt, lang) : m.dueAt ? t('customerMessages.due', { time: formatDateTime(m.dueAt, lang) }) : null}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (list.isError && !list.data) return <ErrorState error={list.error} title={t('customerMessages.loadError')} onRetry={() => list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Table<CustomerMessage>
        size="small"
        rowKey="id"
        data-testid="customer-messages"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={list.isPending}
        scroll={{ x: 800 }}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (m) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="customer-message-body">
              {m.subject ? `${m.subject}\n\n${m.body}` : m.body}
            </Typography.Paragraph>
          ),
        }}
        locale={{ emptyText: list.isPending ? <div style={{ height: 80 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerMessages.empty')} /> }}
      />
      {list.hasNextPage && (
        <Button size="small" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()} style={{ alignSelf: 'flex-start' }}>
          {t('customerMessages.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
