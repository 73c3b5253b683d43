import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NpsSurveyEntity } from './touchpoint.entity';

export interface NpsGroupRow {
  by: 'overall' | 'month' | 'manager' | 'destination';
  month: string | null;
  owner_id: string | null;
  owner_name: string | null;
  destination: string | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsAnswerRow {
  id: string;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  owner_name: string;
  destination: string | null;
  score: number;
  comment: string | null;
  answered_at: Date;
}

export interface LatestNpsScore {
  customerId: string;
  score: number;
  answeredAt: Date;
}

/** Every figure of the report in one pass: the counts per month, per manager, per destination and overall. */
const REPORT_SQL = `
SELECT g.*, u.name AS owner_name FROM (
  SELECT CASE WHEN GROUPING(x.month) = 0 THEN 'month' WHEN GROUPING(s.owner_id) = 0 THEN 'manager' WHEN GROUPING(s.destination) = 0 THEN 'destination' ELSE 'overall' END AS by,
    x.month, s.owner_id, s.destination,
    count(*) FILTER (WHERE s.score >= 9)::int AS promoters, count(*) FILTER (WHERE s.score BETWEEN 7 AND 8)::int AS passives,
    count(*) FILTER (WHERE s.score <= 6)::int AS detractors
  FROM nps_surveys s CROSS JOIN LATERAL (SELECT to_char(s.answered_at AT TIME ZONE $3, 'YYYY-MM') AS month) x
  WHERE s.answered_at >= $1 AND s.answered_at < $2 AND ($4::uuid IS NULL OR s.owner_id = $4)
  GROUP BY GROUPING SETS ((x.month), (s.owner_id), (s.destination), ())
) g LEFT JOIN users u ON u.id = g.owner_id`;

@Injectable()
export class NpsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(id: string): Promise<NpsSurveyEntity | null> {
    return this.dataSource.manager.findOne(NpsSurveyEntity, { where: { id } });
  }

  /** The answer, if none was given yet: two submissions at once make one answer. */
  async answer(m: EntityManager, id: string, score: number, comment: string | null, at: Date): Promise<boolean> {
    const [, n] = await m.query(`UPDATE nps_surveys SET score = $2, comment = $3, answered_at = $4 WHERE id = $1 AND answered_at IS NULL`, [id, score, comment, at]);
    return Number(n) === 1;
  }

  returnDate(bookingId: string): Promise<string | null> {
    return this.dataSource.query(`SELECT coalesce(return_date, departure_date)::text AS d FROM bookings WHERE id = $1`, [bookingId]).then((r) => r[0]?.d ?? null);
  }

  report(from: Date, to: Date, timeZone: string, ownerId: string | null): Promise<NpsGroupRow[]> {
    return this.dataSource.query(REPORT_SQL, [from, to, timeZone, ownerId]);
  }

  /** Answers, newest first, keyset-paged on (answered_at, id). */
  answers(ownerId: string | null, limit: number, after: unknown[] | null): Promise<NpsAnswerRow[]> {
    const params: unknown[] = [limit + 1];
    const where = ['s.answered_at IS NOT NULL'];
    if (ownerId) where.push(`s.owner_id = $${params.push(ownerId)}`);
    if (after) where.push(`(s.answered_at, s.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT s.id, s.customer_id, c.name AS customer_name, s.owner_id, u.name AS owner_name, s.destination, s.score, s.comment, s.answered_at
       FROM nps_surveys s JOIN customers c ON c.id = s.customer_id JOIN users u ON u.id = s.owner_id
       WHERE ${where.join(' AND ')} ORDER BY s.answered_at DESC, s.id DESC LIMIT $1`,
      params,
    );
  }

  /** Each customer's latest answer given by `asOf`; all customers' when `customerIds` is null. */
  async latestScores(customerIds: string[] | null, asOf: Date): Promise<LatestNpsScore[]> {
    const rows: { customer_id: string; score: number; answered_at: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (customer_id) customer_id, score, answered_at FROM nps_surveys
       WHERE answered_at <= $2 AND ($1::uuid[] IS NULL OR customer_id = ANY($1::uuid[]))
       ORDER BY customer_id, answered_at DESC`,
      [customerIds, asOf],
    );
    return rows.map((r) => ({ customerId: r.customer_id, score: r.score, answeredAt: r.answered_at }));
  }
}
