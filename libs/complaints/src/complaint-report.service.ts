import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, unprocessable } from '@crm/platform';
import { Principal } from '@crm/identity';
import { reportRangeProblems, reportScope, reportWindow } from './complaint-report';
import { toComplaintReport } from './complaint-report.mapper';
import { ComplaintReportRepository } from './complaint-report.repository';
import type { ComplaintReportDto, ComplaintReportQueryDto } from './dto/complaint-handling.dto';

/** The service-level report: how many targets were met, how fast, and what was given, over agency dates. */
@Injectable()
export class ComplaintReportService {
  constructor(
    private readonly repo: ComplaintReportRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Complaints received from `from` to `to` (agency dates, both included), as of `now`; compensations by resolution date. */
  async report(p: Principal, q: ComplaintReportQueryDto, now = new Date()): Promise<ComplaintReportDto> {
    const problems = reportRangeProblems(q.from, q.to);
    if (problems.length) throw unprocessable(problems);
    const tz = this.config.timeZone;
    const window = reportWindow(q.from, q.to, tz);
    const scope = reportScope(p);
    const [sla, compensation] = await Promise.all([this.repo.slaFigures(window.start, window.end, tz, now, scope), this.repo.compensationTotals(window, tz, scope)]);
    return toComplaintReport(sla, compensation, { from: q.from, to: q.to, timeZone: tz, scope: 'all' in scope ? 'all' : 'own' });
  }
}
