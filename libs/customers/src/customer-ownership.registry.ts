import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface OwnershipChange {
  customerIds: string[];
  fromUserId: string;
  toUserId: string;
}

/** What another domain does when customers change owner (visit plans follow the new owner), in the change's transaction. */
export type OwnershipParticipant = (m: EntityManager, change: OwnershipChange) => Promise<void>;

/** Like the merge registry: the customers domain cannot import the domains that depend on it, so they register here. */
@Injectable()
export class CustomerOwnershipRegistry {
  private readonly participants: OwnershipParticipant[] = [];

  register(participant: OwnershipParticipant): void {
    this.participants.push(participant);
  }

  async changed(m: EntityManager, change: OwnershipChange): Promise<void> {
    if (!change.customerIds.length) return;
    for (const p of this.participants) await p(m, change);
  }
}
