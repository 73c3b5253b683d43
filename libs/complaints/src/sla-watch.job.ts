import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { ComplaintsService } from './complaints.service';

/** Every minute (see the job catalog), or on demand with an `asOf`: one set-based statement. */
@Injectable()
export class SlaWatchJob {
  constructor(private readonly complaints: ComplaintsService) {}

  @JobHandler('sla-watch')
  run(ctx: JobContext) {
    return this.complaints.watch(ctx.asOf);
  }
}
