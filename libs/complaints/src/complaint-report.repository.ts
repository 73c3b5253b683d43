import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OTHER_COMPENSATION_KINDS } from './complaint-compensation';
import type { ReportScope } from './complaint-report';

export interface SlaFigureRow {
  /** Which grouping the row is: one of the keys, or 'overall'. */
  by: 'metric' | 'severity' | 'tier' | 'agent' | 'week' | 'overall';
  key: string | null;
  agentName: string | null;
  complaints: number;
  targets: number;
  met: number;
  missed: number;
  pending: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface CompensationRow {
  by: 'month' | 'customer' | 'overall';
  key: string | null;
  customerName: string | null;
  complaints: number;
  refunds: number;
  vouchers: number;
  others: number;
}

/** `$n` placeholders for the scope, appended to `params`. */
function scopeClause(scope: ReportScope, params: unknown[]): string {
  if ('customerOwnerId' in scope) return `AND c.customer_id IN (SELECT id FROM customers WHERE owner_id = $${params.push(scope.customerOwnerId)})`;
  if ('complaintOwnerId' in scope) return `AND c.owner_id = $${params.push(scope.complaintOwnerId)}`;
  return '';
}

/**
 * Every clock of the complaints received in [$1, $2), grouped five ways and overall in one pass (GROUPING SETS).
 * A target is met when its clock says so, missed when it breached or its deadline passed by $4 unmet, and still
 * pending otherwise (running, or paused). The time to meet is the clock's own running time (pauses excluded):
 * its target less what was left at the moment it was met.
 */
const SLA_SQL = (scope: string) => `
WITH k AS (
  SELECT c.id, c.severity, c.tier, c.owner_id, k.metric, to_char(date_trunc('week', c.received_at AT TIME ZONE $3), 'YYYY-MM-DD') AS week,
    CASE WHEN k.state = 'met' THEN 'met' WHEN k.state = 'breached' OR k.due_at < $4 THEN 'missed' ELSE 'pending' END AS outcome,
    CASE WHEN k.met_at IS NOT NULL THEN k.minutes - extract(epoch FROM k.due_at - k.met_at) / 60 END AS minutes_used
  FROM complaints c JOIN complaint_sla_clocks k ON k.complaint_id = c.id
  WHERE c.received_at >= $1 AND c.received_at < $2 ${scope}
), g AS (
  SELECT CASE WHEN GROUPING(metric) = 0 THEN 'metric' WHEN GROUPING(severity) = 0 THEN 'severity' WHEN GROUPING(tier) = 0 THEN 'tier'
      WHEN GROUPING(owner_id) = 0 THEN 'agent' WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END AS by,
    coalesce(metric::text, severity::text, tier::text, owner_id::text, week) AS key,
    count(DISTINCT id)::int AS complaints,
    count(*) FILTER (WHERE outcome <> 'pending')::int AS targets,
    count(*) FILTER (WHERE outcome = 'met')::int AS met,
    count(*) FILTER (WHERE outcome = 'missed')::int AS missed,
    count(*) FILTER (WHERE outcome = 'pending')::int AS pending,
    round(percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes_used)::numeric, 1)::float AS "medianMinutes",
    round(percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes_used)::numeric, 1)::float AS "p90Minutes"
  FROM k GROUP BY GROUPING SETS ((metric), (severity), (tier), (owner_id), (week), ())
)
SELECT g.*, u.name AS "agentName" FROM g LEFT JOIN users u ON g.by = 'agent' AND u.id::text = g.key`;

/**
 * Compensations given on resolved or closed complaints (the apology aside), by the agency month of their latest
 * resolution, by customer and overall: refunds summed (minor units, CNY), vouchers and other kinds counted.
 * $1..$2 bound the resolution time when given; $3 is the time zone, $4 the other kinds.
 */
const COMPENSATION_SQL = (filter: string) => `
WITH given AS (
  SELECT c.id, c.customer_id, to_char(r.resolved_at AT TIME ZONE $3, 'YYYY-MM') AS month, x.kind, x.amount
  FROM complaints c
  CROSS JOIN LATERAL (SELECT max(e.at) AS resolved_at FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'resolved') r
  CROSS JOIN LATERAL jsonb_to_recordset(c.compensations) AS x(kind text, amount bigint)
  WHERE c.status IN ('resolved', 'closed') AND x.kind <> 'apology'
    AND ($1::timestamptz IS NULL OR r.resolved_at >= $1) AND ($2::timestamptz IS NULL OR r.resolved_at < $2) ${filter}
), g AS (
  SELECT CASE WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(customer_id) = 0 THEN 'customer' ELSE 'overall' END AS by,
    coalesce(month, customer_id::text) AS key,
    count(DISTINCT id)::int AS complaints,
    coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0)::bigint AS refunds,
    count(*) FILTER (WHERE kind = 'voucher')::int AS vouchers,
    count(*) FILTER (WHERE kind = ANY($4::text[]))::int AS others
  FROM given GROUP BY GROUPING SETS ((month), (customer_id), ())
)
SELECT g.*, cu.name AS "customerName" FROM g LEFT JOIN customers cu ON g.by = 'customer' AND cu.id::text = g.key`;

@Injectable()
export class ComplaintReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The overall row is always there (zeros when no complaint was received). */
  slaFigures(start: Date, end: Date, timeZone: string, asOf: Date, scope: ReportScope): Promise<SlaFigureRow[]> {
    const params: unknown[] = [start, end, timeZone, asOf];
    return this.dataSource.query(SLA_SQL(scopeClause(scope, params)), params);
  }

  /** Refunds come back as numbers (a bigint sum of minor units stays well inside 2^53 for any agency). */
  async compensationTotals(window: { start: Date | null; end: Date | null }, timeZone: string, scope: ReportScope, customerId?: string): Promise<CompensationRow[]> {
    const params: unknown[] = [window.start, window.end, timeZone, OTHER_COMPENSATION_KINDS];
    const filter = scopeClause(scope, params) + (customerId ? ` AND c.customer_id = $${params.push(customerId)}` : '');
    const rows: (CompensationRow & { refunds: string })[] = await this.dataSource.query(COMPENSATION_SQL(filter), params);
    return rows.map((r) => ({ ...r, refunds: Number(r.refunds) }));
  }
}
