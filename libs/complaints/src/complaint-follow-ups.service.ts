import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONFIG, Config, ProblemException, decodeCursor, encodeCursor, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges, isUuid } from '@crm/identity';
import { NotificationsService } from '@crm/notifications';
import { FollowUpStatus, followUpDueAt } from './complaint-follow-up';
import { ComplaintFollowUpsRepository } from './complaint-follow-ups.repository';
import { toFollowUpDto } from './complaint-report.mapper';
import { ComplaintsService } from './complaints.service';
import type { ComplaintFollowUpsDto, FollowUpAnswerDto, FollowUpDto, FollowUpListDto, FollowUpListQueryDto } from './dto/complaint-handling.dto';

/**
 * The satisfaction follow-up: opened when a complaint is closed (due a week later), cancelled when it is reopened,
 * answered once; its owner is told when it falls due (the follow-up-watch job, through the outbox).
 */
@Injectable()
export class ComplaintFollowUpsService implements OnModuleInit {
  constructor(
    private readonly repo: ComplaintFollowUpsRepository,
    private readonly complaints: ComplaintsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    // In the closing (or reopening) step's own transaction: a closed complaint always has its follow-up.
    this.complaints.onStep(async (m, c, type, at) => {
      if (type === 'closed') await this.repo.open(m, c.id, at, followUpDueAt(at, this.config.timeZone));
      if (type === 'reopened') await this.repo.cancelPending(m, c.id, at);
    });
    this.notifications.notifyOn<{ userId: string; complaintId: string; dueAt: string; customerName: string }>('complaint.follow_up_due', (p) => ({
      userId: p.userId, kind: 'complaint.follow_up_due', params: { customerName: p.customerName, dueAt: p.dueAt },
      entityType: 'complaint', entityId: p.complaintId,
    }));
  }

  /** Pending by default, by due time: "mine" are those of the caller's complaints, "due" those due by `now`. */
  async list(p: Principal, q: FollowUpListQueryDto, now = new Date()): Promise<FollowUpListDto> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
    if (after && (Number.isNaN(Date.parse(String(after[0]))) || !isUuid(String(after[1])))) throw unprocessable([{ field: 'cursor', message: 'cursor is invalid' }]);
    const rows = await this.repo.list(
      {
        status: (q.status ?? 'pending') as FollowUpStatus,
        ownerId: q.mine === 'true' ? p.id : undefined,
        dueBy: q.due === 'true' ? now : undefined,
        restrictToOwner: p.kind === 'user' && p.role === 'account_manager' ? p.id : null,
      },
      limit,
      after,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toFollowUpDto), nextCursor: rows.length > limit && last ? encodeCursor([last.dueAt.toISOString(), last.id]) : null };
  }

  async ofComplaint(p: Principal, id: string): Promise<ComplaintFollowUpsDto> {
    const c = await this.complaints.visible(p, id);
    return { items: (await this.repo.ofComplaint(c.id)).map(toFollowUpDto) };
  }

  /** The customer's answer to the pending follow-up, recorded once; 409 when there is none pending. */
  async answer(p: Principal, id: string, dto: FollowUpAnswerDto, now = new Date()): Promise<FollowUpDto> {
    const c = await this.complaints.visible(p, id);
    const answered = await this.repo.transaction(async (m) => {
      const pending = (await this.repo.ofComplaint(c.id, m)).find((f) => f.status === 'pending');
      const values = { satisfied: dto.satisfied, note: dto.note || null, answeredBy: p.id, answeredAt: now };
      // The update only takes a pending follow-up, so of two answers at once the second finds none.
      if (!pending || !(await this.repo.answer(m, pending.id, values))) {
        throw new ProblemException(409, 'This complaint has no follow-up waiting for an answer: it is not closed, or the answer is recorded already.');
      }
      await this.audit.record(p, {
        action: 'complaint.follow_up_answered', entityType: 'complaint', entityId: c.id, details: { followUpId: pending.id },
        changes: fieldChanges({ satisfied: null, note: null }, { satisfied: values.satisfied, note: values.note }),
      }, m);
      return pending.id;
    });
    return toFollowUpDto((await this.repo.ofComplaint(c.id)).find((f) => f.id === answered)!);
  }

  /** The follow-up-watch job: owners told of the follow-ups due by `asOf`, each once. */
  async watch(asOf: Date): Promise<{ notified: number }> {
    return { notified: await this.repo.notifyDue(asOf) };
  }
}
