import { Injectable } from '@nestjs/common';
import { unprocessable } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { InteractionEntity } from './visit.entity';
import { VisitsRepository } from './visits.repository';
import { InteractionDto, InteractionInputDto, InteractionListDto } from './dto/visit.dto';

/** Calls, messages and emails with a customer, logged in one click: they count as contact for the tier's cadence. */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
  ) {}

  async create(p: Principal, customerId: string, dto: InteractionInputDto, now = new Date()): Promise<InteractionDto> {
    const id = await this.customers.visibleId(p, customerId);
    const at = dto.at ? new Date(dto.at) : now;
    if (at > now) throw unprocessable([{ field: 'at', message: 'at must not be in the future' }]);
    const interactionId = await this.repo.transaction(async (m) => {
      const newId = await this.repo.insertInteraction(m, { customerId: id, kind: dto.kind, note: dto.note ?? null, at, userId: p.kind === 'user' ? p.id : null });
      await this.audit.record(p, { action: 'interaction.create', entityType: 'customer', entityId: id, details: { interactionId: newId, kind: dto.kind } }, m);
      return newId;
    });
    return (await this.dtos([(await this.repo.findInteraction(interactionId))!]))[0];
  }

  async list(p: Principal, customerId: string): Promise<InteractionListDto> {
    const id = await this.customers.visibleId(p, customerId);
    return { items: await this.dtos(await this.repo.interactions(id, 200)) };
  }

  private async dtos(rows: InteractionEntity[]): Promise<InteractionDto[]> {
    const names = await this.repo.names([], [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))], []);
    return rows.map((r) => ({
      id: r.id, customerId: r.customerId, kind: r.kind, note: r.note, at: r.at.toISOString(), userId: r.userId, userName: r.userId ? (names.users.get(r.userId) ?? null) : null,
    }));
  }
}
