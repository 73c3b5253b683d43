import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, unprocessable } from '@crm/platform';
import { Principal } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { CustomerMessageRow, MessagesRepository } from './messages.repository';
import { CustomerMessageDto, CustomerMessageListDto, CustomerMessageQueryDto } from './dto/message.dto';

/** Messages to customers, for the staff: account managers see only their own customers' (another's customer is 404). */
@Injectable()
export class MessagesService {
  constructor(
    private readonly repo: MessagesRepository,
    private readonly customers: CustomersService,
  ) {}

  async list(p: Principal, q: CustomerMessageQueryDto): Promise<CustomerMessageListDto> {
    if (q.customerId) await this.customers.visibleId(p, q.customerId);
    const limit = q.limit ?? 50;
    const [beforeId] = q.cursor ? decodeCursor(q.cursor, 1) : [null];
    if (beforeId !== null && (typeof beforeId !== 'string' || !/^\d{1,19}$/.test(beforeId))) throw unprocessable([{ field: 'cursor', message: 'cursor is invalid' }]);
    const restrictToOwner = p.kind === 'user' && p.role === 'account_manager' ? p.id : null;
    const rows = await this.repo.list({ customerId: q.customerId, campaignId: q.campaignId, channel: q.channel, state: q.state, restrictToOwner }, limit, beforeId);
    const page = rows.slice(0, limit);
    return { items: page.map(toDto), nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null };
  }
}

function toDto(r: CustomerMessageRow): CustomerMessageDto {
  return {
    id: r.id, customerId: r.customerId, customerName: r.customerName, kind: r.kind, campaignId: r.campaignId, campaignName: r.campaignName,
    channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body, state: r.status,
    dueAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null, sentAt: r.sentAt?.toISOString() ?? null, lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
  };
}
