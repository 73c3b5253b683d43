import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '@crm/platform';
import { Principal } from '@crm/identity';
import { NotificationEntity } from './notification.entity';
import { NewNotification, NotificationsRepository } from './notifications.repository';
import { NotificationDto, NotificationListDto, NotificationQueryDto } from './dto/notification.dto';

@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  /** Inside the caller's transaction (an outbox relay): once per source event, however often relayed. */
  notifyMany(m: EntityManager, rows: NewNotification[]): Promise<void> {
    return this.repo.insertMany(m, rows);
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
