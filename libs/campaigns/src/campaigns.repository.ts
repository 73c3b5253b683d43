import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import type { GroupCounts, GroupRevenue } from './campaign-figures';

export type CampaignValues = Pick<CampaignEntity, 'name' | 'discountPercent' | 'holdoutPercent' | 'channels' | 'quietStart' | 'quietEnd' | 'active'>;

/** Campaign settings: plain records. */
@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).find({ order: { active: 'DESC', createdAt: 'DESC' } });
  }

  listActive(): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).find({ where: { active: true }, order: { createdAt: 'ASC' } });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<CampaignEntity | null> {
    return m.findOneBy(CampaignEntity, { id });
  }

  async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM campaigns WHERE name = $1 AND id IS DISTINCT FROM $2 LIMIT 1`, [name, exceptId]);
    return rows.length > 0;
  }

  async insert(m: EntityManager, values: CampaignValues): Promise<string> {
    const result = await m.insert(CampaignEntity, values);
    return result.identifiers[0].id;
  }

  async update(m: EntityManager, id: string, values: Partial<CampaignValues>): Promise<void> {
    await m.update(CampaignEntity, { id }, values);
  }

  async hasRecipients(m: EntityManager, id: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM campaign_recipients WHERE campaign_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(CampaignEntity, { id });
  }

  /**
   * Per group: customers, messages delivered, customers with a sale booked within `days` of their message's due
   * time (the control group's would-be time), and that revenue per currency; only what was booked by `asOf`.
   */
  async results(id: string, asOf: Date, days: number): Promise<{ counts: GroupCounts[]; revenue: GroupRevenue[] }> {
    const rows: { kind: string; group: GroupCounts['group']; currency: string | null; customers: number; sent: number; converted: number; value: string | null }[] =
      await this.dataSource.query(
        `WITH picked AS (
           SELECT r."group", r.customer_id, r.due_at, coalesce(o.status = 'sent', false) AS sent
           FROM campaign_recipients r LEFT JOIN outgoing_messages o ON o.id = r.outgoing_message_id
           WHERE r.campaign_id = $1
         ), sales AS (
           SELECT p."group", p.customer_id, b.amount_currency, b.amount_value
           FROM picked p JOIN bookings b ON b.customer_id = p.customer_id
           WHERE b.status IN ('confirmed', 'completed') AND b.booked_at <= $2 AND b.booked_at >= p.due_at AND b.booked_at < p.due_at + make_interval(days => $3)
         ), converted AS (SELECT DISTINCT customer_id FROM sales)
         SELECT 'count' AS kind, p."group", NULL AS currency, count(*)::int AS customers, count(*) FILTER (WHERE p.sent)::int AS sent,
                count(v.customer_id)::int AS converted, NULL AS value
         FROM picked p LEFT JOIN converted v USING (customer_id) GROUP BY p."group"
         UNION ALL
         SELECT 'revenue', s."group", s.amount_currency, NULL, NULL, NULL, sum(s.amount_value)::text FROM sales s GROUP BY s."group", s.amount_currency`,
        [id, asOf, days],
      );
    return {
      counts: rows.filter((r) => r.kind === 'count').map(({ group, customers, sent, converted }) => ({ group, customers, sent, converted })),
      revenue: rows.filter((r) => r.kind === 'revenue').map((r) => ({ group: r.group, currency: r.currency!, value: Number(r.value) })),
    };
  }
}
