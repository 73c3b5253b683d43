import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Applies a batch of events of one type; runs in the relay's transaction, so its writes and the "relayed" mark commit together. */
export type OutboxHandler = (m: EntityManager, events: OutboxEvent[]) => Promise<void>;

const BATCH = 500;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger('outbox');
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Domains say here what follows from their events (each type has one handler). */
  on(type: string, handler: OutboxHandler): void {
    if (this.handlers.has(type)) throw new Error(`two outbox handlers for "${type}"`);
    this.handlers.set(type, handler);
  }

  /** Pass the transaction of the change: the events exist exactly when the change does. */
  async append(m: EntityManager, events: { type: string; payload: Record<string, unknown> }[]): Promise<void> {
    if (!events.length) return;
    await m.query(`INSERT INTO outbox_events (type, payload) SELECT * FROM unnest($1::text[], $2::jsonb[])`, [events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))]);
  }

  /**
   * Relays pending events with a handler, oldest first, a batch per transaction. SKIP LOCKED lets several
   * workers relay side by side; a worker killed mid-batch leaves the batch pending, and handlers are
   * idempotent, so it is simply done again.
   */
  async relay(): Promise<number> {
    const types = [...this.handlers.keys()];
    let relayed = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        const events: OutboxEvent[] = await m.query(
          `SELECT id, type, payload FROM outbox_events WHERE relayed_at IS NULL AND type = ANY($1::text[]) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [types, BATCH],
        );
        for (const type of new Set(events.map((e) => e.type))) await this.handlers.get(type)!(m, events.filter((e) => e.type === type));
        if (events.length) await m.query(`UPDATE outbox_events SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
        return events.length;
      });
      relayed += n;
      if (n < BATCH) break;
    }
    if (relayed) this.logger.log({ msg: 'relayed outbox events', relayed });
    return relayed;
  }
}
