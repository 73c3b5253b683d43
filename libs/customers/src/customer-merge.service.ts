import { Injectable } from '@nestjs/common';
import { ProblemException, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, isUuid } from '@crm/identity';
import { canManage, ownerRestriction } from './customer-access';
import { CustomerIdentityRepository } from './customer-identity.repository';
import { CustomerMergeRegistry } from './customer-merge.registry';
import { CustomerMergeRepository } from './customer-merge.repository';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { DuplicatePairDto, MergeResultDto } from './dto/merge.dto';
import { identityLockKeys } from './identity-resolution';

/** Two customers that are one person become one: everything moves to the survivor, the other points at it. */
@Injectable()
export class CustomerMergeService {
  constructor(
    private readonly repo: CustomerMergeRepository,
    private readonly identity: CustomerIdentityRepository,
    private readonly customers: CustomersRepository,
    private readonly customersService: CustomersService,
    private readonly registry: CustomerMergeRegistry,
    private readonly audit: AuditService,
  ) {}

  async merge(p: Principal, survivorId: string, mergedId: string): Promise<MergeResultDto> {
    if (!canManage(p)) throw new ProblemException(403, 'Only admins and managers merge customers.');
    if (survivorId === mergedId) throw unprocessable([{ field: 'mergedId', message: 'a customer cannot be merged into itself' }]);
    if (!isUuid(mergedId)) throw unprocessable([{ field: 'mergedId', message: 'mergedId must be a customer id' }]);
    await this.customersService.get(p, survivorId);
    const moved = await this.customers.transaction(async (m) => {
      // The identities of both, locked like booking ingestion does, so no booking resolves to the merged one meanwhile.
      const people = await Promise.all([survivorId, mergedId].map(async (id) => ({ id, refs: await this.repo.refsOf(m, id) })));
      const rows = await this.repo.lockPair(m, [survivorId, mergedId]);
      const keys = identityLockKeys(
        people.flatMap(({ id, refs }) => {
          const row = rows.find((r) => r.id === id);
          return refs.map((r) => ({ source: r.source, externalId: r.external_id, phone: row?.phone ?? null, email: row?.email ?? null }));
        }),
      );
      await this.identity.lockKeys(m, keys);
      if (!rows.some((r) => r.id === mergedId)) throw notFound('The customer to merge');
      if (!rows.some((r) => r.id === survivorId)) throw notFound('The customer');
      const counts = { ...(await this.repo.merge(m, mergedId, survivorId)), ...(await this.registry.moveAll(m, mergedId, survivorId)) };
      await this.audit.recordMany(
        p,
        [
          { action: 'customer.merge', entityType: 'customer', entityId: survivorId, details: { mergedId, moved: counts } },
          { action: 'customer.merged_into', entityType: 'customer', entityId: mergedId, details: { survivorId } },
        ],
        m,
      );
      return counts;
    });
    return { survivor: await this.customersService.get(p, survivorId), mergedId, moved };
  }

  async duplicates(p: Principal, limit = 100): Promise<DuplicatePairDto[]> {
    if (p.kind !== 'user' || p.role === 'agent') throw new ProblemException(403, 'Only account managers, managers and admins review duplicates.');
    const pairs = await this.customers.transaction((m) => this.repo.duplicates(m, ownerRestriction(p), limit));
    const ids = [...new Set(pairs.flatMap((x) => [x.a, x.b]))];
    const byId = new Map((await this.customersService.getMany(p, ids)).map((c) => [c.id, c]));
    return pairs.filter((x) => byId.has(x.a) && byId.has(x.b)).map((x) => ({ reason: x.reason, a: byId.get(x.a)!, b: byId.get(x.b)! }));
  }
}
