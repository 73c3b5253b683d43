import { SEVERITIES } from './complaint-rules';
import { shareMet, weekStarts } from './complaint-report';
import type { CompensationRow, SlaFigureRow } from './complaint-report.repository';
import type { FollowUpRow } from './complaint-follow-ups.repository';
import { SLA_METRICS } from './sla-clock';
import type { CompensationFiguresDto, CompensationTotalsDto, ComplaintReportDto, FollowUpDto, SlaFiguresDto } from './dto/complaint-handling.dto';

/** The customers the totals name: those given the most. */
const TOP_CUSTOMERS = 10;
const TIERS = ['A', 'B', 'C', 'D'];

function figures(r: SlaFigureRow | undefined): SlaFiguresDto {
  const targets = r?.targets ?? 0;
  const met = r?.met ?? 0;
  return { targets, met, missed: r?.missed ?? 0, pending: r?.pending ?? 0, share: shareMet(met, targets) };
}

/** The report from its grouped rows: dimensions in the product's order, every week of the range (empty ones too). */
export function toComplaintReport(
  rows: SlaFigureRow[], compensation: CompensationRow[], range: { from: string; to: string; timeZone: string; scope: 'all' | 'own' },
): ComplaintReportDto {
  const of = (by: SlaFigureRow['by']) => new Map(rows.filter((r) => r.by === by).map((r) => [r.key, r]));
  const metrics = of('metric');
  const severities = of('severity');
  const tiers = of('tier');
  const weeks = of('week');
  const overall = rows.find((r) => r.by === 'overall');
  const tierRank = (t: string | null) => (t === null ? TIERS.length : TIERS.indexOf(t));
  return {
    ...range,
    complaints: overall?.complaints ?? 0,
    overall: figures(overall),
    byMetric: SLA_METRICS.filter((m) => metrics.has(m)).map((metric) => {
      const r = metrics.get(metric)!;
      return { metric, ...figures(r), medianMinutes: r.medianMinutes, p90Minutes: r.p90Minutes };
    }),
    bySeverity: SEVERITIES.filter((s) => severities.has(s)).map((severity) => ({ severity, ...figures(severities.get(severity)) })),
    byTier: [...tiers.keys()].sort((a, b) => tierRank(a) - tierRank(b)).map((tier) => ({ tier, ...figures(tiers.get(tier)) })),
    byAgent: rows
      .filter((r) => r.by === 'agent')
      .sort((a, b) => b.targets - a.targets || (a.agentName ?? '').localeCompare(b.agentName ?? ''))
      .map((r) => ({ agentId: r.key!, agentName: r.agentName ?? '—', ...figures(r) })),
    byWeek: weekStarts(range.from, range.to).map((week) => ({ week, ...figures(weeks.get(week)) })),
    compensation: toCompensationTotals(compensation),
  };
}

const totalsOf = (r: CompensationRow | undefined): CompensationFiguresDto => ({
  complaints: r?.complaints ?? 0, refunds: r?.refunds ?? 0, vouchers: r?.vouchers ?? 0, others: r?.others ?? 0,
});

/** Months oldest first; the customers given the most (refunds, then vouchers, then other kinds). */
export function toCompensationTotals(rows: CompensationRow[]): CompensationTotalsDto {
  return {
    currency: 'CNY',
    months: rows.filter((r) => r.by === 'month').sort((a, b) => a.key!.localeCompare(b.key!)).map((r) => ({ month: r.key!, ...totalsOf(r) })),
    customers: rows
      .filter((r) => r.by === 'customer')
      .sort((a, b) => b.refunds - a.refunds || b.vouchers - a.vouchers || b.others - a.others || (a.customerName ?? '').localeCompare(b.customerName ?? ''))
      .slice(0, TOP_CUSTOMERS)
      .map((r) => ({ customerId: r.key!, customerName: r.customerName ?? '—', ...totalsOf(r) })),
    total: totalsOf(rows.find((r) => r.by === 'overall')),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toFollowUpDto(f: FollowUpRow): FollowUpDto {
  return {
    id: f.id, complaintId: f.complaintId, customerId: f.customerId, ownerId: f.ownerId, category: f.category, priority: f.priority,
    attribution: f.attribution, closedAt: f.closedAt.toISOString(), dueAt: f.dueAt.toISOString(), status: f.status, satisfied: f.satisfied,
    note: f.note, answeredBy: f.answeredBy, answeredAt: iso(f.answeredAt), cancelledAt: iso(f.cancelledAt),
  };
}
