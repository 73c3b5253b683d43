import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@crm/customers';
import { TouchpointsRepository } from './touchpoints.repository';

/**
 * When two customers merge, their touch-points and survey answers go to the survivor (NPS and the health score
 * read them by customer). A touch-point the survivor already had for the same occasion stays with the merged
 * record, so the survivor is not greeted twice for one birthday.
 */
@Injectable()
export class TouchpointsMergeParticipant implements OnModuleInit {
  constructor(
    private readonly registry: CustomerMergeRegistry,
    private readonly repo: TouchpointsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register((m, mergedId, survivorId) => this.repo.moveToCustomer(m, mergedId, survivorId));
  }
}
