import { Conflict } from './visit-schedule';
import { VisitEntity, VisitPlanEntity, VisitRecordEntity, VisitTaskEntity } from './visit.entity';
import { VisitConflictDto, VisitPlanDto, VisitRecordDto, VisitTaskDto, VisitDetailDto, VisitDto } from './dto/visit.dto';

/** Display names of what visits refer to, loaded once per answer. */
export interface Names {
  customers: Map<string, { name: string; tier: string | null; ownerId: string }>;
  users: Map<string, string>;
  contacts: Map<string, string>;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toPlanDto(p: VisitPlanEntity, n: Names, nextDates: string[]): VisitPlanDto {
  return {
    id: p.id, customerId: p.customerId, customerName: n.customers.get(p.customerId)?.name ?? '', contactId: p.contactId,
    contactName: p.contactId ? (n.contacts.get(p.contactId) ?? null) : null, managerId: p.managerId, managerName: n.users.get(p.managerId) ?? '',
    kind: p.kind, recurrence: p.recurrence, intervalWeeks: p.intervalWeeks, weekday: p.weekday, nth: p.nth, monthDay: p.monthDay, time: p.time,
    durationMinutes: p.durationMinutes, place: p.place, routeOrder: p.routeOrder, startDate: p.startDate, endDate: p.endDate, note: p.note, nextDates,
    createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}

export function toVisitDto(v: VisitEntity, n: Names, hasRecord: boolean): VisitDto {
  const customer = n.customers.get(v.customerId);
  return {
    id: v.id, planId: v.planId, planDate: v.planDate, customerId: v.customerId, customerName: customer?.name ?? '', customerTier: customer?.tier ?? null,
    contactId: v.contactId, contactName: v.contactId ? (n.contacts.get(v.contactId) ?? null) : null, managerId: v.managerId,
    managerName: n.users.get(v.managerId) ?? '', kind: v.kind, startsAt: v.startsAt.toISOString(), endsAt: v.endsAt.toISOString(), place: v.place,
    routeOrder: v.routeOrder, status: v.status, detached: v.detached, reason: v.reason, hasRecord,
  };
}

export function toTaskDto(t: VisitTaskEntity, n: Names): VisitTaskDto {
  return {
    id: t.id, visitId: t.visitId, customerId: t.customerId, customerName: n.customers.get(t.customerId)?.name ?? '', title: t.title, ownerId: t.ownerId,
    ownerName: n.users.get(t.ownerId) ?? '', dueOn: t.dueOn, doneAt: iso(t.doneAt),
  };
}

export function toRecordDto(r: VisitRecordEntity, tasks: VisitTaskEntity[], n: Names): VisitRecordDto {
  return {
    attendees: r.attendees, feedback: r.feedback, problems: r.problems, opportunities: r.opportunities, satisfaction: r.satisfaction,
    nextSteps: tasks.map((t) => toTaskDto(t, n)), authorId: r.authorId, authorName: r.authorId ? (n.users.get(r.authorId) ?? null) : null,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function toVisitDetailDto(v: VisitEntity, n: Names, record: VisitRecordEntity | undefined, tasks: VisitTaskEntity[]): VisitDetailDto {
  return { ...toVisitDto(v, n, !!record), record: record ? toRecordDto(record, tasks.filter((t) => t.visitId === v.id), n) : null };
}

export function toConflictDto(c: Conflict): VisitConflictDto {
  return c.kind === 'overlap'
    ? { kind: c.kind, visitIds: c.visitIds, managerId: c.managerId, date: null, name: null }
    : { kind: c.kind, visitIds: [c.visitId], managerId: null, date: c.date, name: c.name };
}
