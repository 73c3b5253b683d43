import { Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator';
import { QueueService } from '../queue/queue.service';
import { OutboxService } from './outbox.service';

/** Every minute: whatever events are pending get relayed to their handlers, and runs stranded by a queue outage are sent. */
@Injectable()
export class OutboxRelayJob {
  constructor(
    private readonly outbox: OutboxService,
    private readonly queue: QueueService,
  ) {}

  @JobHandler('outbox-relay')
  async run() {
    return { relayed: await this.outbox.relay(), requeued: await this.queue.requeueStranded() };
  }
}
