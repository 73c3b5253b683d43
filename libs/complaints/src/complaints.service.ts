import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONFIG, Config, Page, ProblemException, agencyDate, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, UsersService, isUuid } from '@crm/identity';
import { CustomerDto, CustomerListQueryDto, CustomerMergeRegistry, CustomersService } from '@crm/customers';
import { BookingsService } from '@crm/bookings';
import { NotificationsService } from '@crm/notifications';
import { EventType, INCIDENT_CATEGORIES, nextStatus, priorityOf, proposedRemedy } from './complaint-rules';
import { compensationProblems, correctiveActionProblems } from './complaint-compensation';
import { ComplaintFollowUpsRepository, FollowUpAnswer } from './complaint-follow-ups.repository';
import { ComplaintEntity } from './complaint.entity';
import { toComplaintDto } from './complaint.mapper';
import { ComplaintsRepository, WatchResult } from './complaints.repository';
import {
  AssignDto, ComplaintBodyDto, ComplaintDetailDto, ComplaintDto, ComplaintEventInputDto, ComplaintListQueryDto, CreateComplaintDto, IncidentReportDto, ResolveDto,
} from './dto/complaint.dto';
import { computeClocks, nextDueAt } from './sla-clock';
import { SlaPolicyService } from './sla-policy.service';

/** What else a step does in its transaction (the follow-up opened on closing…); the lib's other services register these. */
export type StepHook = (m: EntityManager, c: ComplaintEntity, type: EventType, at: Date) => Promise<void>;

/** Fields a booking system may change on a re-sent complaint; anything else stays as handled here. */
const SOURCE_FIELDS = ['customerId', 'bookingExternalId', 'severity', 'category', 'description', 'receivedAt'] as const;

@Injectable()
export class ComplaintsService implements OnModuleInit {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly customers: CustomersService,
    private readonly merges: CustomerMergeRegistry,
    private readonly bookings: BookingsService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly followUps: ComplaintFollowUpsRepository,
    private readonly slaPolicy: SlaPolicyService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private readonly stepHooks: StepHook[] = [];

  onStep(hook: StepHook): void {
    this.stepHooks.push(hook);
  }

  /** sla-watch's events become in-app notifications, one per recipient; a merged customer's complaints go to the survivor. */
  onModuleInit(): void {
    this.merges.register(async (m, mergedId, survivorId) => ({ complaints: await this.repo.moveToCustomer(m, mergedId, survivorId) }));
    this.notifications.notifyOn<{ level: string; userId: string; complaintId: string; metric: string; dueAt: string; priority: string; customerName: string }>('complaint.sla', (p) => ({
      userId: p.userId, kind: `complaint.sla_${p.level}`, params: { metric: p.metric, dueAt: p.dueAt, priority: p.priority, customerName: p.customerName },
      entityType: 'complaint', entityId: p.complaintId,
    }));
  }

  /** PUT /complaints/{source}/{externalId}: create, update the source's fields, or leave alone. */
  async put(p: Principal, source: string, externalId: string, body: ComplaintBodyDto, now = new Date()): Promise<{ created: boolean; complaint: ComplaintDto }> {
    const customer = await this.sourceCustomer(p, source, body);
    const incoming = {
      customerId: customer.id, bookingExternalId: body.bookingExternalId ?? null, severity: body.severity, category: body.category,
      description: body.description, receivedAt: new Date(body.receivedAt),
    };
    const { id, created } = await this.repo.transaction(async (m) => {
      // Two identical requests at once: the second waits here and then finds the first's complaint.
      await this.repo.lock(m, `complaint:${source}|${externalId}`);
      const existing = await this.repo.findByKey(m, source, externalId);
      if (!existing) {
        const complaintId = await this.insert(m, p, { ...incoming, source, externalId, channel: 'booking_system', ownerId: customer.ownerId }, customer, now);
        return { id: complaintId, created: true };
      }
      const changed = SOURCE_FIELDS.filter((f) => String(existing[f]?.valueOf() ?? '') !== String(incoming[f]?.valueOf() ?? ''));
      if (changed.length) {
        const priority = priorityOf(incoming.severity, existing.tier);
        // A corrected received time may fall under another policy version; nothing else changes the version.
        const slaPolicyVersion = changed.includes('receivedAt') ? await this.slaPolicy.versionAt(incoming.receivedAt) : existing.slaPolicyVersion;
        await this.repo.update(m, existing.id, { ...incoming, priority, slaPolicyVersion });
        await this.refreshClocks(m, { ...existing, ...incoming, slaPolicyVersion }, now);
        await this.audit.record(p, { action: 'complaint.update', entityType: 'complaint', entityId: existing.id, details: { source, externalId, fields: changed } }, m);
      }
      return { id: existing.id, created: false };
    });
    return { created, complaint: await this.dto(id) };
  }

  async create(p: Principal, dto: CreateComplaintDto, now = new Date()): Promise<ComplaintDetailDto> {
    const customer = await this.customers.get(p, dto.customerId);
    const ownerId = dto.ownerId ?? p.id;
    if (dto.ownerId) await this.checkUser(dto.ownerId, 'ownerId');
    const id = await this.repo.transaction((m) =>
      this.insert(m, p, {
        source: null, externalId: null, customerId: customer.id, bookingExternalId: dto.bookingExternalId ?? null, channel: dto.channel,
        category: dto.category, severity: dto.severity, description: dto.description, receivedAt: new Date(dto.receivedAt), ownerId,
      }, customer, now),
    );
    return this.get(p, id);
  }

  async list(p: Principal, q: ComplaintListQueryDto): Promise<Page<ComplaintDto>> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.list(
      { ...q, open: q.open === undefined ? undefined : q.open === 'true', restrictToOwner: p.kind === 'user' && p.role === 'account_manager' ? p.id : null },
      limit,
      q.cursor ? decodeCursor(q.cursor, 3) : null,
    );
    const page = rows.slice(0, limit);
    const clocks = await this.repo.clocks(page.map((c) => c.id));
    const last = page[page.length - 1];
    return {
      items: page.map((c) => toComplaintDto(c, clocks.get(c.id)!)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.priority, last.nextDueAt?.toISOString() ?? 'infinity', last.id]) : null,
    };
  }

  async get(p: Principal, id: string): Promise<ComplaintDetailDto> {
    const complaint = await this.visible(p, id);
    const events = await this.repo.events(complaint.id);
    return {
      ...(await this.dto(complaint.id)),
      events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), actorId: e.actorId, note: e.note })),
    };
  }

  /** A step of the handling (acknowledged, team assembled, solution proposed, update, waiting, reply, closed, reopened). */
  addEvent(p: Principal, id: string, dto: ComplaintEventInputDto, now = new Date()): Promise<ComplaintDetailDto> {
    return this.step(p, id, dto.type, dto.note ?? null, now, (c) => {
      if (dto.type === 'closed' && INCIDENT_CATEGORIES.includes(c.category) && !c.incidentReport) {
        throw unprocessable([{ field: 'type', message: 'an incident cannot be closed without its incident report' }]);
      }
      return {};
    });
  }

  /**
   * Resolves with an attribution; without compensations given, the standard remedy for it is recorded as a
   * proposal (staff accept or change it later), while compensations given are the caller's decision.
   */
  async resolve(p: Principal, id: string, dto: ResolveDto, now = new Date()): Promise<ComplaintDetailDto> {
    // The agency's calendar day: a voucher proposed at 07:00 in Shanghai expires a year after that day, not the UTC one.
    const today = agencyDate(now, this.config.timeZone);
    const problems = [...compensationProblems(dto.compensations ?? [], today), ...correctiveActionProblems(dto.correctiveAction)];
    if (problems.length) throw unprocessable(problems);
    if (dto.correctiveAction?.ownerId) await this.checkUser(dto.correctiveAction.ownerId, 'correctiveAction.ownerId');
    return this.step(p, id, 'resolved', dto.note ?? null, now, async (c) => ({
      attribution: dto.attribution,
      compensations: dto.compensations ?? proposedRemedy(dto.attribution, await this.bookingAmount(p, c), today),
      compensationsDecidedBy: dto.compensations ? p.id : null,
      compensationsDecidedAt: dto.compensations ? now : null,
      correctiveAction: dto.correctiveAction ? { action: dto.correctiveAction.action, ownerId: dto.correctiveAction.ownerId ?? null, dueOn: dto.correctiveAction.dueOn ?? null } : null,
    }));
  }

  async assign(p: Principal, id: string, dto: AssignDto): Promise<ComplaintDetailDto> {
    const complaint = await this.visible(p, id);
    await this.checkUser(dto.ownerId, 'ownerId');
    await this.repo.transaction(async (m) => {
      await this.repo.update(m, complaint.id, { ownerId: dto.ownerId });
      await this.audit.record(p, { action: 'complaint.assign', entityType: 'complaint', entityId: complaint.id, details: { from: complaint.ownerId, to: dto.ownerId } }, m);
    });
    return this.get(p, complaint.id);
  }

  async setIncidentReport(p: Principal, id: string, dto: IncidentReportDto): Promise<ComplaintDetailDto> {
    const complaint = await this.visible(p, id);
    if (!INCIDENT_CATEGORIES.includes(complaint.category)) throw unprocessable([{ field: 'category', message: `only incidents (${INCIDENT_CATEGORIES.join(', ')}) take an incident report` }]);
    await this.repo.transaction(async (m) => {
      await this.repo.update(m, complaint.id, { incidentReport: { ...dto } });
      await this.audit.record(p, { action: 'complaint.incident_report', entityType: 'complaint', entityId: complaint.id }, m);
    });
    return this.get(p, complaint.id);
  }

  /** The sla-watch job: warnings, breaches and escalations as of `asOf`, each recorded once. */
  watch(asOf: Date): Promise<WatchResult> {
    return this.repo.watch(asOf);
  }

  /** The customers' answers to the satisfaction follow-ups (newest first), for their health score. */
  followUpAnswers(customerIds: string[]): Promise<FollowUpAnswer[]> {
    return this.followUps.answersOf(customerIds);
  }

  /** One event under the complaint's lock: the state machine decides, the clocks are recomputed, it is audited. */
  private async step(
    p: Principal, id: string, type: EventType, note: string | null, now: Date,
    extra: (c: ComplaintEntity) => Partial<ComplaintEntity> | Promise<Partial<ComplaintEntity>>,
  ): Promise<ComplaintDetailDto> {
    const { id: complaintId } = await this.visible(p, id);
    await this.repo.transaction(async (m) => {
      await this.repo.lock(m, `complaint:${complaintId}`);
      const c = (await this.repo.findById(complaintId, m))!;
      const status = nextStatus(c.status, type);
      if (!status) throw new ProblemException(409, `A complaint that is ${c.status} cannot take "${type}".`);
      const changes = { ...(await extra(c)), status };
      await this.repo.addEvent(m, { complaintId, type, at: now, actorId: p.kind === 'user' ? p.id : null, note });
      await this.repo.update(m, complaintId, changes);
      await this.refreshClocks(m, c, now);
      for (const hook of this.stepHooks) await hook(m, c, type, now);
      await this.audit.record(p, { action: `complaint.${type}`, entityType: 'complaint', entityId: complaintId, details: { from: c.status, to: status, attribution: changes.attribution } }, m);
    });
    return this.get(p, complaintId);
  }

  private async insert(m: EntityManager, p: Principal, values: Partial<ComplaintEntity>, customer: CustomerDto, now: Date): Promise<string> {
    const tier = customer.tier;
    const slaPolicyVersion = await this.slaPolicy.versionAt(values.receivedAt!);
    const id = await this.repo.insert(m, { ...values, tier, slaPolicyVersion, priority: priorityOf(values.severity!, tier), status: 'received' });
    await this.repo.addEvent(m, { complaintId: id, type: 'received', at: values.receivedAt!, actorId: p.kind === 'user' ? p.id : null, note: null });
    await this.refreshClocks(m, { ...values, id, tier, slaPolicyVersion } as ComplaintEntity, now);
    await this.audit.record(p, {
      action: 'complaint.create', entityType: 'complaint', entityId: id,
      details: { source: values.source, externalId: values.externalId, customerId: customer.id, severity: values.severity },
    }, m);
    return id;
  }

  /** The clocks from the whole event history (the intake event follows receivedAt when a source corrects it), under the complaint's policy version. */
  private async refreshClocks(m: EntityManager, c: Pick<ComplaintEntity, 'id' | 'severity' | 'tier' | 'receivedAt' | 'slaPolicyVersion'>, now: Date): Promise<void> {
    const events = (await this.repo.events(c.id, m)).map((e) => ({ type: e.type, at: e.type === 'received' ? c.receivedAt : e.at }));
    const clocks = computeClocks(c.severity, c.tier, events, await this.slaPolicy.clockPolicy(c.slaPolicyVersion), now);
    await this.repo.saveClocks(m, c.id, clocks);
    await this.repo.update(m, c.id, { nextDueAt: nextDueAt(clocks) });
  }

  /** The contract: the customer by the source's own reference, or by the CRM's id; 422 when neither finds one. */
  private async sourceCustomer(p: Principal, source: string, body: ComplaintBodyDto): Promise<CustomerDto> {
    if (!!body.customer === !!body.customerId) throw unprocessable([{ field: 'customer', message: 'give either customer.externalId or customerId' }]);
    if (body.customer) {
      const found = await this.customers.list(p, Object.assign(new CustomerListQueryDto(), { source, externalId: body.customer.externalId, limit: 1 }));
      if (!found.items.length) throw unprocessable([{ field: 'customer.externalId', message: `no customer is known by ${source} reference ${body.customer.externalId}` }]);
      return found.items[0];
    }
    return orIfMissing(this.customers.get(p, body.customerId!), () => {
      throw unprocessable([{ field: 'customerId', message: 'no such customer' }]);
    });
  }

  private async bookingAmount(p: Principal, c: ComplaintEntity): Promise<number | null> {
    if (!c.bookingExternalId) return null;
    // A booking system names its own booking; staff name the booking's number, in whichever system it is.
    const booking = c.source ? this.bookings.getByKey(p, c.source, c.bookingExternalId) : this.bookings.getOfCustomer(p, c.customerId, c.bookingExternalId);
    return orIfMissing(booking.then((b) => b.amount.value), () => null);
  }

  /** 422 on `field` unless `id` is an active user. */
  async checkUser(id: string, field: string) {
    const user = await orIfMissing(this.users.get(id), () => {
      throw unprocessable([{ field, message: 'no such user' }]);
    });
    if (!user.active) throw unprocessable([{ field, message: 'the user is deactivated' }]);
  }

  /** The complaint if `p` may see it (account managers: their own customers'), else 404. */
  async visible(p: Principal, id: string): Promise<ComplaintEntity> {
    const complaint = isUuid(id) ? await this.repo.findById(id) : null;
    if (!complaint) throw notFound('The complaint');
    await orIfMissing(this.customers.visibleId(p, complaint.customerId), () => {
      throw notFound('The complaint');
    });
    return complaint;
  }

  private async dto(id: string): Promise<ComplaintDto> {
    const complaint = (await this.repo.findById(id))!;
    return toComplaintDto(complaint, (await this.repo.clocks([id])).get(id)!);
  }
}

/** What `work` answers, or what `missing` makes of a 404 from it (another domain's "not found" means something else here). */
async function orIfMissing<T>(work: Promise<T>, missing: () => T): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ProblemException && e.getStatus() === 404) return missing();
    throw e;
  }
}
