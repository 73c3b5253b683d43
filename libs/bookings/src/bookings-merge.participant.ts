import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@crm/customers';
import { BookingsRepository } from './bookings.repository';

/** When two customers merge, their bookings (and so their value) go to the survivor. */
@Injectable()
export class BookingsMergeParticipant implements OnModuleInit {
  constructor(
    private readonly registry: CustomerMergeRegistry,
    private readonly repo: BookingsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(async (m, mergedId, survivorId) => {
      const bookings = await this.repo.moveToCustomer(m, mergedId, survivorId);
      await this.repo.refreshLifetimeValues(m, [mergedId, survivorId]);
      return { bookings };
    });
  }
}
