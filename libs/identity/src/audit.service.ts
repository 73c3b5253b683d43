import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Page, currentRequest, decodeCursor, encodeCursor, unprocessable } from '@crm/platform';
import { Principal } from './access-rules';
import { FieldChanges } from './audit-changes';
import { AuditRepository, NewAuditRow } from './audit.repository';
import { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  /** What the write changed (see fieldChanges); never a secret's value. */
  changes?: FieldChanges;
}

/** Who wrote and from where, as every audit row of one caller in one request records it. */
export interface AuditActor {
  actorType: 'user' | 'api_key' | 'system';
  actorId: string | null;
  /** The current HTTP request's address, if any: jobs and the worker have none. */
  ip: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /** Pass the transaction's manager so the entry commits or rolls back with the change it describes. */
  async record(actor: Principal | null, entry: AuditEntry, manager: EntityManager = this.repo.manager): Promise<void> {
    await this.recordMany(actor, [entry], manager);
  }

  /**
   * A request refused to a known caller (a role that may not call the route, a record that is not theirs): recorded as
   * `access.denied` with the request line, so refusals can be reviewed. The caller still gets a plain 403 or 404.
   */
  async recordDenied(actor: Principal, what: { entityType: string; entityId?: string | null; reason: string }): Promise<void> {
    const request = currentRequest()?.request ?? null;
    await this.record(actor, { action: 'access.denied', entityType: what.entityType, entityId: what.entityId, details: { reason: what.reason, request } });
  }

  /**
   * Many entries in one statement (a batch of bookings writes one row per booking, not one round trip each).
   * The IP is the current HTTP request's, if any: jobs and the worker have none.
   */
  async recordMany(actor: Principal | null, entries: AuditEntry[], manager: EntityManager = this.repo.manager): Promise<void> {
    if (!entries.length) return;
    await this.repo.insert(manager, this.rowsOf(actor, entries));
  }

  /** The rows recordMany would write, for a statement that writes them with its change (see auditInsert). */
  rowsOf(actor: Principal | null, entries: AuditEntry[]): NewAuditRow[] {
    const by = this.actorOf(actor);
    return entries.map((entry) => ({
      ...by,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? null,
      changes: entry.changes && Object.keys(entry.changes).length ? entry.changes : null,
    }));
  }

  /** For a statement that writes its audit rows itself, because they depend on what it changed (a booking upsert). */
  actorOf(actor: Principal | null): AuditActor {
    return { actorType: actor ? actor.kind : 'system', actorId: actor?.id ?? null, ip: currentRequest()?.ip ?? null };
  }

  /** The log for the console, newest first. Who may read it is the controller's rule (admins). */
  async list(q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const limit = q.limit ?? 50;
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from >= to) throw unprocessable([{ field: 'to', message: 'to must be after from' }]);
    const [beforeId] = q.cursor ? decodeCursor(q.cursor, 1) : [null];
    if (beforeId !== null && (typeof beforeId !== 'string' || !/^\d{1,19}$/.test(beforeId))) {
      throw unprocessable([{ field: 'cursor', message: 'cursor is invalid' }]);
    }
    const filter = { actorType: q.actorType, actorId: q.actorId, entityType: q.entityType, entityId: q.entityId, actionPrefix: q.action, from, to };
    const rows = await this.repo.list(filter, limit, beforeId);
    const page = rows.slice(0, limit);
    const names = await this.repo.actorNames(page);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { type: r.actorType, id: r.actorId, name: r.actorId ? (names.get(r.actorId) ?? null) : null },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        ip: r.ip,
        details: r.details,
        changes: r.changes,
      })),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
    };
  }
}
