import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemException, unprocessable } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { CustomerIdentityRepository, NewCustomerRow } from './customer-identity.repository';
import { CustomerType } from './customer.entity';
import { CustomersRepository } from './customers.repository';
import { OwnerRuleDto } from './dto/owner-rule.dto';
import { CustomerTarget, NamedPerson, identityLockKeys, resolveIdentities } from './identity-resolution';
import { pickOwners } from './owner-assignment';
import { normalizeEmail, normalizePhone } from './phone';

/** A person as a booking system or a spreadsheet names them (the contract's `customer` object). */
export interface SourceCustomer {
  externalId: string;
  type: CustomerType;
  name: string;
  phone?: string | null;
  email?: string | null;
  birthday?: string | null;
  organization?: string | null;
}

export interface ResolvedCustomers {
  customerIds: string[];
  /** Whether each person's customer was created by this call. */
  created: boolean[];
}

const OWNER_ROLES = ['account_manager', 'manager', 'admin'];

/**
 * Turns the people that outside systems name into customers, so one person is never two customers
 * because two systems (or two parallel requests) sent them. Runs inside the caller's transaction: the
 * locks it takes on every reference, phone and email hold until that transaction ends.
 */
@Injectable()
export class CustomerIdentityService {
  constructor(
    private readonly repo: CustomerIdentityRepository,
    private readonly customers: CustomersRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The customer of each person that `source` names (in order). `extraLocks`: further keys to lock in the
   * same ordered step (e.g. the bookings being written).
   */
  async resolve(m: EntityManager, actor: Principal | null, people: { source: string; customer: SourceCustomer }[], extraLocks: string[] = []): Promise<ResolvedCustomers> {
    const named: NamedPerson[] = people.map(({ source, customer: p }) => ({
      source,
      externalId: p.externalId,
      phone: p.phone ? normalizePhone(p.phone) : null,
      email: p.email ? normalizeEmail(p.email) : null,
    }));
    await this.repo.lockKeys(m, [...identityLockKeys(named), ...extraLocks]);
    const resolution = resolveIdentities(named, await this.repo.known(m, named));

    const ids = resolution.created.map(() => randomUUID());
    const owners = await this.ownersFor(m, ids.length);
    const rows: NewCustomerRow[] = resolution.created.map((personIndex, i) => {
      const p = people[personIndex].customer;
      return { id: ids[i], type: p.type, name: p.name, phone: named[personIndex].phone, email: named[personIndex].email, birthday: p.birthday ?? null, organization: p.organization ?? null, ownerId: owners[i] };
    });
    const idOf = (t: CustomerTarget) => ('existing' in t ? t.existing : ids[t.created]);
    const entries = [
      ...resolution.created.map((personIndex, i) => ({
        action: 'customer.create',
        entityType: 'customer',
        entityId: ids[i],
        details: { source: people[personIndex].source, externalId: people[personIndex].customer.externalId },
      })),
      ...resolution.newRefs
        .filter((r) => 'existing' in r.target)
        .map((r) => ({ action: 'customer.add_ref', entityType: 'customer', entityId: idOf(r.target), details: { source: r.source, externalId: r.externalId } })),
    ];
    await this.repo.insertNew(
      m,
      rows,
      resolution.newRefs.map((r) => ({ source: r.source, externalId: r.externalId, customerId: idOf(r.target) })),
      actor?.kind === 'user' ? actor.id : null,
      this.audit.rowsOf(actor, entries),
    );
    return { customerIds: resolution.targets.map(idOf), created: resolution.targets.map((t) => 'created' in t) };
  }

  /**
   * One person from a spreadsheet or script: resolved like a booking's customer; on an existing customer the
   * given fields that differ are updated. 201 when created, 200 when updated or unchanged (`changed` tells which).
   */
  async upsertFromSource(actor: Principal, source: string, input: SourceCustomer): Promise<{ id: string; status: 200 | 201; changed: boolean }> {
    return this.customers.transaction(async (m) => {
      const { customerIds, created } = await this.resolve(m, actor, [{ source, customer: input }]);
      const id = customerIds[0];
      if (created[0]) return { id, status: 201 as const, changed: true };
      const current = (await this.customers.findById(id, { withDeleted: true }))!;
      const given = {
        type: input.type,
        name: input.name,
        phone: input.phone ? normalizePhone(input.phone) : undefined,
        email: input.email ? normalizeEmail(input.email) : undefined,
        birthday: input.birthday ?? undefined,
        organization: input.organization ?? undefined,
      };
      const changed = Object.fromEntries(Object.entries(given).filter(([k, v]) => v !== undefined && v !== current[k as keyof typeof given]));
      if (Object.keys(changed).length) {
        await this.customers.update(m, id, { ...changed, updatedAt: new Date() });
        await this.audit.record(actor, { action: 'customer.update', entityType: 'customer', entityId: id, details: { source, fields: Object.keys(changed) } }, m);
      }
      return { id, status: 200 as const, changed: Object.keys(changed).length > 0 };
    });
  }

  async ownerRule(): Promise<OwnerRuleDto> {
    return this.customers.transaction((m) => this.repo.ownerRule(m));
  }

  async setOwnerRule(actor: Principal, rule: OwnerRuleDto): Promise<OwnerRuleDto> {
    if (rule.mode === 'default_owner' && !rule.defaultOwnerId) throw unprocessable([{ field: 'defaultOwnerId', message: 'defaultOwnerId is required with mode default_owner' }]);
    if (rule.defaultOwnerId) {
      const owner = await this.customers.findUser(rule.defaultOwnerId);
      if (!owner || !owner.active || !OWNER_ROLES.includes(owner.role)) {
        throw unprocessable([{ field: 'defaultOwnerId', message: 'defaultOwnerId must be an active account manager, manager or admin' }]);
      }
    }
    const saved = { mode: rule.mode, defaultOwnerId: rule.defaultOwnerId ?? null };
    await this.customers.transaction(async (m) => {
      await this.repo.saveOwnerRule(m, saved);
      await this.audit.record(actor, { action: 'settings.new_customer_owner', entityType: 'settings', entityId: null, details: saved }, m);
    });
    return saved;
  }

  private async ownersFor(m: EntityManager, count: number): Promise<string[]> {
    if (!count) return [];
    const { rule, candidates, tickets } = await this.repo.ownerChoice(m, count);
    const owners = pickOwners(rule, candidates, tickets);
    if (owners.some((o) => !o)) throw new ProblemException(409, 'No active account manager or admin can own new customers; activate one first.');
    return owners as string[];
  }
}
