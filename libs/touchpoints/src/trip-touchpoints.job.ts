import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { TouchpointsService } from './touchpoints.service';

/** Hourly (see the job catalog), or on demand with an `asOf`: handbooks, follow-ups and birthdays, each once. */
@Injectable()
export class TripTouchpointsJob {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @JobHandler('trip-touchpoints')
  run(ctx: JobContext) {
    return this.touchpoints.run(ctx.asOf);
  }
}
