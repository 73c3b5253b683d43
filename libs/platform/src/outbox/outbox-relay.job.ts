import { Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator';
import { OutboxService } from './outbox.service';

/** Every minute: whatever events are pending get relayed to their handlers. */
@Injectable()
export class OutboxRelayJob {
  constructor(private readonly outbox: OutboxService) {}

  @JobHandler('outbox-relay')
  async run() {
    return { relayed: await this.outbox.relay() };
  }
}
