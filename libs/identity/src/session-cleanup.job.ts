import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@crm/platform';
import { UsersService } from './users.service';

/** Hourly: expired sessions are deleted, one set-based statement. */
@Injectable()
export class SessionCleanupJob {
  constructor(private readonly users: UsersService) {}

  @JobHandler('session-cleanup')
  async run(ctx: JobContext) {
    return { deleted: await this.users.deleteExpiredSessions(ctx.asOf) };
  }
}
