import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerOwnerRuleEntity } from './customer.entity';
import { NewAuditRow, auditInsert } from '@crm/identity';
import { KnownCustomers, NamedPerson, refKey } from './identity-resolution';
import { OwnerCandidates, OwnerRule } from './owner-assignment';

/** A customer a booking system named for the first time. */
export interface NewCustomerRow {
  id: string;
  type: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  organization: string | null;
  ownerId: string;
}

export interface NewRef {
  source: string;
  externalId: string;
  customerId: string;
}

/** Set-based SQL for identity resolution: a batch of 1000 people costs a handful of statements, not thousands. */
@Injectable()
export class CustomerIdentityRepository {
  /**
   * Transaction-scoped advisory locks on every key (text), taken in the order of their 64-bit hashes so
   * two transactions never wait on each other in a cycle. Volatile output expressions are evaluated after
   * ORDER BY (PostgreSQL ≥ 9.6), which is what makes the order hold.
   */
  async lockKeys(m: EntityManager, keys: string[]): Promise<void> {
    if (!keys.length) return;
    await m.query(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k) s ORDER BY h`,
      [keys],
    );
  }

  /**
   * What already exists for these people's references, phones and emails, in one round trip. A phone or
   * email resolves to its longest-known live holder (duplicates made by hand resolve to the first); merged
   * customers are not candidates.
   */
  async known(m: EntityManager, people: readonly NamedPerson[]): Promise<KnownCustomers> {
    const phones = [...new Set(people.map((p) => p.phone).filter((x): x is string => !!x))];
    const emails = [...new Set(people.map((p) => p.email).filter((x): x is string => !!x))];
    const rows: { kind: 'ref' | 'phone' | 'email'; source: string | null; k: string; id: string }[] = await m.query(
      `SELECT 'ref' AS kind, r.source, r.external_id AS k, r.customer_id AS id FROM customer_external_refs r
       WHERE (r.source, r.external_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       UNION ALL
       SELECT * FROM (SELECT DISTINCT ON (phone) 'phone', NULL, phone, id FROM customers
         WHERE phone = ANY($3::text[]) AND deleted_at IS NULL AND merged_into_id IS NULL ORDER BY phone, created_at, id) p
       UNION ALL
       SELECT * FROM (SELECT DISTINCT ON (email) 'email', NULL, email, id FROM customers
         WHERE email = ANY($4::text[]) AND deleted_at IS NULL AND merged_into_id IS NULL ORDER BY email, created_at, id) e`,
      [people.map((p) => p.source), people.map((p) => p.externalId), phones, emails],
    );
    const map = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.source === null ? r.k : refKey(r.source, r.k), r.id]));
    return { byRef: map('ref'), byPhone: map('phone'), byEmail: map('email') };
  }

  /**
   * Everything a resolution adds, in one statement: the new customers with their first owner change, the new
   * references, and the audit rows of both. The references' foreign keys are checked at the end of the
   * statement, when the customers they name exist.
   */
  async insertNew(m: EntityManager, customers: NewCustomerRow[], refs: NewRef[], changedBy: string | null, audit: NewAuditRow[]): Promise<void> {
    if (!customers.length && !refs.length && !audit.length) return;
    const col = <K extends keyof NewCustomerRow>(k: K) => customers.map((r) => r[k]);
    const auditRows = auditInsert(audit, 13);
    await m.query(
      `WITH created AS (
         INSERT INTO customers (id, type, name, phone, email, birthday, organization, owner_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::uuid[])
         RETURNING id, owner_id
       ), owners AS (
         INSERT INTO customer_owner_changes (customer_id, from_user_id, to_user_id, changed_by, reason)
         SELECT id, NULL, owner_id, $9, 'created from a booking' FROM created
       ), refs AS (
         INSERT INTO customer_external_refs (source, external_id, customer_id)
         SELECT * FROM unnest($10::text[], $11::text[], $12::uuid[])
       )
       ${auditRows.sql}`,
      [
        col('id'), col('type'), col('name'), col('phone'), col('email'), col('birthday'), col('organization'), col('ownerId'), changedBy,
        refs.map((r) => r.source), refs.map((r) => r.externalId), refs.map((r) => r.customerId), ...auditRows.params,
      ],
    );
  }

  async ownerRule(m: EntityManager): Promise<OwnerRule> {
    const row = await m.findOneBy(CustomerOwnerRuleEntity, { id: 1 });
    return { mode: row?.mode ?? 'round_robin', defaultOwnerId: row?.defaultOwnerId ?? null };
  }

  async saveOwnerRule(m: EntityManager, rule: OwnerRule): Promise<void> {
    await m.upsert(CustomerOwnerRuleEntity, { id: 1, ...rule }, ['id']);
  }

  /**
   * What choosing owners for `count` new customers needs, in one round trip: the rule, the candidates, and
   * round-robin counters from a sequence (no row lock, so concurrent batches do not queue on each other).
   */
  async ownerChoice(m: EntityManager, count: number): Promise<{ rule: OwnerRule; candidates: OwnerCandidates; tickets: number[] }> {
    const rows: { kind: 'rule' | 'user' | 'ticket'; role: string | null; id: string | null; n: string }[] = await m.query(
      `WITH rule AS (SELECT mode, default_owner_id FROM customer_owner_rule WHERE id = 1)
       SELECT 'rule' AS kind, mode AS role, default_owner_id AS id, 0::bigint AS n FROM rule
       UNION ALL
       SELECT 'user', role, id, row_number() OVER (ORDER BY created_at, id) FROM users
       WHERE active AND (role = 'account_manager' OR id = (SELECT default_owner_id FROM rule) OR role = 'admin')
       UNION ALL
       SELECT 'ticket', NULL, NULL, nextval('customer_owner_rr') FROM generate_series(1, $1)`,
      [count],
    );
    const found = rows.find((r) => r.kind === 'rule');
    const rule: OwnerRule = { mode: (found?.role as OwnerRule['mode']) ?? 'round_robin', defaultOwnerId: found?.id ?? null };
    const users = rows.filter((r) => r.kind === 'user').sort((a, b) => Number(a.n) - Number(b.n));
    return {
      rule,
      candidates: {
        accountManagers: users.filter((r) => r.role === 'account_manager').map((r) => r.id!).sort(),
        defaultOwnerActive: users.some((r) => r.id === rule.defaultOwnerId && r.role !== 'agent'),
        fallbackAdmin: users.find((r) => r.role === 'admin')?.id ?? null,
      },
      tickets: rows.filter((r) => r.kind === 'ticket').map((r) => Number(r.n)),
    };
  }
}
