import { Spin, Timeline, Typography } from 'antd';
import { ErrorState } from './ErrorState';
import { useOwnerHistory } from '../data/customers';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

/** The reason the API records for a customer's first owner; the entry already says "assigned to". */
const CREATED = 'created';

/** Who owned the customer when, newest first: the record that survives staff leaving. */
export function OwnerHistory({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const history = useOwnerHistory(customerId);
  if (history.isPending) return <Spin size="small" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data.length) return <Typography.Text type="secondary">{t('customer.ownerHistoryEmpty')}</Typography.Text>;
  const items = [...history.data]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((h, i) => ({
      key: h.id,
      color: i === 0 ? 'blue' : 'gray',
      content: (
        <>
          <div>{h.from ? t('customer.ownerChanged', { from: h.from.name, to: h.to.name }) : t('customer.ownerAssigned', { to: h.to.name })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(h.at, lang)}
            {h.changedBy && ` · ${t('customer.ownerChangedBy', { name: h.changedBy.name })}`}
            {h.reason && h.reason !== CREATED && ` · ${t('customer.ownerReason', { reason: h.reason })}`}
          </Typography.Text>
        </>
      ),
    }));
  return (
    <div data-testid="owner-history">
      <Timeline items={items} />
    </div>
  );
}
