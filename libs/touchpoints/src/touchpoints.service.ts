import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONFIG, Config, agencyDate, decodeCursor, encodeCursor, notFound } from '@crm/platform';
import { AuditService, Principal, isUuid, seesAll } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { NotificationsService } from '@crm/notifications';
import {
  DueTouchpoint, FOLLOW_UP_LAST_DAY, HANDBOOK_DAYS_BEFORE, MessageKind, TaskKind, birthdayMonthDays, birthdayTouchpoints, isTaskKind, messageChannel,
  messageLanguage, sendTime, tripTouchpoints,
} from './touchpoint-rules';
import { composeMessage } from './touchpoint-templates';
import { signSurveyToken } from './survey-token';
import { CustomerFacts, NewTouchpoint, TaskRow, TouchpointsRepository } from './touchpoints.repository';
import { TouchpointTaskDoneDto, TouchpointTaskDto, TouchpointTaskListDto, TouchpointTaskQueryDto } from './dto/touchpoint.dto';

/** A survey link stays open for 30 days after the message goes out. */
export const SURVEY_VALID_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TouchpointRunResult {
  asOf: string;
  candidates: number;
  recorded: number;
  messages: number;
  surveys: number;
  tasks: number;
  byKind: Record<string, number>;
}

interface TripContext {
  bookingId: string | null;
  category: string | null;
  destination: string | null;
  departureDate: string | null;
  returnDate: string | null;
}

@Injectable()
export class TouchpointsService implements OnModuleInit {
  constructor(
    private readonly repo: TouchpointsRepository,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Each new task reaches its owner in the app, once. */
  onModuleInit(): void {
    this.notifications.notifyOn<{ customerId: string; customerName: string; ownerId: string; kind: string; dueOn: string }>('touchpoint.task', (p) => ({
      userId: p.ownerId, kind: 'touchpoint.task', params: { task: p.kind, customerName: p.customerName, dueOn: p.dueOn },
      entityType: 'customer', entityId: p.customerId,
    }));
  }

  /**
   * The `trip-touchpoints` job: the candidates come from two set-based queries narrowed to the windows, the pure
   * rules decide what is due, and one statement records what is new (the unique key turns away the rest).
   */
  async run(asOf: Date): Promise<TouchpointRunResult> {
    const tz = this.config.timeZone;
    const today = agencyDate(asOf, tz);
    const sendAt = sendTime(asOf, tz);
    const [trips, birthdays] = await Promise.all([this.repo.trips(asOf, today, HANDBOOK_DAYS_BEFORE, FOLLOW_UP_LAST_DAY), this.repo.birthdays(asOf, birthdayMonthDays(today))]);
    const rows: NewTouchpoint[] = [
      ...trips.flatMap((t) => {
        const trip: TripContext = { bookingId: t.booking_id, category: t.category, destination: t.destination, departureDate: t.departure_date, returnDate: t.return_date };
        const due = tripTouchpoints({ bookingId: t.booking_id, status: t.status, category: t.category, departureDate: t.departure_date, returnDate: t.return_date, tier: t.tier }, today);
        return due.flatMap((d) => this.compose(d, t, trip, sendAt));
      }),
      ...birthdays.flatMap((b) => {
        const none: TripContext = { bookingId: null, category: null, destination: null, departureDate: null, returnDate: null };
        return birthdayTouchpoints({ birthday: b.birthday, tier: b.tier }, today).flatMap((d) => this.compose(d, b, none, sendAt));
      }),
    ];
    const r = rows.length ? await this.repo.record(rows, asOf, sendAt) : { recorded: 0, messages: 0, surveys: 0, tasks: 0, by_kind: {} };
    return { asOf: asOf.toISOString(), candidates: rows.length, recorded: r.recorded, messages: r.messages, surveys: r.surveys, tasks: r.tasks, byKind: r.by_kind };
  }

  /** The row to record for one due touch-point; none for a message the customer has not consented to. */
  private compose(d: DueTouchpoint, c: CustomerFacts, trip: TripContext, sendAt: Date): NewTouchpoint[] {
    const base = {
      kind: d.kind, customerId: c.customer_id, bookingId: trip.bookingId, occasion: d.occasion, dueOn: d.dueOn, ownerId: c.owner_id,
      details: { destination: trip.destination, departureDate: trip.departureDate, returnDate: trip.returnDate },
    };
    const none = { channel: null, recipient: null, subject: null, body: null, surveyId: null, surveyExpiresAt: null, lang: null, destination: trip.destination };
    if (isTaskKind(d.kind)) return [{ ...base, task: true, ...none }];
    // do-not-contact customers are no candidates (the queries leave them out)
    const to = messageChannel({ doNotContact: false, consentEmail: c.consent_email, email: c.email, consentSms: c.consent_sms, phone: c.phone });
    if (!to) return [];
    const lang = messageLanguage(c);
    const survey = d.kind === 'nps_survey' ? { id: randomUUID(), expiresAt: new Date(sendAt.getTime() + SURVEY_VALID_DAYS * DAY_MS) } : null;
    const surveyUrl = survey ? `${this.config.publicUrl}/survey/${signSurveyToken(survey.id, survey.expiresAt, this.config.surveySecret)}` : undefined;
    const text = composeMessage(d.kind as MessageKind, lang, {
      customerName: c.name, destination: trip.destination, category: trip.category, departureDate: trip.departureDate, returnDate: trip.returnDate,
      ownerName: c.owner_name, ownerEmail: c.owner_email, surveyUrl,
    });
    return [{
      ...base, task: false, channel: to.channel, recipient: to.recipient, subject: text.subject, body: text.body,
      surveyId: survey?.id ?? null, surveyExpiresAt: survey?.expiresAt ?? null, lang, destination: trip.destination,
    }];
  }

  /** Account managers see their own tasks; admins and managers anyone's. */
  async tasks(p: Principal, q: TouchpointTaskQueryDto): Promise<TouchpointTaskListDto> {
    const limit = q.limit ?? 50;
    const ownerId = seesAll(p) ? (q.ownerId ?? null) : p.id;
    const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
    const rows = await this.repo.tasks({ ownerId, done: q.state === 'done' }, limit, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(taskDto), nextCursor: rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null };
  }

  async setTaskDone(p: Principal, id: string, dto: TouchpointTaskDoneDto, now = new Date()): Promise<TouchpointTaskDto> {
    const task = isUuid(id) ? await this.repo.findTask(id) : null;
    if (!task) throw notFound('The task');
    if (task.ownerId !== p.id) {
      await this.customers.visibleId(p, task.customerId).catch(() => {
        throw notFound('The task');
      });
    }
    if ((task.doneAt !== null) !== dto.done) {
      await this.repo.transaction(async (m) => {
        await this.repo.setDone(m, task.id, p.kind === 'user' ? p.id : null, dto.done ? now : null);
        await this.audit.record(p, { action: dto.done ? 'touchpoint_task.done' : 'touchpoint_task.reopen', entityType: 'touchpoint', entityId: task.id }, m);
      });
    }
    return taskDto((await this.repo.task(task.id))!);
  }
}

function taskDto(r: TaskRow): TouchpointTaskDto {
  return {
    id: r.id, kind: r.kind as TaskKind, customerId: r.customer_id, customerName: r.customer_name, ownerId: r.owner_id, ownerName: r.owner_name, dueOn: r.due_on,
    destination: r.details.destination ?? null, departureDate: r.details.departureDate ?? null, returnDate: r.details.returnDate ?? null,
    doneAt: r.done_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
  };
}
