import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldError, Page, ProblemException, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges, isUuid } from '@crm/identity';
import { canManage, canSee, ownerRestriction } from './customer-access';
import { auditedCustomer, currentColumns } from './customer-audit';
import { CustomerOwnershipRegistry } from './customer-ownership.registry';
import { CustomerEntity } from './customer.entity';
import { ownerDto, toCustomerDto } from './customer.mapper';
import { CustomersRepository, sortKey } from './customers.repository';
import { ContactInputDto, CreateCustomerDto, TransferCustomersDto, UpdateCustomerDto } from './dto/customer-input.dto';
import { CustomerDto, CustomerListQueryDto, OwnerChangeDto } from './dto/customer.dto';
import { normalizeEmail, normalizePhone } from './phone';
import { planSearch } from './search';

/** Fields a PATCH may leave out but may not set to null. */
const NOT_NULLABLE = ['type', 'name', 'preferredSeasons', 'sensitivities', 'motivations', 'tags', 'consent', 'doNotContact', 'contacts', 'externalRefs', 'ownerId'] as const;
const OWNER_ROLES = ['account_manager', 'manager', 'admin'];

@Injectable()
export class CustomersService {
  constructor(
    private readonly repo: CustomersRepository,
    private readonly audit: AuditService,
    private readonly ownership: CustomerOwnershipRegistry,
  ) {}

  async list(p: Principal, q: CustomerListQueryDto): Promise<Page<CustomerDto>> {
    const limit = q.limit ?? 50;
    const sort = q.sort ?? 'name';
    const deleted = q.deleted === 'true';
    if (deleted && !canManage(p)) throw new ProblemException(403, 'Only admins and managers see deleted customers.');
    if ((q.source === undefined) !== (q.externalId === undefined)) {
      throw unprocessable([{ field: q.source === undefined ? 'source' : 'externalId', message: 'source and externalId go together' }]);
    }
    const rows = await this.repo.list(
      {
        search: planSearch(q.q),
        type: q.type,
        ownerId: q.ownerId,
        restrictToOwner: ownerRestriction(p),
        tier: q.tier,
        quadrant: q.quadrant,
        tierFlag: q.tierFlag,
        tag: q.tag,
        lifecycleStage: q.lifecycleStage,
        externalRef: q.source && q.externalId ? { source: q.source, externalId: q.externalId } : undefined,
        needsOwner: q.needsOwner === 'true',
        deleted,
      },
      sort,
      limit,
      q.cursor ? decodeCursor(q.cursor, 2) : null,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: (await this.repo.details(page)).map(toCustomerDto),
      nextCursor: rows.length > limit && last ? encodeCursor([sortKey(last, sort), last.id]) : null,
    };
  }

  async get(p: Principal, id: string): Promise<CustomerDto> {
    return this.dto(await this.visible(p, id));
  }

  /** The id of a customer `p` may see (a merged one resolves to the survivor), 404 otherwise; unlike get(), loads no details. */
  async visibleId(p: Principal, id: string): Promise<string> {
    return (await this.visible(p, id)).id;
  }

  async create(p: Principal, dto: CreateCustomerDto): Promise<CustomerDto> {
    const ownerId = dto.ownerId ?? p.id;
    if (ownerRestriction(p) && ownerId !== p.id) {
      throw unprocessable([{ field: 'ownerId', message: 'account managers create customers they own' }]);
    }
    this.checkShape(dto.type, dto);
    await this.checkOwner(ownerId);
    const values: Partial<CustomerEntity> = { ...this.columns(dto), type: dto.type, name: dto.name, ownerId };
    const contacts = contactRows(dto.contacts ?? []);
    const refs = dto.externalRefs ?? [];
    const id = await this.repo.transaction(async (m) => {
      const id = await this.repo.insert(m, values);
      await this.repo.replaceContacts(m, id, contacts);
      await this.setRefs(m, id, refs);
      await this.repo.recordOwnerChange(m, { customerId: id, fromUserId: null, toUserId: ownerId, changedBy: p.id, reason: 'created' });
      const changes = fieldChanges(null, auditedCustomer(values, contacts, refs));
      await this.audit.record(p, { action: 'customer.create', entityType: 'customer', entityId: id, changes }, m);
      return id;
    });
    return this.dto((await this.repo.findById(id))!);
  }

  async update(p: Principal, id: string, dto: UpdateCustomerDto): Promise<CustomerDto> {
    const current = await this.visible(p, id);
    const nulls = NOT_NULLABLE.filter((k) => (dto as Record<string, unknown>)[k] === null);
    if (nulls.length) throw unprocessable(nulls.map((field) => ({ field, message: `${field} cannot be null` })));
    const type = dto.type ?? current.type;
    this.checkShape(type, dto);
    const ownerChange = dto.ownerId !== undefined && dto.ownerId !== current.ownerId;
    if (ownerChange) {
      if (!canManage(p)) throw unprocessable([{ field: 'ownerId', message: 'only admins and managers reassign customers' }]);
      await this.checkOwner(dto.ownerId!);
    }
    // Contacts and references as they were, for the audit entry of a write that replaces them.
    const [before] = dto.contacts || dto.externalRefs ? await this.repo.details([current]) : [];
    await this.repo.transaction(async (m) => {
      const values: Partial<CustomerEntity> = this.columns(dto);
      if (dto.type !== undefined) values.type = dto.type;
      if (dto.name !== undefined) values.name = dto.name;
      if (type !== 'partner') values.partnerKind = null;
      if (ownerChange) values.ownerId = dto.ownerId;
      await this.repo.update(m, id, { ...values, updatedAt: new Date() });
      if (dto.contacts) await this.repo.replaceContacts(m, id, contactRows(dto.contacts));
      if (dto.externalRefs) await this.setRefs(m, id, dto.externalRefs, id);
      if (ownerChange) {
        await this.repo.recordOwnerChange(m, { customerId: id, fromUserId: current.ownerId, toUserId: dto.ownerId!, changedBy: p.id, reason: dto.ownerChangeReason ?? null });
        await this.ownership.changed(m, { customerIds: [id], fromUserId: current.ownerId, toUserId: dto.ownerId! });
      }
      const changes = fieldChanges(
        auditedCustomer(currentColumns(current, values), dto.contacts && before?.contacts, dto.externalRefs && before?.refs),
        auditedCustomer(values, dto.contacts && contactRows(dto.contacts), dto.externalRefs),
      );
      await this.audit.record(p, { action: 'customer.update', entityType: 'customer', entityId: id, changes }, m);
    });
    return this.dto((await this.repo.findById(id))!);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const current = await this.visible(p, id);
    if (!canManage(p)) throw new ProblemException(403, 'Only admins and managers delete customers.');
    await this.repo.transaction(async (m) => {
      const deletedAt = new Date();
      await this.repo.update(m, current.id, { deletedAt });
      const changes = fieldChanges({ deletedAt: null }, { deletedAt });
      await this.audit.record(p, { action: 'customer.delete', entityType: 'customer', entityId: id, changes }, m);
    });
  }

  async restore(p: Principal, id: string): Promise<CustomerDto> {
    if (!canManage(p)) throw new ProblemException(403, 'Only admins and managers restore customers.');
    const current = isUuid(id) ? await this.repo.findById(id, { withDeleted: true }) : null;
    if (!current) throw notFound('The customer');
    if (current.mergedIntoId) throw new ProblemException(409, 'This customer was merged into another; it cannot be restored.');
    await this.repo.transaction(async (m) => {
      await this.repo.update(m, id, { deletedAt: null });
      const changes = fieldChanges({ deletedAt: current.deletedAt }, { deletedAt: null });
      await this.audit.record(p, { action: 'customer.restore', entityType: 'customer', entityId: id, changes }, m);
    });
    return this.dto((await this.repo.findById(id))!);
  }

  /** "Move all customers of X to Y": what an agency does when an account manager leaves. */
  async transferAll(p: Principal, dto: TransferCustomersDto): Promise<{ moved: number }> {
    if (!canManage(p)) throw new ProblemException(403, 'Only admins and managers reassign customers.');
    if (dto.fromUserId === dto.toUserId) throw unprocessable([{ field: 'toUserId', message: 'toUserId must differ from fromUserId' }]);
    if (!(await this.repo.findUser(dto.fromUserId))) throw unprocessable([{ field: 'fromUserId', message: 'no such user' }]);
    await this.checkOwner(dto.toUserId, 'toUserId');
    return this.repo.transaction(async (m) => {
      const customerIds = await this.repo.transferAll(m, dto.fromUserId, dto.toUserId, p.id, dto.reason ?? null);
      await this.ownership.changed(m, { customerIds, fromUserId: dto.fromUserId, toUserId: dto.toUserId });
      const moved = customerIds.length;
      await this.audit.record(p, { action: 'customer.transfer_all', entityType: 'user', entityId: dto.fromUserId, details: { toUserId: dto.toUserId, moved } }, m);
      return { moved };
    });
  }

  async ownerHistory(p: Principal, id: string): Promise<OwnerChangeDto[]> {
    await this.visible(p, id);
    const { changes, users } = await this.repo.ownerHistory(id);
    const user = (uid: string | null) => (uid && users.get(uid) ? ownerDto(users.get(uid)!) : null);
    return changes.map((c) => ({ id: c.id, from: user(c.fromUserId), to: user(c.toUserId)!, changedBy: user(c.changedBy), reason: c.reason, at: c.at.toISOString() }));
  }

  /** Customers by id (a page's worth), those the caller may see. */
  async getMany(p: Principal, ids: string[]): Promise<CustomerDto[]> {
    const found = (await this.repo.findByIds(ids)).filter((c) => canSee(p, c));
    return (await this.repo.details(found)).map(toCustomerDto);
  }

  /** A merged customer's id resolves to its survivor. */
  private async visible(p: Principal, id: string): Promise<CustomerEntity> {
    let c = isUuid(id) ? await this.repo.findById(id) : null;
    if (!c && isUuid(id)) {
      const merged = await this.repo.findById(id, { withDeleted: true });
      if (merged?.mergedIntoId) c = await this.repo.findById(merged.mergedIntoId);
    }
    if (!c) throw notFound('The customer');
    if (!canSee(p, c)) {
      // The same 404 as for no customer at all, so the caller learns nothing; the audit log keeps the attempt.
      await this.audit.recordDenied(p, { entityType: 'customer', entityId: c.id, reason: 'not_owner' });
      throw notFound('The customer');
    }
    return c;
  }

  private async dto(c: CustomerEntity): Promise<CustomerDto> {
    return toCustomerDto((await this.repo.details([c]))[0]);
  }

  private async checkOwner(ownerId: string, field = 'ownerId') {
    const owner = await this.repo.findUser(ownerId);
    if (!owner || !owner.active || !OWNER_ROLES.includes(owner.role)) {
      throw unprocessable([{ field, message: `${field} must be an active account manager, manager or admin` }]);
    }
  }

  /** Partner kinds belong to partners; contacts to organisations and partners. */
  private checkShape(type: string, dto: { partnerKind?: string | null; contacts?: ContactInputDto[] }) {
    const errors: FieldError[] = [];
    if (type !== 'partner' && dto.partnerKind) errors.push({ field: 'partnerKind', message: 'only partners have a partnerKind' });
    if (type === 'individual' && dto.contacts?.length) errors.push({ field: 'contacts', message: 'contacts belong to organisations and partners' });
    if (dto.contacts && dto.contacts.filter((c) => c.primary).length > 1) errors.push({ field: 'contacts', message: 'at most one contact is primary' });
    if (errors.length) throw unprocessable(errors);
  }

  private async setRefs(m: EntityManager, id: string, refs: { source: string; externalId: string }[], existing?: string) {
    const held = await this.repo.refHolders(m, refs, existing);
    if (held.length) {
      throw new ProblemException(409, 'Another customer already has this external reference.', held.map((r) => ({ field: 'externalRefs', message: `${r.source}/${r.externalId} belongs to another customer` })));
    }
    await this.repo.replaceRefs(m, id, refs);
  }

  /** The optional profile columns present in a create or update body, normalised. */
  private columns(dto: UpdateCustomerDto): Partial<CustomerEntity> {
    const v: Partial<CustomerEntity> = {};
    const set = <K extends keyof CustomerEntity>(k: K, value: CustomerEntity[K] | undefined) => {
      if (value !== undefined) v[k] = value;
    };
    set('partnerKind', dto.partnerKind);
    set('phone', dto.phone === undefined ? undefined : dto.phone === null ? null : normalizePhone(dto.phone));
    set('email', dto.email === undefined ? undefined : dto.email === null ? null : normalizeEmail(dto.email));
    set('organization', dto.organization);
    set('city', dto.city);
    set('birthday', dto.birthday);
    set('ageBand', dto.ageBand);
    set('occupation', dto.occupation);
    set('preferredSeasons', dto.preferredSeasons);
    set('decisionCycleDays', dto.decisionCycleDays);
    set('sensitivities', dto.sensitivities);
    set('motivations', dto.motivations);
    set('tags', dto.tags ? [...new Set(dto.tags)] : undefined);
    set('doNotContact', dto.doNotContact);
    set('consentSms', dto.consent?.sms);
    set('consentEmail', dto.consent?.email);
    set('consentWechat', dto.consent?.wechat);
    set('consentPhone', dto.consent?.phone);
    return v;
  }
}

function contactRows(contacts: ContactInputDto[]) {
  return contacts.map((c, position) => ({
    name: c.name,
    role: c.role ?? null,
    phone: c.phone ? normalizePhone(c.phone) : null,
    email: c.email ? normalizeEmail(c.email) : null,
    primary: c.primary ?? false,
    position,
  }));
}
