import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONFIG, Config, OutboxService, decodeCursor, encodeCursor } from '@crm/platform';
import { Principal } from '@crm/identity';
import { emailFor } from './notification-email';
import { NotificationEntity } from './notification.entity';
import { OutgoingMessagesRepository } from './outgoing-messages.repository';
import { NewNotification, NotificationsRepository } from './notifications.repository';
import { NotificationDto, NotificationListDto, NotificationQueryDto } from './dto/notification.dto';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly outgoing: OutgoingMessagesRepository,
    @Inject(CONFIG) private readonly config: Config,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Outbox events of `type` become in-app notifications, one per event however often relayed, in the relay's
   * transaction: the domain that emits them says only whom each concerns and what it says.
   */
  notifyOn<P>(type: string, notification: (payload: P) => Omit<NewNotification, 'sourceEventId'>): void {
    this.outbox.on(type, (m, events) => this.notifyMany(m, events.map((e) => ({ ...notification(e.payload as P), sourceEventId: e.id }))));
  }

  /**
   * Inside the caller's transaction (an outbox relay): once per source event, however often relayed. The kinds
   * that warrant it (the sla-watch alerts) also become an e-mail to the user, in the same transaction.
   */
  async notifyMany(m: EntityManager, rows: NewNotification[]): Promise<void> {
    await this.repo.insertMany(m, rows);
    const emails = rows.flatMap((r) => {
      const text = emailFor(r, this.config.timeZone);
      return text ? [{ userId: r.userId, subject: text.subject, body: text.body, sourceEventId: r.sourceEventId }] : [];
    });
    await this.outgoing.insertEmails(m, emails);
  }

  async list(p: Principal, q: NotificationQueryDto): Promise<NotificationListDto> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.list(p.id, limit, q.cursor ? decodeCursor(q.cursor, 2) : null, q.unread === 'true');
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      unread: await this.repo.unreadCount(p.id),
    };
  }

  markRead(p: Principal, ids: string[] | undefined): Promise<number> {
    return this.repo.markRead(p.id, ids ?? null);
  }
}

function toDto(n: NotificationEntity): NotificationDto {
  return { id: n.id, kind: n.kind, params: n.params, entityType: n.entityType, entityId: n.entityId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}
