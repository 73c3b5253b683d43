import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Moves one domain's records (bookings, visits, complaints…) from a merged customer to its survivor. */
export type MergeParticipant = (m: EntityManager, mergedId: string, survivorId: string) => Promise<Record<string, number>>;

/**
 * Other domains register here what they keep per customer, so a merge moves everything in one transaction
 * without the customers domain importing theirs (it cannot: they depend on it).
 */
@Injectable()
export class CustomerMergeRegistry {
  private readonly participants: MergeParticipant[] = [];

  register(participant: MergeParticipant): void {
    this.participants.push(participant);
  }

  async moveAll(m: EntityManager, mergedId: string, survivorId: string): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const p of this.participants) Object.assign(moved, await p(m, mergedId, survivorId));
    return moved;
  }
}
