import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONFIG, Config, FieldError, addDays, agencyDate, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges, isUuid } from '@crm/identity';
import { CustomerDto, CustomerMergeRegistry, CustomerOwnershipRegistry, CustomersService } from '@crm/customers';
import { leads, ownerOnly, VISITOR_ROLES } from './visit-access';
import { VisitPlanEntity } from './visit.entity';
import { toPlanDto } from './visit.mapper';
import { PlanRule, normalizeRule, occurrences, planDates, planRuleErrors, scheduleWindow } from './visit-schedule';
import { NewPlannedVisit, VisitsRepository } from './visits.repository';
import { CreateVisitPlanDto, EndVisitPlanDto, VisitPlanDto, VisitPlanListQueryDto, UpdateVisitPlanDto } from './dto/visit.dto';

/** How far ahead visits exist as rows: the schedule job keeps this many weeks materialised. */
export const SCHEDULE_WEEKS = 8;
const BATCH = 2000;
const RULE_FIELDS = ['recurrence', 'intervalWeeks', 'weekday', 'nth', 'monthDay', 'time', 'durationMinutes', 'startDate', 'endDate'] as const;
const PLAN_FIELDS = [...RULE_FIELDS, 'contactId', 'managerId', 'kind', 'place', 'routeOrder', 'note'] as const;

@Injectable()
export class VisitPlansService implements OnModuleInit {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly customers: CustomersService,
    private readonly ownership: CustomerOwnershipRegistry,
    private readonly merges: CustomerMergeRegistry,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A customer's plans and future visits follow them to a new owner; merged customers' visits go to the survivor. */
  onModuleInit(): void {
    this.ownership.register(async (m, c) => {
      await this.repo.moveToOwner(m, c.customerIds, c.fromUserId, c.toUserId, new Date());
    });
    this.merges.register((m, mergedId, survivorId) => this.repo.moveToCustomer(m, mergedId, survivorId));
  }

  async list(p: Principal, q: VisitPlanListQueryDto, now = new Date()): Promise<VisitPlanDto[]> {
    if (q.customerId) await this.customers.visibleId(p, q.customerId);
    const plans = await this.repo.listPlans({
      customerId: q.customerId, managerId: q.managerId, activeOn: q.active === 'true' ? this.today(now) : undefined, restrictToOwner: ownerOnly(p),
    });
    return this.dtos(plans, now);
  }

  async get(p: Principal, id: string, now = new Date()): Promise<VisitPlanDto> {
    return (await this.dtos([await this.visible(p, id)], now))[0];
  }

  async create(p: Principal, dto: CreateVisitPlanDto, now = new Date()): Promise<VisitPlanDto> {
    const customer = await this.customers.get(p, dto.customerId);
    const managerId = dto.managerId ?? (dto.kind === 'executive' ? p.id : customer.ownerId);
    const values = {
      ...normalizeRule(ruleOf(dto)), customerId: customer.id, contactId: dto.contactId ?? null, managerId, kind: dto.kind, place: dto.place ?? null,
      routeOrder: dto.routeOrder ?? null, note: dto.note ?? null, createdBy: p.id,
    };
    await this.check(p, values, customer);
    const id = await this.repo.transaction(async (m) => {
      const planId = await this.repo.insertPlan(m, values);
      const visits = await this.reschedule(m, planId, now);
      await this.audit.record(p, { action: 'visit_plan.create', entityType: 'visit_plan', entityId: planId, details: { customerId: customer.id, managerId, visits } }, m);
      return planId;
    });
    return this.get(p, id, now);
  }

  /** Changes the plan from now on: its future visits nobody touched are redone; moved, cancelled and recorded ones stay. */
  async update(p: Principal, id: string, dto: UpdateVisitPlanDto, now = new Date()): Promise<VisitPlanDto> {
    const plan = await this.visible(p, id);
    const changes: Partial<VisitPlanEntity> = {};
    for (const f of PLAN_FIELDS) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
    const next = { ...plan, ...changes, ...normalizeRule({ ...plan, ...changes } as PlanRule) };
    const customer = await this.customers.get(p, plan.customerId);
    await this.check(p, next, customer);
    const changed = PLAN_FIELDS.filter((f) => next[f] !== plan[f]);
    if (!changed.length) return this.get(p, id, now);
    await this.repo.transaction(async (m) => {
      await this.repo.updatePlan(m, id, Object.fromEntries(changed.map((f) => [f, next[f]])));
      const visits = await this.reschedule(m, id, now);
      await this.audit.record(p, {
        action: 'visit_plan.update', entityType: 'visit_plan', entityId: id,
        changes: fieldChanges(pick(plan, changed), pick(next, changed)), details: { visits },
      }, m);
    });
    return this.get(p, id, now);
  }

  /** The plan stops after `endDate` (today by default); later visits nobody touched go. */
  async end(p: Principal, id: string, dto: EndVisitPlanDto, now = new Date()): Promise<VisitPlanDto> {
    const plan = await this.visible(p, id);
    const endDate = dto.endDate ?? this.today(now);
    if (endDate < plan.startDate) throw unprocessable([{ field: 'endDate', message: 'endDate must not be before the plan’s startDate' }]);
    await this.repo.transaction(async (m) => {
      await this.repo.updatePlan(m, id, { endDate });
      const visits = await this.reschedule(m, id, now);
      await this.audit.record(p, { action: 'visit_plan.end', entityType: 'visit_plan', entityId: id, changes: fieldChanges({ endDate: plan.endDate }, { endDate }), details: { visits } }, m);
    });
    return this.get(p, id, now);
  }

  /**
   * The `visit-schedule` job: the next weeks of visits of every plan, a batch of plans per statement. Each plan
   * is expanded only past the last day it was scheduled through (a usual night adds one day), and a (plan, date)
   * that exists, whatever became of it, stays as it is: a second run, or two at once, inserts nothing.
   */
  async schedule(asOf: Date, progress: (percent: number) => Promise<void> = async () => undefined): Promise<{ from: string; to: string; plans: number; inserted: number }> {
    const { from, to } = scheduleWindow(asOf, SCHEDULE_WEEKS, this.config.timeZone);
    let after: string | null = null;
    let plans = 0;
    let inserted = 0;
    for (;;) {
      const batch = await this.repo.plansToSchedule(from, to, after, BATCH);
      if (!batch.length) break;
      const rows = batch.flatMap((plan) => this.visitsOf(plan, plan.scheduledThrough && plan.scheduledThrough >= from ? addDays(plan.scheduledThrough, 1) : from, to, asOf));
      inserted += await this.repo.transaction(async (m) => {
        const n = await this.repo.materialise(m, rows);
        await this.repo.markScheduled(m, batch.map((p) => p.id), to);
        return n;
      });
      plans += batch.length;
      after = batch[batch.length - 1].id;
      await progress(Math.min(95, plans / 1000));
    }
    return { from, to, plans, inserted };
  }

  /** After a plan changed: its untouched future visits are dropped and its window materialised again. */
  private async reschedule(m: EntityManager, planId: string, now: Date): Promise<{ dropped: number; inserted: number }> {
    const dropped = await this.repo.dropUntouched(m, planId, now);
    const plan = (await this.repo.findPlan(planId, m))!;
    const { from, to } = scheduleWindow(now, SCHEDULE_WEEKS, this.config.timeZone);
    const inserted = await this.repo.materialise(m, this.visitsOf(plan, from, to, now));
    await this.repo.markScheduled(m, [planId], to);
    return { dropped, inserted };
  }

  /** The plan's visits in the window that start after `after` (a plan edited at noon does not add this morning's visit). */
  private visitsOf(plan: VisitPlanEntity, from: string, to: string, after: Date): NewPlannedVisit[] {
    return occurrences(plan, from, to, this.config.timeZone)
      .filter((o) => o.startsAt > after)
      .map((o) => ({
        planId: plan.id, planDate: o.date, customerId: plan.customerId, contactId: plan.contactId, managerId: plan.managerId, kind: plan.kind,
        startsAt: o.startsAt, endsAt: o.endsAt, place: plan.place, routeOrder: plan.routeOrder,
      }));
  }

  /** The rules a plan must keep, beyond each field's own shape; every broken one at once. */
  private async check(p: Principal, v: PlanRule & Pick<VisitPlanEntity, 'managerId' | 'kind' | 'contactId'>, customer: CustomerDto): Promise<void> {
    const errors: FieldError[] = planRuleErrors(v);
    if (v.kind === 'executive' && !leads(p)) errors.push({ field: 'kind', message: 'executive visits are planned by managers and admins' });
    if (v.contactId && !customer.contacts.some((c) => c.id === v.contactId)) errors.push({ field: 'contactId', message: 'not a contact of this customer' });
    errors.push(...(await this.managerErrors(p, v.managerId)));
    if (errors.length) throw unprocessable(errors);
  }

  private async managerErrors(p: Principal, managerId: string): Promise<FieldError[]> {
    const me = ownerOnly(p);
    if (me && managerId !== me) return [{ field: 'managerId', message: 'account managers plan their own visits' }];
    const user = await this.repo.activeVisitor(managerId);
    if (!user || !user.active || !VISITOR_ROLES.includes(user.role)) return [{ field: 'managerId', message: 'managerId must be an active account manager, manager or admin' }];
    return [];
  }

  private async visible(p: Principal, id: string): Promise<VisitPlanEntity> {
    const plan = isUuid(id) ? await this.repo.findPlan(id) : null;
    if (!plan) throw notFound('The visit plan');
    await this.customers.visibleId(p, plan.customerId).catch(() => {
      throw notFound('The visit plan');
    });
    return plan;
  }

  private async dtos(plans: VisitPlanEntity[], now: Date): Promise<VisitPlanDto[]> {
    const names = await this.repo.names(
      [...new Set(plans.map((x) => x.customerId))], [...new Set(plans.map((x) => x.managerId))], plans.flatMap((x) => (x.contactId ? [x.contactId] : [])),
    );
    const today = this.today(now);
    // The next five dates: a year ahead covers a monthly plan on a 5th weekday.
    return plans.map((x) => toPlanDto(x, names, planDates(x, today, addDays(today, 366)).slice(0, 5)));
  }

  private today(now: Date): string {
    return agencyDate(now, this.config.timeZone);
  }
}

const pick = (o: object, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, (o as Record<string, unknown>)[f]]));

function ruleOf(dto: CreateVisitPlanDto): PlanRule {
  return {
    recurrence: dto.recurrence, intervalWeeks: dto.intervalWeeks ?? null, weekday: dto.weekday ?? null, nth: dto.nth ?? null, monthDay: dto.monthDay ?? null,
    time: dto.time, durationMinutes: dto.durationMinutes, startDate: dto.startDate, endDate: dto.endDate ?? null,
  };
}
