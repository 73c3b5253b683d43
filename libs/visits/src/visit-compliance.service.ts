import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONFIG, Config, Page, ProblemException, decodeCursor, encodeCursor, instantOf, wallOf } from '@crm/platform';
import { Principal } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { NotificationsService } from '@crm/notifications';
import { ServicePolicy, TieringService } from '@crm/tiering';
import { leads, ownerOnly } from './visit-access';
import { Cadence, complianceOf, quarterOf } from './visit-compliance';
import { CadencePolicy, CadenceRow, VisitsRepository } from './visits.repository';
import {
  VisitCadenceDto, VisitComplianceListQueryDto, VisitComplianceRowDto, CustomerVisitComplianceDto, ExecutiveDueDto, ManagerVisitComplianceListDto, VisitMonthQueryDto,
} from './dto/compliance.dto';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

@Injectable()
export class VisitComplianceService implements OnModuleInit {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly customers: CustomersService,
    private readonly tiering: TieringService,
    private readonly notifications: NotificationsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** The nightly check's episodes reach the customer's owner, once each. */
  onModuleInit(): void {
    this.notifications.notifyOn<{ customerId: string; customerName: string; ownerId: string; tier: string; dueBy: string }>('visit.overdue', (p) => ({
      userId: p.ownerId, kind: 'visit.overdue', params: { customerName: p.customerName, tier: p.tier, dueBy: p.dueBy },
      entityType: 'customer', entityId: p.customerId,
    }));
  }

  /** One customer against the tier's service policy in force. */
  async customer(p: Principal, customerId: string, now = new Date()): Promise<CustomerVisitComplianceDto> {
    const c = await this.customers.get(p, customerId);
    const [policy, m] = await Promise.all([this.tiering.policy(), this.repo.complianceMoments(c.id, now)]);
    const result = complianceOf(
      {
        tier: c.tier, quadrant: c.quadrant, createdAt: new Date(c.createdAt), tierChangedAt: c.tierChangedAt ? new Date(c.tierChangedAt) : null,
        lastDone: { any: m.last_any, inPerson: m.last_in_person, executive: m.last_exec },
        nextPlanned: { any: m.next_any, inPerson: m.next_in_person, executive: m.next_exec },
        lastInteractionAt: m.last_interaction,
      },
      policy.service,
      now,
    );
    return {
      customerId: c.id, tier: c.tier, quadrant: c.quadrant, visitMode: result.visitMode, visit: cadenceDto(result.visit), contact: cadenceDto(result.contact),
      executive: cadenceDto(result.executive), policyVersion: policy.version, asOf: now.toISOString(),
    };
  }

  /** Customers by how soon (or how long ago) a visit is due; account managers see their own. */
  async customerList(p: Principal, q: VisitComplianceListQueryDto, now = new Date()): Promise<Page<VisitComplianceRowDto>> {
    const limit = q.limit ?? 50;
    const policy = await this.tiering.policy();
    const rows = await this.repo.cadenceList(
      now, visitCadence(policy.service), { ownerId: q.ownerId, restrictToOwner: ownerOnly(p), overdueOnly: q.overdue === 'true', tier: q.tier },
      limit, q.cursor ? decodeCursor(q.cursor, 2) : null,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => rowDto(r, now)), nextCursor: rows.length > limit && last ? encodeCursor([last.due_by.toISOString(), last.customer_id]) : null };
  }

  /** Per person, for a month: visits planned, done, missed; customers overdue; A customers visited on time. */
  async managers(p: Principal, q: VisitMonthQueryDto, now = new Date()): Promise<ManagerVisitComplianceListDto> {
    const month = q.month ?? this.month(now);
    const userId = ownerOnly(p) ?? q.userId ?? null;
    const [year, mon] = month.split('-').map(Number);
    const from = instantOf({ year, month: mon, day: 1, ms: 0 }, this.config.timeZone);
    const to = instantOf({ year: mon === 12 ? year + 1 : year, month: (mon % 12) + 1, day: 1, ms: 0 }, this.config.timeZone);
    const policy = await this.tiering.policy();
    const rows = await this.repo.managerSummary(now, visitCadence(policy.service), from, to, userId);
    return {
      month,
      items: rows.map((r) => ({
        userId: r.user_id, name: r.name, planned: r.planned, done: r.done, missed: r.missed, cancelled: r.cancelled, upcoming: r.upcoming,
        customers: r.customers, overdue: r.overdue, aCustomers: r.a_customers, aOnTime: r.a_on_time,
        aOnTimePercent: r.a_customers ? Math.round((r.a_on_time * 1000) / r.a_customers) / 10 : null,
      })),
    };
  }

  /** Large loyal accounts that need an executive visit this quarter and have none planned in time. */
  async executiveDue(p: Principal, now = new Date()): Promise<ExecutiveDueDto> {
    if (!leads(p)) throw new ProblemException(403, 'Executive visits are for managers and admins.');
    const quarter = quarterOf(now, this.config.timeZone);
    const policy = await this.tiering.policy();
    const rows = await this.repo.executiveDue(now, executiveCadence(policy.service), quarter.to, 1000);
    return { quarter: quarter.label, items: rows.map((r) => rowDto(r, now)) };
  }

  /** The `visit-overdue` job. */
  async overdueCheck(asOf: Date): Promise<{ overdue: number; notified: number; ended: number }> {
    const policy = await this.tiering.policy();
    return this.repo.overdueCheck(asOf, visitCadence(policy.service));
  }

  private month(now: Date): string {
    const w = wallOf(now, this.config.timeZone);
    return `${w.year}-${String(w.month).padStart(2, '0')}`;
  }
}

/** The policy's visit cadence as SQL parameters: tiers that ask for visits, and whether only in-person ones count. */
function visitCadence(service: ServicePolicy): CadencePolicy {
  const tiers = (Object.keys(service) as (keyof ServicePolicy)[]).filter((t) => service[t].visitMode !== 'none' && service[t].visitEveryDays !== null);
  return { tiers, everyDays: tiers.map((t) => service[t].visitEveryDays!), inPerson: tiers.map((t) => service[t].visitMode === 'in_person') };
}

function executiveCadence(service: ServicePolicy): CadencePolicy {
  const tiers = (Object.keys(service) as (keyof ServicePolicy)[]).filter((t) => service[t].executiveVisitEveryDays !== null);
  return { tiers, everyDays: tiers.map((t) => service[t].executiveVisitEveryDays!), inPerson: tiers.map(() => true) };
}

function cadenceDto(c: Cadence): VisitCadenceDto {
  return {
    everyDays: c.everyDays, lastAt: iso(c.lastAt), nextPlannedAt: iso(c.nextPlannedAt), dueBy: iso(c.dueBy), overdue: c.overdue,
    daysOverdue: c.daysOverdue, coveredByPlan: c.coveredByPlan,
  };
}

function rowDto(r: CadenceRow, now: Date): VisitComplianceRowDto {
  return {
    customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id, tier: r.tier, everyDays: r.every_days, lastAt: iso(r.last_at),
    nextPlannedAt: iso(r.next_at), dueBy: r.due_by.toISOString(), overdue: r.overdue,
    daysOverdue: r.overdue ? Math.floor((now.getTime() - r.due_by.getTime()) / DAY_MS) : 0,
  };
}
