import { Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { clockCountdown, countdownText, COUNTDOWN_COLORS, currentClock, PRIORITY_COLORS, STATUS_COLORS, type ComplaintStatus, type Priority } from '../complaint-view';
import type { Complaint } from '../data/complaints';
import { useCustomer } from '../data/customers';
import { useUsers } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../use-now';

/** Names change rarely; a row scrolled back into view should not ask again. */
const NAME_STALE_MS = 5 * 60_000;

export function PriorityTag({ priority }: { priority: Priority }) {
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-testid="complaint-priority" style={{ fontWeight: 600 }}>
      {priority}
    </Tag>
  );
}

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`complaintStatus.${status}`)}</Tag>;
}

/** The live countdown of the clock that matters now: amber from 80 % of its target, red once overdue. */
export function SlaCountdown({ complaint, withMetric }: { complaint: Pick<Complaint, 'sla' | 'severity'>; withMetric?: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  const c = clockCountdown(currentClock(complaint.sla), now);
  const color = COUNTDOWN_COLORS[c.state];
  return (
    <Typography.Text data-testid="sla-countdown" data-state={c.state} strong={c.state === 'warning' || c.state === 'breached'} style={{ color, whiteSpace: 'nowrap' }}>
      {(c.state === 'ok' || c.state === 'warning' || c.state === 'breached') && <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />}
      {withMetric && c.metric && `${t(`slaMetric.${c.metric}`)} · `}
      {countdownText(t, c)}
    </Typography.Text>
  );
}

/** The complaint's customer by name, linking to the customer page (looked up once per customer, then cached). */
export function ComplaintCustomer({ id }: { id: string }) {
  const { t } = useI18n();
  const customer = useCustomer(id, NAME_STALE_MS);
  return (
    <Link to={`/customers/${id}`} onClick={(e) => e.stopPropagation()} data-testid="complaint-customer">
      {customer.data?.name ?? (customer.isError ? t('complaint.openCustomer') : '…')}
    </Link>
  );
}

/** A staff member's name from the (cached) staff list. */
export function StaffName({ id }: { id: string | null }) {
  const { t } = useI18n();
  const users = useUsers();
  if (!id) return <>{t('complaint.system')}</>;
  return <>{users.data?.find((u) => u.id === id)?.name ?? '—'}</>;
}

/** A sentence with a staff member's name in it ("张伟 于 … 记录"): the name from the cached staff list where `text` puts it. */
export function StaffSentence({ id, text }: { id: string | null; text: (name: string) => string }) {
  const [before, after = ''] = text('\u0000').split('\u0000');
  return (
    <>
      {before}
      <StaffName id={id} />
      {after}
    </>
  );
}
