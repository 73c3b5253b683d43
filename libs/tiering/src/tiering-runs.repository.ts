import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobRunEntity } from '@crm/platform';

/** The last runs of the retier job, for the tiers page (their results carry the sales per tier and the Pareto curve). */
@Injectable()
export class TieringRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  recent(limit: number): Promise<JobRunEntity[]> {
    return this.dataSource.getRepository(JobRunEntity).find({ where: { name: 'retier' }, order: { createdAt: 'DESC' }, take: limit });
  }
}
