import { ComplaintEntity, ComplaintSlaClockEntity } from './complaint.entity';
import { ComplaintDto } from './dto/complaint.dto';
import { SLA_METRICS } from './sla-clock';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toComplaintDto(c: ComplaintEntity, clocks: ComplaintSlaClockEntity[]): ComplaintDto {
  const sla = [...clocks].sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric));
  return {
    id: c.id, source: c.source, externalId: c.externalId, customerId: c.customerId, bookingExternalId: c.bookingExternalId, channel: c.channel,
    category: c.category, severity: c.severity, description: c.description, receivedAt: c.receivedAt.toISOString(), ownerId: c.ownerId,
    priority: c.priority, tier: c.tier, status: c.status, nextDueAt: iso(c.nextDueAt),
    sla: sla.map((k) => ({ metric: k.metric, dueAt: iso(k.dueAt), warnAt: iso(k.warnAt), state: k.state, metAt: iso(k.metAt) })), slaPolicyVersion: c.slaPolicyVersion,
    attribution: c.attribution, compensations: c.compensations, correctiveAction: c.correctiveAction,
    compensationsDecidedBy: c.compensationsDecidedBy, compensationsDecidedAt: iso(c.compensationsDecidedAt),
    incidentReport: c.incidentReport as ComplaintDto['incidentReport'],
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}
