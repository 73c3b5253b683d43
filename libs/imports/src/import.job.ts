import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { IMPORT_JOB, ImportApplyService } from './import-apply.service';

/** Applies an uploaded spreadsheet; the run id leads to the import, so the job data holds no personal data. */
@Injectable()
export class ImportJob {
  constructor(private readonly imports: ImportApplyService) {}

  @JobHandler(IMPORT_JOB)
  run(ctx: JobContext) {
    return this.imports.applyPending(ctx.runId, ctx.progress);
  }
}
