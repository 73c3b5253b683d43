import { Button, Divider, Empty, Flex, List, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useCustomerComplaints } from '../data/complaints';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { ComplaintStatusTag, PriorityTag, SlaCountdown } from './ComplaintBits';
import { CustomerCompensationTotals } from './CompensationTotals';
import { ErrorState } from './ErrorState';
import { Section } from './Section';

/** The customer page's complaints: the latest page of them, each linking to the complaint, and the compensations given. */
export function CustomerComplaints({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const list = useCustomerComplaints(customerId);
  const items = list.data?.pages[0]?.items ?? [];
  return (
    <Section
      title={t('section.complaints')}
      testId="complaints"
      extra={
        <Link to={`/complaints/new?customerId=${customerId}`}>
          <Button size="small" type="link" icon={<PlusOutlined />}>
            {t('customer.complaints.new')}
          </Button>
        </Link>
      }
    >
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <ErrorState error={list.error} title={t('complaints.loadError')} onRetry={() => list.refetch()} />
      ) : items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item data-testid="customer-complaint">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={6} align="center" wrap>
                  <PriorityTag priority={c.priority} />
                  <Link to={`/complaints/${c.id}`}>{t(`complaintCategory.${c.category}`)}</Link>
                  <ComplaintStatusTag status={c.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
                    {formatDate(c.receivedAt, lang)}
                  </Typography.Text>
                </Flex>
                <Typography.Text ellipsis type="secondary">
                  {c.description}
                </Typography.Text>
                {c.attribution === null && <SlaCountdown complaint={c} withMetric />}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.complaints.empty')} />
      )}
      {items.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            {t('compTotals.title')}
          </Divider>
          <CustomerCompensationTotals customerId={customerId} />
        </>
      )}
    </Section>
  );
}
