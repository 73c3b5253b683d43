import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService, Principal, isUuid } from '@crm/identity';
import { ownerRestriction } from '@crm/customers';
import { NotificationsService } from '@crm/notifications';
import { ProblemException, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { LifecyclePlayDto, LifecyclePlayListDto, LifecyclePlayListQueryDto } from './dto/lifecycle-plays.dto';
import { LifecyclePlaysRepository, PlayRow } from './lifecycle-plays.repository';

/**
 * Plays: an A or B customer turning red gives their owner a call to make within 3 agency days and a
 * notification, once per red episode (started and ended by the churn-score job's health step).
 */
@Injectable()
export class LifecyclePlaysService implements OnModuleInit {
  constructor(
    private readonly repo: LifecyclePlaysRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.notifications.notifyOn<{ playId: string; userId: string; customerId: string; customerName: string; tier: string; score: number; dueOn: string }>('lifecycle.play', (p) => ({
      userId: p.userId, kind: 'lifecycle.play', params: { customerName: p.customerName, tier: p.tier, score: p.score, dueOn: p.dueOn },
      entityType: 'customer', entityId: p.customerId,
    }));
  }

  /** Open plays by due date: account managers their own customers', the others everyone's or one owner's. */
  async open(p: Principal, q: LifecyclePlayListQueryDto): Promise<LifecyclePlayListDto> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? playCursor(q.cursor) : null;
    const rows = await this.repo.open(ownerRestriction(p) ?? q.ownerId ?? null, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toPlayDto), nextCursor: rows.length > limit ? encodeCursor([last.dueOn, last.id]) : null };
  }

  /** The owner called: the play leaves the open list (audited). 404 for another's customer, 409 when it is done already. */
  async done(p: Principal, id: string, now = new Date()): Promise<LifecyclePlayDto> {
    const play = isUuid(id) ? await this.repo.find(id) : null;
    const only = ownerRestriction(p);
    if (!play || (only !== null && play.ownerId !== only)) throw notFound('The play');
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.markDone(m, play.id, p.id, now))) throw new ProblemException(409, 'This play is done already.');
      await this.audit.record(p, { action: 'lifecycle_play.done', entityType: 'customer', entityId: play.customerId, details: { playId: play.id } }, m);
    });
    return toPlayDto((await this.repo.find(play.id))!);
  }
}

function toPlayDto(r: PlayRow): LifecyclePlayDto {
  return {
    id: r.id, customerId: r.customerId, customerName: r.customerName, tier: r.tier, score: r.score, ownerId: r.ownerId,
    startedAt: r.startedAt.toISOString(), dueOn: r.dueOn, doneAt: r.doneAt?.toISOString() ?? null, doneBy: r.doneBy, endedAt: r.endedAt?.toISOString() ?? null,
  };
}

/** A cursor this list gave out: the last row's due date and id. */
function playCursor(cursor: string): [string, string] {
  const [dueOn, id] = decodeCursor(cursor, 2);
  if (typeof dueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && typeof id === 'string' && isUuid(id)) return [dueOn, id];
  throw unprocessable([{ field: 'cursor', message: 'cursor is invalid' }]);
}
