import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: string;
  params: Record<string, unknown>;
  entityType: string | null;
  entityId: string | null;
  sourceEventId: string | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMany(m: EntityManager, rows: NewNotification[]): Promise<void> {
    if (!rows.length) return;
    const col = <K extends keyof NewNotification>(k: K) => rows.map((r) => r[k]);
    await m.query(
      `INSERT INTO notifications (user_id, kind, params, entity_type, entity_id, source_event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::uuid[], $6::bigint[])
       ON CONFLICT (source_event_id) DO NOTHING`,
      [col('userId'), col('kind'), rows.map((r) => JSON.stringify(r.params)), col('entityType'), col('entityId'), col('sourceEventId')],
    );
  }

  /** Newest first, keyset-paged on (created_at, id). */
  list(userId: string, limit: number, after: unknown[] | null, unreadOnly: boolean): Promise<NotificationEntity[]> {
    const qb = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) qb.andWhere('(n.created_at, n.id) < (:at, :id)', { at: after[0], id: after[1] });
    return qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit + 1).getMany();
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({ userId, readAt: IsNull() });
  }

  /** Marks the user's notifications read (all, or the given ones); returns how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const [, n] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
    return Number(n);
  }
}
