import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { TieringService } from './tiering.service';

/** Nightly at 02:00 agency time (see the job catalog), or on demand with an `asOf`. */
@Injectable()
export class RetierJob {
  constructor(private readonly tiering: TieringService) {}

  @JobHandler('retier')
  run(ctx: JobContext) {
    return this.tiering.retier(ctx.asOf, (percent) => ctx.progress(percent));
  }
}
