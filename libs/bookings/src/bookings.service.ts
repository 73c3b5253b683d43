import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Page, ProblemException, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditActor, AuditService, Principal, isUuid } from '@crm/identity';
import { CustomerIdentityService, CustomersService, refKey } from '@crm/customers';
import { BookingEntity } from './booking.entity';
import { checkBookingItem, crossFieldErrors } from './booking-rules';
import { toBookingDto, toCustomerValue } from './booking.mapper';
import { BookingRow, BookingsRepository, UpsertOutcome } from './bookings.repository';
import { BookingBodyDto } from './dto/booking-input.dto';
import { BatchItemResultDto, BatchResultDto, BookingDetailDto, BookingDto, BookingListQueryDto } from './dto/booking.dto';
import { CustomerValueDto } from './dto/customer-value.dto';

export const MAX_BATCH = 1000;

/** A booking to write, already valid. */
interface Incoming {
  source: string;
  externalId: string;
  body: BookingBodyDto;
}

@Injectable()
export class BookingsService {
  constructor(
    private readonly repo: BookingsRepository,
    private readonly identity: CustomerIdentityService,
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
  ) {}

  /** PUT /bookings/{source}/{externalId}: create, update or leave alone. */
  async put(actor: Principal, source: string, externalId: string, body: BookingBodyDto): Promise<{ created: boolean; booking: BookingDto }> {
    const errors = crossFieldErrors(body);
    if (errors.length) throw unprocessable(errors);
    const [written] = await this.write(actor, [{ source, externalId, body }]);
    return { created: written.created, booking: toBookingDto(written.booking) };
  }

  /** Each item is checked on its own; the valid ones are written together, in order. Safe to retry whole. */
  async applyBatch(actor: Principal, items: unknown): Promise<BatchResultDto> {
    if (!Array.isArray(items)) throw unprocessable([{ field: 'items', message: 'items must be an array' }]);
    if (items.length > MAX_BATCH) throw unprocessable([{ field: 'items', message: `items must contain at most ${MAX_BATCH} bookings` }]);
    const results: BatchItemResultDto[] = [];
    const valid: { index: number; incoming: Incoming }[] = [];
    items.forEach((raw, index) => {
      const { item, errors } = checkBookingItem(raw);
      if (!item) results[index] = { index, status: 422, errors };
      else valid.push({ index, incoming: { source: item.source, externalId: item.externalId, body: item } });
    });
    const written = await this.write(actor, valid.map((v) => v.incoming));
    valid.forEach(({ index }, i) => {
      const { created, changed, booking } = written[i];
      results[index] = { index, status: created ? 201 : 200, id: booking.id, customerId: booking.customerId, changed };
    });
    return { results };
  }

  async get(p: Principal, id: string): Promise<BookingDetailDto> {
    const booking = isUuid(id) ? await this.repo.findById(id) : null;
    if (!booking || !(await this.canSeeCustomer(p, booking.customerId))) throw notFound('The booking');
    return this.detail(booking);
  }

  async getByKey(p: Principal, source: string, externalId: string): Promise<BookingDetailDto> {
    const booking = await this.repo.findByKey(source, externalId);
    if (!booking || !(await this.canSeeCustomer(p, booking.customerId))) throw notFound('The booking');
    return this.detail(booking);
  }

  /** The customer's booking with this number from any system: how staff name a booking. */
  async getOfCustomer(p: Principal, customerId: string, externalId: string): Promise<BookingDetailDto> {
    const customer = await this.customers.visibleId(p, customerId);
    const booking = await this.repo.findOfCustomer(customer, externalId);
    if (!booking) throw notFound('The booking');
    return this.detail(booking);
  }

  async list(p: Principal, q: BookingListQueryDto): Promise<Page<BookingDto>> {
    const limit = q.limit ?? 50;
    if (q.customerId) await this.customers.get(p, q.customerId);
    const rows = await this.repo.list(
      { ...q, restrictToOwner: p.kind === 'user' && p.role === 'account_manager' ? p.id : null },
      limit,
      q.cursor ? decodeCursor(q.cursor, 2) : null,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toBookingDto), nextCursor: rows.length > limit && last ? encodeCursor([last.bookedAt.toISOString(), last.id]) : null };
  }

  /** The customer's value figures, computed from its bookings as of `now`. */
  async customerValue(p: Principal, customerId: string, now = new Date()): Promise<CustomerValueDto> {
    const id = await this.customers.visibleId(p, customerId);
    return toCustomerValue(id, await this.repo.customerValue(id, now));
  }

  /**
   * One transaction: lock the bookings' keys and the people's identities (sorted, so concurrent batches
   * never deadlock), resolve the customers, then one statement writes the bookings with their status
   * history, the customers' value and the audit rows (see BookingsRepository.upsert).
   * Two parallel identical requests serialize on the locks: one creates, the other finds nothing to change.
   */
  private async write(actor: Principal, incoming: Incoming[]): Promise<UpsertOutcome[]> {
    if (!incoming.length) return [];
    return this.withDeadlockRetry(() =>
      this.repo.transaction(async (m) => {
        const bookingLocks = incoming.map((i) => `booking:${refKey(i.source, i.externalId)}`);
        const people = incoming.map((i) => ({ source: i.source, customer: { ...i.body.customer, type: i.body.customer.type ?? 'individual' } }));
        const { customerIds } = await this.identity.resolve(m, actor, people, bookingLocks);
        const rows = incoming.map((i, n) => toRow(i, customerIds[n]));
        return this.upsertLastMentions(m, rows, this.audit.actorOf(actor));
      }),
    );
  }

  /**
   * One statement cannot touch a row twice, and a retried batch must change nothing: when a batch names
   * the same booking more than once, its last mention is written (as if the items were sent in order) and
   * every mention reports that write; only the first reports a creation.
   */
  private async upsertLastMentions(m: EntityManager, rows: BookingRow[], by: AuditActor): Promise<UpsertOutcome[]> {
    const last = new Map<string, number>();
    rows.forEach((r, n) => last.set(refKey(r.source, r.externalId), n));
    const written = await this.repo.upsert(m, [...last.values()].map((n) => rows[n]), by);
    const byKey = new Map([...last.keys()].map((key, i) => [key, written[i]]));
    const reported = new Set<string>();
    return rows.map((r) => {
      const key = refKey(r.source, r.externalId);
      const outcome = byKey.get(key)!;
      const first = !reported.has(key);
      reported.add(key);
      return first ? outcome : { ...outcome, created: false, changed: false };
    });
  }

  /** A deadlock with a writer outside the lock protocol (e.g. a staff edit) is retried, not reported. */
  private async withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw e;
      }
    }
  }

  private async detail(booking: BookingEntity): Promise<BookingDetailDto> {
    const history = await this.repo.statusHistory([booking.id]);
    return { ...toBookingDto(booking), statusHistory: history.map((h) => ({ from: h.fromStatus, to: h.toStatus, at: h.at.toISOString() })) };
  }

  private async canSeeCustomer(p: Principal, customerId: string): Promise<boolean> {
    try {
      await this.customers.get(p, customerId);
      return true;
    } catch (e) {
      if (e instanceof ProblemException && e.getStatus() === 404) return false;
      throw e;
    }
  }
}

function toRow(i: Incoming, customerId: string): BookingRow {
  const b = i.body;
  return {
    source: i.source,
    externalId: i.externalId,
    customerId,
    status: b.status,
    bookedAt: b.bookedAt,
    departureDate: b.departureDate ?? null,
    returnDate: b.returnDate ?? null,
    destination: b.destination ?? null,
    product: b.product ?? null,
    category: b.category ?? null,
    travellers: b.travellers ?? 1,
    amountValue: b.amount.value,
    amountCurrency: b.amount.currency,
    paymentDueAt: b.paymentDueAt ?? null,
    paidAt: b.paidAt ?? null,
  };
}
