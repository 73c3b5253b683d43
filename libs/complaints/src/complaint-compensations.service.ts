import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, ProblemException, addDays, agencyDate, agencyInstant, isCalendarDate, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { compensationProblems, correctiveActionProblems } from './complaint-compensation';
import { reportScope } from './complaint-report';
import { toCompensationTotals } from './complaint-report.mapper';
import { ComplaintReportRepository } from './complaint-report.repository';
import type { Compensation } from './complaint-rules';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import type { ComplaintDetailDto, CompensationDto, CorrectiveActionDto } from './dto/complaint.dto';
import type { CompensationTotalsDto, CompensationTotalsQueryDto, EditCompensationsDto } from './dto/complaint-handling.dto';

/** After resolution: staff accept the proposed remedy, change it or add to it; and what was given, totalled. */
@Injectable()
export class ComplaintCompensationsService {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly repo: ComplaintsRepository,
    private readonly report: ComplaintReportRepository,
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Settles the compensations (and the corrective action, when given) of a resolved or closed complaint. The
   * proposal sent back unchanged is accepted; either way who decided is kept, and the audit log has before/after.
   */
  async edit(p: Principal, id: string, dto: EditCompensationsDto, now = new Date()): Promise<ComplaintDetailDto> {
    const { id: complaintId } = await this.complaints.visible(p, id);
    const problems = [...compensationProblems(dto.compensations, agencyDate(now, this.config.timeZone)), ...correctiveActionProblems(dto.correctiveAction)];
    if (problems.length) throw unprocessable(problems);
    if (dto.correctiveAction?.ownerId) await this.complaints.checkUser(dto.correctiveAction.ownerId, 'correctiveAction.ownerId');
    await this.repo.transaction(async (m) => {
      await this.repo.lock(m, `complaint:${complaintId}`);
      const c = (await this.repo.findById(complaintId, m))!;
      if (c.status !== 'resolved' && c.status !== 'closed') {
        throw new ProblemException(409, `Compensations are settled once the complaint is resolved; it is ${c.status}.`);
      }
      const before = { compensations: c.compensations, correctiveAction: c.correctiveAction };
      const after = { compensations: dto.compensations.map(plain), correctiveAction: dto.correctiveAction === undefined ? c.correctiveAction : correctiveAction(dto.correctiveAction) };
      const changes = fieldChanges(before, after);
      const changed = Object.keys(changes).length > 0;
      if (!changed && c.compensationsDecidedAt) return; // accepted before: nothing new to record
      await this.repo.update(m, complaintId, { ...after, compensationsDecidedBy: p.id, compensationsDecidedAt: now });
      await this.audit.record(p, {
        action: changed ? 'complaint.compensations_changed' : 'complaint.compensations_accepted', entityType: 'complaint', entityId: complaintId, changes,
      }, m);
    });
    return this.complaints.get(p, complaintId);
  }

  /** By agency month of resolution, by customer and overall: one customer's (if visible), or all the caller's report covers. */
  async totals(p: Principal, q: CompensationTotalsQueryDto): Promise<CompensationTotalsDto> {
    const problems = (['from', 'to'] as const).filter((f) => q[f] && !isCalendarDate(q[f]!)).map((field) => ({ field, message: `${field} is not a calendar date` }));
    if (!problems.length && q.from && q.to && q.to < q.from) problems.push({ field: 'to', message: 'to must not be before from' });
    if (problems.length) throw unprocessable(problems);
    const customerId = q.customerId ? await this.customers.visibleId(p, q.customerId) : undefined;
    const tz = this.config.timeZone;
    const window = { start: q.from ? agencyInstant(q.from, tz) : null, end: q.to ? agencyInstant(addDays(q.to, 1), tz) : null };
    const rows = await this.report.compensationTotals(window, tz, customerId ? { all: true } : reportScope(p), customerId);
    return toCompensationTotals(rows);
  }
}

/** Only the fields the kind uses, the note trimmed (or gone when empty). */
function plain(c: CompensationDto): Compensation {
  const note = c.note?.trim();
  return {
    kind: c.kind,
    ...(c.amount !== undefined && { amount: c.amount }),
    ...(c.percent !== undefined && { percent: c.percent }),
    ...(c.expiresOn !== undefined && { expiresOn: c.expiresOn }),
    ...(note && { note }),
  };
}

function correctiveAction(a: CorrectiveActionDto | null) {
  return a && { action: a.action, ownerId: a.ownerId ?? null, dueOn: a.dueOn ?? null };
}
