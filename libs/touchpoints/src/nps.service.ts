import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, ProblemException, agencyDate, agencyInstant, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, seesAll } from '@crm/identity';
import { NpsCounts, nps } from './nps';
import { LatestNpsScore, NpsGroupRow, NpsRepository } from './nps.repository';
import { verifySurveyToken } from './survey-token';
import { NpsAnswerInDto, NpsAnswerListDto, NpsAnswerQueryDto, NpsReportDto, NpsReportQueryDto, NpsSurveyDto } from './dto/nps.dto';

/** A report covers at most three years of months. */
const MAX_MONTHS = 36;

@Injectable()
export class NpsService {
  constructor(
    private readonly repo: NpsRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** What the customer's survey page shows, from the signed link alone. */
  async survey(token: string, now = new Date()): Promise<NpsSurveyDto> {
    const s = await this.open(token, now);
    return {
      lang: s.lang, destination: s.destination, returnDate: s.bookingId ? await this.repo.returnDate(s.bookingId) : null,
      answered: s.answeredAt !== null, expiresAt: s.expiresAt.toISOString(),
    };
  }

  /** The customer's answer, once per survey; audited as a write without a staff actor. */
  async answer(token: string, dto: NpsAnswerInDto, now = new Date()): Promise<NpsSurveyDto> {
    const s = await this.open(token, now);
    const comment = dto.comment ? dto.comment : null;
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.answer(m, s.id, dto.score, comment, now))) throw new ProblemException(409, 'This survey has already been answered.');
      await this.audit.record(null, { action: 'nps.answer', entityType: 'nps_survey', entityId: s.id, details: { customerId: s.customerId, score: dto.score } }, m);
    });
    return this.survey(token, now);
  }

  /** NPS over a range of months: overall, per month (every month, empty ones too), per account manager, per destination. */
  async report(p: Principal, q: NpsReportQueryDto, now = new Date()): Promise<NpsReportDto> {
    const tz = this.config.timeZone;
    const to = q.to ?? agencyDate(now, tz).slice(0, 7);
    const from = q.from ?? addMonths(to, -(12 - 1));
    if (from > to) throw unprocessable([{ field: 'from', message: 'from must not be after to' }]);
    const months = monthsFrom(from, to);
    if (months.length > MAX_MONTHS) throw unprocessable([{ field: 'from', message: `a report covers at most ${MAX_MONTHS} months` }]);
    const rows = await this.repo.report(agencyInstant(`${from}-01`, tz), agencyInstant(`${addMonths(to, 1)}-01`, tz), tz, seesAll(p) ? null : p.id);
    const of = (by: NpsGroupRow['by']) => rows.filter((r) => r.by === by);
    const byMonth = new Map(of('month').map((r) => [r.month!, r]));
    const empty: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
    const best = <T extends { nps: number | null; responses: number }>(a: T, b: T) => (b.nps ?? -101) - (a.nps ?? -101) || b.responses - a.responses;
    return {
      from, to,
      overall: nps(counts(of('overall')[0] ?? empty)),
      byMonth: months.map((month) => ({ month, ...nps(counts(byMonth.get(month) ?? empty)) })),
      byManager: of('manager').map((r) => ({ managerId: r.owner_id!, managerName: r.owner_name ?? '', ...nps(counts(r)) })).sort(best),
      byDestination: of('destination').map((r) => ({ destination: r.destination, ...nps(counts(r)) })).sort(best),
    };
  }

  /** The answers with their comments, newest first; account managers see their own customers' only. */
  async answers(p: Principal, q: NpsAnswerQueryDto): Promise<NpsAnswerListDto> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.answers(seesAll(p) ? null : p.id, limit, q.cursor ? decodeCursor(q.cursor, 2) : null);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id, customerId: r.customer_id, customerName: r.customer_name, managerId: r.owner_id, managerName: r.owner_name, destination: r.destination,
        score: r.score, comment: r.comment, answeredAt: r.answered_at.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.answered_at.toISOString(), last.id]) : null,
    };
  }

  /** For the health score: each customer's latest answer by `asOf` (all customers' when `customerIds` is null). */
  latestScores(customerIds: string[] | null, asOf: Date): Promise<LatestNpsScore[]> {
    return this.repo.latestScores(customerIds, asOf);
  }

  private async open(token: string, now: Date) {
    const check = verifySurveyToken(token, this.config.surveySecret, now);
    if (!check.ok && check.reason === 'expired') throw new ProblemException(410, 'This survey link has expired.');
    if (!check.ok) throw new ProblemException(403, 'This survey link is not valid: it was changed or is incomplete.');
    const s = await this.repo.find(check.surveyId);
    if (!s) throw notFound('The survey');
    return s;
  }
}

const counts = (r: NpsCounts): NpsCounts => ({ promoters: r.promoters, passives: r.passives, detractors: r.detractors });

function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}
