import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface DuplicatePair {
  a: string;
  b: string;
  reason: 'phone' | 'email' | 'name_and_birthday';
}

/** Fields the survivor takes from the merged customer when it has none of its own. */
const FILLED = ['phone', 'email', 'organization', 'city', 'birthday', 'age_band', 'occupation', 'decision_cycle_days', 'partner_kind'];

@Injectable()
export class CustomerMergeRepository {
  /** Locks both rows in id order (merges of overlapping pairs cannot deadlock); returns the live ones found. */
  async lockPair(m: EntityManager, ids: [string, string]): Promise<{ id: string; phone: string | null; email: string | null }[]> {
    return m.query(
      `SELECT id, phone, email FROM customers WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  async refsOf(m: EntityManager, customerId: string): Promise<{ source: string; external_id: string }[]> {
    return m.query(`SELECT source, external_id FROM customer_external_refs WHERE customer_id = $1`, [customerId]);
  }

  /** Everything the customers domain keeps moves to the survivor; the merged customer stays as a pointer. */
  async merge(m: EntityManager, mergedId: string, survivorId: string): Promise<Record<string, number>> {
    const run = async (sql: string) => Number((await m.query(sql, [mergedId, survivorId]))[1] ?? 0);
    await m.query(
      `UPDATE customers s SET ${FILLED.map((f) => `${f} = coalesce(s.${f}, d.${f})`).join(', ')},
         tags = ARRAY(SELECT DISTINCT unnest(s.tags || d.tags)),
         sensitivities = ARRAY(SELECT DISTINCT unnest(s.sensitivities || d.sensitivities)),
         motivations = ARRAY(SELECT DISTINCT unnest(s.motivations || d.motivations)),
         updated_at = now()
       FROM customers d WHERE d.id = $1 AND s.id = $2`,
      [mergedId, survivorId],
    );
    const refs = await run(`UPDATE customer_external_refs SET customer_id = $2 WHERE customer_id = $1`);
    const contacts = await run(
      `UPDATE customer_contacts SET customer_id = $2, is_primary = false, position = position + 1000 WHERE customer_id = $1`,
    );
    const ownerChanges = await run(`UPDATE customer_owner_changes SET customer_id = $2 WHERE customer_id = $1`);
    // Earlier merges into the merged customer now point at the survivor: one hop resolves any old id.
    await m.query(`UPDATE customers SET merged_into_id = $2 WHERE merged_into_id = $1`, [mergedId, survivorId]);
    await m.query(`UPDATE customers SET merged_into_id = $2, deleted_at = now(), updated_at = now() WHERE id = $1`, [mergedId, survivorId]);
    return { externalRefs: refs, contacts, ownerChanges };
  }

  async survivorOf(m: EntityManager, id: string): Promise<string | null> {
    const rows: { merged_into_id: string | null }[] = await m.query(`SELECT merged_into_id FROM customers WHERE id = $1`, [id]);
    return rows[0]?.merged_into_id ?? null;
  }

  /**
   * Pairs of live customers that look like one person: the same phone, the same email, or the same name
   * (ignoring case and spaces) with the same birthday. Account managers see pairs among their own customers.
   */
  async duplicates(m: EntityManager, restrictToOwner: string | null, limit: number): Promise<DuplicatePair[]> {
    return m.query(
      `WITH live AS (
         SELECT id, phone, email, birthday, lower(replace(name, ' ', '')) AS name_key FROM customers
         WHERE deleted_at IS NULL AND merged_into_id IS NULL AND ($1::uuid IS NULL OR owner_id = $1)
       ), pairs AS (
         SELECT a.id AS a, b.id AS b, 'phone' AS reason FROM live a JOIN live b ON a.phone = b.phone AND a.id < b.id
         UNION ALL
         SELECT a.id, b.id, 'email' FROM live a JOIN live b ON a.email = b.email AND a.id < b.id
         UNION ALL
         SELECT a.id, b.id, 'name_and_birthday' FROM live a JOIN live b ON a.name_key = b.name_key AND a.birthday = b.birthday AND a.id < b.id
       )
       SELECT DISTINCT ON (a, b) a, b, reason FROM pairs ORDER BY a, b, reason DESC LIMIT $2`,
      [restrictToOwner, limit],
    );
  }
}
