import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { VisitPlansService } from './visit-plans.service';

/** Nightly (see the job catalog), or on demand with an `asOf`: the next 8 weeks of visits of every plan, idempotently. */
@Injectable()
export class VisitScheduleJob {
  constructor(private readonly plans: VisitPlansService) {}

  @JobHandler('visit-schedule')
  run(ctx: JobContext) {
    return this.plans.schedule(ctx.asOf, (percent) => ctx.progress(percent));
  }
}
