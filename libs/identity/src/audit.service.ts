import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from './access-rules';
import { AuditLogEntity } from './user.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the entry commits or rolls back with the change it describes. */
  async record(actor: Principal | null, entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditLogEntity, {
      actorType: actor ? actor.kind : 'system',
      actorId: actor?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: (entry.details ?? null) as object | null,
    });
  }
}
