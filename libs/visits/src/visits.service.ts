import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONFIG, Config, FieldError, OutboxService, ProblemException, addDays, agencyDate, dayNumber, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges, isUuid } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { ComplaintsService } from '@crm/complaints';
import { NotificationsService } from '@crm/notifications';
import { VISITOR_ROLES, leads, ownerOnly } from './visit-access';
import { VisitAction, nextStatus } from './visit-status';
import { VisitEntity, VisitRecordEntity } from './visit.entity';
import { Names, toConflictDto, toTaskDto, toVisitDetailDto, toVisitDto } from './visit.mapper';
import { findConflicts, wallInstant } from './visit-schedule';
import { VisitsRepository } from './visits.repository';
import {
  VisitDayDto, VisitDayQueryDto, MoveVisitDto, VisitProblemComplaintDto, VisitProblemComplaintResultDto, VisitReasonDto, VisitRecordInDto, VisitTaskDoneDto, VisitTaskDto, VisitTaskListDto,
  UnplannedVisitDto, VisitCalendarDto, VisitDetailDto, VisitListDto, VisitListQueryDto,
} from './dto/visit.dto';

/** The longest calendar answered at once. */
const MAX_DAYS = 62;

@Injectable()
export class VisitsService implements OnModuleInit {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly customers: CustomersService,
    private readonly complaints: ComplaintsService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A next step given to someone else reaches them as a notification. */
  onModuleInit(): void {
    this.notifications.notifyOn<{ taskId: string; ownerId: string; customerId: string; customerName: string; title: string; dueOn: string; byName: string }>('visit.task_assigned', (p) => ({
      userId: p.ownerId, kind: 'visit.task_assigned', params: { title: p.title, customerName: p.customerName, dueOn: p.dueOn, byName: p.byName },
      entityType: 'customer', entityId: p.customerId,
    }));
  }

  /** The calendar: visits between two local dates, with the conflicts among them and the holidays. */
  async calendar(p: Principal, q: VisitListQueryDto, now = new Date()): Promise<VisitCalendarDto> {
    if (q.customerId) await this.customers.visibleId(p, q.customerId);
    const from = q.from ?? this.today(now);
    const to = q.to ?? addDays(from, 6);
    if (to < from) throw unprocessable([{ field: 'to', message: 'to must not be before from' }]);
    if (dayNumber(to) - dayNumber(from) >= MAX_DAYS) throw unprocessable([{ field: 'to', message: `at most ${MAX_DAYS} days at once` }]);
    const [visits, holidays] = await Promise.all([
      this.repo.listVisits({ ...this.range(from, to), managerId: q.managerId, customerId: q.customerId, status: q.status, restrictToOwner: ownerOnly(p) }, 5000),
      this.repo.holidays(from, to),
    ]);
    const [names, withRecord] = await Promise.all([this.names(visits), this.repo.recordIds(visits.map((v) => v.id))]);
    return {
      items: visits.map((v) => toVisitDto(v, names, withRecord.has(v.id))),
      conflicts: this.conflicts(visits, holidays).map(toConflictDto),
      holidays: holidays.map((h) => ({ date: h.date, name: h.name })),
    };
  }

  /** A customer's visits with their records, newest first (the customer page). */
  async ofCustomer(p: Principal, customerId: string): Promise<VisitListDto> {
    const id = await this.customers.visibleId(p, customerId);
    return { items: await this.details(await this.repo.listVisits({ customerId: id, restrictToOwner: null }, 200)) };
  }

  /** My day: the day's visits in route order, each with what to know before ringing the bell. */
  async day(p: Principal, q: VisitDayQueryDto, now = new Date()): Promise<VisitDayDto> {
    if (q.managerId && q.managerId !== p.id && !leads(p)) throw unprocessable([{ field: 'managerId', message: 'account managers see their own day' }]);
    const date = q.date ?? this.today(now);
    const range = this.range(date, date);
    const visits = (await this.repo.listVisits({ ...range, managerId: q.managerId ?? p.id, restrictToOwner: ownerOnly(p) }, 200))
      .filter((v) => v.status !== 'cancelled')
      .sort((a, b) => (a.routeOrder ?? 99) - (b.routeOrder ?? 99) || a.startsAt.getTime() - b.startsAt.getTime());
    const customerIds = [...new Set(visits.map((v) => v.customerId))];
    const [details, essentials, open, holidays] = await Promise.all([
      this.details(visits),
      this.repo.essentials(customerIds, range.from),
      Promise.all(customerIds.map(async (id) => [id, (await this.complaints.list(p, { customerId: id, open: 'true', limit: 100 })).items.length] as const)),
      this.repo.holidays(date, date),
    ]);
    const names = await this.repo.names(customerIds, [...new Set(essentials.tasks.map((t) => t.ownerId))], []);
    const openBy = new Map(open);
    return {
      date,
      items: details.map((d) => ({
        ...d,
        openComplaints: openBy.get(d.customerId) ?? 0,
        lastNextSteps: essentials.tasks.filter((t) => t.customerId === d.customerId).map((t) => toTaskDto(t, names)),
        lastVisitAt: essentials.lastVisitAt.get(d.customerId)?.toISOString() ?? null,
      })),
      conflicts: this.conflicts(visits, holidays).map(toConflictDto),
    };
  }

  async get(p: Principal, id: string): Promise<VisitDetailDto> {
    return (await this.details([await this.visible(p, id)]))[0];
  }

  /** One visit to another time at the customer's request; the plan and its other visits stay. */
  move(p: Principal, id: string, dto: MoveVisitDto, now = new Date()): Promise<VisitDetailDto> {
    return this.step(p, id, 'move', now, (v) => {
      const startsAt = new Date(dto.startsAt);
      const minutes = dto.durationMinutes ?? (v.endsAt.getTime() - v.startsAt.getTime()) / 60_000;
      return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), place: dto.place === undefined ? v.place : dto.place, detached: true };
    });
  }

  cancel(p: Principal, id: string, dto: VisitReasonDto, now = new Date()): Promise<VisitDetailDto> {
    return this.step(p, id, 'cancel', now, () => ({ reason: dto.reason, detached: true }));
  }

  miss(p: Principal, id: string, dto: VisitReasonDto, now = new Date()): Promise<VisitDetailDto> {
    return this.step(p, id, 'miss', now, () => ({ reason: dto.reason }));
  }

  /** The communication record: writing it marks the visit done; writing it again corrects it. */
  async saveRecord(p: Principal, id: string, dto: VisitRecordInDto, now = new Date()): Promise<VisitDetailDto> {
    const visit = await this.visible(p, id);
    await this.checkSteps(dto);
    await this.repo.transaction(async (m) => {
      const v = (await this.repo.findVisit(visit.id, m, true))!;
      if (!nextStatus(v.status, 'record', v.startsAt <= now)) throw this.refused(v, 'record', now);
      await this.writeRecord(m, p, v, dto);
    });
    return this.get(p, visit.id);
  }

  /** A visit or call that was not planned, recorded after the fact. */
  async createUnplanned(p: Principal, dto: UnplannedVisitDto, now = new Date()): Promise<VisitDetailDto> {
    const customer = await this.customers.get(p, dto.customerId);
    const startsAt = new Date(dto.startsAt);
    const errors: FieldError[] = [];
    if (dto.kind === 'executive' && !leads(p)) errors.push({ field: 'kind', message: 'executive visits are recorded by managers and admins' });
    if (dto.contactId && !customer.contacts.some((c) => c.id === dto.contactId)) errors.push({ field: 'contactId', message: 'not a contact of this customer' });
    if (startsAt > now) errors.push({ field: 'startsAt', message: 'a record is of something that happened: startsAt must be in the past' });
    if (errors.length) throw unprocessable(errors);
    await this.checkSteps(dto.record, 'record.');
    const id = await this.repo.transaction(async (m) => {
      const visitId = await this.repo.insertVisit(m, {
        planId: null, planDate: null, customerId: customer.id, contactId: dto.contactId ?? null, managerId: p.id, kind: dto.kind, startsAt,
        endsAt: new Date(startsAt.getTime() + dto.durationMinutes * 60_000), place: dto.place ?? null, routeOrder: null, status: 'done', detached: false,
      });
      await this.writeRecord(m, p, (await this.repo.findVisit(visitId, m))!, dto.record);
      return visitId;
    });
    return this.get(p, id);
  }

  /** One problem raised in a visit becomes a complaint, once; the record keeps the link. */
  async problemToComplaint(p: Principal, id: string, index: number, dto: VisitProblemComplaintDto, now = new Date()): Promise<VisitProblemComplaintResultDto> {
    const visit = await this.visible(p, id);
    const complaintId = await this.repo.transaction(async (m) => {
      // Locked: a double click waits here, then finds the complaint made.
      const record = await this.repo.findRecord(visit.id, m, true);
      const problem = record?.problems[index];
      if (!record || !problem) throw notFound('The problem');
      if (problem.complaintId) throw new ProblemException(409, 'This problem is already a complaint.');
      const complaint = await this.complaints.create(p, {
        customerId: visit.customerId, channel: visit.kind === 'phone' || visit.kind === 'video' ? 'phone' : 'in_person', category: dto.category,
        severity: dto.severity, description: problem.description, receivedAt: now.toISOString(),
      }, now);
      const problems = record.problems.map((x, i) => (i === index ? { ...x, complaintId: complaint.id } : x));
      await this.repo.setProblems(m, visit.id, problems);
      await this.audit.record(p, { action: 'visit.problem_complaint', entityType: 'visit', entityId: visit.id, details: { index, complaintId: complaint.id } }, m);
      return complaint.id;
    });
    return { complaintId, visit: await this.get(p, visit.id) };
  }

  /** The caller's open next steps, the soonest due first. */
  async myTasks(p: Principal): Promise<VisitTaskListDto> {
    const tasks = await this.repo.openTasks(p.id, 200);
    const names = await this.repo.names([...new Set(tasks.map((t) => t.customerId))], [p.id], []);
    return { items: tasks.map((t) => toTaskDto(t, names)) };
  }

  async setTaskDone(p: Principal, taskId: string, dto: VisitTaskDoneDto, now = new Date()): Promise<VisitTaskDto> {
    const task = isUuid(taskId) ? await this.repo.findTask(taskId) : null;
    if (!task) throw notFound('The task');
    if (task.ownerId !== p.id) {
      await this.customers.visibleId(p, task.customerId).catch(() => {
        throw notFound('The task');
      });
    }
    if ((task.doneAt !== null) !== dto.done) {
      await this.repo.transaction(async (m) => {
        await this.repo.setTaskDone(m, task.id, dto.done ? now : null);
        await this.audit.record(p, { action: dto.done ? 'visit_task.done' : 'visit_task.reopen', entityType: 'visit_task', entityId: task.id }, m);
      });
    }
    const fresh = (await this.repo.findTask(task.id))!;
    return toTaskDto(fresh, await this.repo.names([fresh.customerId], [fresh.ownerId], []));
  }

  /** A status change under the visit's lock: the rules decide, it is audited. */
  private async step(p: Principal, id: string, action: VisitAction, now: Date, changes: (v: VisitEntity) => Partial<VisitEntity>): Promise<VisitDetailDto> {
    const visit = await this.visible(p, id);
    await this.repo.transaction(async (m) => {
      const v = (await this.repo.findVisit(visit.id, m, true))!;
      const status = nextStatus(v.status, action, v.startsAt <= now);
      if (!status) throw this.refused(v, action, now);
      const values = { ...changes(v), status };
      await this.repo.updateVisit(m, v.id, values);
      const before = Object.fromEntries(Object.keys(values).map((k) => [k, v[k as keyof VisitEntity]]));
      await this.audit.record(p, { action: `visit.${action}`, entityType: 'visit', entityId: v.id, changes: fieldChanges(before, values) }, m);
    });
    return this.get(p, visit.id);
  }

  private refused(v: VisitEntity, action: VisitAction, now: Date): ProblemException {
    const notYet = v.startsAt > now && (action === 'miss' || action === 'record');
    return new ProblemException(409, notYet ? `The visit has not started yet; it cannot take "${action}".` : `A ${v.status} visit cannot take "${action}".`);
  }

  private async writeRecord(m: EntityManager, p: Principal, v: VisitEntity, dto: VisitRecordInDto): Promise<void> {
    const old = await this.repo.findRecord(v.id, m);
    const known = new Set((await this.repo.tasksOf([v.id], m)).map((t) => t.id));
    const strangers = dto.nextSteps.flatMap((s, i) => (s.id && !known.has(s.id) ? [{ field: `nextSteps.${i}.id`, message: 'not a next step of this record' }] : []));
    if (strangers.length) throw unprocessable(strangers);
    // A corrected record keeps the complaints its problems became.
    const problems = dto.problems.map((x) => ({ description: x.description, complaintId: old?.problems.find((o) => o.description === x.description)?.complaintId ?? null }));
    const authorId = p.kind === 'user' ? p.id : null;
    await this.repo.saveRecord(m, {
      visitId: v.id, attendees: dto.attendees.map((a) => ({ name: a.name, side: a.side, role: a.role ?? null })), feedback: dto.feedback ?? null, problems,
      opportunities: dto.opportunities.map((o) => ({ kind: o.kind, description: o.description, budget: o.budget ?? null, expectedOn: o.expectedOn ?? null })),
      satisfaction: dto.satisfaction ?? null, authorId: old?.authorId ?? authorId,
    });
    if (v.status !== 'done') await this.repo.updateVisit(m, v.id, { status: 'done' });
    const tasks = await this.repo.syncTasks(m, v.id, v.customerId, dto.nextSteps);
    const names = await this.repo.names([v.customerId], [], []);
    const assigned = tasks.filter((t) => !known.has(t.id) && t.ownerId !== authorId);
    await this.outbox.append(m, assigned.map((t) => ({
      type: 'visit.task_assigned',
      payload: { taskId: t.id, ownerId: t.ownerId, customerId: t.customerId, customerName: names.customers.get(t.customerId)?.name ?? '', title: t.title, dueOn: t.dueOn, byName: p.name },
    })));
    await this.audit.record(p, {
      action: old ? 'visit.record_update' : 'visit.record', entityType: 'visit', entityId: v.id,
      details: { customerId: v.customerId, satisfaction: dto.satisfaction ?? null, problems: problems.length, nextSteps: tasks.length },
    }, m);
  }

  /** Next steps go to people who can do them. */
  private async checkSteps(dto: VisitRecordInDto, prefix = ''): Promise<void> {
    const errors: FieldError[] = [];
    for (const [i, s] of dto.nextSteps.entries()) {
      const user = await this.repo.activeVisitor(s.ownerId);
      if (!user || !user.active || !VISITOR_ROLES.includes(user.role)) errors.push({ field: `${prefix}nextSteps.${i}.ownerId`, message: 'ownerId must be an active account manager, manager or admin' });
    }
    if (errors.length) throw unprocessable(errors);
  }

  private async visible(p: Principal, id: string): Promise<VisitEntity> {
    const visit = isUuid(id) ? await this.repo.findVisit(id) : null;
    if (!visit) throw notFound('The visit');
    await this.customers.visibleId(p, visit.customerId).catch(() => {
      throw notFound('The visit');
    });
    return visit;
  }

  private async details(visits: VisitEntity[]): Promise<VisitDetailDto[]> {
    const ids = visits.map((v) => v.id);
    const [records, tasks] = await Promise.all([this.repo.records(ids), this.repo.tasksOf(ids)]);
    const names = await this.names(visits, [...records.flatMap((r) => (r.authorId ? [r.authorId] : [])), ...tasks.map((t) => t.ownerId)]);
    const byVisit = new Map<string, VisitRecordEntity>(records.map((r) => [r.visitId, r]));
    return visits.map((v) => toVisitDetailDto(v, names, byVisit.get(v.id), tasks));
  }

  private names(visits: VisitEntity[], moreUsers: string[] = []): Promise<Names> {
    return this.repo.names(
      [...new Set(visits.map((v) => v.customerId))], [...new Set([...visits.map((v) => v.managerId), ...moreUsers])],
      [...new Set(visits.flatMap((v) => (v.contactId ? [v.contactId] : [])))],
    );
  }

  /** Overlaps among the visits still to happen or done, and visits on holidays. */
  private conflicts(visits: VisitEntity[], holidays: { date: string; name: string }[]) {
    const live = visits.filter((v) => v.status === 'planned' || v.status === 'done');
    return findConflicts(live, new Map(holidays.map((h) => [h.date, h.name])), this.config.timeZone);
  }

  /** Local dates as instants: [the first day's midnight, the midnight after the last). */
  private range(from: string, to: string): { from: Date; to: Date } {
    return { from: wallInstant(from, 0, this.config.timeZone), to: wallInstant(addDays(to, 1), 0, this.config.timeZone) };
  }

  private today(now: Date): string {
    return agencyDate(now, this.config.timeZone);
  }
}
