import { Empty, Flex, Spin, Statistic, Table, Typography } from 'antd';
import type { CompensationTotals } from '../data/complaint-handling';
import { useCustomerCompensationTotals } from '../data/complaint-handling';
import { formatMoney } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorState } from './ErrorState';

type Figures = CompensationTotals['total'];

/** Refunds, vouchers and other compensations given: the totals, then by month (and, for the report, by customer). */
export function CompensationTotalsView({ totals, withCustomers }: { totals: CompensationTotals; withCustomers?: boolean }) {
  const { t, lang } = useI18n();
  if (!totals.total.complaints) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compTotals.none')} data-testid="compensation-totals-empty" />;
  const money = (value: number) => formatMoney({ value, currency: totals.currency }, lang);
  const compact = { content: { fontSize: 20 } };
  const figureColumns = [
    { key: 'refunds', title: t('compTotals.refunds'), align: 'right' as const, render: (_: unknown, r: Figures) => money(r.refunds) },
    { key: 'vouchers', title: t('compTotals.vouchers'), align: 'right' as const, dataIndex: 'vouchers' },
    { key: 'others', title: t('compTotals.others'), align: 'right' as const, dataIndex: 'others' },
    { key: 'complaints', title: t('compTotals.complaints'), align: 'right' as const, dataIndex: 'complaints' },
  ];
  return (
    <Flex vertical gap={12} data-testid="compensation-totals">
      <Flex gap={24} wrap>
        <Statistic styles={compact} title={t('compTotals.refunds')} value={money(totals.total.refunds)} data-testid="compensation-refunds" />
        <Statistic styles={compact} title={t('compTotals.vouchers')} value={totals.total.vouchers} data-testid="compensation-vouchers" />
        <Statistic styles={compact} title={t('compTotals.others')} value={totals.total.others} data-testid="compensation-others" />
        <Statistic styles={compact} title={t('compTotals.complaints')} value={totals.total.complaints} />
      </Flex>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={totals.months}
        columns={[{ key: 'month', title: t('compTotals.month'), dataIndex: 'month' }, ...figureColumns]}
        data-testid="compensation-months"
      />
      {withCustomers && (
        <>
          <Typography.Text strong>{t('compTotals.topCustomers')}</Typography.Text>
          <Table
            size="small"
            rowKey="customerId"
            pagination={false}
            dataSource={totals.customers}
            columns={[{ key: 'customer', title: t('compTotals.customer'), dataIndex: 'customerName' }, ...figureColumns]}
          />
        </>
      )}
    </Flex>
  );
}

/** The customer page's compensation totals. */
export function CustomerCompensationTotals({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const totals = useCustomerCompensationTotals(customerId);
  if (totals.isPending) return <Spin />;
  if (totals.isError) return <ErrorState error={totals.error} title={t('compTotals.loadError')} onRetry={() => totals.refetch()} />;
  return <CompensationTotalsView totals={totals.data} />;
}
