import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { SlaPolicyEntity } from './sla-policy.entity';

@Injectable()
export class SlaPolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get policies() {
    return this.dataSource.getRepository(SlaPolicyEntity);
  }

  current(): Promise<SlaPolicyEntity | null> {
    return this.policies.findOne({ where: {}, order: { version: 'DESC' } });
  }

  /** The newest version saved at or before `instant`. */
  inForceAt(instant: Date): Promise<SlaPolicyEntity | null> {
    return this.policies.findOne({ where: { createdAt: LessThanOrEqual(instant) }, order: { version: 'DESC' } });
  }

  byVersion(version: number): Promise<SlaPolicyEntity | null> {
    return this.policies.findOne({ where: { version } });
  }

  history(limit: number): Promise<SlaPolicyEntity[]> {
    return this.policies.find({ order: { version: 'DESC' }, take: limit });
  }

  save(m: EntityManager, values: Omit<SlaPolicyEntity, 'version' | 'createdAt'>): Promise<SlaPolicyEntity> {
    return m.getRepository(SlaPolicyEntity).save(m.getRepository(SlaPolicyEntity).create(values));
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
