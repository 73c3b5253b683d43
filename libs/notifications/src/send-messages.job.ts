import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { OutgoingMessagesService } from './outgoing-messages.service';

/** Every minute (see the job catalog): pending e-mails through SMTP when SMTP_URL is set. */
@Injectable()
export class SendMessagesJob {
  constructor(private readonly messages: OutgoingMessagesService) {}

  @JobHandler('send-messages')
  run(ctx: JobContext) {
    return this.messages.dispatch(ctx.asOf);
  }
}
