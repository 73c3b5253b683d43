import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { isCalendarDate, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { VisitsRepository } from './visits.repository';
import { VisitCalendarFeedDto, VisitHolidayDto, VisitHolidayQueryDto } from './dto/visit.dto';

const FEED_PATH = '/api/v1/visits/calendar-feed/';
const FEED_PAST_DAYS = 30;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Holidays (a visit on one is a conflict) and each manager's private iCalendar feed of their visits. */
@Injectable()
export class VisitCalendarService {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly audit: AuditService,
  ) {}

  async holidays(q: VisitHolidayQueryDto): Promise<VisitHolidayDto[]> {
    if (q.to < q.from) throw unprocessable([{ field: 'to', message: 'to must not be before from' }]);
    return (await this.repo.holidays(q.from, q.to)).map((h) => ({ date: h.date, name: h.name }));
  }

  async setHoliday(p: Principal, date: string, name: string): Promise<VisitHolidayDto> {
    if (!isCalendarDate(date)) throw unprocessable([{ field: 'date', message: 'date must be a date YYYY-MM-DD' }]);
    await this.repo.transaction(async (m) => {
      await this.repo.setHoliday(m, date, name);
      await this.audit.record(p, { action: 'visit_holiday.set', entityType: 'visit_holiday', entityId: null, details: { date, name } }, m);
    });
    return { date, name };
  }

  async deleteHoliday(p: Principal, date: string): Promise<void> {
    await this.repo.transaction(async (m) => {
      if (!isCalendarDate(date) || !(await this.repo.deleteHoliday(m, date))) throw notFound('The holiday');
      await this.audit.record(p, { action: 'visit_holiday.delete', entityType: 'visit_holiday', entityId: null, details: { date } }, m);
    });
  }

  async feed(p: Principal): Promise<VisitCalendarFeedDto> {
    const feed = await this.repo.findFeed({ userId: p.id });
    return { exists: !!feed, url: null, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** A new secret URL; the previous one stops working. The token is shown this once (only its hash is kept). */
  async rotateFeed(p: Principal): Promise<VisitCalendarFeedDto> {
    const token = randomBytes(24).toString('base64url');
    await this.repo.transaction(async (m) => {
      await this.repo.setFeed(m, p.id, hash(token));
      await this.audit.record(p, { action: 'visit_calendar_feed.rotate', entityType: 'user', entityId: p.id }, m);
    });
    const feed = (await this.repo.findFeed({ userId: p.id }))!;
    return { exists: true, url: `${FEED_PATH}${token}.ics`, createdAt: feed.createdAt.toISOString() };
  }

  /** The feed's iCalendar text: the holder's visits from a month ago on, cancelled ones left out. */
  async ics(tokenInPath: string, now = new Date()): Promise<string> {
    const token = tokenInPath.replace(/\.ics$/, '');
    const feed = /^[\w-]{20,64}$/.test(token) ? await this.repo.findFeed({ tokenHash: hash(token) }) : null;
    if (!feed) throw notFound('The calendar feed');
    const visits = (await this.repo.feedVisits(feed.userId, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000))).filter((v) => v.status !== 'cancelled');
    const names = await this.repo.names([...new Set(visits.map((v) => v.customerId))], [feed.userId], visits.flatMap((v) => (v.contactId ? [v.contactId] : [])));
    const calendar = ical({ name: `拜访 Visits — ${names.users.get(feed.userId) ?? ''}`, prodId: { company: 'travel-crm', product: 'visits' }, ttl: 3600 });
    for (const v of visits) {
      const contact = v.contactId ? names.contacts.get(v.contactId) : null;
      calendar.createEvent({
        id: v.id, start: v.startsAt, end: v.endsAt, summary: `${names.customers.get(v.customerId)?.name ?? ''}${contact ? ` · ${contact}` : ''}`,
        location: v.place, description: `${v.kind}${v.status === 'planned' ? '' : ` (${v.status})`}`,
      });
    }
    return calendar.toString();
  }
}
