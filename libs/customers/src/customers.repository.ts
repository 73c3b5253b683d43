import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { UserEntity } from '@crm/identity';
import { CustomerContactEntity, CustomerEntity, CustomerExternalRefEntity, CustomerOwnerChangeEntity, SEARCH_TEXT_SQL } from './customer.entity';
import { SearchPlan } from './search';
import { CustomerSort } from './dto/customer.dto';

export interface CustomerFilter {
  search: SearchPlan;
  type?: string;
  ownerId?: string;
  /** Set for account managers: only their own customers exist for them. */
  restrictToOwner: string | null;
  tier?: string;
  quadrant?: string;
  tierFlag?: string;
  tag?: string;
  lifecycleStage?: string;
  externalRef?: { source: string; externalId: string };
  needsOwner: boolean;
  deleted: boolean;
}

export interface CustomerDetails {
  customer: CustomerEntity;
  contacts: CustomerContactEntity[];
  refs: CustomerExternalRefEntity[];
}

/** Each sort's column and its tie-breaker, from the table whose index serves that order (the value's is customer_values'). */
const SORT_COLUMNS: Record<string, [string, string]> = {
  name: ['c.name', 'c.id'],
  created: ['c.created_at', 'c.id'],
  value: ['cv.lifetime_value', 'cv.customer_id'],
};

export function sortKey(c: CustomerEntity, sort: CustomerSort): unknown {
  const field = sort.replace('-', '');
  return field === 'name' ? c.name : field === 'created' ? c.createdAt.toISOString() : c.value!.lifetimeValue;
}

@Injectable()
export class CustomersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One keyset page: rows after `after` = [sortValue, id] in the chosen order, plus one to know if more follow. */
  async list(filter: CustomerFilter, sort: CustomerSort, limit: number, after: unknown[] | null): Promise<CustomerEntity[]> {
    const qb = this.asShown();
    this.applyFilter(qb, filter);
    const desc = sort.startsWith('-');
    const [column, tie] = SORT_COLUMNS[sort.replace('-', '')];
    if (after) qb.andWhere(`(${column}, ${tie}) ${desc ? '<' : '>'} (:afterKey, :afterId)`, { afterKey: after[0], afterId: after[1] });
    return qb
      .orderBy(column, desc ? 'DESC' : 'ASC')
      .addOrderBy(tie, desc ? 'DESC' : 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  /** Customers as the API shows them: with their owner, lifetime value (every customer has that row) and what the lifecycle jobs computed. */
  private asShown(): SelectQueryBuilder<CustomerEntity> {
    return this.dataSource
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.owner', 'owner')
      .innerJoinAndSelect('c.value', 'cv')
      .leftJoinAndSelect('c.lifecycle', 'lc');
  }

  private applyFilter(qb: SelectQueryBuilder<CustomerEntity>, f: CustomerFilter) {
    qb.where(f.deleted ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL');
    if (f.restrictToOwner) qb.andWhere('c.owner_id = :me', { me: f.restrictToOwner });
    if (f.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.type) qb.andWhere('c.type = :type', { type: f.type });
    if (f.tier) qb.andWhere('c.tier = :tier', { tier: f.tier });
    if (f.quadrant) qb.andWhere('c.quadrant = :quadrant', { quadrant: f.quadrant });
    if (f.tierFlag) qb.andWhere('c.tier_flags @> ARRAY[:flag]::text[]', { flag: f.tierFlag });
    if (f.lifecycleStage) qb.andWhere('lc.stage = :stage', { stage: f.lifecycleStage });
    if (f.tag) qb.andWhere('c.tags @> ARRAY[:tag]::text[]', { tag: f.tag });
    if (f.needsOwner) qb.andWhere('owner.active = false');
    if (f.externalRef) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM customer_external_refs r WHERE r.customer_id = c.id AND r.source = :source AND r.external_id = :externalId)',
        f.externalRef,
      );
    }
    const s = f.search;
    if (s.kind === 'trigram') qb.andWhere(`${SEARCH_TEXT_SQL} LIKE :like ESCAPE '\\'`, { like: s.like });
    if (s.kind === 'bigram') qb.andWhere('c.search_bigrams @> ARRAY[:bigram]::text[]', { bigram: s.bigram });
    if (s.kind === 'phone_suffix') qb.andWhere('reverse(c.phone) LIKE :reversed', { reversed: s.reversedPrefix });
    if (s.kind === 'prefix') {
      qb.andWhere(
        new Brackets((w) =>
          w.where("c.name LIKE :lower ESCAPE '\\'", { lower: s.prefix }).orWhere("c.name LIKE :upper ESCAPE '\\'", { upper: s.prefix.toUpperCase() }),
        ),
      );
    }
  }

  async findById(id: string, opts: { withDeleted?: boolean } = {}): Promise<CustomerEntity | null> {
    const qb = this.asShown().where('c.id = :id', { id });
    if (!opts.withDeleted) qb.andWhere('c.deleted_at IS NULL');
    return qb.getOne();
  }

  async findByIds(ids: string[]): Promise<CustomerEntity[]> {
    if (!ids.length) return [];
    return this.asShown().where('c.id = ANY(:ids)', { ids }).andWhere('c.deleted_at IS NULL').getMany();
  }

  /** Contacts and references of many customers in two queries, for a list page. */
  async details(customers: CustomerEntity[]): Promise<CustomerDetails[]> {
    const ids = customers.map((c) => c.id);
    if (!ids.length) return [];
    const [contacts, refs] = await Promise.all([
      this.dataSource.getRepository(CustomerContactEntity).find({ where: { customerId: In(ids) }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(CustomerExternalRefEntity).find({ where: { customerId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    return customers.map((customer) => ({
      customer,
      contacts: contacts.filter((x) => x.customerId === customer.id),
      refs: refs.filter((x) => x.customerId === customer.id),
    }));
  }

  async insert(m: EntityManager, values: Partial<CustomerEntity>): Promise<string> {
    const res = await m.insert(CustomerEntity, values);
    return res.identifiers[0].id as string;
  }

  async update(m: EntityManager, id: string, values: Partial<CustomerEntity>): Promise<void> {
    if (Object.keys(values).length) await m.update(CustomerEntity, id, values);
  }

  async replaceContacts(m: EntityManager, customerId: string, contacts: Omit<CustomerContactEntity, 'id' | 'customerId' | 'customer'>[]) {
    await m.delete(CustomerContactEntity, { customerId });
    if (contacts.length) await m.insert(CustomerContactEntity, contacts.map((c) => ({ ...c, customerId })));
  }

  /** The ids of the customers that already hold any of these references (to refuse a duplicate). */
  async refHolders(m: EntityManager, refs: { source: string; externalId: string }[], exceptCustomer?: string): Promise<{ source: string; externalId: string }[]> {
    if (!refs.length) return [];
    const rows: { source: string; external_id: string; customer_id: string }[] = await m.query(
      `SELECT source, external_id, customer_id FROM customer_external_refs
       WHERE (source, external_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [refs.map((r) => r.source), refs.map((r) => r.externalId)],
    );
    return rows.filter((r) => r.customer_id !== exceptCustomer).map((r) => ({ source: r.source, externalId: r.external_id }));
  }

  async replaceRefs(m: EntityManager, customerId: string, refs: { source: string; externalId: string }[]) {
    await m.delete(CustomerExternalRefEntity, { customerId });
    if (refs.length) await m.insert(CustomerExternalRefEntity, refs.map((r) => ({ ...r, customerId })));
  }

  async recordOwnerChange(m: EntityManager, change: Omit<CustomerOwnerChangeEntity, 'id' | 'at' | 'customer'>) {
    await m.insert(CustomerOwnerChangeEntity, change);
  }

  /** Moves every live customer of one owner to another, with a history row each: one statement, any number of rows. The ids moved. */
  async transferAll(m: EntityManager, fromUserId: string, toUserId: string, changedBy: string | null, reason: string | null): Promise<string[]> {
    const rows: { ids: string[] }[] = await m.query(
      `WITH moved AS (
         UPDATE customers SET owner_id = $2, updated_at = now() WHERE owner_id = $1 AND deleted_at IS NULL RETURNING id
       ), history AS (
         INSERT INTO customer_owner_changes (customer_id, from_user_id, to_user_id, changed_by, reason)
         SELECT id, $1, $2, $3, $4 FROM moved
       )
       SELECT coalesce(array_agg(id), '{}') AS ids FROM moved`,
      [fromUserId, toUserId, changedBy, reason],
    );
    return rows[0].ids;
  }

  async ownerHistory(customerId: string): Promise<{ changes: CustomerOwnerChangeEntity[]; users: Map<string, UserEntity> }> {
    const changes = await this.dataSource.getRepository(CustomerOwnerChangeEntity).find({ where: { customerId }, order: { at: 'DESC' }, take: 200 });
    const ids = [...new Set(changes.flatMap((c) => [c.fromUserId, c.toUserId, c.changedBy]).filter((x): x is string => !!x))];
    const users = ids.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    return { changes, users: new Map(users.map((u) => [u.id, u])) };
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }
}
