import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { ReactivationService } from './reactivation.service';

/** Daily (see the job catalog), or on demand with an `asOf`: sleeping customers get each active campaign's message once. */
@Injectable()
export class ReactivateSleepingJob {
  constructor(private readonly reactivation: ReactivationService) {}

  @JobHandler('reactivate-sleeping')
  run(ctx: JobContext) {
    return this.reactivation.run(ctx.asOf, (percent) => ctx.progress(percent));
  }
}
