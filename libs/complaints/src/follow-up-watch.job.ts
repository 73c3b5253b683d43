import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { ComplaintFollowUpsService } from './complaint-follow-ups.service';

/** Every five minutes (see the job catalog), or on demand with an `asOf`: one statement, each follow-up notified once. */
@Injectable()
export class FollowUpWatchJob {
  constructor(private readonly followUps: ComplaintFollowUpsService) {}

  @JobHandler('follow-up-watch')
  run(ctx: JobContext) {
    return this.followUps.watch(ctx.asOf);
  }
}
