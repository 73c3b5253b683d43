import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { VisitComplianceService } from './visit-compliance.service';

/** Nightly (see the job catalog), or on demand with an `asOf`: one statement; each owner hears once per overdue episode. */
@Injectable()
export class VisitOverdueJob {
  constructor(private readonly compliance: VisitComplianceService) {}

  @JobHandler('visit-overdue')
  run(ctx: JobContext) {
    return this.compliance.overdueCheck(ctx.asOf);
  }
}
