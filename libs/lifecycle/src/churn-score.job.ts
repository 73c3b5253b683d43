import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { LifecycleService } from './lifecycle.service';

/** Nightly at 02:30 agency time, after re-tiering (see the job catalog), or on demand with an `asOf`. */
@Injectable()
export class ChurnScoreJob {
  constructor(private readonly lifecycle: LifecycleService) {}

  @JobHandler('churn-score')
  run(ctx: JobContext) {
    return this.lifecycle.churnScore(ctx.asOf, (percent) => ctx.progress(percent));
  }
}
