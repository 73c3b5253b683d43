import type { Category, Channel, ComplaintsService, EventType, Severity } from '@crm/complaints';
import type { Principal } from '@crm/identity';
import { addDays, agencyDate } from '@crm/platform';

const MINUTE = 60_000;

/**
 * Complaints in the states the complaint desk meets every day, written through the service as they would have
 * happened (each step at its own time, so the clocks are the real ones): a major one whose emergency-team clock
 * is running now, an ordinary one past its initial-solution target, one waiting on the customer, and one
 * resolved with compensation and closed, whose satisfaction follow-up is due.
 * `customerIds`: four customers, the most valuable first.
 */
export async function loadDemoComplaints(complaints: ComplaintsService, agent: Principal, manager: Principal, customerIds: string[], now: Date, timeZone: string): Promise<number> {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  const [flight, hotel, itinerary, guide] = customerIds;
  const intake = async (customerId: string, at: Date, fields: { channel: Channel; category: Category; severity: Severity; description: string }) =>
    (await complaints.create(agent, { customerId, receivedAt: at.toISOString(), ...fields }, at)).id;
  const step = (id: string, type: EventType, at: Date, note?: string) => complaints.addEvent(agent, id, { type, note }, at);

  if (flight) {
    const id = await intake(flight, ago(8), { channel: 'phone', category: 'transport', severity: 'major', description: '清迈返程航班取消，客户一家四口滞留机场，需要改签和当晚住宿' });
    await step(id, 'acknowledged', ago(6), '已联系客户，正在召集应急小组');
  }
  if (hotel) await intake(hotel, ago(5 * 60), { channel: 'chat', category: 'hotel', severity: 'ordinary', description: '三亚酒店房间有霉味，前台拒绝换房' });
  if (itinerary) {
    const received = ago(26 * 60);
    const id = await intake(itinerary, received, { channel: 'email', category: 'itinerary', severity: 'ordinary', description: '云南行程第三天景点与合同不符' });
    await step(id, 'acknowledged', ago(26 * 60 - 15));
    await step(id, 'solution_proposed', ago(25 * 60), '提出补游或按差价退款两种方案');
    await step(id, 'waiting_on_customer', ago(25 * 60 - 5), '等客户与家人商量后答复');
  }
  if (guide) {
    const received = ago(10 * 24 * 60);
    const at = (minutes: number) => new Date(received.getTime() + minutes * MINUTE);
    const id = await intake(guide, received, { channel: 'phone', category: 'guide', severity: 'ordinary', description: '日本团导游多次迟到，并临时取消了一个自费项目' });
    await step(id, 'acknowledged', at(10));
    await step(id, 'solution_proposed', at(80), '致歉，退还部分团费，赠送下次出游优惠');
    const resolvedAt = at(24 * 60);
    await complaints.resolve(
      agent,
      id,
      {
        attribution: 'service_failure',
        compensations: [{ kind: 'apology' }, { kind: 'refund', amount: 80_000 }, { kind: 'voucher', percent: 20, expiresOn: addDays(agencyDate(resolvedAt, timeZone), 365) }],
        correctiveAction: { action: '导游上岗前重新培训，迟到计入考核', ownerId: manager.id, dueOn: addDays(agencyDate(resolvedAt, timeZone), 14) },
        note: '客户接受方案',
      },
      resolvedAt,
    );
    await step(id, 'closed', at(26 * 60));
  }
  return customerIds.filter(Boolean).length;
}
