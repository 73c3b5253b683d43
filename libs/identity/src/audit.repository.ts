import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { ActorType } from './dto/audit.dto';
import { AuditLogEntity, UserEntity } from './user.entity';

export type NewAuditRow = Omit<AuditLogEntity, 'id' | 'at'>;

export interface AuditFilter {
  actorType?: ActorType;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  actionPrefix?: string;
  from?: Date;
  to?: Date;
}

/**
 * The INSERT of these audit rows, its parameters numbered from `first`: a statement of its own, or a CTE of another
 * statement that writes the change the rows describe (one round trip for both).
 */
export function auditInsert(rows: NewAuditRow[], first = 1): { sql: string; params: unknown[] } {
  const col = <K extends keyof NewAuditRow>(k: K) => rows.map((r) => r[k]);
  const json = (k: 'details' | 'changes') => rows.map((r) => (r[k] === null ? null : JSON.stringify(r[k])));
  const types = ['text', 'uuid', 'text', 'text', 'text', 'jsonb', 'inet', 'jsonb'];
  return {
    sql: `INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, details, ip, changes)
       SELECT * FROM unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`,
    params: [col('actorType'), col('actorId'), col('action'), col('entityType'), col('entityId'), json('details'), col('ip'), json('changes')],
  };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One statement over arrays (a batch of a thousand bookings writes its thousand rows without building a thousand-row VALUES). */
  async insert(m: EntityManager, rows: NewAuditRow[]): Promise<void> {
    const { sql, params } = auditInsert(rows);
    await m.query(sql, params);
  }

  /** Newest first (id order), rows before `beforeId`, plus one to know whether more follow. */
  list(f: AuditFilter, limit: number, beforeId: string | null): Promise<AuditLogEntity[]> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (f.actorType) qb.andWhere('a.actor_type = :actorType', { actorType: f.actorType });
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    // action has collation C, so this prefix match is a range scan of audit_log_action_idx.
    if (f.actionPrefix) qb.andWhere('a.action LIKE :action', { action: f.actionPrefix.replace(/[\\%_]/g, '\\$&') + '%' });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    if (beforeId) qb.andWhere('a.id < :beforeId', { beforeId });
    return qb.orderBy('a.id', 'DESC').limit(limit + 1).getMany();
  }

  /** Display names of the users and API keys behind a page of entries, by id: two queries, any page size. */
  async actorNames(rows: AuditLogEntity[]): Promise<Map<string, string>> {
    const ids = (type: ActorType) => [...new Set(rows.filter((r) => r.actorType === type && r.actorId).map((r) => r.actorId!))];
    const [userIds, keyIds] = [ids('user'), ids('api_key')];
    const [users, keys] = await Promise.all([
      userIds.length ? this.dataSource.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { id: In(userIds) } }) : [],
      keyIds.length ? this.dataSource.getRepository(ApiKeyEntity).find({ select: { id: true, name: true }, where: { id: In(keyIds) } }) : [],
    ]);
    return new Map([...users, ...keys].map((x) => [x.id, x.name]));
  }
}
