import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { LifecyclePlayEntity } from './lifecycle.entity';

export interface PlayRow {
  id: string;
  customerId: string;
  customerName: string;
  tier: string | null;
  score: number | null;
  ownerId: string;
  startedAt: Date;
  dueOn: string;
  doneAt: Date | null;
  doneBy: string | null;
  endedAt: Date | null;
}

const SELECT = `
SELECT p.id, p.customer_id AS "customerId", c.name AS "customerName", c.tier, l.health_score AS score, c.owner_id AS "ownerId",
  p.started_at AS "startedAt", to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn", p.done_at AS "doneAt", p.done_by AS "doneBy",
  p.ended_at AS "endedAt"
FROM lifecycle_plays p JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
LEFT JOIN customer_lifecycle l ON l.customer_id = p.customer_id`;

/** The plays' records; they are started and ended by the health step's own statement (LifecycleStagesRepository). */
@Injectable()
export class LifecyclePlaysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Open plays (episode on, not done) of the customers `ownerId` owns now (null: everyone's), by due date, after the cursor's (dueOn, id). */
  open(ownerId: string | null, after: [string, string] | null, limit: number): Promise<PlayRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE p.ended_at IS NULL AND p.done_at IS NULL AND ($1::uuid IS NULL OR c.owner_id = $1)
         AND ($2::date IS NULL OR (p.due_on, p.id) > ($2::date, $3::uuid))
       ORDER BY p.due_on, p.id LIMIT $4`,
      [ownerId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<PlayRow | null> {
    const [row] = await m.query(`${SELECT} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /** Marks the play done if it is not yet; false when it already was (two clicks at once: the second finds it done). */
  async markDone(m: EntityManager, id: string, userId: string, at: Date): Promise<boolean> {
    const result = await m.update(LifecyclePlayEntity, { id, doneAt: IsNull() }, { doneAt: at, doneBy: userId });
    return !!result.affected;
  }
}
