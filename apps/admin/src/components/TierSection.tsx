import { Descriptions, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { Customer, TierReason, TierRules } from '@crm/contracts';
import { useTierHistory, useTierPolicy, type TierChange } from '../data/tiering';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { changePercent, cny } from '../tier-view';
import { ErrorState } from './ErrorState';
import { Section } from './Section';
import { TierTag } from './TierTag';

const FLAG_COLORS: Record<Customer['tierFlags'][number], string> = { creditRisk: 'red', declining: 'orange', risingStar: 'green' };

/** The customer's tier, quadrant and flags, the figures that decided them, and how they changed over time. */
export function TierSection({ customer: c }: { customer: Customer }) {
  const { t, lang } = useI18n();
  const policy = useTierPolicy();
  const reason = c.tierReason;
  return (
    <Section title={t('section.tier')} testId="tier">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('field.tier')}>
            <span data-testid="customer-tier">{c.tier ? <TierTag tier={c.tier} /> : <Typography.Text type="secondary">{t('tiers.untieredHint')}</Typography.Text>}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.quadrant')}>{c.quadrant ? t(`quadrant.${c.quadrant}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tiers.flagsLabel')}>
            {c.tierFlags.length ? (
              <Space size={[4, 4]} wrap>
                {c.tierFlags.map((f) => (
                  <Tooltip key={f} title={t(`tiers.flags.hint.${f}`)}>
                    <Tag color={FLAG_COLORS[f]}>{t(`flag.${f}`)}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ) : (
              t('common.none')
            )}
          </Descriptions.Item>
          {c.tierChangedAt && <Descriptions.Item label={t('tiers.changedAt')}>{formatDateTime(c.tierChangedAt, lang)}</Descriptions.Item>}
        </Descriptions>
        {reason && policy.data && <ReasonFigures reason={reason} rules={policy.data.rules} />}
        <Typography.Text type="secondary">{t('tiers.history')}</Typography.Text>
        <TierHistory customerId={c.id} />
      </Space>
    </Section>
  );
}

/** Why: the figures the rules looked at, in words (the windows are the current policy's). */
function ReasonFigures({ reason: r, rules }: { reason: TierReason; rules: TierRules }) {
  const { t, lang } = useI18n();
  const money = (v: number) => formatMoney(cny(v), lang);
  const change = (recent: number, prior: number) => {
    const pct = changePercent(recent, prior);
    return pct === null ? '' : ` (${pct > 0 ? '+' : ''}${pct}%)`;
  };
  return (
    <div data-testid="tier-reason">
      <Typography.Text strong>{t('tiers.why')}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
        <Descriptions.Item label={t('tiers.reason.sales', { months: rules.salesWindowMonths })}>{money(r.sales)}</Descriptions.Item>
        <Descriptions.Item label={t('tiers.reason.rank')}>
          {r.rank === null ? '—' : t('tiers.reason.rankValue', { rank: r.rank, before: r.shareBeforePercent ?? 0 })}
        </Descriptions.Item>
        <Descriptions.Item label={t('tiers.reason.late')}>{r.dueBookings ? t('tiers.reason.lateValue', { late: r.lateBookings, due: r.dueBookings }) : t('tiers.reason.noneDue')}</Descriptions.Item>
        <Descriptions.Item label={t('tiers.reason.loyalty', { months: rules.loyaltyWindowMonths })}>
          {t('tiers.reason.loyaltyValue', { n: r.salesBookingsForLoyalty, last: r.lastSaleAt ? formatDate(r.lastSaleAt, lang) : '—' })}
        </Descriptions.Item>
        <Descriptions.Item label={t('tiers.reason.recentSales', { months: rules.signalWindowMonths })}>
          {money(r.recentSales)} / {money(r.priorSales)}
          {change(r.recentSales, r.priorSales)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tiers.reason.recentTrips', { months: rules.signalWindowMonths })}>
          {r.recentTrips} / {r.priorTrips}
          {change(r.recentTrips, r.priorTrips)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

function TierHistory({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const history = useTierHistory(customerId);
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (history.isPending) return null;
  if (!history.data.length) return <Typography.Text type="secondary">{t('tiers.historyEmpty')}</Typography.Text>;
  return <Timeline data-testid="tier-history" items={history.data.map((h) => ({ key: h.id, content: <HistoryItem change={h} /> }))} />;
}

function HistoryItem({ change: h }: { change: TierChange }) {
  const { t, lang } = useI18n();
  const added = h.toFlags.filter((f) => !h.fromFlags.includes(f));
  const removed = h.fromFlags.filter((f) => !h.toFlags.includes(f));
  const flag = (f: string) => t(`flag.${f}` as MessageKey);
  return (
    <Space orientation="vertical" size={0} data-testid="tier-history-item">
      <Space size={4}>
        <TierTag tier={h.fromTier as Customer['tier']} />→<TierTag tier={h.toTier as Customer['tier']} />
        <Typography.Text type="secondary">{formatDate(h.asOf, lang)}</Typography.Text>
      </Space>
      {h.fromQuadrant !== h.toQuadrant && h.toQuadrant && <Typography.Text style={{ fontSize: 12 }}>{t(`quadrant.${h.toQuadrant}` as MessageKey)}</Typography.Text>}
      {added.length > 0 && <Typography.Text style={{ fontSize: 12 }}>{t('tiers.flagsAdded', { flags: added.map(flag).join(t('notifications.listSeparator')) })}</Typography.Text>}
      {removed.length > 0 && <Typography.Text style={{ fontSize: 12 }}>{t('tiers.flagsRemoved', { flags: removed.map(flag).join(t('notifications.listSeparator')) })}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tiers.historySales', { sales: formatMoney(cny(h.sales), lang), version: h.policyVersion })}
      </Typography.Text>
    </Space>
  );
}
