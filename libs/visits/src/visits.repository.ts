import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThanOrEqual } from 'typeorm';
import {
  CalendarFeedEntity, InteractionEntity, VisitEntity, VisitHolidayEntity, VisitPlanEntity, VisitRecordEntity, VisitTaskEntity,
} from './visit.entity';

/** A visit about to be materialised from a plan. */
export interface NewPlannedVisit {
  planId: string;
  planDate: string;
  customerId: string;
  contactId: string | null;
  managerId: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  routeOrder: number | null;
}

export interface VisitFilter {
  from?: Date;
  to?: Date;
  managerId?: string;
  customerId?: string;
  status?: string;
  /** Account managers: visits of their own customers only. */
  restrictToOwner: string | null;
}

/** Per tier: the cadence in days and whether only in-person (and executive) visits count. */
export interface CadencePolicy {
  tiers: string[];
  everyDays: number[];
  inPerson: boolean[];
}

export interface CadenceRow {
  customer_id: string;
  name: string;
  owner_id: string;
  tier: string;
  every_days: number;
  last_at: Date | null;
  next_at: Date | null;
  due_by: Date;
  overdue: boolean;
}

/**
 * Every customer the policy asks visits of, with the last visit that counts, the next planned one and when one
 * is due: the SQL twin of complianceOf (visit-compliance.ts). Visits are aggregated per customer first, then
 * joined. $1 now, $2/$3/$4 the policy (tier, days, in-person only); `kind` picks the executive cadence instead.
 */
function cadenceSql(kind: 'visit' | 'executive', where = 'TRUE'): string {
  const pick = (col: string) => (kind === 'executive' ? `a.${col}_exec` : `CASE WHEN p.in_person THEN a.${col}_in_person ELSE a.${col}_any END`);
  return `
policy AS (
  SELECT * FROM unnest($2::text[], $3::int[], $4::boolean[]) AS p(tier, every_days, in_person)
), agg AS (
  SELECT customer_id,
    max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $1) AS last_any,
    max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $1 AND kind IN ('in_person', 'executive')) AS last_in_person,
    max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $1 AND kind = 'executive') AS last_exec,
    min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $1) AS next_any,
    min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $1 AND kind IN ('in_person', 'executive')) AS next_in_person,
    min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $1 AND kind = 'executive') AS next_exec
  FROM visits GROUP BY customer_id
), cadence AS (
  SELECT c.id AS customer_id, c.name, c.owner_id, c.tier, p.every_days, ${pick('last')} AS last_at, ${pick('next')} AS next_at,
    coalesce(${pick('last')}, greatest(c.created_at, c.tier_changed_at)) + make_interval(hours => p.every_days * 24) AS due_by
  FROM customers c
  JOIN policy p ON p.tier = c.tier
  LEFT JOIN agg a ON a.customer_id = c.id
  WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL AND ${where}
), judged AS (
  SELECT *, due_by < $1 AS overdue FROM cadence
)`;
}

/**
 * The nightly overdue check in one statement: opens an episode (and an outbox event for the owner) for each
 * customer newly overdue, closes the episodes of those no longer overdue. The partial unique index makes a
 * second run, or two at once, open nothing twice.
 */
const OVERDUE_SQL = `
WITH ${cadenceSql('visit')},
overdue AS (SELECT * FROM judged WHERE overdue),
ended AS (
  UPDATE visit_overdue_episodes e SET ended_at = $1
  WHERE e.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM overdue o WHERE o.customer_id = e.customer_id)
  RETURNING e.id
), started AS (
  INSERT INTO visit_overdue_episodes (customer_id, due_by, started_at)
  SELECT o.customer_id, o.due_by, $1 FROM overdue o
  WHERE NOT EXISTS (SELECT 1 FROM visit_overdue_episodes e WHERE e.customer_id = o.customer_id AND e.ended_at IS NULL)
  ON CONFLICT (customer_id) WHERE ended_at IS NULL DO NOTHING
  RETURNING id, customer_id, due_by
), events AS (
  INSERT INTO outbox_events (type, payload)
  SELECT 'visit.overdue', jsonb_build_object('episodeId', s.id, 'customerId', s.customer_id, 'customerName', o.name, 'ownerId', o.owner_id,
    'tier', o.tier, 'dueBy', s.due_by)
  FROM started s JOIN overdue o ON o.customer_id = s.customer_id
)
SELECT (SELECT count(*) FROM overdue)::int AS overdue, (SELECT count(*) FROM started)::int AS notified, (SELECT count(*) FROM ended)::int AS ended`;

const OVERDUE_LOCK = 'visit-overdue';

@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // Plans

  async insertPlan(m: EntityManager, values: Partial<VisitPlanEntity>): Promise<string> {
    return (await m.insert(VisitPlanEntity, values)).identifiers[0].id;
  }

  async updatePlan(m: EntityManager, id: string, values: Partial<VisitPlanEntity>): Promise<void> {
    await m.update(VisitPlanEntity, { id }, values);
  }

  findPlan(id: string, m: EntityManager = this.dataSource.manager): Promise<VisitPlanEntity | null> {
    return m.findOne(VisitPlanEntity, { where: { id } });
  }

  listPlans(f: { customerId?: string; managerId?: string; activeOn?: string; restrictToOwner: string | null }): Promise<VisitPlanEntity[]> {
    const q = this.dataSource.manager.createQueryBuilder(VisitPlanEntity, 'p');
    if (f.customerId) q.andWhere('p.customer_id = :customerId', { customerId: f.customerId });
    if (f.managerId) q.andWhere('p.manager_id = :managerId', { managerId: f.managerId });
    if (f.activeOn) q.andWhere('(p.end_date IS NULL OR p.end_date >= :on)', { on: f.activeOn });
    if (f.restrictToOwner) q.andWhere('p.customer_id IN (SELECT id FROM customers WHERE owner_id = :me)', { me: f.restrictToOwner });
    return q.orderBy('p.weekday', 'ASC', 'NULLS LAST').addOrderBy('p.time').addOrderBy('p.route_order', 'ASC', 'NULLS LAST').addOrderBy('p.id').limit(1000).getMany();
  }

  /** Plans with days in [from, to] not yet materialised, a batch at a time in id order (keyset), for the schedule job. */
  plansToSchedule(from: string, to: string, afterId: string | null, limit: number): Promise<VisitPlanEntity[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(VisitPlanEntity, 'p')
      .where('p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)', { from, to })
      .andWhere('(p.scheduled_through IS NULL OR p.scheduled_through < :to)', { to });
    if (afterId) q.andWhere('p.id > :afterId', { afterId });
    return q.orderBy('p.id').limit(limit).getMany();
  }

  async markScheduled(m: EntityManager, planIds: string[], through: string): Promise<void> {
    await m.query(`UPDATE visit_plans SET scheduled_through = $2 WHERE id = ANY($1::uuid[])`, [planIds, through]);
  }

  /** One statement per batch; a (plan, date) already there, whatever became of it, is left alone. The count inserted. */
  async materialise(m: EntityManager, rows: NewPlannedVisit[]): Promise<number> {
    if (!rows.length) return 0;
    const col = <K extends keyof NewPlannedVisit>(k: K) => rows.map((r) => r[k]);
    const inserted: unknown[] = await m.query(
      `INSERT INTO visits (plan_id, plan_date, customer_id, contact_id, manager_id, kind, starts_at, ends_at, place, route_order, status)
       SELECT *, 'planned' FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::smallint[])
       ON CONFLICT (plan_id, plan_date) DO NOTHING
       RETURNING id`,
      [col('planId'), col('planDate'), col('customerId'), col('contactId'), col('managerId'), col('kind'), col('startsAt'), col('endsAt'), col('place'), col('routeOrder')],
    );
    return inserted.length;
  }

  /** A plan's future visits nobody touched (still planned, not moved on their own, no record): they follow a plan edit. */
  async dropUntouched(m: EntityManager, planId: string, after: Date): Promise<number> {
    const rows: unknown[] = await m.query(
      `DELETE FROM visits v WHERE v.plan_id = $1 AND v.status = 'planned' AND NOT v.detached AND v.starts_at > $2
         AND NOT EXISTS (SELECT 1 FROM visit_records r WHERE r.visit_id = v.id)
       RETURNING v.id`,
      [planId, after],
    );
    return rows.length;
  }

  // Visits

  /** `lock`: held until the transaction of `m` ends. */
  findVisit(id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<VisitEntity | null> {
    return m.findOne(VisitEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async insertVisit(m: EntityManager, values: Partial<VisitEntity>): Promise<string> {
    return (await m.insert(VisitEntity, values)).identifiers[0].id;
  }

  async updateVisit(m: EntityManager, id: string, values: Partial<VisitEntity>): Promise<void> {
    await m.update(VisitEntity, { id }, values);
  }

  /** By start time; at most `limit` (a calendar shows weeks, not years). */
  listVisits(f: VisitFilter, limit: number): Promise<VisitEntity[]> {
    const q = this.dataSource.manager.createQueryBuilder(VisitEntity, 'v');
    if (f.from) q.andWhere('v.starts_at >= :from', { from: f.from });
    if (f.to) q.andWhere('v.starts_at < :to', { to: f.to });
    if (f.managerId) q.andWhere('v.manager_id = :managerId', { managerId: f.managerId });
    if (f.customerId) q.andWhere('v.customer_id = :customerId', { customerId: f.customerId });
    if (f.status) q.andWhere('v.status = :status', { status: f.status });
    if (f.restrictToOwner) q.andWhere('v.customer_id IN (SELECT id FROM customers WHERE owner_id = :me)', { me: f.restrictToOwner });
    return q.orderBy('v.starts_at', f.customerId && !f.from ? 'DESC' : 'ASC').addOrderBy('v.route_order', 'ASC', 'NULLS LAST').addOrderBy('v.id').limit(limit).getMany();
  }

  /** A manager's visits for the calendar feed: the recent past and what is planned. */
  feedVisits(managerId: string, from: Date): Promise<VisitEntity[]> {
    return this.dataSource.manager.find(VisitEntity, { where: { managerId, startsAt: MoreThanOrEqual(from) }, order: { startsAt: 'ASC' }, take: 2000 });
  }

  /** Names for display: customers, contacts and users by id. */
  async names(customerIds: string[], userIds: string[], contactIds: string[]): Promise<{ customers: Map<string, { name: string; tier: string | null; ownerId: string }>; users: Map<string, string>; contacts: Map<string, string> }> {
    const [customers, users, contacts] = await Promise.all([
      customerIds.length ? this.dataSource.query(`SELECT id, name, tier, owner_id FROM customers WHERE id = ANY($1::uuid[])`, [customerIds]) : [],
      userIds.length ? this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [userIds]) : [],
      contactIds.length ? this.dataSource.query(`SELECT id, name FROM customer_contacts WHERE id = ANY($1::uuid[])`, [contactIds]) : [],
    ]);
    return {
      customers: new Map(customers.map((c: { id: string; name: string; tier: string | null; owner_id: string }) => [c.id, { name: c.name, tier: c.tier, ownerId: c.owner_id }])),
      users: new Map(users.map((u: { id: string; name: string }) => [u.id, u.name])),
      contacts: new Map(contacts.map((c: { id: string; name: string }) => [c.id, c.name])),
    };
  }

  // Records and tasks

  findRecord(visitId: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<VisitRecordEntity | null> {
    return m.findOne(VisitRecordEntity, { where: { visitId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async recordIds(visitIds: string[]): Promise<Set<string>> {
    if (!visitIds.length) return new Set();
    const rows: { visit_id: string }[] = await this.dataSource.query(`SELECT visit_id FROM visit_records WHERE visit_id = ANY($1::uuid[])`, [visitIds]);
    return new Set(rows.map((r) => r.visit_id));
  }

  async setProblems(m: EntityManager, visitId: string, problems: VisitRecordEntity['problems']): Promise<void> {
    await m.update(VisitRecordEntity, { visitId }, { problems });
  }

  /** Before a visit: when each customer was last visited, and the open next steps of their last record. */
  async essentials(customerIds: string[], before: Date): Promise<{ lastVisitAt: Map<string, Date>; tasks: VisitTaskEntity[] }> {
    if (!customerIds.length) return { lastVisitAt: new Map(), tasks: [] };
    const [last, tasks] = await Promise.all([
      this.dataSource.query(
        `SELECT customer_id, max(starts_at) AS at FROM visits WHERE customer_id = ANY($1::uuid[]) AND status = 'done' AND starts_at < $2 GROUP BY customer_id`,
        [customerIds, before],
      ),
      this.dataSource.manager.createQueryBuilder(VisitTaskEntity, 't')
        .where(`t.visit_id IN (
          SELECT DISTINCT ON (v.customer_id) v.id FROM visits v JOIN visit_records r ON r.visit_id = v.id
          WHERE v.customer_id = ANY(:ids) AND v.starts_at < :before ORDER BY v.customer_id, v.starts_at DESC)`, { ids: customerIds, before })
        .andWhere('t.done_at IS NULL').orderBy('t.due_on').getMany(),
    ]);
    return { lastVisitAt: new Map(last.map((r: { customer_id: string; at: Date }) => [r.customer_id, r.at])), tasks };
  }

  records(visitIds: string[]): Promise<VisitRecordEntity[]> {
    return visitIds.length ? this.dataSource.manager.find(VisitRecordEntity, { where: { visitId: In(visitIds) } }) : Promise.resolve([]);
  }

  async saveRecord(m: EntityManager, values: Omit<VisitRecordEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await m.upsert(VisitRecordEntity, values, ['visitId']);
  }

  tasksOf(visitIds: string[], m: EntityManager = this.dataSource.manager): Promise<VisitTaskEntity[]> {
    return visitIds.length ? m.find(VisitTaskEntity, { where: { visitId: In(visitIds) }, order: { dueOn: 'ASC', createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  /** The record's next steps as given: kept ones updated, new ones added, open ones no longer listed removed. */
  async syncTasks(m: EntityManager, visitId: string, customerId: string, steps: { id?: string; title: string; ownerId: string; dueOn: string }[]): Promise<VisitTaskEntity[]> {
    const kept = steps.filter((s) => s.id).map((s) => s.id!);
    await m.query(`DELETE FROM visit_tasks WHERE visit_id = $1 AND done_at IS NULL AND NOT (id = ANY($2::uuid[]))`, [visitId, kept]);
    for (const s of steps.filter((x) => x.id)) await m.update(VisitTaskEntity, { id: s.id, visitId }, { title: s.title, ownerId: s.ownerId, dueOn: s.dueOn });
    const fresh = steps.filter((s) => !s.id);
    if (fresh.length) await m.insert(VisitTaskEntity, fresh.map((s) => ({ visitId, customerId, title: s.title, ownerId: s.ownerId, dueOn: s.dueOn })));
    return this.tasksOf([visitId], m);
  }

  openTasks(ownerId: string, limit: number): Promise<VisitTaskEntity[]> {
    return this.dataSource.manager.createQueryBuilder(VisitTaskEntity, 't').where('t.owner_id = :ownerId AND t.done_at IS NULL', { ownerId })
      .orderBy('t.due_on').addOrderBy('t.created_at').limit(limit).getMany();
  }

  findTask(id: string): Promise<VisitTaskEntity | null> {
    return this.dataSource.manager.findOne(VisitTaskEntity, { where: { id } });
  }

  async setTaskDone(m: EntityManager, id: string, doneAt: Date | null): Promise<void> {
    await m.update(VisitTaskEntity, { id }, { doneAt });
  }

  // Interactions

  async insertInteraction(m: EntityManager, values: Partial<InteractionEntity>): Promise<string> {
    return (await m.insert(InteractionEntity, values)).identifiers[0].id;
  }

  interactions(customerId: string, limit: number): Promise<InteractionEntity[]> {
    return this.dataSource.manager.find(InteractionEntity, { where: { customerId }, order: { at: 'DESC' }, take: limit });
  }

  findInteraction(id: string): Promise<InteractionEntity | null> {
    return this.dataSource.manager.findOne(InteractionEntity, { where: { id } });
  }

  // Compliance

  /** The moments complianceOf needs for one customer, as of `now`. */
  async complianceMoments(customerId: string, now: Date): Promise<Record<'last_any' | 'last_in_person' | 'last_exec' | 'next_any' | 'next_in_person' | 'next_exec' | 'last_interaction', Date | null>> {
    const [row] = await this.dataSource.query(
      `SELECT
         max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $2) AS last_any,
         max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $2 AND kind IN ('in_person', 'executive')) AS last_in_person,
         max(starts_at) FILTER (WHERE status = 'done' AND starts_at <= $2 AND kind = 'executive') AS last_exec,
         min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $2) AS next_any,
         min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $2 AND kind IN ('in_person', 'executive')) AS next_in_person,
         min(starts_at) FILTER (WHERE status = 'planned' AND starts_at > $2 AND kind = 'executive') AS next_exec,
         (SELECT max(at) FROM customer_interactions WHERE customer_id = $1 AND at <= $2) AS last_interaction
       FROM visits WHERE customer_id = $1`,
      [customerId, now],
    );
    return row;
  }

  /** Customers by visit cadence, the most overdue first; keyset on (due_by, customer_id). */
  cadenceList(now: Date, policy: CadencePolicy, f: { ownerId?: string; restrictToOwner: string | null; overdueOnly: boolean; tier?: string }, limit: number, after: unknown[] | null): Promise<CadenceRow[]> {
    const params: unknown[] = [now, policy.tiers, policy.everyDays, policy.inPerson];
    const where: string[] = [];
    const owner = f.restrictToOwner ?? f.ownerId;
    if (owner) where.push(`c.owner_id = $${params.push(owner)}`);
    if (f.tier) where.push(`c.tier = $${params.push(f.tier)}`);
    const outer: string[] = [];
    if (f.overdueOnly) outer.push('overdue');
    if (after) outer.push(`(due_by, customer_id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    return this.dataSource.query(
      `WITH ${cadenceSql('visit', where.join(' AND ') || 'TRUE')}
       SELECT * FROM judged ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''} ORDER BY due_by, customer_id LIMIT $${params.push(limit + 1)}`,
      params,
    );
  }

  /** Large loyal accounts whose executive visit is needed before `before` and not planned by then. */
  executiveDue(now: Date, policy: CadencePolicy, before: Date, limit: number): Promise<CadenceRow[]> {
    return this.dataSource.query(
      `WITH ${cadenceSql('executive', `c.quadrant = 'large_loyal'`)}
       SELECT * FROM judged WHERE due_by < $5 AND NOT coalesce(next_at <= due_by, false) ORDER BY due_by, customer_id LIMIT $6`,
      [now, policy.tiers, policy.everyDays, policy.inPerson, before, limit],
    );
  }

  /** Per person: visits in [from, to) by status, and their customers by cadence (overdue, A customers on time). */
  managerSummary(now: Date, policy: CadencePolicy, from: Date, to: Date, userId: string | null): Promise<{
    user_id: string; name: string; planned: number; done: number; missed: number; cancelled: number; upcoming: number;
    customers: number; overdue: number; a_customers: number; a_on_time: number;
  }[]> {
    return this.dataSource.query(
      `WITH ${cadenceSql('visit', '($7::uuid IS NULL OR c.owner_id = $7)')},
       month AS (
         SELECT manager_id AS user_id,
           count(*) FILTER (WHERE status <> 'cancelled')::int AS planned,
           count(*) FILTER (WHERE status = 'done')::int AS done,
           count(*) FILTER (WHERE status = 'missed')::int AS missed,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
           count(*) FILTER (WHERE status = 'planned')::int AS upcoming
         FROM visits WHERE starts_at >= $5 AND starts_at < $6 AND ($7::uuid IS NULL OR manager_id = $7) GROUP BY manager_id
       ), owners AS (
         SELECT owner_id AS user_id, count(*)::int AS customers, count(*) FILTER (WHERE overdue)::int AS overdue,
           count(*) FILTER (WHERE tier = 'A')::int AS a_customers, count(*) FILTER (WHERE tier = 'A' AND NOT overdue)::int AS a_on_time
         FROM judged GROUP BY owner_id
       )
       SELECT u.id AS user_id, u.name, coalesce(mo.planned, 0) AS planned, coalesce(mo.done, 0) AS done, coalesce(mo.missed, 0) AS missed,
         coalesce(mo.cancelled, 0) AS cancelled, coalesce(mo.upcoming, 0) AS upcoming, coalesce(o.customers, 0) AS customers,
         coalesce(o.overdue, 0) AS overdue, coalesce(o.a_customers, 0) AS a_customers, coalesce(o.a_on_time, 0) AS a_on_time
       FROM users u LEFT JOIN month mo ON mo.user_id = u.id LEFT JOIN owners o ON o.user_id = u.id
       WHERE ($7::uuid IS NULL OR u.id = $7) AND (mo.user_id IS NOT NULL OR o.user_id IS NOT NULL OR (u.active AND u.role = 'account_manager'))
       ORDER BY coalesce(o.overdue, 0) DESC, u.name`,
      [now, policy.tiers, policy.everyDays, policy.inPerson, from, to, userId],
    );
  }

  /** The nightly check; runs one at a time (a second run waits, then finds nothing new). */
  overdueCheck(now: Date, policy: CadencePolicy): Promise<{ overdue: number; notified: number; ended: number }> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [OVERDUE_LOCK]);
      const [row] = await m.query(OVERDUE_SQL, [now, policy.tiers, policy.everyDays, policy.inPerson]);
      return row;
    });
  }

  // Ownership and merges

  /** Plans and future visits held by the old owner follow the customers to the new one; the past stays with who made it. */
  async moveToOwner(m: EntityManager, customerIds: string[], fromUserId: string, toUserId: string, now: Date): Promise<{ plans: number; visits: number }> {
    const plans: unknown[] = await m.query(
      `UPDATE visit_plans SET manager_id = $3, updated_at = now() WHERE customer_id = ANY($1::uuid[]) AND manager_id = $2 RETURNING id`,
      [customerIds, fromUserId, toUserId],
    );
    const visits: unknown[] = await m.query(
      `UPDATE visits SET manager_id = $3, updated_at = now() WHERE customer_id = ANY($1::uuid[]) AND manager_id = $2 AND status = 'planned' AND starts_at > $4 RETURNING id`,
      [customerIds, fromUserId, toUserId, now],
    );
    return { plans: plans.length, visits: visits.length };
  }

  async moveToCustomer(m: EntityManager, mergedId: string, survivorId: string): Promise<Record<string, number>> {
    const run = async (sql: string, params: string[] = [mergedId, survivorId]) => ((await m.query(sql, params)) as [unknown[], number])[1];
    return {
      visitPlans: await run(`UPDATE visit_plans SET customer_id = $2, contact_id = NULL WHERE customer_id = $1`),
      visits: await run(`UPDATE visits SET customer_id = $2, contact_id = NULL WHERE customer_id = $1`),
      visitTasks: await run(`UPDATE visit_tasks SET customer_id = $2 WHERE customer_id = $1`),
      interactions: await run(`UPDATE customer_interactions SET customer_id = $2 WHERE customer_id = $1`),
      overdueEpisodes: await run(`UPDATE visit_overdue_episodes SET ended_at = now() WHERE customer_id = $1 AND ended_at IS NULL`, [mergedId]),
    };
  }

  // Holidays and feeds

  holidays(from: string, to: string): Promise<VisitHolidayEntity[]> {
    return this.dataSource.manager.createQueryBuilder(VisitHolidayEntity, 'h').where('h.date BETWEEN :from AND :to', { from, to }).orderBy('h.date').getMany();
  }

  async setHoliday(m: EntityManager, date: string, name: string): Promise<void> {
    await m.upsert(VisitHolidayEntity, { date, name }, ['date']);
  }

  async deleteHoliday(m: EntityManager, date: string): Promise<number> {
    return (await m.delete(VisitHolidayEntity, { date })).affected ?? 0;
  }

  async setFeed(m: EntityManager, userId: string, tokenHash: string): Promise<void> {
    await m.query(
      `INSERT INTO visit_calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()`,
      [userId, tokenHash],
    );
  }

  findFeed(by: { userId: string } | { tokenHash: string }): Promise<CalendarFeedEntity | null> {
    return this.dataSource.manager.findOne(CalendarFeedEntity, { where: by });
  }

  /** Whether a user may hold visits: active staff who are not service agents. */
  async activeVisitor(userId: string): Promise<{ active: boolean; role: string } | null> {
    const [row] = await this.dataSource.query(`SELECT active, role FROM users WHERE id = $1`, [userId]);
    return row ?? null;
  }
}
