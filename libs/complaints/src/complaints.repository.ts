import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ComplaintEntity, ComplaintEventEntity, ComplaintSlaClockEntity } from './complaint.entity';
import type { Clock } from './sla-clock';

export interface ComplaintFilter {
  status?: string;
  open?: boolean;
  severity?: string;
  category?: string;
  priority?: string;
  ownerId?: string;
  /** Complaints whose owner is in this team. */
  teamId?: string;
  customerId?: string;
  /** Account managers: complaints of their own customers only. */
  restrictToOwner: string | null;
}

export interface WatchResult {
  warnings: number;
  breaches: number;
  escalations: number;
}

/**
 * sla-watch in one statement: marks every clock that reached 80 %, its deadline, or its escalation time (a further
 * target period past it in the clock's own time, computed with the clock) at $1, each mark once (the WHERE skips what is marked), and writes one outbox event per recipient:
 * warnings to the owner, breaches to the owner and their team's manager, escalations to the admins.
 */
export const WATCH_SQL = `
WITH due AS (
  SELECT complaint_id, metric, period, warned_at, breached_at, escalated_at FROM complaint_sla_clocks
  WHERE state IN ('running', 'breached') AND met_at IS NULL AND due_at IS NOT NULL
    AND ((warned_at IS NULL AND warn_at <= $1) OR (breached_at IS NULL AND due_at < $1)
      OR (escalated_at IS NULL AND escalate_at < $1))
  FOR UPDATE
), marked AS (
  UPDATE complaint_sla_clocks k SET
    warned_at = coalesce(k.warned_at, CASE WHEN k.warn_at <= $1 THEN $1 END),
    breached_at = coalesce(k.breached_at, CASE WHEN k.due_at < $1 THEN $1 END),
    escalated_at = coalesce(k.escalated_at, CASE WHEN k.escalate_at < $1 THEN $1 END),
    state = CASE WHEN k.due_at < $1 THEN 'breached' ELSE k.state END
  FROM due d WHERE (k.complaint_id, k.metric, k.period) = (d.complaint_id, d.metric, d.period)
  RETURNING k.complaint_id, k.metric, k.due_at,
    d.warned_at IS NULL AND k.warned_at IS NOT NULL AS warned,
    d.breached_at IS NULL AND k.breached_at IS NOT NULL AS breached,
    d.escalated_at IS NULL AND k.escalated_at IS NOT NULL AS escalated
), notices AS (
  SELECT m.*, 'warning' AS level, c.owner_id AS user_id FROM marked m JOIN complaints c ON c.id = m.complaint_id WHERE m.warned
  UNION ALL
  -- a breach: the owner, and the manager of the owner's team (every active manager when the owner has no team or
  -- the team no active manager); UNION makes one notice when the owner is that manager
  SELECT m.*, 'breach', r.user_id FROM marked m JOIN complaints c ON c.id = m.complaint_id
    LEFT JOIN users o ON o.id = c.owner_id LEFT JOIN teams t ON t.id = o.team_id
    LEFT JOIN users tm ON tm.id = t.manager_id AND tm.active AND tm.role IN ('manager', 'admin')
    CROSS JOIN LATERAL (SELECT c.owner_id UNION SELECT tm.id WHERE tm.id IS NOT NULL
      UNION SELECT u.id FROM users u WHERE tm.id IS NULL AND u.role = 'manager' AND u.active) r(user_id)
    WHERE m.breached
  UNION ALL
  SELECT m.*, 'escalation', u.id FROM marked m JOIN users u ON u.role = 'admin' AND u.active WHERE m.escalated
)
INSERT INTO outbox_events (type, payload)
SELECT 'complaint.sla', jsonb_build_object('level', n.level, 'userId', n.user_id, 'complaintId', n.complaint_id, 'metric', n.metric,
  'dueAt', n.due_at, 'priority', c.priority, 'customerName', cu.name)
FROM notices n JOIN complaints c ON c.id = n.complaint_id JOIN customers cu ON cu.id = c.customer_id
RETURNING payload->>'level' AS level, payload->>'userId' AS user_id, payload->>'complaintId' AS complaint_id, payload->>'metric' AS metric`;

@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes writers of one complaint key until the transaction ends. */
  async lock(m: EntityManager, key: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  }

  findByKey(m: EntityManager, source: string, externalId: string): Promise<ComplaintEntity | null> {
    return m.findOne(ComplaintEntity, { where: { source, externalId } });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<ComplaintEntity | null> {
    return m.findOne(ComplaintEntity, { where: { id } });
  }

  async insert(m: EntityManager, values: Partial<ComplaintEntity>): Promise<string> {
    const result = await m.insert(ComplaintEntity, values);
    return result.identifiers[0].id;
  }

  async update(m: EntityManager, id: string, values: Partial<ComplaintEntity>): Promise<void> {
    await m.update(ComplaintEntity, { id }, values);
  }

  /** A merge: the complaints (and so their follow-ups, which hang on them) belong to the survivor from now on. */
  async moveToCustomer(m: EntityManager, mergedId: string, survivorId: string): Promise<number> {
    const [, moved] = (await m.query(`UPDATE complaints SET customer_id = $2 WHERE customer_id = $1`, [mergedId, survivorId])) as [unknown[], number];
    return moved;
  }

  async addEvent(m: EntityManager, event: Omit<ComplaintEventEntity, 'id'>): Promise<void> {
    await m.insert(ComplaintEventEntity, event);
  }

  events(complaintId: string, m: EntityManager = this.dataSource.manager): Promise<ComplaintEventEntity[]> {
    return m.find(ComplaintEventEntity, { where: { complaintId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Replaces the computed part of the clocks; the job's marks stay, and a clock the job breached stays breached. */
  async saveClocks(m: EntityManager, complaintId: string, clocks: Clock[]): Promise<void> {
    await m.query(
      `DELETE FROM complaint_sla_clocks WHERE complaint_id = $1 AND (metric, period) NOT IN (SELECT * FROM unnest($2::text[], $3::int[]))`,
      [complaintId, clocks.map((c) => c.metric), clocks.map((c) => c.period)],
    );
    await m.query(
      `INSERT INTO complaint_sla_clocks (complaint_id, metric, period, minutes, due_at, warn_at, state, met_at, escalate_at)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       ON CONFLICT (complaint_id, metric, period) DO UPDATE SET minutes = excluded.minutes, due_at = excluded.due_at, warn_at = excluded.warn_at,
         met_at = excluded.met_at, escalate_at = excluded.escalate_at,
         state = CASE WHEN excluded.state = 'running' AND complaint_sla_clocks.breached_at IS NOT NULL THEN 'breached' ELSE excluded.state END`,
      [
        complaintId, clocks.map((c) => c.metric), clocks.map((c) => c.period), clocks.map((c) => c.minutes), clocks.map((c) => c.dueAt),
        clocks.map((c) => c.warnAt), clocks.map((c) => c.state), clocks.map((c) => c.metAt), clocks.map((c) => c.escalateAt),
      ],
    );
  }

  /** The latest period of each metric, per complaint. */
  async clocks(complaintIds: string[]): Promise<Map<string, ComplaintSlaClockEntity[]>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(ComplaintSlaClockEntity, 'k')
      .distinctOn(['k.complaint_id', 'k.metric'])
      .where('k.complaint_id = ANY(:ids)', { ids: complaintIds })
      .orderBy('k.complaint_id').addOrderBy('k.metric').addOrderBy('k.period', 'DESC')
      .getMany();
    const by = new Map<string, ComplaintSlaClockEntity[]>(complaintIds.map((id) => [id, []]));
    for (const r of rows) by.get(r.complaintId)!.push(r);
    return by;
  }

  /** The agents' queue: by priority, then the nearest deadline (none last), then id; `after` is the last row's (priority, due or 'infinity', id). */
  list(f: ComplaintFilter, limit: number, after: unknown[] | null): Promise<ComplaintEntity[]> {
    const q = this.dataSource.manager.createQueryBuilder(ComplaintEntity, 'c');
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    if (f.open !== undefined) q.andWhere(`c.status ${f.open ? '' : 'NOT '}IN ('received', 'acknowledged', 'solution_proposed', 'waiting_on_customer')`);
    if (f.severity) q.andWhere('c.severity = :severity', { severity: f.severity });
    if (f.category) q.andWhere('c.category = :category', { category: f.category });
    if (f.priority) q.andWhere('c.priority = :priority', { priority: f.priority });
    if (f.ownerId) q.andWhere('c.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.teamId) q.andWhere('c.owner_id IN (SELECT id FROM users WHERE team_id = :teamId)', { teamId: f.teamId });
    if (f.customerId) q.andWhere('c.customer_id = :customerId', { customerId: f.customerId });
    if (f.restrictToOwner) q.andWhere('c.customer_id IN (SELECT id FROM customers WHERE owner_id = :me)', { me: f.restrictToOwner });
    if (after) {
      q.andWhere(`(c.priority, coalesce(c.next_due_at, 'infinity'), c.id) > (:p, :d::timestamptz, :id)`, { p: after[0], d: after[1], id: after[2] });
    }
    return q.orderBy('c.priority').addOrderBy(`coalesce(c.next_due_at, 'infinity')`).addOrderBy('c.id').limit(limit + 1).getMany();
  }

  async watch(asOf: Date): Promise<WatchResult> {
    const rows: { level: string; complaint_id: string; metric: string }[] = await this.dataSource.query(WATCH_SQL, [asOf]);
    // Clocks, not recipients: a breach notifies several people.
    const count = (level: string) => new Set(rows.filter((r) => r.level === level).map((r) => `${r.complaint_id}:${r.metric}`)).size;
    return { warnings: count('warning'), breaches: count('breach'), escalations: count('escalation') };
  }
}
